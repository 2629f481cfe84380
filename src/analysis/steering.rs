//! Strategy management's rules beyond KPI health and assumption status: the implementation in
//! quality and quantity, the integration of corporate benefits into business processes, the
//! monitored risks of the chosen alternative, the decision record, and the audit of everything
//! that is due.
//!
//! The rules, in the words the README uses:
//! - **Spend or effort running ahead of progress**: a measure whose spent share of its planned
//!   money (or effort) exceeds its progress by more than [`AHEAD_MARGIN`] (15 points): 70 % of
//!   the money spent at 50 % progress is 20 points ahead. Progress is 0 for a planned measure,
//!   1 for a done one, and the entered percentage in between. Without a known progress, only
//!   an overrun counts (more than 115 % of the plan used); money or effort spent against no
//!   plan (or a plan of 0) always counts.
//! - **Implementation of an alternative**: its measures (those implementing its bundled
//!   options): how many are done, the progress weighted by planned effort (a measure without
//!   planned effort weighs one day), money and effort planned and spent, and the quality: the
//!   mean rating of the rated measures and how many fall short (below [`QUALITY_SHORT`]).
//! - **Integration**: every corporate benefit the chosen alternative's options realise needs an
//!   entry in the integration register with a process owner; a process change past its date
//!   and not integrated is overdue.
//! - **Risks**: the chosen alternative's usage formats with named risks are each watched by a
//!   monitored risk from that usage format; a monitored risk is reviewed within its interval.
//! - **The audit** lists, besides the above: reviews of assumptions and risks that are due
//!   (never reviewed, or the interval passed), measures past their date, KPIs behind or at risk
//!   and KPIs whose next measurement (by their cadence) is overdue, and fired triggers.
//! - **The decision record**: a chosen alternative has a record naming it, who decided, and
//!   why; every other alternative that was not chosen has a reason.

use super::assumptions::effective_status;
use super::kpi::{self, Health};
use super::trace::item_name;
use crate::format::trim_number;
use crate::model::{
    Alternative, AlternativeId, AlternativeStatus, AssumptionStatus, BenefitId, Choice, Date,
    FunctionalArea, ItemRef, Measure, MeasureStatus, Project, RiskSource, UsageFormatId,
};

/// How far (as a share) spending or effort may run ahead of progress before it is a warning.
pub const AHEAD_MARGIN: f64 = 0.15;
/// A measure's quality rating below this falls short.
pub const QUALITY_SHORT: f64 = 5.0;

/// Money or effort.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resource {
    /// Money, in EUR.
    Money,
    /// Effort, in person-days.
    Effort,
}

impl Resource {
    /// A word for people ("money", "effort").
    pub fn label(self) -> &'static str {
        match self {
            Self::Money => "money",
            Self::Effort => "effort",
        }
    }
}

/// A measure using money or effort faster than it progresses.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Ahead {
    /// Which resource.
    pub resource: Resource,
    /// The share of the planned amount used so far.
    pub used: f64,
    /// The measure's progress, as a share.
    pub progress: f64,
}

/// Where a measure uses money or effort faster than it progresses (see the module doc). Money
/// or effort spent against no plan has `used` infinite.
pub fn running_ahead(m: &Measure) -> Vec<Ahead> {
    // Without a known progress, judge as if done: only an overrun counts.
    let known = m.progress();
    let progress = known.unwrap_or(1.0);
    [
        (Resource::Money, m.planned_eur, m.actual_eur),
        (Resource::Effort, m.planned_days, m.actual_days),
    ]
    .into_iter()
    .filter_map(|(resource, planned, actual)| {
        let actual = actual.filter(|a| a.is_finite() && *a > 0.0)?;
        let planned = planned.filter(|p| p.is_finite()).unwrap_or(0.0);
        let used = if planned > 0.0 {
            actual / planned
        } else {
            f64::INFINITY
        };
        (used - progress > AHEAD_MARGIN + 1e-9).then_some(Ahead {
            resource,
            used,
            progress: known.unwrap_or(f64::NAN),
        })
    })
    .collect()
}

/// An alternative's implementation in quantity and quality.
#[derive(Clone, Debug, PartialEq)]
pub struct Implementation {
    /// Its measures.
    pub measures: usize,
    /// How many are done.
    pub done: usize,
    /// Progress weighted by planned effort; a measure whose progress is not entered counts
    /// as not progressed (so the figure never flatters).
    pub progress: Option<f64>,
    /// How many measures in progress have no progress entered.
    pub unknown: usize,
    /// Effort planned and spent, in person-days.
    pub days: (f64, f64),
    /// Money planned and spent, in EUR.
    pub eur: (f64, f64),
    /// The mean quality of the rated measures.
    pub quality: Option<f64>,
    /// How many measures are rated.
    pub rated: usize,
    /// How many rated measures fall short of [`QUALITY_SHORT`].
    pub short: usize,
    /// How many are past their due date and not done.
    pub overdue: usize,
}

/// The measures that implement an alternative (through its bundled options).
pub fn measures_of<'p>(
    project: &'p Project,
    alternative: &'p Alternative,
) -> impl Iterator<Item = &'p Measure> {
    project
        .management
        .measures
        .iter()
        .filter(|m| m.option.is_some_and(|o| alternative.bundles(o)))
}

/// The implementation of an alternative on `today`; `None` without measures.
pub fn implementation(
    project: &Project,
    alternative: AlternativeId,
    today: Date,
) -> Option<Implementation> {
    let alt = project.alternative(alternative)?;
    let mut i = Implementation {
        measures: 0,
        done: 0,
        progress: None,
        unknown: 0,
        days: (0.0, 0.0),
        eur: (0.0, 0.0),
        quality: None,
        rated: 0,
        short: 0,
        overdue: 0,
    };
    let (mut weighted, mut weights, mut quality) = (0.0, 0.0, 0.0);
    for m in measures_of(project, alt) {
        i.measures += 1;
        if m.status == MeasureStatus::Done {
            i.done += 1;
        } else if m.due < today {
            i.overdue += 1;
        }
        let weight = m.planned_days.filter(|d| *d > 0.0).unwrap_or(1.0);
        match m.progress() {
            Some(p) => weighted += p * weight,
            None => i.unknown += 1,
        }
        weights += weight;
        i.days.0 += m.planned_days.unwrap_or(0.0);
        i.days.1 += m.actual_days.unwrap_or(0.0);
        i.eur.0 += m.planned_eur.unwrap_or(0.0);
        i.eur.1 += m.actual_eur.unwrap_or(0.0);
        if let Some(q) = m.quality.get() {
            i.rated += 1;
            quality += q;
            if q < QUALITY_SHORT {
                i.short += 1;
            }
        }
    }
    if i.measures == 0 {
        return None;
    }
    i.progress = (weights > 0.0).then(|| weighted / weights);
    #[allow(clippy::cast_precision_loss)]
    let rated = i.rated as f64;
    i.quality = (i.rated > 0).then(|| quality / rated);
    Some(i)
}

/// The chosen alternative, if one is.
pub fn chosen(project: &Project) -> Option<&Alternative> {
    project
        .alternatives
        .iter()
        .find(|a| a.status == AlternativeStatus::Chosen)
}

/// The corporate benefits the chosen alternative's options realise, in project order.
pub fn chosen_benefits(project: &Project) -> Vec<BenefitId> {
    let Some(alt) = chosen(project) else {
        return Vec::new();
    };
    project
        .benefits
        .iter()
        .filter(|b| {
            alt.options.iter().any(|bundled| {
                project
                    .option(bundled.option)
                    .is_some_and(|o| o.benefits.contains(&b.id))
            })
        })
        .map(|b| b.id)
        .collect()
}

/// The chosen alternative's benefits that no business process has an owner for.
pub fn benefits_without_owner(project: &Project) -> Vec<BenefitId> {
    chosen_benefits(project)
        .into_iter()
        .filter(|b| {
            !project
                .management
                .integrations
                .iter()
                .any(|i| i.benefit == Some(*b) && i.has_owner())
        })
        .collect()
}

/// One line of a register view: an entry of the integration register.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaEntry {
    /// The register entry.
    pub item: ItemRef,
    /// The benefit's name (or "no benefit linked").
    pub benefit: String,
    /// The process.
    pub process: String,
    /// Its owner.
    pub owner: String,
    /// The expected result.
    pub result: String,
    /// The KPI that shows the result, by name.
    pub kpi: Option<String>,
    /// The status, in words.
    pub status: String,
}

/// The integration register by functional area, in the areas' order, each with its entries:
/// the benefits per functional area and the results per functional area, the two lists the
/// method asks management to keep.
pub fn by_area(project: &Project) -> Vec<(FunctionalArea, Vec<AreaEntry>)> {
    use crate::model::Choice;
    let mut out = Vec::new();
    for area in FunctionalArea::ALL {
        let entries: Vec<AreaEntry> = project
            .management
            .integrations
            .iter()
            .filter(|i| i.area == *area)
            .map(|i| AreaEntry {
                item: ItemRef::Integration(i.id),
                benefit: i
                    .benefit
                    .and_then(|b| project.benefit(b))
                    .map_or_else(|| "no benefit linked".to_owned(), |b| b.name.clone()),
                process: i.process.clone(),
                owner: i.owner.clone(),
                result: i.expected_result.clone(),
                kpi: i.kpi.and_then(|k| {
                    project
                        .management
                        .kpis
                        .iter()
                        .find(|x| x.id == k)
                        .map(|x| x.name.clone())
                }),
                status: i.status.to_string(),
            })
            .collect();
        if !entries.is_empty() {
            out.push((*area, entries));
        }
    }
    out
}

/// The chosen alternative's usage formats with named risks that no monitored risk watches.
pub fn unmonitored_risks(project: &Project) -> Vec<UsageFormatId> {
    let Some(alt) = chosen(project) else {
        return Vec::new();
    };
    let mut formats: Vec<UsageFormatId> = alt
        .options
        .iter()
        .filter_map(|b| project.option(b.option))
        .filter_map(|o| o.usage_format)
        .filter(|u| {
            project
                .potential
                .usage_format(*u)
                .is_some_and(|f| !f.risks.trim().is_empty())
        })
        .collect();
    formats.sort_unstable();
    formats.dedup();
    formats.retain(|u| {
        !project
            .management
            .risks
            .iter()
            .any(|r| r.source == RiskSource::UsageFormat(*u))
    });
    formats
}

/// What the decision record lacks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RecordGap {
    /// An alternative is chosen and no decision is recorded.
    NotRecorded(AlternativeId),
    /// The record names another alternative than the one marked chosen.
    OtherAlternative {
        /// The one the record names.
        recorded: Option<AlternativeId>,
        /// The one marked chosen.
        chosen: AlternativeId,
    },
    /// The record does not say who decided or why.
    WhoOrWhyMissing,
    /// An alternative that was not chosen has no reason.
    NoRejectionReason(AlternativeId),
}

/// What the decision record lacks, once an alternative is chosen (nothing before).
pub fn record_gaps(project: &Project) -> Vec<RecordGap> {
    let Some(alt) = chosen(project) else {
        return Vec::new();
    };
    let Some(record) = &project.management.decision else {
        return vec![RecordGap::NotRecorded(alt.id)];
    };
    let mut gaps = Vec::new();
    if record.alternative != Some(alt.id) {
        gaps.push(RecordGap::OtherAlternative {
            recorded: record.alternative,
            chosen: alt.id,
        });
    }
    if record.decided_by.trim().is_empty() || record.reason.trim().is_empty() {
        gaps.push(RecordGap::WhoOrWhyMissing);
    }
    gaps.extend(
        project
            .alternatives
            .iter()
            .filter(|a| a.id != alt.id && record.rejection(a.id).is_none())
            .map(|a| RecordGap::NoRejectionReason(a.id)),
    );
    gaps
}

/// What is due in an audit.
#[derive(Clone, Debug, PartialEq)]
pub enum DueKind {
    /// An assumption, prerequisite or framework condition is to be reviewed (never reviewed,
    /// or its interval passed).
    AssumptionReview,
    /// A monitored risk is to be reviewed.
    RiskReview,
    /// A measure is past its due date and not done.
    MeasureOverdue,
    /// A process change is past its date and not integrated.
    ProcessChangeOverdue,
    /// A KPI is behind or at risk at its latest actual.
    KpiBehind(Health),
    /// A KPI's next measurement (by its cadence) is overdue.
    KpiMeasurementDue,
    /// An assumption's trigger fired.
    TriggerFired(AssumptionStatus),
    /// An assumption's review found it at risk or broken: the strategy may need adapting.
    AssumptionTrouble(AssumptionStatus),
    /// A monitored risk is rising or has occurred.
    RiskTrouble(crate::model::RiskStatus),
    /// A measure uses money or effort faster than it progresses.
    RunningAhead(Ahead),
    /// A measure's quality falls short.
    QualityShort(f64),
}

/// One thing due, with the day it fell due where there is one.
#[derive(Clone, Debug, PartialEq)]
pub struct Due {
    /// The day it fell due (`None`: now, for example a review that never happened).
    pub since: Option<Date>,
    /// The item to open.
    pub item: ItemRef,
    /// What is due.
    pub kind: DueKind,
}

/// Everything due on `today`: reviews, overdue measures and process changes, KPIs behind,
/// triggers fired, measures running ahead of their progress or falling short in quality. The
/// longest due first; those due without a date (never reviewed, running ahead) last.
pub fn audit(project: &Project, today: Date) -> Vec<Due> {
    let m = &project.management;
    let mut due = Vec::new();
    for a in &m.assumptions {
        match a.next_review() {
            Some(next) if next < today => due.push(Due {
                since: Some(next),
                item: ItemRef::Assumption(a.id),
                kind: DueKind::AssumptionReview,
            }),
            None => due.push(Due {
                since: None,
                item: ItemRef::Assumption(a.id),
                kind: DueKind::AssumptionReview,
            }),
            Some(_) => {}
        }
        let (status, fired) = effective_status(project, a, today);
        match fired {
            Some(f) if status.is_trouble() => due.push(Due {
                since: Some(f.date),
                item: ItemRef::Assumption(a.id),
                kind: DueKind::TriggerFired(status),
            }),
            _ if a.status.is_trouble() => due.push(Due {
                since: a.last_review,
                item: ItemRef::Assumption(a.id),
                kind: DueKind::AssumptionTrouble(a.status),
            }),
            _ => {}
        }
    }
    for r in &m.risks {
        if r.status.is_trouble() {
            due.push(Due {
                since: r.last_review,
                item: ItemRef::Risk(r.id),
                kind: DueKind::RiskTrouble(r.status),
            });
        }
        match r.next_review() {
            Some(next) if next < today => due.push(Due {
                since: Some(next),
                item: ItemRef::Risk(r.id),
                kind: DueKind::RiskReview,
            }),
            None => due.push(Due {
                since: None,
                item: ItemRef::Risk(r.id),
                kind: DueKind::RiskReview,
            }),
            Some(_) => {}
        }
    }
    for x in &m.measures {
        if x.due < today && x.status != MeasureStatus::Done {
            due.push(Due {
                since: Some(x.due),
                item: ItemRef::Measure(x.id),
                kind: DueKind::MeasureOverdue,
            });
        }
        // A finished measure's overrun is history for the memo and the check, not a task.
        for ahead in running_ahead(x)
            .into_iter()
            .filter(|_| x.status != MeasureStatus::Done)
        {
            due.push(Due {
                since: None,
                item: ItemRef::Measure(x.id),
                kind: DueKind::RunningAhead(ahead),
            });
        }
        if let Some(q) = x.quality.get()
            && q < QUALITY_SHORT
        {
            due.push(Due {
                since: None,
                item: ItemRef::Measure(x.id),
                kind: DueKind::QualityShort(q),
            });
        }
    }
    for i in &m.integrations {
        if i.is_overdue(today) {
            due.push(Due {
                since: i.due,
                item: ItemRef::Integration(i.id),
                kind: DueKind::ProcessChangeOverdue,
            });
        }
    }
    for k in &m.kpis {
        let h = kpi::health(k, m.health);
        if matches!(h.health, Health::Behind | Health::AtRisk) {
            due.push(Due {
                since: h.latest.map(|a| a.0),
                item: ItemRef::Kpi(k.id),
                kind: DueKind::KpiBehind(h.health),
            });
        }
        if kpi::measurement_overdue(k, today) {
            due.push(Due {
                since: Some(kpi::measurement_due(k)),
                item: ItemRef::Kpi(k.id),
                kind: DueKind::KpiMeasurementDue,
            });
        }
    }
    // Oldest first; undated last, in the order found.
    due.sort_by_key(|d| (d.since.is_none(), d.since));
    due
}

/// How a measure runs ahead, in words ("has used 80 % of its planned money at 40 %
/// progress").
pub fn ahead_words(a: &Ahead) -> String {
    if a.used.is_infinite() {
        format!("has spent {} without a plan for it", a.resource.label())
    } else if a.progress.is_nan() {
        format!(
            "has used {:.0} % of its planned {} (progress not entered)",
            a.used * 100.0,
            a.resource.label()
        )
    } else {
        format!(
            "has used {:.0} % of its planned {} at {:.0} % progress",
            a.used * 100.0,
            a.resource.label(),
            a.progress * 100.0
        )
    }
}

/// What is due, in words, naming the item ("Measure “Launch” is overdue").
pub fn due_words(project: &Project, d: &Due) -> String {
    let name = item_name(project, d.item);
    match &d.kind {
        DueKind::AssumptionReview => match d.since {
            Some(_) => format!("Review of “{name}” is due"),
            None => format!("“{name}” was never reviewed"),
        },
        DueKind::RiskReview => match d.since {
            Some(_) => format!("Review of the risk “{name}” is due"),
            None => format!("The risk “{name}” was never reviewed"),
        },
        DueKind::MeasureOverdue => format!("Measure “{name}” is overdue"),
        DueKind::ProcessChangeOverdue => format!("Process change “{name}” is overdue"),
        DueKind::KpiBehind(h) => format!("KPI “{name}” is {}", h.label().to_lowercase()),
        DueKind::KpiMeasurementDue => {
            format!("KPI “{name}” is to be measured (by its cadence)")
        }
        DueKind::TriggerFired(status) => format!(
            "The trigger of “{name}” fired: {}",
            status.label().to_lowercase()
        ),
        DueKind::AssumptionTrouble(status) => format!(
            "“{name}” is {} at its last review: adapt the strategy or record why not",
            status.label().to_lowercase()
        ),
        DueKind::RiskTrouble(status) => {
            let state = if *status == crate::model::RiskStatus::Occurred {
                "has occurred: act on it"
            } else {
                "is rising"
            };
            format!("The risk “{name}” {state}")
        }
        DueKind::RunningAhead(a) => format!("Measure “{name}” {}", ahead_words(a)),
        DueKind::QualityShort(q) => format!(
            "Measure “{name}” falls short in quality ({} of 10)",
            trim_number(*q)
        ),
    }
}

#[cfg(test)]
#[path = "steering_tests.rs"]
mod tests;
