//! Suggestions that flow down the method's chain: each step's values suggest a value of the
//! next one. The user decides: a suggestion is shown beside the user's value with a one-line
//! reason and the items it came from, and the user accepts it or keeps their own value with a
//! reason ([`crate::model::Override`]). Nothing here changes the project.
//!
//! The rules, in the words the README uses:
//! - **Option position** (leading / parity / weaker): per competitor kind, our position in the
//!   weakest of the option's arenas that are rated (its topic, usage format and user benefit;
//!   a lead must hold in each), against the strongest competitor of that kind; the suggestion
//!   is the weaker of the two kinds' positions (a lead needs to hold against both).
//! - **Option relevance**: the mean of the market's and the topic's social media affinity and
//!   the strength of the option's user benefit, rounded to half a point.
//! - **Option priority**: the mean of the option's relevance, the relevance of the corporate
//!   benefits it realises and the strength of the potentials those benefits build on; high
//!   from [`PRIORITY_HIGH`], medium from [`PRIORITY_MEDIUM`], low below.
//! - **Alternative competitive quality**: per bundled option, its position in points (leading
//!   8, parity 5, weaker 2), averaged with its usage format's competitive quality where that is
//!   rated; weighted by the option's priority in the bundle (high 3, medium 2, low 1); then the
//!   rubric: durability months −1, a year or two 0, lasting +1; temporary −0.5, structural
//!   +0.5. Rounded to half a point, within 0–10.
//! - **Alternative contribution to goals**: from the goal links ([`super::goals`]).
//! - **Alternative risk**: 1, plus per assumption it relies on (directly or through an option)
//!   its weight by status (holds 0.5, not reviewed 1, at risk 2, broken 3.5; a fired trigger
//!   counts), times 1 + 0.25 for each further bundled option that relies on it; plus 0.5 per
//!   usage format of its options with named risks. Rounded to half a point, within 0–10.

use super::assumptions::effective_status;
use super::competition::{Position, SmallKeyMap, Standings, compare};
use crate::format::trim_number;
use crate::model::judgement::reason_for;
use crate::model::{
    ActionOption, AdvantageNature, Alternative, AlternativeId, Arena, AssumptionStatus, Choice,
    CompetitiveAssessment, CompetitorKind, Date, Durability, ItemRef, OptionId, Priority, Project,
    Score, Suggested,
};
use std::cell::OnceCell;

/// A suggested value, why, and the items it came from.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion<T> {
    /// The value suggested.
    pub value: T,
    /// Why, in one line.
    pub reason: String,
    /// The items it was computed from.
    pub inputs: Vec<ItemRef>,
}

/// A score within this many points of its suggestion follows it.
pub const SCORE_TOLERANCE: f64 = 0.5;
/// The score from which an option's suggested priority is high.
pub const PRIORITY_HIGH: f64 = 7.0;
/// The score from which an option's suggested priority is medium (low below).
pub const PRIORITY_MEDIUM: f64 = 4.5;

/// A value rounded to the nearest half point, within 0–10.
pub fn round_half(value: f64) -> f64 {
    ((value * 2.0).round() / 2.0).clamp(Score::MIN, Score::MAX)
}

/// How the user's value stands to its suggestion.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Agreement {
    /// The user's value is not assessed yet.
    NotAssessed,
    /// The value is the suggestion (a score within [`SCORE_TOLERANCE`]).
    Follows,
    /// The value differs and the user kept it, for this reason.
    Kept(String),
    /// The value differs and no reason is given.
    Differs,
}

impl Agreement {
    /// The agreement of an assessed value that equals the suggestion or not, with the reason
    /// kept for it.
    fn of(same: bool, reason: Option<&str>) -> Self {
        match (same, reason) {
            (true, _) => Self::Follows,
            (false, Some(r)) => Self::Kept(r.to_owned()),
            (false, None) => Self::Differs,
        }
    }

    /// A score's agreement with its suggestion.
    pub fn of_score(value: Score, suggested: f64, reason: Option<&str>) -> Self {
        match value.get() {
            None => Self::NotAssessed,
            Some(v) => Self::of((v - suggested).abs() <= SCORE_TOLERANCE + 1e-9, reason),
        }
    }
}

/// An option's suggested position, with where we stand against each kind of competitor.
#[derive(Clone, Debug, PartialEq)]
pub struct PositionSuggestion {
    /// Against the strongest performance competitor, in the option's weakest rated arena.
    pub performance: Option<Position>,
    /// Against the strongest attention competitor, in the option's weakest rated arena.
    pub attention: Option<Position>,
    /// The assessment suggested: the weaker of the two.
    pub suggestion: Suggestion<CompetitiveAssessment>,
}

/// The assessment a position stands for.
pub fn assessment_of(position: Position) -> CompetitiveAssessment {
    match position {
        Position::Ahead => CompetitiveAssessment::Leading,
        Position::Level => CompetitiveAssessment::Parity,
        Position::Behind => CompetitiveAssessment::Weaker,
    }
}

fn position_word(position: Position) -> &'static str {
    match position {
        Position::Ahead => "ahead",
        Position::Level => "level",
        Position::Behind => "behind",
    }
}

/// The arenas an option competes in: its topic, usage format and user benefit.
pub fn option_arenas(option: &ActionOption) -> Vec<Arena> {
    [
        option.topic.map(Arena::Topic),
        option.usage_format.map(Arena::UsageFormat),
        option.user_benefit.map(Arena::UserBenefit),
    ]
    .into_iter()
    .flatten()
    .collect()
}

/// The option's suggested position from the competition matrix, or `None` when none of its
/// arenas is rated for us and a competitor.
pub fn option_position(
    project: &Project,
    standings: &Standings,
    option: &ActionOption,
) -> Option<PositionSuggestion> {
    position_with(project, standings, option, Explain::Yes)
}

/// Whether to build a suggestion's reason and inputs: [`all`] computes every value without
/// them (the findings explain the few values that differ), the panes explain the item shown.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Explain {
    Yes,
    No,
}

fn position_with(
    project: &Project,
    standings: &Standings,
    option: &ActionOption,
    explain: Explain,
) -> Option<PositionSuggestion> {
    let arenas = [
        option.topic.map(Arena::Topic),
        option.usage_format.map(Arena::UsageFormat),
        option.user_benefit.map(Arena::UserBenefit),
    ];
    // Per kind: the weakest arena (position, arena, ours, theirs).
    let weakest = |kind: CompetitorKind| {
        arenas
            .iter()
            .flatten()
            .filter_map(|arena| {
                let (ours, best) = standings.strengths(*arena, kind)?;
                Some((compare(ours, best), *arena, ours, best))
            })
            .min_by(|a, b| rank(a.0).cmp(&rank(b.0)).then(a.2.total_cmp(&b.2)))
    };
    let performance = weakest(CompetitorKind::Performance);
    let attention = weakest(CompetitorKind::Attention);
    let worst = [performance, attention]
        .into_iter()
        .flatten()
        .map(|w| w.0)
        .min_by_key(|p| rank(*p))?;
    let part = |kind: &str, w: Option<(Position, Arena, f64, f64)>| match w {
        Some((position, arena, ours, best)) => format!(
            "{kind}: {} (weakest: {} {} vs {})",
            position_word(position),
            project.arena_name(arena),
            trim_number(ours),
            trim_number(best)
        ),
        None => format!("{kind}: not rated"),
    };
    let (reason, inputs) = if explain == Explain::Yes {
        (
            format!(
                "{}; {}",
                part("performance competitors", performance),
                part("attention competitors", attention)
            ),
            arenas.iter().flatten().map(|a| arena_item(*a)).collect(),
        )
    } else {
        (String::new(), Vec::new())
    };
    Some(PositionSuggestion {
        performance: performance.map(|w| w.0),
        attention: attention.map(|w| w.0),
        suggestion: Suggestion {
            value: assessment_of(worst),
            reason,
            inputs,
        },
    })
}

/// Behind < level < ahead.
fn rank(position: Position) -> u8 {
    match position {
        Position::Behind => 0,
        Position::Level => 1,
        Position::Ahead => 2,
    }
}

fn arena_item(arena: Arena) -> ItemRef {
    match arena {
        Arena::Topic(id) => ItemRef::Topic(id),
        Arena::UsageFormat(id) => ItemRef::UsageFormat(id),
        Arena::UserBenefit(id) => ItemRef::UserBenefit(id),
    }
}

/// A running mean, without a list (the suggestions run for every option of a project).
#[derive(Default)]
struct Mean {
    sum: f64,
    n: u32,
}

impl Mean {
    fn push(&mut self, value: f64) {
        self.sum += value;
        self.n += 1;
    }

    fn value(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / f64::from(self.n))
    }
}

/// The values a suggestion averages, with their words when it is explained ("topic affinity
/// 8").
struct Terms {
    mean: Mean,
    words: Vec<String>,
    explain: bool,
}

impl Terms {
    fn new(explain: bool) -> Self {
        Self {
            mean: Mean::default(),
            words: Vec::new(),
            explain,
        }
    }

    fn add(&mut self, what: &str, value: f64) {
        self.mean.push(value);
        if self.explain {
            self.words.push(format!("{what} {}", trim_number(value)));
        }
    }
}

/// The option's suggested social media relevance: the mean of the market's and its topic's
/// affinity and its user benefit's strength (those assessed), or `None` without any.
pub fn option_relevance(project: &Project, option: &ActionOption) -> Option<Suggestion<f64>> {
    relevance_with(project, option, Explain::Yes)
}

fn relevance_with(
    project: &Project,
    option: &ActionOption,
    explain: Explain,
) -> Option<Suggestion<f64>> {
    let explain = explain == Explain::Yes;
    let mut terms = Terms::new(explain);
    let mut inputs = Vec::new();
    if let Some(v) = project.foundation.market_affinity.get() {
        terms.add("market affinity", v);
    }
    if let Some(topic) = option.topic.and_then(|t| project.foundation.topic(t))
        && let Some(v) = topic.affinity.get()
    {
        terms.add("topic affinity", v);
        if explain {
            inputs.push(ItemRef::Topic(topic.id));
        }
    }
    if let Some(benefit) = option
        .user_benefit
        .and_then(|u| project.potential.user_benefit(u))
        && let Some(v) = benefit.strength.get()
    {
        terms.add("user benefit strength", v);
        if explain {
            inputs.push(ItemRef::UserBenefit(benefit.id));
        }
    }
    let value = round_half(terms.mean.value()?);
    Some(Suggestion {
        value,
        reason: if explain {
            format!("mean of {}", terms.words.join(", "))
        } else {
            String::new()
        },
        inputs,
    })
}

/// The option's suggested priority: the mean of its relevance (its own, or the suggested one
/// while it is not assessed), the relevance of the corporate benefits it realises and the
/// strength of the potentials they build on (the potential of the benefit's module and change
/// type), banded at [`PRIORITY_HIGH`] and [`PRIORITY_MEDIUM`]. `None` without any of these.
pub fn option_priority(project: &Project, option: &ActionOption) -> Option<Suggestion<Priority>> {
    priority_with(project, option, Explain::Yes)
}

fn priority_with(
    project: &Project,
    option: &ActionOption,
    explain_as: Explain,
) -> Option<Suggestion<Priority>> {
    let explain = explain_as == Explain::Yes;
    let mut terms = Terms::new(explain);
    let mut inputs = Vec::new();
    let relevance = option
        .relevance
        .get()
        .or_else(|| relevance_with(project, option, Explain::No).map(|s| s.value));
    if let Some(v) = relevance {
        terms.add("relevance", v);
    }
    // Sums and counts rather than lists: this runs for every option of the project.
    let (mut relevances, mut strengths) = (Mean::default(), Mean::default());
    for benefit in option.benefits.iter().filter_map(|b| project.benefit(*b)) {
        if let Some(v) = benefit.relevance.get() {
            relevances.push(v);
        }
        if explain {
            inputs.push(ItemRef::Benefit(benefit.id));
        }
        for m in project.potential.module_potentials.iter().filter(|m| {
            m.module == Some(benefit.module) && m.potential_type == benefit.change_potential
        }) {
            if let Some(v) = m.strength.get() {
                strengths.push(v);
            }
            if explain {
                inputs.push(ItemRef::Potential(m.id));
            }
        }
    }
    if let Some(v) = relevances.value() {
        terms.add("benefit relevance", v);
    }
    if let Some(v) = strengths.value() {
        terms.add("potential strength", v);
    }
    // Benefits first, then potentials, each once.
    inputs.sort_by_key(|i| matches!(i, ItemRef::Potential(_)));
    let mut seen = Vec::new();
    inputs.retain(|i| {
        let new = !seen.contains(i);
        seen.push(*i);
        new
    });
    let score = terms.mean.value()?;
    let value = if score >= PRIORITY_HIGH {
        Priority::High
    } else if score >= PRIORITY_MEDIUM {
        Priority::Medium
    } else {
        Priority::Low
    };
    Some(Suggestion {
        value,
        reason: if explain {
            format!(
                "{} from {}",
                trim_number(round_half(score)),
                terms.words.join(", ")
            )
        } else {
            String::new()
        },
        inputs,
    })
}

/// Points for a position in an alternative's competitive quality.
fn position_points(assessment: CompetitiveAssessment) -> Option<f64> {
    match assessment {
        CompetitiveAssessment::Leading => Some(8.0),
        CompetitiveAssessment::Parity => Some(5.0),
        CompetitiveAssessment::Weaker => Some(2.0),
        CompetitiveAssessment::NotAssessed => None,
    }
}

/// The weight of an option in its bundle.
fn bundle_weight(priority: Priority) -> f64 {
    match priority {
        Priority::High => 3.0,
        Priority::Medium => 2.0,
        Priority::Low => 1.0,
    }
}

/// The alternative's suggested competitive quality from its options' assessed positions, their
/// usage formats' competitive quality and the rubric; `None` while no bundled option is
/// assessed.
pub fn alternative_quality(
    project: &Project,
    alternative: &Alternative,
) -> Option<Suggestion<f64>> {
    quality_with(project, &|id| project.option(id), alternative, Explain::Yes)
}

/// Finds an option by id ([`all`] uses an index; one alternative searches the list).
type OptionLookup<'a, 'p> = &'a dyn Fn(OptionId) -> Option<&'p ActionOption>;

fn quality_with<'p>(
    project: &'p Project,
    option_of: OptionLookup<'_, 'p>,
    alternative: &Alternative,
    explain: Explain,
) -> Option<Suggestion<f64>> {
    let mut sum = 0.0;
    let mut weights = 0.0;
    let mut counts = [0_usize; 3];
    let mut inputs = Vec::new();
    for bundled in &alternative.options {
        let Some(option) = option_of(bundled.option) else {
            continue;
        };
        let Some(points) = position_points(option.assessment) else {
            continue;
        };
        counts[match option.assessment {
            CompetitiveAssessment::Leading => 0,
            CompetitiveAssessment::Parity => 1,
            _ => 2,
        }] += 1;
        let format_quality = option
            .usage_format
            .and_then(|u| project.potential.usage_format(u))
            .and_then(|u| u.competitive_quality.get());
        let value = format_quality.map_or(points, |q| (points + q) / 2.0);
        let weight = bundle_weight(bundled.priority);
        sum += value * weight;
        weights += weight;
        inputs.push(ItemRef::Option(option.id));
        if let Some(u) = option.usage_format {
            inputs.push(ItemRef::UsageFormat(u));
        }
    }
    if weights == 0.0 {
        return None;
    }
    let base = sum / weights;
    let durability = match alternative.rubric.durability {
        Durability::Months => -1.0,
        Durability::Lasting => 1.0,
        Durability::Years | Durability::NotAnswered => 0.0,
    };
    let nature = match alternative.rubric.nature {
        AdvantageNature::Temporary => -0.5,
        AdvantageNature::Structural => 0.5,
        AdvantageNature::NotAnswered => 0.0,
    };
    let value = round_half(base + durability + nature);
    if explain == Explain::No {
        return Some(Suggestion {
            value,
            reason: String::new(),
            inputs: Vec::new(),
        });
    }
    let mut reason = format!(
        "its options give {} ({} leading, {} parity, {} weaker, with their usage formats' quality)",
        trim_number(round_half(base)),
        counts[0],
        counts[1],
        counts[2]
    );
    for (answer, adjustment) in [
        (alternative.rubric.durability.label(), durability),
        (alternative.rubric.nature.label(), nature),
    ] {
        if adjustment != 0.0 {
            reason.push_str(&format!("; {} {adjustment:+}", answer.to_lowercase()));
        }
    }
    if alternative.rubric.is_unanswered() {
        reason.push_str("; rubric not answered");
    }
    inputs.dedup();
    Some(Suggestion {
        value,
        reason,
        inputs,
    })
}

/// The weight of an assumption's status in an alternative's risk.
fn status_weight(status: AssumptionStatus) -> f64 {
    match status {
        AssumptionStatus::Holds => 0.5,
        AssumptionStatus::NotReviewed => 1.0,
        AssumptionStatus::AtRisk => 2.0,
        AssumptionStatus::Broken => 3.5,
    }
}

/// The alternative's suggested risk from the assumptions it relies on (their status on `today`,
/// triggers included, and how many of its options depend on them) and its usage formats' named
/// risks; `None` when it has neither options nor assumptions (with options and nothing else it
/// is the base of 1).
pub fn alternative_risk(
    project: &Project,
    alternative: &Alternative,
    today: Date,
) -> Option<Suggestion<f64>> {
    let statuses: Vec<AssumptionStatus> = project
        .management
        .assumptions
        .iter()
        .map(|a| effective_status(project, a, today).0)
        .collect();
    risk_with(
        project,
        &|id| project.option(id),
        alternative,
        &statuses,
        Explain::Yes,
    )
}

/// [`alternative_risk`] with each assumption's status on the day computed once (in project
/// order), for many alternatives.
fn risk_with<'p>(
    project: &'p Project,
    option_of: OptionLookup<'_, 'p>,
    alternative: &Alternative,
    statuses: &[AssumptionStatus],
    explain: Explain,
) -> Option<Suggestion<f64>> {
    let explain = explain == Explain::Yes;
    let mut total = 1.0;
    let mut inputs = Vec::new();
    let mut notes = Vec::new();
    let mut counted = 0;
    for (assumption, status) in project.management.assumptions.iter().zip(statuses) {
        let status = *status;
        let relying = assumption
            .options
            .iter()
            .filter(|o| alternative.bundles(**o))
            .count();
        let direct = assumption.alternatives.contains(&alternative.id);
        if !direct && relying == 0 {
            continue;
        }
        #[allow(clippy::cast_precision_loss)]
        let reach = 1.0 + 0.25 * relying.saturating_sub(1) as f64;
        let add = status_weight(status) * reach;
        total += add;
        counted += 1;
        if !explain {
            continue;
        }
        inputs.push(ItemRef::Assumption(assumption.id));
        if status.is_trouble() {
            notes.push(format!(
                "{} “{}” +{}",
                status.label().to_lowercase(),
                assumption.text,
                trim_number(add)
            ));
        }
    }
    let mut formats: Vec<_> = alternative
        .options
        .iter()
        .filter_map(|b| option_of(b.option))
        .filter_map(|o| o.usage_format)
        .collect();
    formats.sort_unstable();
    formats.dedup();
    let risky: Vec<_> = formats
        .iter()
        .filter(|u| {
            project
                .potential
                .usage_format(**u)
                .is_some_and(|f| !f.risks.trim().is_empty())
        })
        .collect();
    #[allow(clippy::cast_precision_loss)]
    let format_part = 0.5 * risky.len() as f64;
    total += format_part;
    inputs.extend(risky.iter().map(|u| ItemRef::UsageFormat(**u)));
    if counted == 0 && alternative.options.is_empty() {
        return None;
    }
    let mut reason = format!(
        "{counted} assumptions relied on, {} usage formats with named risks (+{})",
        risky.len(),
        trim_number(format_part)
    );
    if !notes.is_empty() {
        reason.push_str(&format!("; {}", notes.join("; ")));
    }
    Some(Suggestion {
        value: round_half(total),
        reason,
        inputs,
    })
}

/// The suggestions for one option.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionSuggestions {
    /// The option.
    pub id: OptionId,
    /// Its position from the competition matrix.
    pub position: Option<PositionSuggestion>,
    /// Its social media relevance.
    pub relevance: Option<Suggestion<f64>>,
    /// Its priority.
    pub priority: Option<Suggestion<Priority>>,
}

/// The suggestions for one alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct AlternativeSuggestions {
    /// The alternative.
    pub id: AlternativeId,
    /// Its competitive quality.
    pub quality: Option<Suggestion<f64>>,
    /// Its risk.
    pub risk: Option<Suggestion<f64>>,
    /// Its contribution to the goals, from the goal links ([`super::goals`]).
    pub goals: Option<Suggestion<f64>>,
}

/// Every suggestion of a project.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Suggestions {
    /// The day they were computed for (assumption triggers depend on it).
    pub today: Option<Date>,
    /// Per option, in project order.
    pub options: Vec<OptionSuggestions>,
    /// Per alternative, in project order.
    pub alternatives: Vec<AlternativeSuggestions>,
}

/// A value that differs from its suggestion with no reason kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Disagreement {
    /// The item.
    pub item: ItemRef,
    /// Its name.
    pub name: String,
    /// Which value.
    pub of: Suggested,
    /// The user's value, as text.
    pub yours: String,
    /// The suggestion, as text.
    pub suggested: String,
    /// Why the suggestion is what it is.
    pub why: String,
}

impl Suggestions {
    /// The suggestions for an option.
    pub fn option(&self, id: OptionId) -> Option<&OptionSuggestions> {
        self.options.iter().find(|o| o.id == id)
    }

    /// The suggestions for an alternative.
    pub fn alternative(&self, id: AlternativeId) -> Option<&AlternativeSuggestions> {
        self.alternatives.iter().find(|a| a.id == id)
    }

    /// Every assessed value that differs from its suggestion without a reason kept, in project
    /// order (options first), each explained.
    pub fn disagreements(&self, project: &Project) -> Vec<Disagreement> {
        let explainer = Explainer::new(project, self.today.unwrap_or_else(Date::today));
        self.differing(project)
            .into_iter()
            .filter_map(|(item, of)| explainer.disagreement(item, of))
            .collect()
    }

    /// Which assessed values differ from their suggestions without a reason kept, in project
    /// order (options first): the item and the value, not yet explained. Cheap enough to run
    /// on every edit of a large project; [`Explainer`] explains the ones shown.
    pub fn differing(&self, project: &Project) -> Vec<(ItemRef, Suggested)> {
        let mut out = Vec::new();
        for (o, s) in project.options.iter().zip(&self.options) {
            let item = ItemRef::Option(o.id);
            if let Some(p) = &s.position
                && o.assessment != CompetitiveAssessment::NotAssessed
                && o.assessment != p.suggestion.value
                && reason_for(&o.overrides, Suggested::Position).is_none()
            {
                out.push((item, Suggested::Position));
            }
            if let Some(r) = &s.relevance
                && differs(o.relevance, r.value, &o.overrides, Suggested::Relevance)
            {
                out.push((item, Suggested::Relevance));
            }
            // The priority rests on the relevance: while that is not assessed, the priority
            // (which always has a value) is not yet a judgement to compare.
            if let Some(p) = &s.priority
                && o.relevance.is_assessed()
                && o.priority != p.value
                && reason_for(&o.overrides, Suggested::Priority).is_none()
            {
                out.push((item, Suggested::Priority));
            }
        }
        for (a, s) in project.alternatives.iter().zip(&self.alternatives) {
            for (of, value, suggestion) in [
                (
                    Suggested::CompetitiveQuality,
                    a.competitive_quality,
                    &s.quality,
                ),
                (Suggested::Risk, a.risk, &s.risk),
                (Suggested::GoalContribution, a.goal_contribution, &s.goals),
            ] {
                if let Some(suggestion) = suggestion
                    && differs(value, suggestion.value, &a.overrides, of)
                {
                    out.push((ItemRef::Alternative(a.id), of));
                }
            }
        }
        out
    }
}

/// Explains values against their suggestions one at a time, for the findings shown: what the
/// explanations share (the competition standings, an index of the options, the assumptions'
/// statuses, the goal matrix) is built once, when first needed.
pub struct Explainer<'p> {
    project: &'p Project,
    today: Date,
    standings: OnceCell<Standings>,
    matrix: OnceCell<super::goals::GoalMatrix>,
    options: OnceCell<SmallKeyMap<OptionId, &'p ActionOption>>,
    statuses: OnceCell<Vec<AssumptionStatus>>,
}

impl<'p> Explainer<'p> {
    /// An explainer for `project` on `today` (assumption triggers depend on the date).
    pub fn new(project: &'p Project, today: Date) -> Self {
        Self {
            project,
            today,
            standings: OnceCell::new(),
            matrix: OnceCell::new(),
            options: OnceCell::new(),
            statuses: OnceCell::new(),
        }
    }

    fn option(&self, id: OptionId) -> Option<&'p ActionOption> {
        self.options
            .get_or_init(|| self.project.options.iter().map(|o| (o.id, o)).collect())
            .get(&id)
            .copied()
    }

    /// One value of an item beside its suggestion, with why the suggestion is what it is;
    /// `None` when the item is gone or the value has no suggestion (whether the two agree is
    /// [`Suggestions::differing`]'s business).
    pub fn disagreement(&self, item: ItemRef, of: Suggested) -> Option<Disagreement> {
        let p = self.project;
        let explained = |name: &str, yours: String, suggested: String, why: String| {
            Some(Disagreement {
                item,
                name: name.to_owned(),
                of,
                yours,
                suggested,
                why,
            })
        };
        match item {
            ItemRef::Option(id) => {
                let o = self.option(id)?;
                match of {
                    Suggested::Position => {
                        let standings = self.standings.get_or_init(|| Standings::of(p));
                        let s = position_with(p, standings, o, Explain::Yes)?.suggestion;
                        explained(
                            &o.name,
                            o.assessment.label().to_owned(),
                            s.value.label().to_owned(),
                            s.reason,
                        )
                    }
                    Suggested::Relevance => {
                        let s = relevance_with(p, o, Explain::Yes)?;
                        explained(
                            &o.name,
                            o.relevance.to_string(),
                            format!("{:.1}", s.value),
                            s.reason,
                        )
                    }
                    Suggested::Priority => {
                        let s = priority_with(p, o, Explain::Yes)?;
                        explained(
                            &o.name,
                            o.priority.label().to_owned(),
                            s.value.label().to_owned(),
                            s.reason,
                        )
                    }
                    _ => None,
                }
            }
            ItemRef::Alternative(id) => {
                let a = p.alternative(id)?;
                let option_of = |id: OptionId| self.option(id);
                let (value, s) = match of {
                    Suggested::CompetitiveQuality => (
                        a.competitive_quality,
                        quality_with(p, &option_of, a, Explain::Yes)?,
                    ),
                    Suggested::Risk => {
                        let statuses = self.statuses.get_or_init(|| {
                            p.management
                                .assumptions
                                .iter()
                                .map(|x| effective_status(p, x, self.today).0)
                                .collect()
                        });
                        (a.risk, risk_with(p, &option_of, a, statuses, Explain::Yes)?)
                    }
                    Suggested::GoalContribution => {
                        let s = self
                            .matrix
                            .get_or_init(|| super::goals::matrix(p))
                            .suggestion(p, a.id)?;
                        (
                            a.goal_contribution,
                            Suggestion {
                                value: s.value,
                                reason: s.reason,
                                inputs: s.inputs,
                            },
                        )
                    }
                    _ => return None,
                };
                explained(
                    &a.name,
                    value.to_string(),
                    format!("{:.1}", s.value),
                    s.reason,
                )
            }
            _ => None,
        }
    }
}

/// Whether an assessed score differs from its suggestion with no reason kept.
fn differs(
    value: Score,
    suggested: f64,
    overrides: &[crate::model::Override],
    of: Suggested,
) -> bool {
    Agreement::of_score(value, suggested, reason_for(overrides, of)) == Agreement::Differs
}

/// Every suggestion of a project on `today` (assumption triggers depend on the date).
/// Their reasons and inputs are left empty: [`Suggestions::disagreements`] explains the values
/// it reports, and the panes ask [`option_position`] and the others for the item shown.
pub fn all(project: &Project, today: Date) -> Suggestions {
    let standings = Standings::of(project);
    let index: SmallKeyMap<OptionId, &ActionOption> =
        project.options.iter().map(|o| (o.id, o)).collect();
    let option_of = |id: OptionId| index.get(&id).copied();
    let statuses: Vec<AssumptionStatus> = project
        .management
        .assumptions
        .iter()
        .map(|a| effective_status(project, a, today).0)
        .collect();
    let matrix = super::goals::matrix(project);
    Suggestions {
        today: Some(today),
        options: project
            .options
            .iter()
            .map(|o| OptionSuggestions {
                id: o.id,
                position: position_with(project, &standings, o, Explain::No),
                relevance: relevance_with(project, o, Explain::No),
                priority: priority_with(project, o, Explain::No),
            })
            .collect(),
        alternatives: project
            .alternatives
            .iter()
            .map(|a| AlternativeSuggestions {
                id: a.id,
                quality: quality_with(project, &option_of, a, Explain::No),
                risk: risk_with(project, &option_of, a, &statuses, Explain::No),
                goals: matrix.suggested_value(a.id).map(|value| Suggestion {
                    value,
                    reason: String::new(),
                    inputs: Vec::new(),
                }),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests;
