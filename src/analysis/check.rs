//! The strategy check: is the strategy complete against pbsm's 14 strategy components, does it
//! pass the method's check list, and is it a strategy at all rather than a campaign plan?

use super::decision::evaluate;
use crate::model::{
    AlternativeId, AlternativeStatus, Choice, CompetitorKind, Component, GoalKind, ItemRef,
    Pending, PotentialDecision, Project, pending,
};

/// How far a component is covered.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Coverage {
    /// Fully.
    Covered,
    /// In part (some options say something, others not).
    Partly,
    /// Not at all.
    Missing,
}

/// The check of one component.
#[derive(Clone, Debug, PartialEq)]
pub struct ComponentCheck {
    /// The component.
    pub component: Component,
    /// How far it is covered.
    pub coverage: Coverage,
    /// Why, in words.
    pub note: String,
    /// Where to fix it.
    pub item: Option<ItemRef>,
}

/// One point of the method's check list, or another finding.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    /// Whether it passes.
    pub ok: bool,
    /// What was checked, and what was found.
    pub text: String,
    /// Where to look.
    pub item: Option<ItemRef>,
}

/// The result of the strategy check for one alternative.
#[derive(Clone, Debug, PartialEq)]
pub struct StrategyCheck {
    /// The alternative checked.
    pub alternative: AlternativeId,
    /// Each of the 14 components.
    pub components: Vec<ComponentCheck>,
    /// The method's check list.
    pub checklist: Vec<Finding>,
    /// Set when the plan names channels and content but no business benefit or competitive
    /// position: a campaign plan (what the POST frame produces), not a strategy.
    pub campaign_plan: Option<String>,
    /// 0–100: components covered (partly counts half) and check-list points passed.
    pub score: u32,
}

impl StrategyCheck {
    /// The gaps, as one line each (for `check`'s warnings).
    pub fn gaps(&self) -> Vec<String> {
        let mut lines: Vec<String> = self
            .components
            .iter()
            .filter(|c| c.coverage != Coverage::Covered)
            .map(|c| format!("{}: {}", c.component, c.note))
            .collect();
        lines.extend(
            self.checklist
                .iter()
                .filter(|f| !f.ok)
                .map(|f| f.text.clone()),
        );
        if let Some(warning) = &self.campaign_plan {
            lines.insert(0, warning.clone());
        }
        lines
    }
}

/// The alternative the check looks at: the chosen one, else the best-ranked live one.
pub fn focus(project: &Project) -> Option<AlternativeId> {
    if let Some(a) = project
        .alternatives
        .iter()
        .find(|a| a.status == AlternativeStatus::Chosen)
    {
        return Some(a.id);
    }
    let e = evaluate(project);
    e.ranked()
        .into_iter()
        .find(|r| {
            project
                .alternative(r.id)
                .is_some_and(|a| a.status != AlternativeStatus::Rejected)
        })
        .map(|r| r.id)
}

fn share(have: usize, of: usize) -> Coverage {
    if of > 0 && have == of {
        Coverage::Covered
    } else if have > 0 {
        Coverage::Partly
    } else {
        Coverage::Missing
    }
}

/// Checks an alternative (see [`focus`] for which one the workbench checks by default).
pub fn check(project: &Project, id: AlternativeId) -> Option<StrategyCheck> {
    let p = project;
    let alt = p.alternative(id)?;
    let options: Vec<_> = alt
        .options
        .iter()
        .filter_map(|b| p.option(b.option))
        .collect();
    let n = options.len();
    let first_missing = |pred: &dyn Fn(&crate::model::ActionOption) -> bool| {
        options
            .iter()
            .find(|o| !pred(o))
            .map(|o| ItemRef::Option(o.id))
    };
    let from_options =
        |component: Component, pred: &dyn Fn(&crate::model::ActionOption) -> bool, what: &str| {
            let have = options.iter().filter(|o| pred(o)).count();
            let coverage = share(have, n);
            let note = match coverage {
                Coverage::Covered => format!("all {n} options {what}"),
                _ if n == 0 => "the alternative bundles no option yet".to_owned(),
                _ => format!("{have} of {n} options {what}"),
            };
            ComponentCheck {
                component,
                coverage,
                note,
                item: first_missing(pred).or(Some(ItemRef::Alternative(id))),
            }
        };
    let stated = |component: Component, evidence: Option<String>| {
        let statement = alt.statement(component);
        let (coverage, note) = match (evidence, statement) {
            (Some(e), _) => (Coverage::Covered, e),
            (None, Some(_)) => (Coverage::Covered, "stated for the alternative".to_owned()),
            (None, None) => (
                Coverage::Missing,
                "nothing said yet: state it for the alternative".to_owned(),
            ),
        };
        ComponentCheck {
            component,
            coverage,
            note,
            item: Some(ItemRef::Alternative(id)),
        }
    };
    let goals_of = |kind| p.foundation.goals.iter().filter(|g| g.kind == kind).count();
    // Relied on directly or through one of its options, as the assumptions component counts.
    let assumptions = p
        .management
        .assumptions
        .iter()
        .filter(|a| a.alternatives.contains(&id) || a.options.iter().any(|o| alt.bundles(*o)))
        .count();

    let standings = super::competition::Standings::of(p);
    let rated_against_someone = |arena| {
        CompetitorKind::ALL
            .iter()
            .any(|k| standings.strengths(arena, *k).is_some())
    };
    let mut components = vec![
        from_options(
            Component::UserBenefit,
            &|o| {
                o.user_benefit
                    .and_then(|u| p.potential.user_benefit(u))
                    .is_some_and(|u| {
                        u.strength.is_assessed()
                            && rated_against_someone(crate::model::Arena::UserBenefit(u.id))
                    })
            },
            "offer a user benefit whose strength is assessed and rated against competitors",
        ),
        from_options(
            Component::CompanyBenefit,
            &|o| {
                !o.benefits.is_empty()
                    && o.benefits
                        .iter()
                        .all(|b| p.benefit(*b).is_some_and(|b| b.relevance.is_assessed()))
            },
            "realise corporate benefits of assessed relevance",
        ),
        from_options(
            Component::UsageFormats,
            &|o| {
                o.usage_format
                    .and_then(|u| p.potential.usage_format(u))
                    .is_some_and(|u| {
                        u.competitive_quality.is_assessed() && !u.risks.trim().is_empty()
                    })
            },
            "use a usage format with its competitive quality and risks assessed",
        ),
        from_options(
            Component::Topics,
            &|o| {
                o.topic
                    .and_then(|t| p.foundation.topic(t))
                    .is_some_and(|t| t.affinity.is_assessed())
            },
            "have a topic with its social media affinity assessed",
        ),
        from_options(
            Component::Participation,
            &|o| !o.participation.trim().is_empty(),
            "say how users take part",
        ),
        from_options(
            Component::Motivation,
            &|o| !o.motivation.trim().is_empty(),
            "say why users take part",
        ),
        from_options(
            Component::Channels,
            &|o| {
                !o.channels.is_empty()
                    && o.topic.is_some()
                    && o.user_benefit.is_some()
                    && o.usage_format.is_some()
            },
            "name channels, derived after topic, user benefit and usage format",
        ),
    ];
    components.push(stated(Component::TargetGroups, None));
    components.push(stated(Component::Reach, None));
    let mut competition_check = from_options(
        Component::Competition,
        &|o| {
            super::suggest::option_position(p, &standings, o)
                .is_some_and(|s| s.performance.is_some() && s.attention.is_some())
        },
        "have a position computed against both performance and attention competitors",
    );
    if competition_check.coverage != Coverage::Covered {
        competition_check.note.push_str(
            " (rate us and both competitor kinds in their topic, usage format and user benefit, pane 4)",
        );
    }
    components.push(competition_check);
    components.push(stated(Component::Communication, None));
    components.push(goals_check(
        p,
        alt,
        goals_of(GoalKind::Company),
        goals_of(GoalKind::SocialMedia),
    ));
    components.push(resources_check(p, alt));
    components.push(assumptions_check(p, alt));

    // The method's check list.
    let used = p
        .potential
        .module_potentials
        .iter()
        .filter(|m| m.decision == PotentialDecision::Use)
        .count();
    let set_aside = p
        .potential
        .module_potentials
        .iter()
        .filter(|m| m.decision == PotentialDecision::SetAside)
        .count();
    let open = p
        .potential
        .module_potentials
        .iter()
        .find(|m| m.decision == PotentialDecision::Open);
    // At least one usage format, and every one with its risks named (none is no answer).
    let mut formats = options
        .iter()
        .filter_map(|o| o.usage_format.and_then(|u| p.potential.usage_format(u)))
        .peekable();
    let formats_with_risks =
        formats.peek().is_some() && formats.all(|u| !u.risks.trim().is_empty());
    let pending = pending_for(p, id);
    let checklist = vec![
        Finding {
            ok: pending.is_empty(),
            text: match pending.as_slice() {
                [] => "Every judgement the alternative rests on is assessed.".to_owned(),
                [first, ..] => format!(
                    "{} judgements it rests on are not assessed yet (first: {} of {}); a value not assessed never counts as done.",
                    pending.len(),
                    first.what,
                    first.item.map_or_else(
                        || "the market".to_owned(),
                        |i| format!("“{}”", super::trace::item_name(p, i))
                    ),
                ),
            },
            item: pending.first().and_then(|x| x.item),
        },
        Finding {
            ok: used > 0,
            text: if used > 0 {
                format!("Potential used: {used}.")
            } else {
                "No potential is marked as used by the strategy.".to_owned()
            },
            item: p
                .potential
                .module_potentials
                .first()
                .map(|m| ItemRef::Potential(m.id)),
        },
        Finding {
            ok: open.is_none(),
            text: match open {
                None => format!("Every potential is decided ({set_aside} deliberately set aside)."),
                Some(_) => "A potential is neither used nor deliberately set aside.".to_owned(),
            },
            item: open.map(|m| ItemRef::Potential(m.id)),
        },
        Finding {
            ok: assumptions > 0,
            text: if assumptions > 0 {
                "Assumptions and prerequisites are stated and watched.".to_owned()
            } else {
                "No assumption or prerequisite is stated for the alternative.".to_owned()
            },
            item: Some(ItemRef::Alternative(id)),
        },
        Finding {
            ok: alt.budget_eur > 0.0 || alt.effort_person_days > 0.0,
            text: "Resources (budget, effort) are given.".to_owned(),
            item: Some(ItemRef::Alternative(id)),
        },
        Finding {
            ok: formats_with_risks && !p.competition.competitors.is_empty(),
            text: if formats_with_risks && !p.competition.competitors.is_empty() {
                "Risks of the usage formats and the competitors who may react are named.".to_owned()
            } else {
                "Risks from competitors' reactions are not covered: name competitors and the risks of each usage format used.".to_owned()
            },
            item: options
                .iter()
                .filter_map(|o| o.usage_format)
                .find(|u| {
                    p.potential
                        .usage_format(*u)
                        .is_some_and(|f| f.risks.trim().is_empty())
                })
                .map(ItemRef::UsageFormat),
        },
    ];

    // A campaign plan: channels and content, but neither business benefit nor competitive position.
    let has_channels = options.iter().any(|o| !o.channels.is_empty());
    let has_benefit = options.iter().any(|o| !o.benefits.is_empty());
    // Only a lead is a position: parity is catching up, and an option not assessed has none
    // yet. A lead counts where the competition matrix puts the option ahead, or where the user
    // keeps the assessment against the matrix with a reason; a lead typed by hand over an
    // unrated matrix is not one.
    let has_position = !p.competition.competitors.is_empty()
        && options.iter().any(|o| {
            o.assessment == crate::model::CompetitiveAssessment::Leading
                && (super::suggest::option_position(p, &standings, o).is_some_and(|s| {
                    s.suggestion.value == crate::model::CompetitiveAssessment::Leading
                }) || crate::model::judgement::reason_for(
                    &o.overrides,
                    crate::model::Suggested::Position,
                )
                .is_some())
        });
    let campaign_plan = (has_channels && (!has_benefit || !has_position)).then(|| {
        let missing = match (has_benefit, has_position) {
            (false, false) => "neither a business benefit nor a competitive position",
            (false, true) => "no business benefit",
            _ => "no competitive position",
        };
        format!(
            "This reads like a campaign plan (channels and content, as the POST frame produces), with {missing}: a strategy says which benefit it realises against which competitors."
        )
    });

    let component_points: f64 = components
        .iter()
        .map(|c| match c.coverage {
            Coverage::Covered => 1.0,
            Coverage::Partly => 0.5,
            Coverage::Missing => 0.0,
        })
        .sum();
    #[allow(clippy::cast_precision_loss)]
    let checklist_share = checklist.iter().filter(|f| f.ok).count() as f64 / checklist.len() as f64;
    let mut score = (component_points / 14.0) * 80.0 + checklist_share * 20.0;
    if campaign_plan.is_some() {
        score = score.min(40.0);
    }
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let score = score.round().clamp(0.0, 100.0) as u32;
    Some(StrategyCheck {
        alternative: id,
        components,
        checklist,
        campaign_plan,
        score,
    })
}

/// Goals: company and social media goals are set, and every goal is served by the alternative
/// (one of its options realises a benefit that serves it) or knowingly left out (the
/// alternative's statement on goals says so), and its contribution is assessed.
fn goals_check(
    p: &Project,
    alt: &crate::model::Alternative,
    company_goals: usize,
    social_media_goals: usize,
) -> ComponentCheck {
    let item = Some(ItemRef::Alternative(alt.id));
    let matrix = super::goals::matrix(p);
    let unserved: Vec<&crate::model::Goal> = p
        .foundation
        .goals
        .iter()
        .filter(|g| matrix.cell(g.id, alt.id).is_none_or(|c| c.via.is_none()))
        .collect();
    let stated = alt.statement(Component::Goals).is_some();
    let (coverage, note) = if company_goals == 0 || social_media_goals == 0 {
        (
            Coverage::Missing,
            "set company and social media goals (pane 1)".to_owned(),
        )
    } else if !alt.goal_contribution.is_assessed() {
        (
            Coverage::Partly,
            "the contribution to the goals is not assessed yet".to_owned(),
        )
    } else if unserved.is_empty() {
        (
            Coverage::Covered,
            "every goal is served by a benefit one of its options realises".to_owned(),
        )
    } else if stated {
        (
            Coverage::Covered,
            format!(
                "{} of {} goals served; the others are knowingly left out (stated)",
                p.foundation.goals.len() - unserved.len(),
                p.foundation.goals.len()
            ),
        )
    } else {
        (
            Coverage::Partly,
            format!(
                "“{}”{} served by none of its options: serve it or state why it is left out",
                unserved[0].text,
                if unserved.len() > 1 {
                    format!(" and {} more goals are", unserved.len() - 1)
                } else {
                    " is".to_owned()
                }
            ),
        )
    };
    ComponentCheck {
        component: Component::Goals,
        coverage,
        note,
        item,
    }
}

/// The budget and effort a new alternative had before format version 3: values that were
/// never changed are defaults, not an estimate.
const OLD_DEFAULT_RESOURCES: (f64, f64) = (50_000.0, 200.0);

/// Resources: entered (budget or effort), not the old defaults, and within the budget set for
/// the strategy period if one is set.
fn resources_check(p: &Project, alt: &crate::model::Alternative) -> ComponentCheck {
    let item = Some(ItemRef::Alternative(alt.id));
    let (coverage, note) = if !alt.has_resources() {
        (
            Coverage::Missing,
            "no budget and no effort entered yet".to_owned(),
        )
    } else if (alt.budget_eur, alt.effort_person_days) == OLD_DEFAULT_RESOURCES {
        (
            Coverage::Partly,
            "budget and effort are the defaults a new alternative had (EUR 50,000, 200 person-days): enter the estimate".to_owned(),
        )
    } else if let Some(b) = p.decision.budget
        && (alt.budget_eur > b.eur || alt.effort_person_days > b.person_days)
    {
        (
            Coverage::Partly,
            "budget and effort are entered but exceed the budget set for the strategy period"
                .to_owned(),
        )
    } else {
        let budget = if p.decision.budget.is_some() {
            ", within the budget"
        } else {
            ""
        };
        let period = p.management.period.map_or_else(
            || " (no strategy period set: the estimate is for an unstated time)".to_owned(),
            |r| format!(" for the strategy period {} to {}", r.start, r.end),
        );
        (
            Coverage::Covered,
            format!("budget and effort are estimated{budget}{period}"),
        )
    };
    ComponentCheck {
        component: Component::Resources,
        coverage,
        note,
        item,
    }
}

/// Assumptions and prerequisites: those the alternative relies on (itself or through an
/// option) are linked, and each is reviewed (a status "not reviewed yet" says nothing).
fn assumptions_check(p: &Project, alt: &crate::model::Alternative) -> ComponentCheck {
    let relied: Vec<_> = p
        .management
        .assumptions
        .iter()
        .filter(|a| a.alternatives.contains(&alt.id) || a.options.iter().any(|o| alt.bundles(*o)))
        .collect();
    let unreviewed = relied
        .iter()
        .find(|a| a.status == crate::model::AssumptionStatus::NotReviewed);
    let n = relied.len();
    let (coverage, note, item) = match (n, unreviewed) {
        (0, _) => (
            Coverage::Missing,
            "no assumption or prerequisite is linked to it or its options (pane 7)".to_owned(),
            Some(ItemRef::Alternative(alt.id)),
        ),
        (_, Some(a)) => (
            Coverage::Partly,
            format!(
                "{} of {n} linked assumptions are not reviewed yet",
                relied
                    .iter()
                    .filter(|a| a.status == crate::model::AssumptionStatus::NotReviewed)
                    .count()
            ),
            Some(ItemRef::Assumption(a.id)),
        ),
        _ => (
            Coverage::Covered,
            format!("{n} linked assumptions and prerequisites, each reviewed"),
            Some(ItemRef::Alternative(alt.id)),
        ),
    };
    ComponentCheck {
        component: Component::AssumptionsPrerequisites,
        coverage,
        note,
        item,
    }
}

/// What is not assessed yet among the judgements an alternative rests on: its own scores, its
/// options' relevance and competitive assessment, the topics, usage formats, user benefits and
/// corporate benefits those options build on, the potentials behind those benefits, the impact
/// formats of those usage formats, the market affinity, and the assumptions it relies on
/// (directly or through an option).
pub fn pending_for(project: &Project, id: AlternativeId) -> Vec<Pending> {
    let Some(alt) = project.alternative(id) else {
        return Vec::new();
    };
    let options: Vec<_> = alt
        .options
        .iter()
        .filter_map(|b| project.option(b.option))
        .collect();
    let concerns = |item: Option<ItemRef>| match item {
        None => true,
        Some(ItemRef::Alternative(a)) => a == id,
        Some(ItemRef::Option(o)) => alt.bundles(o),
        Some(ItemRef::Topic(t)) => options.iter().any(|o| o.topic == Some(t)),
        Some(ItemRef::UsageFormat(u)) => options.iter().any(|o| o.usage_format == Some(u)),
        Some(ItemRef::UserBenefit(u)) => options.iter().any(|o| o.user_benefit == Some(u)),
        Some(ItemRef::Benefit(b)) => options.iter().any(|o| o.realises(b)),
        // The potentials behind the benefits its options realise (module and change type, as
        // the priority suggestion reads them), and the impact formats of its usage formats.
        Some(ItemRef::Potential(id)) => project
            .potential
            .module_potentials
            .iter()
            .find(|m| m.id == id)
            .is_some_and(|m| {
                options.iter().any(|o| {
                    o.benefits
                        .iter()
                        .filter_map(|b| project.benefit(*b))
                        .any(|b| {
                            m.module == Some(b.module) && m.potential_type == b.change_potential
                        })
                })
            }),
        Some(ItemRef::ImpactFormat(id)) => project
            .potential
            .impact_formats
            .iter()
            .find(|i| i.id == id)
            .is_some_and(|i| {
                options
                    .iter()
                    .any(|o| o.usage_format.is_some_and(|u| i.works_through(u)))
            }),
        Some(ItemRef::Assumption(s)) => project
            .management
            .assumptions
            .iter()
            .find(|a| a.id == s)
            .is_some_and(|a| {
                a.alternatives.contains(&id) || a.options.iter().any(|o| alt.bundles(*o))
            }),
        Some(_) => false,
    };
    pending(project)
        .into_iter()
        .filter(|x| concerns(x.item))
        .collect()
}

/// The label of a component with its kind ("core" or not), for lists.
pub fn component_label(c: Component) -> String {
    if c.is_core() {
        format!("{} (core)", c.label())
    } else {
        c.label().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ItemKind, Statement, add_item};

    #[test]
    fn every_sample_passes_the_check_for_its_chosen_alternative() {
        for sample in crate::io::SAMPLES {
            let p = sample.load().unwrap();
            let id = focus(&p).unwrap();
            assert_eq!(p.alternative(id).unwrap().status, AlternativeStatus::Chosen);
            let c = check(&p, id).unwrap();
            assert_eq!(c.components.len(), 14);
            assert!(c.campaign_plan.is_none(), "{}", sample.file_name);
            assert!(c.gaps().is_empty(), "{}: {:?}", sample.file_name, c.gaps());
            assert_eq!(c.score, 100, "{}", sample.file_name);
        }
    }

    #[test]
    fn an_incomplete_strategy_shows_its_gaps() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        let id = AlternativeId(1);
        let alt = p.alternative_mut(id).unwrap();
        alt.statements.retain(|s| s.component != Component::Reach);
        let first_option = alt.options[0].option;
        p.options
            .iter_mut()
            .find(|o| o.id == first_option)
            .unwrap()
            .motivation
            .clear();
        // Nothing relies on an assumption any more, directly or through an option.
        p.management.assumptions.iter_mut().for_each(|a| {
            a.alternatives.retain(|x| *x != id);
            a.options.clear();
        });
        p.potential.module_potentials[0].decision = PotentialDecision::Open;
        let c = check(&p, id).unwrap();
        let coverage = |comp| {
            c.components
                .iter()
                .find(|x| x.component == comp)
                .unwrap()
                .coverage
        };
        assert_eq!(coverage(Component::Reach), Coverage::Missing);
        assert_eq!(coverage(Component::Motivation), Coverage::Partly);
        assert_eq!(
            coverage(Component::AssumptionsPrerequisites),
            Coverage::Missing
        );
        assert!(
            c.checklist
                .iter()
                .any(|f| !f.ok && f.text.contains("neither used nor deliberately set aside"))
        );
        assert!(c.score < 100 && c.score > 60, "{}", c.score);
        assert!(c.gaps().iter().any(|g| g.starts_with("Reach:")));
    }

    #[test]
    fn a_channel_plan_without_benefit_or_position_is_flagged_as_a_campaign_plan() {
        // What a POST plan looks like: options with channels and posting goals, nothing else.
        let mut p = Project::new("POST plan");
        let today = crate::model::Date::new(2026, 1, 1).unwrap();
        let ItemRef::Alternative(id) = add_item(&mut p, ItemKind::Alternative, today).unwrap()
        else {
            panic!()
        };
        for name in ["Instagram: 3 posts a week", "TikTok: 2 videos a week"] {
            let ItemRef::Option(o) = add_item(&mut p, ItemKind::Option, today).unwrap() else {
                panic!()
            };
            let opt = p.options.iter_mut().find(|x| x.id == o).unwrap();
            opt.name = name.to_owned();
            opt.channels = vec![name.split(':').next().unwrap().to_owned()];
            p.alternative_mut(id)
                .unwrap()
                .options
                .push(crate::model::BundledOption {
                    option: o,
                    priority: crate::model::Priority::High,
                });
        }
        let c = check(&p, id).unwrap();
        let warning = c.campaign_plan.clone().unwrap();
        assert!(
            warning.contains("campaign plan")
                && warning.contains("neither a business benefit nor a competitive position"),
            "{warning}"
        );
        assert!(c.score <= 40);
        assert_eq!(c.gaps()[0], warning);
    }

    #[test]
    fn a_statement_covers_a_component_the_data_cannot_show() {
        let mut p = crate::io::SAMPLES[0].load().unwrap();
        let alt = p.alternative_mut(AlternativeId(1)).unwrap();
        alt.statements
            .retain(|s| s.component != Component::Communication);
        assert_eq!(
            check(&p, AlternativeId(1)).unwrap().components[10].coverage,
            Coverage::Missing
        );
        p.alternative_mut(AlternativeId(1))
            .unwrap()
            .statements
            .push(Statement {
                component: Component::Communication,
                text: "Club first, shops second.".into(),
            });
        assert_eq!(
            check(&p, AlternativeId(1)).unwrap().components[10].coverage,
            Coverage::Covered
        );
    }
}

#[cfg(test)]
mod question_tests {
    //! The components judged by the method's questions, on a small project built here.
    use super::*;
    use crate::model::{
        Arena, ArenaScore, AssumptionStatus, BundledOption, CompetitorKind, Date, GoalBenefit,
        GoalKind, ItemKind, LinkStrength, Priority, Score, Statement, add_item,
    };

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    /// One option with topic 1, user benefit 1 and usage format 1, in alternative 1; a
    /// performance competitor rated on the topic only.
    fn project() -> Project {
        let mut p = Project::new("questions");
        for kind in [
            ItemKind::Topic,
            ItemKind::UserBenefit,
            ItemKind::UsageFormat,
            ItemKind::Competitor,
            ItemKind::Option,
            ItemKind::Alternative,
            ItemKind::Benefit,
            ItemKind::Goal,
            ItemKind::Goal,
        ] {
            add_item(&mut p, kind, today()).unwrap();
        }
        p.foundation.goals[0].kind = GoalKind::Company;
        p.foundation.goals[1].kind = GoalKind::SocialMedia;
        let o = &mut p.options[0];
        o.topic = Some(p.foundation.topics[0].id);
        o.user_benefit = Some(p.potential.user_benefits[0].id);
        o.usage_format = Some(p.potential.usage_formats[0].id);
        o.channels = vec!["Instagram".into()];
        o.benefits = vec![p.benefits[0].id];
        let option = o.id;
        p.alternatives[0].options.push(BundledOption {
            option,
            priority: Priority::High,
        });
        let topic = Arena::Topic(p.foundation.topics[0].id);
        p.competition.our_strength.push(ArenaScore {
            arena: topic,
            score: 6.0,
        });
        p.competition.competitors[0].kind = CompetitorKind::Performance;
        p.competition.competitors[0].strength.push(ArenaScore {
            arena: topic,
            score: 5.0,
        });
        p
    }

    fn coverage(p: &Project, component: Component) -> (Coverage, String) {
        let c = check(p, p.alternatives[0].id).unwrap();
        let found = c
            .components
            .into_iter()
            .find(|c| c.component == component)
            .unwrap();
        (found.coverage, found.note)
    }

    #[test]
    fn a_default_or_unrated_value_does_not_cover_a_component() {
        let mut p = project();
        // New items start not assessed: topic, user benefit, format and benefit are named but
        // not judged.
        for component in [
            Component::Topics,
            Component::UserBenefit,
            Component::UsageFormats,
            Component::CompanyBenefit,
        ] {
            assert_eq!(
                coverage(&p, component).0,
                Coverage::Missing,
                "{component:?}"
            );
        }
        assert_eq!(coverage(&p, Component::Channels).0, Coverage::Covered);
        p.foundation.topics[0].affinity = Score::new(8.0);
        p.benefits[0].relevance = Score::new(7.0);
        p.potential.usage_formats[0].competitive_quality = Score::new(6.0);
        assert_eq!(coverage(&p, Component::Topics).0, Coverage::Covered);
        assert_eq!(coverage(&p, Component::CompanyBenefit).0, Coverage::Covered);
        assert_eq!(
            coverage(&p, Component::UsageFormats).0,
            Coverage::Missing,
            "the format's risks are not named"
        );
        p.potential.usage_formats[0].risks = "Moderation effort".into();
        assert_eq!(coverage(&p, Component::UsageFormats).0, Coverage::Covered);
        // The user benefit competes: its strength and a rating against a competitor.
        p.potential.user_benefits[0].strength = Score::new(7.0);
        assert_eq!(coverage(&p, Component::UserBenefit).0, Coverage::Missing);
        let ub = Arena::UserBenefit(p.potential.user_benefits[0].id);
        p.competition.our_strength.push(ArenaScore {
            arena: ub,
            score: 7.0,
        });
        p.competition.competitors[0].strength.push(ArenaScore {
            arena: ub,
            score: 6.0,
        });
        assert_eq!(coverage(&p, Component::UserBenefit).0, Coverage::Covered);
    }

    #[test]
    fn competition_needs_positions_against_both_kinds() {
        let mut p = project();
        let (c, note) = coverage(&p, Component::Competition);
        assert_eq!(
            c,
            Coverage::Missing,
            "only a performance competitor is rated"
        );
        assert!(note.starts_with("0 of 1 options have a position computed against both"));
        add_item(&mut p, ItemKind::Competitor, today()).unwrap();
        let topic = Arena::Topic(p.foundation.topics[0].id);
        p.competition.competitors[1].kind = CompetitorKind::Attention;
        p.competition.competitors[1].strength.push(ArenaScore {
            arena: topic,
            score: 8.0,
        });
        assert_eq!(coverage(&p, Component::Competition).0, Coverage::Covered);
    }

    #[test]
    fn resources_must_be_estimated_not_defaults_and_within_the_period_budget() {
        let mut p = project();
        assert_eq!(coverage(&p, Component::Resources).0, Coverage::Missing);
        (
            p.alternatives[0].budget_eur,
            p.alternatives[0].effort_person_days,
        ) = (50_000.0, 200.0);
        let (c, note) = coverage(&p, Component::Resources);
        assert_eq!(c, Coverage::Partly);
        assert!(note.contains("defaults"), "{note}");
        p.alternatives[0].budget_eur = 42_000.0;
        assert_eq!(coverage(&p, Component::Resources).0, Coverage::Covered);
        p.decision.budget = Some(crate::model::Budget {
            eur: 40_000.0,
            person_days: 500.0,
        });
        assert_eq!(coverage(&p, Component::Resources).0, Coverage::Partly);
    }

    #[test]
    fn assumptions_must_be_linked_and_reviewed() {
        let mut p = project();
        assert_eq!(
            coverage(&p, Component::AssumptionsPrerequisites).0,
            Coverage::Missing
        );
        add_item(&mut p, ItemKind::Assumption, today()).unwrap();
        // Linked through the option, not reviewed yet.
        p.management.assumptions[0].options = vec![p.options[0].id];
        let (c, note) = coverage(&p, Component::AssumptionsPrerequisites);
        assert_eq!(
            (c, note.as_str()),
            (
                Coverage::Partly,
                "1 of 1 linked assumptions are not reviewed yet"
            )
        );
        p.management.assumptions[0].status = AssumptionStatus::Holds;
        assert_eq!(
            coverage(&p, Component::AssumptionsPrerequisites).0,
            Coverage::Covered
        );
    }

    #[test]
    fn every_goal_is_served_or_knowingly_left_out() {
        let mut p = project();
        p.alternatives[0].goal_contribution = Score::new(5.0);
        // Goal 1 is served through the option's benefit; goal 2 by nothing.
        p.foundation.goals[0].benefits = vec![GoalBenefit {
            benefit: p.benefits[0].id,
            strength: LinkStrength::Strong,
        }];
        p.foundation.goals[1].text = "Be the first address for home bakers".into();
        let (c, note) = coverage(&p, Component::Goals);
        assert_eq!(c, Coverage::Partly);
        assert_eq!(
            note,
            "“Be the first address for home bakers” is served by none of its options: serve it or state why it is left out"
        );
        p.alternatives[0].statements.push(Statement {
            component: Component::Goals,
            text: "The home-baker goal is the club alternative's; this one leaves it out.".into(),
        });
        let (c, note) = coverage(&p, Component::Goals);
        assert_eq!(c, Coverage::Covered);
        assert!(note.starts_with("1 of 2 goals served"), "{note}");
        p.alternatives[0].goal_contribution = Score::NOT_ASSESSED;
        assert_eq!(coverage(&p, Component::Goals).0, Coverage::Partly);
    }

    #[test]
    fn a_lead_typed_over_an_unrated_matrix_is_no_position() {
        let mut p = project();
        p.benefits[0].relevance = Score::new(7.0);
        // Option 1 realises a benefit and names channels; typed as leading while the matrix
        // rates only the topic, where we are ahead of the performance competitor.
        p.options[0].assessment = crate::model::CompetitiveAssessment::Leading;
        let id = p.alternatives[0].id;
        assert!(
            check(&p, id).unwrap().campaign_plan.is_none(),
            "the matrix backs the lead"
        );
        // Without ratings the lead is only typed: a campaign plan.
        p.competition.our_strength.clear();
        let c = check(&p, id).unwrap();
        assert!(
            c.campaign_plan
                .as_deref()
                .is_some_and(|w| w.contains("no competitive position")),
            "{:?}",
            c.campaign_plan
        );
        // Kept against the matrix with a reason, it counts again.
        crate::model::judgement::reason_mut(
            &mut p.options[0].overrides,
            crate::model::Suggested::Position,
        )
        .push_str("We lead: our rating predates the relaunch.");
        assert!(check(&p, id).unwrap().campaign_plan.is_none());
    }

    #[test]
    fn the_potentials_and_impact_formats_behind_the_options_must_be_assessed() {
        let mut p = project();
        let b = &p.benefits[0];
        let (module, kind) = (b.module, b.change_potential);
        add_item(&mut p, ItemKind::Potential, today()).unwrap();
        add_item(&mut p, ItemKind::ImpactFormat, today()).unwrap();
        p.potential.module_potentials[0].module = Some(module);
        p.potential.module_potentials[0].potential_type = kind;
        let format = p.potential.usage_formats[0].id;
        p.potential.impact_formats[0].set_works_through(format, true);
        let id = p.alternatives[0].id;
        let what: Vec<Option<ItemRef>> = pending_for(&p, id).iter().map(|x| x.item).collect();
        assert!(what.contains(&Some(ItemRef::Potential(
            p.potential.module_potentials[0].id
        ))));
        assert!(what.contains(&Some(ItemRef::ImpactFormat(
            p.potential.impact_formats[0].id
        ))));
        // A potential of another module is not this alternative's concern.
        p.potential.module_potentials[0].module = None;
        let what: Vec<Option<ItemRef>> = pending_for(&p, id).iter().map(|x| x.item).collect();
        assert!(!what.contains(&Some(ItemRef::Potential(
            p.potential.module_potentials[0].id
        ))));
    }
}
