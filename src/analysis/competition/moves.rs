//! How positions moved: our position per arena and competitor kind at an earlier rating date,
//! from each side's rating in force then, against the position now, with the re-ratings that
//! moved it (pbsm's strategy management monitors the competitive situation).
//!
//! A point in time is an `Option<Date>`, `None` being the undated ratings of files from before
//! rating dates, which count as older than every dated rating (as `Option` orders them).

use super::{Position, Standings};
use crate::analysis::suggest;
use crate::format::trim_number;
use crate::model::competition::{Ratings, Side, score_in};
use crate::model::{Arena, Choice, CompetitiveAssessment, CompetitorKind, Date, OptionId, Project};

/// One side's strength in an arena that differs between the earlier point and now.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// Whose strength.
    pub side: Side,
    /// The strength then (`None`: not rated in this arena then).
    pub before: Option<f64>,
    /// The strength now (`None`: not rated in this arena now).
    pub now: Option<f64>,
    /// Whether the side had a rating in force then at all (a competitor added since had not).
    pub rated_before: bool,
    /// When the strength now was rated (`None`: undated).
    pub rated: Option<Date>,
}

/// A position that moved: in an arena, against the strongest competitor of a kind.
#[derive(Clone, Debug, PartialEq)]
pub struct Move {
    /// Where.
    pub arena: Arena,
    /// Against which kind of competitor.
    pub kind: CompetitorKind,
    /// The position then (`None`: we or no competitor of the kind was rated there then).
    pub before: Option<Position>,
    /// The position now (`None`: we or no competitor of the kind is rated there now).
    pub now: Option<Position>,
    /// The changes that moved it: ours, and those of the competitors of the kind that were the
    /// strongest then or are the strongest now. Never empty.
    pub changes: Vec<Change>,
}

/// An option whose suggested position ([`suggest::option_position`]) differs between the
/// earlier point and now.
#[derive(Clone, Debug, PartialEq)]
pub struct OptionMove {
    /// The option.
    pub option: OptionId,
    /// The suggestion then (`None`: none of its arenas was rated for us and a competitor).
    pub before: Option<CompetitiveAssessment>,
    /// The suggestion now.
    pub now: Option<CompetitiveAssessment>,
}

/// The dates of the earlier ratings, ours and every competitor's, oldest first and each once
/// (`None` for undated ones): the points the positions now can be compared with. Empty when
/// nothing was re-rated yet. The last is the default: since the last re-rating.
pub fn earlier_rating_dates(project: &Project) -> Vec<Option<Date>> {
    let c = &project.competition;
    let mut dates: Vec<Option<Date>> = c
        .our_history
        .iter()
        .chain(c.competitors.iter().flat_map(|c| c.history.iter()))
        .map(|r| r.date)
        .collect();
    dates.sort_unstable();
    dates.dedup();
    dates
}

/// A point in time in words: the date, or "the undated ratings".
pub fn point_text(point: Option<Date>) -> String {
    point.map_or_else(|| "the undated ratings".to_owned(), |d| d.to_string())
}

/// The positions that moved since a point (`None`: the undated ratings), arena by arena in the
/// project's order ([`Project::arenas`]), performance before attention competitors. A
/// competitor's kind is taken as it is now; a removed competitor's ratings are gone with it.
pub fn moves(project: &Project, since: Option<Date>) -> Vec<Move> {
    let then = Standings::at(project, since);
    let now = Standings::of(project);
    let c = &project.competition;
    let mut moves = Vec::new();
    for arena in project.arenas() {
        for kind in [CompetitorKind::Performance, CompetitorKind::Attention] {
            let (before, after) = (then.position(arena, kind), now.position(arena, kind));
            if before == after {
                continue;
            }
            let best_then = then.best.get(&(arena, kind)).copied();
            let best_now = now.best.get(&(arena, kind)).copied();
            let ours = change(Side::Us, c.our_ratings(), arena, since);
            let theirs = c
                .competitors
                .iter()
                .filter(|comp| comp.kind == kind)
                .filter_map(|comp| change(Side::Competitor(comp.id), comp.ratings(), arena, since))
                .filter(|ch| {
                    (ch.before.is_some() && ch.before == best_then)
                        || (ch.now.is_some() && ch.now == best_now)
                });
            moves.push(Move {
                arena,
                kind,
                before,
                now: after,
                changes: ours.into_iter().chain(theirs).collect(),
            });
        }
    }
    moves
}

/// A side's change in an arena since a point, if its strength there differs.
fn change(side: Side, ratings: Ratings<'_>, arena: Arena, since: Option<Date>) -> Option<Change> {
    let then = ratings.at(since);
    let before = then.and_then(|(_, s)| score_in(s, arena));
    let now = score_in(ratings.strength, arena);
    (before != now).then_some(Change {
        side,
        before,
        now,
        rated_before: then.is_some(),
        rated: ratings.rated,
    })
}

/// The options whose suggested position differs between a point (`None`: the undated
/// ratings) and now, in the project's order.
pub fn option_moves(project: &Project, since: Option<Date>) -> Vec<OptionMove> {
    let then = Standings::at(project, since);
    let now = Standings::of(project);
    let suggested = |standings: &Standings, o| {
        suggest::option_position(project, standings, o).map(|s| s.suggestion.value)
    };
    project
        .options
        .iter()
        .filter_map(|o| {
            let (before, now) = (suggested(&then, o), suggested(&now, o));
            (before != now).then_some(OptionMove {
                option: o.id,
                before,
                now,
            })
        })
        .collect()
}

fn position_word(position: Option<Position>) -> &'static str {
    match position {
        Some(Position::Ahead) => "ahead",
        Some(Position::Level) => "level",
        Some(Position::Behind) => "behind",
        None => "not rated",
    }
}

fn strength_word(strength: Option<f64>) -> String {
    strength.map_or_else(|| "not rated".to_owned(), trim_number)
}

impl Change {
    /// The change in words: "Backstube Müller 6 → 8, re-rated 2026-09-30".
    pub fn describe(&self, project: &Project) -> String {
        let who = match self.side {
            Side::Us => "our strength".to_owned(),
            Side::Competitor(id) => project
                .competition
                .competitors
                .iter()
                .find(|c| c.id == id)
                .filter(|c| !c.name.trim().is_empty())
                .map_or_else(|| format!("competitor {id}"), |c| c.name.clone()),
        };
        let when = match (self.rated, self.rated_before) {
            (Some(date), true) => format!("re-rated {date}"),
            (Some(date), false) => format!("rated {date}"),
            (None, _) => "undated".to_owned(),
        };
        format!(
            "{who} {} → {}, {when}",
            strength_word(self.before),
            strength_word(self.now)
        )
    }
}

impl Move {
    /// The move in words: "Topic Home baking, against performance competitors: ahead → level
    /// (Backstube Müller 6 → 8, re-rated 2026-09-30)".
    pub fn describe(&self, project: &Project) -> String {
        let arena = match self.arena {
            Arena::UsageFormat(_) => "Usage format",
            Arena::Topic(_) => "Topic",
            Arena::UserBenefit(_) => "User benefit",
        };
        let kind = match self.kind {
            CompetitorKind::Performance => "performance",
            CompetitorKind::Attention => "attention",
        };
        let changes: Vec<String> = self.changes.iter().map(|c| c.describe(project)).collect();
        format!(
            "{arena} {}, against {kind} competitors: {} → {} ({})",
            project.arena_name(self.arena),
            position_word(self.before),
            position_word(self.now),
            changes.join("; ")
        )
    }
}

impl OptionMove {
    /// The move in words: "Sourdough club community: suggested leading position → parity with
    /// competitors (assessed: leading position)".
    pub fn describe(&self, project: &Project) -> String {
        let word = |a: Option<CompetitiveAssessment>| {
            a.map_or_else(|| "none".to_owned(), |a| a.label().to_lowercase())
        };
        let option = project.options.iter().find(|o| o.id == self.option);
        let name = option
            .filter(|o| !o.name.trim().is_empty())
            .map_or_else(|| format!("option {}", self.option), |o| o.name.clone());
        let assessed = option.map_or_else(String::new, |o| {
            format!(" (assessed: {})", word(Some(o.assessment)))
        });
        format!(
            "{name}: suggested {} → {}{assessed}",
            word(self.before),
            word(self.now)
        )
    }
}
