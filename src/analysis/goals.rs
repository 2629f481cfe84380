//! Goals × alternatives: how strongly each alternative serves each goal, through the corporate
//! benefits its options realise and the goals those benefits serve, and the goal contribution
//! this suggests for an alternative.
//!
//! A cell (goal, alternative) is the strongest single way the alternative serves the goal:
//! the maximum, over the alternative's bundled options and the benefits each realises that
//! the goal links, of 10 × the link's share (weak 1/3, medium 2/3, strong 1) × the option's
//! bundle weight (high 1, medium 0.75, low 0.5). A goal no option serves gets 0.

use crate::model::{
    ActionOption, AlternativeId, BenefitId, Choice, GoalId, ItemRef, LinkStrength, OptionId,
    Priority, Project,
};
use std::collections::HashMap;

/// The link that gave a cell its value: which option of the alternative, through which of its
/// benefits, how strongly the benefit serves the goal and the option's priority in the bundle.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Via {
    /// The bundled option.
    pub option: OptionId,
    /// The corporate benefit it realises that serves the goal.
    pub benefit: BenefitId,
    /// How strongly that benefit serves the goal.
    pub strength: LinkStrength,
    /// The option's priority in the alternative.
    pub priority: Priority,
}

/// One cell of the matrix: how strongly an alternative serves a goal, 0 to 10.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Cell {
    /// 0 (not at all) to 10 (a strong link through a high-priority option).
    pub value: f64,
    /// The link that gave the value; `None` when the alternative does not serve the goal.
    pub via: Option<Via>,
}

/// Goals (rows) × alternatives (columns), both in the project's order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct GoalMatrix {
    /// The rows: every goal.
    pub goals: Vec<GoalId>,
    /// The columns: every alternative.
    pub alternatives: Vec<AlternativeId>,
    /// `cells[goal][alternative]`.
    pub cells: Vec<Vec<Cell>>,
    /// Per goal: whether any alternative serves it.
    pub served: Vec<bool>,
    /// Whether any goal links a corporate benefit (without, there is nothing to suggest from).
    pub linked: bool,
}

/// A value suggested from the project's links, with why.
#[derive(Clone, Debug, PartialEq)]
pub struct Suggestion {
    /// The suggested value.
    pub value: f64,
    /// Why, in one line.
    pub reason: String,
    /// The items the value was computed from: each goal served, with the option and benefit
    /// through which it is served most strongly.
    pub inputs: Vec<ItemRef>,
}

/// The goals × alternatives matrix of a project.
pub fn matrix(project: &Project) -> GoalMatrix {
    let goals = &project.foundation.goals;
    // For each benefit, the goals it serves (by row) and how strongly.
    let mut serving: HashMap<BenefitId, Vec<(usize, LinkStrength)>> = HashMap::new();
    for (row, g) in goals.iter().enumerate() {
        for link in &g.benefits {
            serving
                .entry(link.benefit)
                .or_default()
                .push((row, link.strength));
        }
    }
    let options: crate::analysis::competition::SmallKeyMap<OptionId, &ActionOption> =
        project.options.iter().map(|o| (o.id, o)).collect();
    let mut cells = vec![vec![Cell::default(); project.alternatives.len()]; goals.len()];
    for (column, a) in project.alternatives.iter().enumerate() {
        for bundled in &a.options {
            let Some(option) = options.get(&bundled.option) else {
                continue;
            };
            let weight = bundled.priority.bundle_weight();
            for benefit in &option.benefits {
                for (row, strength) in serving.get(benefit).into_iter().flatten() {
                    let value = 10.0 * strength.share() * weight;
                    let Some(cell) = cells.get_mut(*row).and_then(|r| r.get_mut(column)) else {
                        continue;
                    };
                    // The first of equally strong links stays: the bundle's and the option's order.
                    if value > cell.value {
                        *cell = Cell {
                            value,
                            via: Some(Via {
                                option: option.id,
                                benefit: *benefit,
                                strength: *strength,
                                priority: bundled.priority,
                            }),
                        };
                    }
                }
            }
        }
    }
    GoalMatrix {
        goals: goals.iter().map(|g| g.id).collect(),
        alternatives: project.alternatives.iter().map(|a| a.id).collect(),
        served: cells
            .iter()
            .map(|row| row.iter().any(|c| c.value > 0.0))
            .collect(),
        linked: goals.iter().any(|g| !g.benefits.is_empty()),
        cells,
    }
}

/// The goal contribution the goal links suggest for an alternative; `None` when no goal links
/// a benefit (nothing to suggest from) or the alternative does not exist.
pub fn suggested_contribution(project: &Project, alternative: AlternativeId) -> Option<Suggestion> {
    matrix(project).suggestion(project, alternative)
}

impl GoalMatrix {
    /// The goal contribution the links suggest for an alternative, without its reason: the mean
    /// of its cells over all goals, to the nearest half point. `None` when no goal links a
    /// benefit or the alternative is not in the matrix.
    pub fn suggested_value(&self, alternative: AlternativeId) -> Option<f64> {
        if !self.linked || self.goals.is_empty() {
            return None;
        }
        let column = self.column(alternative)?;
        let (sum, n) = self
            .cells
            .iter()
            .filter_map(|row| row.get(column))
            .fold((0.0, 0_u32), |(sum, n), c| (sum + c.value, n + 1));
        (n > 0).then(|| (sum / f64::from(n) * 2.0).round() / 2.0)
    }

    /// The column of an alternative.
    pub fn column(&self, alternative: AlternativeId) -> Option<usize> {
        self.alternatives.iter().position(|a| *a == alternative)
    }

    /// The cell of a goal and an alternative.
    pub fn cell(&self, goal: GoalId, alternative: AlternativeId) -> Option<Cell> {
        let row = self.goals.iter().position(|g| *g == goal)?;
        let column = self.column(alternative)?;
        self.cells.get(row)?.get(column).copied()
    }

    /// The goal contribution suggested for an alternative: the mean of its cells over all
    /// goals, rounded to the nearest 0.5, with a reason that names how many goals it serves and
    /// its strongest link. `None` when no goal links a benefit or the alternative is not in the
    /// matrix. `project` is the one the matrix was made for (it names the items).
    pub fn suggestion(&self, project: &Project, alternative: AlternativeId) -> Option<Suggestion> {
        let value = self.suggested_value(alternative)?;
        let column = self.column(alternative)?;
        let cells: Vec<(GoalId, Cell)> = self
            .goals
            .iter()
            .zip(&self.cells)
            .filter_map(|(g, row)| Some((*g, *row.get(column)?)))
            .collect();
        let served: Vec<(GoalId, Via, f64)> = cells
            .iter()
            .filter_map(|(g, c)| c.via.map(|via| (*g, via, c.value)))
            .collect();
        let mut inputs = Vec::new();
        for (g, via, _) in &served {
            for item in [
                ItemRef::Goal(*g),
                ItemRef::Option(via.option),
                ItemRef::Benefit(via.benefit),
            ] {
                if !inputs.contains(&item) {
                    inputs.push(item);
                }
            }
        }
        let total = cells.len();
        // The first of equally strong cells: the goals' order.
        let strongest =
            served
                .iter()
                .fold(None, |best: Option<&(GoalId, Via, f64)>, s| match best {
                    Some(b) if b.2 >= s.2 => Some(b),
                    _ => Some(s),
                });
        let reason = match strongest {
            None => format!(
                "serves none of the {total} goals: none of its options realises a benefit that a goal links"
            ),
            Some((goal, via, _)) => format!(
                "serves {} of {total} goals; strongest: {}",
                served.len(),
                link_text(project, *goal, via)
            ),
        };
        Some(Suggestion {
            value,
            reason,
            inputs,
        })
    }
}

/// "“Goal” through “Option” → “Benefit” (strong, high priority)".
pub fn link_text(project: &Project, goal: GoalId, via: &Via) -> String {
    format!(
        "“{}” through “{}” → “{}” ({}, {} priority)",
        goal_name(project, goal),
        project
            .option(via.option)
            .map_or_else(|| format!("option {}", via.option), |o| o.name.clone()),
        project
            .benefit(via.benefit)
            .map_or_else(|| format!("benefit {}", via.benefit), |b| b.name.clone()),
        via.strength.label().to_lowercase(),
        via.priority.label().to_lowercase()
    )
}

/// A goal as text names it: its statement without a final full stop, or "goal 3" when it has
/// none yet.
pub fn goal_name(project: &Project, goal: GoalId) -> String {
    project
        .foundation
        .goals
        .iter()
        .find(|g| g.id == goal)
        .map(|g| g.text.trim().trim_end_matches('.').to_owned())
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| format!("goal {goal}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{BundledOption, Date, ItemKind, add_item};

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    fn add(p: &mut Project, kind: ItemKind) -> ItemRef {
        add_item(p, kind, today()).unwrap()
    }

    /// Two goals, three benefits, three options, two alternatives:
    ///
    /// - G1 “Grow the club” is served by B1 (strong) and B2 (weak); G2 “Fill apprentice places”
    ///   by B3 (medium).
    /// - O1 realises B1; O2 realises B2 and B3; O3 realises B3.
    /// - A1 bundles O1 (medium priority) and O2 (high); A2 bundles O3 (low).
    fn two_goals() -> Project {
        let mut p = Project::new("goals");
        for _ in 0..3 {
            add(&mut p, ItemKind::Benefit);
            add(&mut p, ItemKind::Option);
        }
        for _ in 0..2 {
            add(&mut p, ItemKind::Goal);
            add(&mut p, ItemKind::Alternative);
        }
        let b: Vec<BenefitId> = p.benefits.iter().map(|b| b.id).collect();
        let o: Vec<OptionId> = p.options.iter().map(|o| o.id).collect();
        p.benefits[0].name = "Loyal regulars".into();
        p.options[0].name = "Sourdough club".into();
        p.options[0].set_realises(b[0], true);
        p.options[1].set_realises(b[1], true);
        p.options[1].set_realises(b[2], true);
        p.options[2].set_realises(b[2], true);
        let g = &mut p.foundation.goals;
        g[0].text = "Grow the club.".into();
        g[0].set_strength(b[0], LinkStrength::Strong);
        g[0].set_strength(b[1], LinkStrength::Weak);
        g[1].text = "Fill apprentice places".into();
        g[1].set_strength(b[2], LinkStrength::Medium);
        let bundle = |option, priority| BundledOption { option, priority };
        p.alternatives[0].options =
            vec![bundle(o[0], Priority::Medium), bundle(o[1], Priority::High)];
        p.alternatives[1].options = vec![bundle(o[2], Priority::Low)];
        assert!(crate::model::validate(&p).is_empty());
        p
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn each_cell_is_the_strongest_link_weighted_by_priority() {
        let p = two_goals();
        let (a1, a2) = (p.alternatives[0].id, p.alternatives[1].id);
        let (g1, g2) = (p.foundation.goals[0].id, p.foundation.goals[1].id);
        let m = matrix(&p);
        assert_eq!(m.goals, vec![g1, g2]);
        assert_eq!(m.alternatives, vec![a1, a2]);
        // (G1, A1): O1 → B1 strong, medium priority: 10 × 1 × 0.75 = 7.5; O2 → B2 weak, high
        // priority: 10 × 1/3 × 1 = 3.33. The maximum is 7.5, through O1 and B1.
        let c = m.cell(g1, a1).unwrap();
        assert!(close(c.value, 7.5), "{c:?}");
        let via = c.via.unwrap();
        assert_eq!(
            (via.option, via.benefit),
            (p.options[0].id, p.benefits[0].id)
        );
        assert_eq!(
            (via.strength, via.priority),
            (LinkStrength::Strong, Priority::Medium)
        );
        // (G2, A1): O2 → B3 medium, high priority: 10 × 2/3 × 1 = 6.67.
        assert!(close(m.cell(g2, a1).unwrap().value, 20.0 / 3.0));
        // (G1, A2): O3 realises only B3, which G1 does not link: 0, no link.
        assert_eq!(m.cell(g1, a2).unwrap(), Cell::default());
        // (G2, A2): O3 → B3 medium, low priority: 10 × 2/3 × 0.5 = 3.33.
        assert!(close(m.cell(g2, a2).unwrap().value, 10.0 / 3.0));
        assert_eq!(m.served, vec![true, true]);
        assert!(m.linked);
    }

    #[test]
    fn the_suggestion_is_the_mean_over_all_goals_rounded_to_a_half() {
        let mut p = two_goals();
        let (a1, a2) = (p.alternatives[0].id, p.alternatives[1].id);
        // A1: (7.5 + 6.67) / 2 = 7.08, rounded to 7.0.
        let s = suggested_contribution(&p, a1).unwrap();
        assert_eq!(s.value, 7.0);
        assert_eq!(
            s.reason,
            "serves 2 of 2 goals; strongest: “Grow the club” through “Sourdough club” → “Loyal regulars” (strong, medium priority)"
        );
        assert_eq!(
            s.inputs,
            vec![
                ItemRef::Goal(p.foundation.goals[0].id),
                ItemRef::Option(p.options[0].id),
                ItemRef::Benefit(p.benefits[0].id),
                ItemRef::Goal(p.foundation.goals[1].id),
                ItemRef::Option(p.options[1].id),
                ItemRef::Benefit(p.benefits[2].id),
            ]
        );
        // A2: (0 + 3.33) / 2 = 1.67, rounded to 1.5.
        let s = suggested_contribution(&p, a2).unwrap();
        assert_eq!(s.value, 1.5);
        assert!(s.reason.starts_with("serves 1 of 2 goals; strongest: “Fill apprentice places” through “Option 3” → “Benefit 3” (medium, low priority)"), "{}", s.reason);

        // A third goal that no benefit serves counts in the mean: A1 (7.5 + 6.67 + 0) / 3 = 4.72,
        // rounded to 4.5; nobody serves it.
        add(&mut p, ItemKind::Goal);
        assert_eq!(suggested_contribution(&p, a1).unwrap().value, 4.5);
        assert_eq!(matrix(&p).served, vec![true, true, false]);

        // An alternative with no options serves none.
        let ItemRef::Alternative(empty) = add(&mut p, ItemKind::Alternative) else {
            unreachable!()
        };
        let s = suggested_contribution(&p, empty).unwrap();
        assert_eq!(s.value, 0.0);
        assert!(
            s.reason.starts_with("serves none of the 3 goals"),
            "{}",
            s.reason
        );
        assert!(s.inputs.is_empty());
        assert_eq!(suggested_contribution(&p, AlternativeId(99)), None);
    }

    #[test]
    fn without_a_goal_linked_to_a_benefit_there_is_nothing_to_suggest() {
        let mut p = two_goals();
        for g in &mut p.foundation.goals {
            g.benefits.clear();
        }
        let m = matrix(&p);
        assert!(!m.linked);
        assert_eq!(m.served, vec![false, false]);
        assert_eq!(suggested_contribution(&p, p.alternatives[0].id), None);
        assert_eq!(
            suggested_contribution(&Project::new("empty"), AlternativeId(1)),
            None
        );
    }

    #[test]
    fn the_first_of_equally_strong_links_explains_the_cell() {
        let mut p = two_goals();
        // O2 now also high priority and B2 strong: O1 (medium) gives 7.5, O2 → B2 gives 10.
        let b2 = p.benefits[1].id;
        p.foundation.goals[0].set_strength(b2, LinkStrength::Strong);
        let m = matrix(&p);
        let c = m
            .cell(p.foundation.goals[0].id, p.alternatives[0].id)
            .unwrap();
        assert_eq!(c.value, 10.0);
        assert_eq!(c.via.unwrap().benefit, b2);
        // Both options high and both benefits strong: the first option of the bundle stays.
        p.alternatives[0].options[0].priority = Priority::High;
        let m = matrix(&p);
        let c = m
            .cell(p.foundation.goals[0].id, p.alternatives[0].id)
            .unwrap();
        assert_eq!(c.via.unwrap().option, p.options[0].id);
    }

    #[test]
    fn the_stress_project_has_a_matrix_of_its_size() {
        let p = crate::model::stress::stress_project(crate::model::stress::StressSize::scaled(20));
        let m = matrix(&p);
        assert_eq!(m.cells.len(), 20);
        assert!(m.cells.iter().all(|row| row.len() == 20));
        assert!(m.served.iter().any(|s| *s));
        for row in &m.cells {
            for c in row {
                assert!((0.0..=10.0).contains(&c.value));
                assert_eq!(c.value > 0.0, c.via.is_some());
            }
        }
    }
}
