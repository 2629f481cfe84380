//! The analysis of a project in one structure, built once: the window caches it, the decision
//! memo and the command line take it. The Monte Carlo run is not in it: the window runs that in
//! the background, the memo and the command line get its result beside the analysis.

use super::ahp::{self, AhpResult};
use super::check::{self, StrategyCheck};
use super::decision::{Evaluation, evaluate};
use super::goals::{self, GoalMatrix};
use super::kpi::{self, KpiHealth};
use super::sensitivity::{self, CloseCall, RankReversal};
use crate::model::Project;

/// Everything the window, the memo and the command line show about a project, except the
/// Monte Carlo rank acceptability and what depends on today's date (the assumptions' status).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Scores, totals, ranks, dominance (Pareto), budget.
    pub evaluation: Evaluation,
    /// AHP on the pairwise judgments, if every pair is judged.
    pub ahp: Option<AhpResult>,
    /// Rank-reversal thresholds per criterion (the sensitivity of the winner).
    pub sensitivity: Vec<RankReversal>,
    /// The close-call check.
    pub close_call: Option<CloseCall>,
    /// The strategy check of the alternative [`check::focus`] picks, if there is one.
    pub check: Option<StrategyCheck>,
    /// The health of each KPI at its latest measurement, in the project's order (a KPI without
    /// one is not measured yet; whether its first measurement is overdue depends on today: see
    /// [`kpi::KpiHealth::as_of`]).
    pub kpi_health: Vec<KpiHealth>,
    /// How strongly each alternative serves each goal, through its options' benefits.
    pub goals: GoalMatrix,
}

impl Analysis {
    /// Analyses a project.
    pub fn of(project: &Project) -> Self {
        let mut analysis = Self {
            evaluation: evaluate(project),
            ahp: ahp::from_project(project),
            sensitivity: sensitivity::thresholds(project),
            close_call: sensitivity::close_call(project),
            check: None,
            kpi_health: Vec::new(),
            goals: GoalMatrix::default(),
        };
        analysis.update_beyond_decision(project);
        analysis
    }

    /// Recomputes what depends on more than the decision's inputs (the strategy check, the
    /// KPIs' health, the goals × alternatives matrix) and keeps the decision analysis, for a
    /// project whose decision inputs did not change.
    pub fn update_beyond_decision(&mut self, project: &Project) {
        self.check = check::focus(project).and_then(|id| check::check(project, id));
        let thresholds = project.management.health;
        self.kpi_health = project
            .management
            .kpis
            .iter()
            .map(|k| kpi::health(k, thresholds))
            .collect();
        self.goals = goals::matrix(project);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::io::SAMPLES;

    #[test]
    fn the_analysis_holds_each_result_of_its_project() {
        for sample in SAMPLES {
            let p = sample.load().unwrap();
            let a = Analysis::of(&p);
            assert_eq!(a.evaluation, evaluate(&p), "{}", sample.file_name);
            assert_eq!(a.ahp, ahp::from_project(&p));
            assert_eq!(a.sensitivity, sensitivity::thresholds(&p));
            assert_eq!(a.close_call, sensitivity::close_call(&p));
            let focus = check::focus(&p).unwrap();
            assert_eq!(a.check, check::check(&p, focus));
            assert_eq!(a.kpi_health.len(), p.management.kpis.len());
            assert_eq!(a.goals, goals::matrix(&p));
            for (k, h) in p.management.kpis.iter().zip(&a.kpi_health) {
                assert_eq!(*h, kpi::health(k, p.management.health), "{}", k.name);
            }
        }
    }

    #[test]
    fn an_update_beyond_the_decision_keeps_the_decision_analysis() {
        let p = SAMPLES[0].load().unwrap();
        let mut a = Analysis::of(&p);
        let mut q = p.clone();
        q.management.kpis.pop();
        q.alternatives[0].statements.clear();
        a.update_beyond_decision(&q);
        assert_eq!(a.evaluation, evaluate(&p));
        assert_eq!(a.kpi_health.len(), q.management.kpis.len());
        assert_eq!(a, Analysis::of(&q), "nothing else differs");
    }
}
