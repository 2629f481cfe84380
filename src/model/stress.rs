//! A large, valid, generated project for benchmarks and tests of scale. Deterministic: the same
//! sizes give the same project.

use super::*;

/// How large a generated project is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct StressSize {
    /// Strategy alternatives.
    pub alternatives: u32,
    /// Options for action.
    pub options: u32,
    /// KPIs.
    pub kpis: u32,
    /// Actuals per KPI (one per month).
    pub actuals_per_kpi: u32,
}

impl StressSize {
    /// The size named in the benchmark brief: 200 alternatives, 2,000 options, 100 KPIs with
    /// 120 actuals each.
    pub const BENCHMARK: Self = Self {
        alternatives: 200,
        options: 2_000,
        kpis: 100,
        actuals_per_kpi: 120,
    };

    /// A project of the benchmark's proportions with `alternatives` alternatives: ten options
    /// per alternative, a KPI per two (120 actuals each). Its file grows in proportion:
    /// [`BENCHMARK`](Self::BENCHMARK) is `scaled(200)`, about 1.5 MB; `scaled(700)` is about 5 MB.
    pub const fn scaled(alternatives: u32) -> Self {
        Self {
            alternatives,
            options: alternatives.saturating_mul(10),
            kpis: alternatives / 2,
            actuals_per_kpi: 120,
        }
    }
}

/// A number in 0..=10 from a counter, spread so that neighbours differ (steps of 0.5).
fn score(seed: u32) -> f64 {
    f64::from((seed.wrapping_mul(2_654_435_761) >> 7) % 21) / 2.0
}

fn rating(seed: u32) -> Score {
    Score::new(score(seed))
}

fn pick<T: Copy>(items: &[T], seed: u32) -> Option<T> {
    let len = u32::try_from(items.len()).ok().filter(|n| *n > 0)?;
    items.get(usize::try_from(seed % len).ok()?).copied()
}

/// Generates a valid project of the given size.
pub fn stress_project(size: StressSize) -> Project {
    let mut p = Project::new("Generated stress project");
    p.summary = "A generated project to measure the workbench at scale.".to_owned();
    let start = Date::new(2020, 1, 31).unwrap_or_else(Date::today);
    p.foundation.market_affinity = Score::new(7.0);
    let modules: Vec<ModuleId> = p.foundation.modules.iter().map(|m| m.id).collect();
    for i in 1..=20 {
        p.foundation.topics.push(Topic {
            id: TopicId(i),
            name: format!("Topic {i}"),
            affinity: rating(i),
            note: String::new(),
        });
        let mut goal = Goal::new(
            GoalId(i),
            if i % 2 == 0 {
                GoalKind::Company
            } else {
                GoalKind::SocialMedia
            },
        );
        goal.text = format!("Goal number {i}, stated so that it can be checked");
        // Two or three of the 100 benefits serve each goal (about half the benefits serve
        // one), and a KPI measures it.
        for k in 0..(2 + i % 2) {
            let benefit = BenefitId((i * 5 + k) % 100 + 1);
            goal.set_strength(benefit, pick(LinkStrength::ALL, i + k).unwrap_or_default());
        }
        if size.kpis > 0 {
            goal.set_measured_by(KpiId((i - 1) % size.kpis + 1), true);
        }
        p.foundation.goals.push(goal);
    }
    let kinds = UsageFormatKind::ALL;
    for i in 1..=12 {
        p.potential.usage_formats.push(UsageFormat {
            id: UsageFormatId(i),
            kind: pick(kinds, i).unwrap_or_default(),
            name: format!("Usage format {i}"),
            performance: "Reach and dialogue with a defined audience".to_owned(),
            prerequisites: "A team of two".to_owned(),
            criteria: "Reach, engagement".to_owned(),
            risks: "Platform dependence".to_owned(),
            competitive_quality: rating(i + 3),
        });
        p.potential.user_benefits.push(UserBenefit {
            id: UserBenefitId(i),
            name: format!("User benefit {i}"),
            description: "What the user gets".to_owned(),
            topic: Some(TopicId(i)),
            strength: rating(i + 5),
        });
    }
    for (i, module) in (1..).zip(&modules) {
        p.potential.module_potentials.push(ModulePotential {
            id: PotentialId(i),
            module: Some(*module),
            potential_type: pick(PotentialType::ALL, i).unwrap_or_default(),
            strength: rating(i),
            decision: PotentialDecision::Use,
            note: "Generated".to_owned(),
        });
    }
    for i in 1..=100 {
        p.benefits.push(Benefit {
            id: BenefitId(i),
            module: pick(&modules, i).unwrap_or(ModuleId(1)),
            name: format!("Benefit {i}"),
            description: "A benefit for the module".to_owned(),
            relevance: rating(i),
            change_potential: pick(PotentialType::ALL, i).unwrap_or_default(),
            opportunities: "Opportunities".to_owned(),
            risks: "Risks".to_owned(),
        });
    }
    let arenas: Vec<Arena> = (1..=12)
        .map(|i| Arena::UsageFormat(UsageFormatId(i)))
        .chain((1..=20).map(|i| Arena::Topic(TopicId(i))))
        .collect();
    p.competition.our_strength = arenas
        .iter()
        .zip(1..)
        .map(|(arena, i)| ArenaScore {
            arena: *arena,
            score: score(i),
        })
        .collect();
    for i in 1..=20 {
        p.competition.competitors.push(Competitor {
            id: CompetitorId(i),
            name: format!("Competitor {i}"),
            kind: if i % 2 == 0 {
                CompetitorKind::Performance
            } else {
                CompetitorKind::Attention
            },
            description: "A competitor".to_owned(),
            strength: arenas
                .iter()
                .zip(1..)
                .filter(|(_, j)| (i + j) % 3 == 0)
                .map(|(arena, j)| ArenaScore {
                    arena: *arena,
                    score: score(i * 7 + j),
                })
                .collect(),
            rated: None,
            history: Vec::new(),
        });
    }
    for i in 1..=size.options {
        p.options.push(ActionOption {
            id: OptionId(i),
            name: format!("Option {i}"),
            topic: Some(TopicId(i % 20 + 1)),
            user_benefit: Some(UserBenefitId(i % 12 + 1)),
            usage_format: Some(UsageFormatId(i % 12 + 1)),
            participation: "Users comment and share".to_owned(),
            motivation: "Recognition".to_owned(),
            channels: vec!["Instagram".to_owned(), "Own community".to_owned()],
            required_performance: "Weekly content".to_owned(),
            priority: pick(Priority::ALL, i).unwrap_or_default(),
            relevance: rating(i),
            assessment: pick(CompetitiveAssessment::ALL, i).unwrap_or_default(),
            benefits: vec![BenefitId(i % 100 + 1)],
            overrides: Vec::new(),
        });
    }
    for i in 1..=size.alternatives {
        let options = (0..10)
            .filter_map(|k| {
                let option = (i * 10 + k) % size.options.max(1) + 1;
                (option <= size.options).then_some(BundledOption {
                    option: OptionId(option),
                    priority: pick(Priority::ALL, k).unwrap_or_default(),
                })
            })
            .collect();
        p.alternatives.push(Alternative {
            id: AlternativeId(i),
            name: format!("Alternative {i}"),
            description: "A generated alternative".to_owned(),
            options,
            competitive_quality: rating(i),
            risk: rating(i + 11),
            budget_eur: f64::from(20_000 + (i * 7_919) % 300_000),
            effort_person_days: f64::from(50 + (i * 31) % 900),
            goal_contribution: rating(i + 2),
            strategic_quality: rating(i + 4),
            status: pick(AlternativeStatus::ALL, i).unwrap_or_default(),
            custom_scores: Vec::new(),
            statements: Vec::new(),
            rubric: QualityRubric::default(),
            overrides: Vec::new(),
            // Every other alternative has an uncertain competitive quality and risk.
            ranges: if i % 2 == 0 {
                vec![
                    ScoreRange {
                        criterion: CriterionId(1),
                        low: (score(i) - 1.5).max(0.0),
                        high: (score(i) + 1.0).min(10.0),
                    },
                    ScoreRange {
                        criterion: CriterionId(2),
                        low: (score(i + 11) - 1.0).max(0.0),
                        high: (score(i + 11) + 2.0).min(10.0),
                    },
                ]
            } else {
                Vec::new()
            },
        });
    }
    for i in 1..=size.kpis {
        let actuals = (0..size.actuals_per_kpi)
            .map(|m| {
                let month = i32::try_from(m).unwrap_or(0) + 1;
                Actual(
                    start.end_of_month_after(month),
                    f64::from(100 + m * 3 + i % 7),
                )
            })
            .collect();
        p.management.kpis.push(Kpi {
            id: KpiId(i),
            name: format!("KPI {i}"),
            unit: "units".to_owned(),
            direction: if i % 4 == 0 {
                KpiDirection::LowerIsBetter
            } else {
                KpiDirection::HigherIsBetter
            },
            baseline: 100.0,
            baseline_date: start,
            target: 500.0,
            target_date: start
                .end_of_month_after(i32::try_from(size.actuals_per_kpi).unwrap_or(0) + 12),
            actuals,
            alternative: (size.alternatives > 0)
                .then(|| AlternativeId(i % size.alternatives.max(1) + 1)),
            option: (size.options > 0).then(|| OptionId(i % size.options.max(1) + 1)),
            benefit: Some(BenefitId(i % 100 + 1)),
            cadence: super::Cadence::Monthly,
            milestones: Vec::new(),
        });
    }
    for i in 1..=100 {
        p.management.assumptions.push(Assumption {
            kind: pick(AssumptionKind::ALL, i).unwrap_or_default(),
            alternatives: (size.alternatives > 0)
                .then(|| AlternativeId(i % size.alternatives.max(1) + 1))
                .into_iter()
                .collect(),
            status: pick(AssumptionStatus::ALL, i).unwrap_or_default(),
            last_review: Some(start),
            owner: "Owner".to_owned(),
            ..Assumption::new(AssumptionId(i), format!("Assumption {i} holds"))
        });
    }
    for i in 1..=500 {
        p.management.measures.push(Measure {
            option: (size.options > 0).then(|| OptionId(i % size.options.max(1) + 1)),
            owner: "Owner".to_owned(),
            status: pick(MeasureStatus::ALL, i).unwrap_or_default(),
            planned_days: Some(f64::from(i % 20 + 1)),
            actual_days: Some(f64::from(i % 15)),
            planned_eur: Some(f64::from(i % 10 + 1) * 1_000.0),
            actual_eur: Some(f64::from(i % 8) * 1_000.0),
            progress_percent: Some(f64::from(i % 11) * 10.0),
            quality: super::score::Score::new(f64::from(i % 11)),
            ..Measure::new(
                MeasureId(i),
                format!("Measure {i}"),
                start.end_of_month_after(i32::try_from(i % 36).unwrap_or(0)),
            )
        });
    }
    // Two workshop votes of 30 participants, five dots each: one on every alternative, then
    // (the latest, so the voting pane shows it) one on every option.
    for (subject, items) in [
        (voting::VoteSubject::Alternatives, size.alternatives),
        (voting::VoteSubject::Options, size.options),
    ] {
        let id = VotingRoundId(u32::try_from(p.votes.len()).unwrap_or(0) + 1);
        let mut round = voting::VotingRound::new(id, start, subject, 30, 5);
        for (b, ballot) in (0u32..).zip(&mut round.ballots) {
            for d in 0..5 {
                let item = (b * 7 + d * 13) % items.max(1) + 1;
                let on = match subject {
                    voting::VoteSubject::Options => voting::VoteTarget::Option(OptionId(item)),
                    voting::VoteSubject::Alternatives => {
                        voting::VoteTarget::Alternative(AlternativeId(item))
                    }
                };
                let count = ballot.dots_on(on) + 1;
                if items > 0 {
                    ballot.set(on, count);
                }
            }
        }
        p.votes.push(round);
    }
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_benchmark_project_is_valid_and_of_the_promised_size() {
        let p = stress_project(StressSize::BENCHMARK);
        assert!(validate(&p).is_empty(), "{:?}", validate(&p).first());
        assert_eq!(p.alternatives.len(), 200);
        assert_eq!(p.options.len(), 2_000);
        assert_eq!(p.management.kpis.len(), 100);
        assert!(p.management.kpis.iter().all(|k| k.actuals.len() == 120));
        assert_eq!(p, stress_project(StressSize::BENCHMARK), "deterministic");
        // Goals are tied to benefits and KPIs, KPIs to benefits.
        for g in &p.foundation.goals {
            assert!((2..=3).contains(&g.benefits.len()), "{g:?}");
            assert_eq!(g.kpis.len(), 1);
        }
        assert!(p.management.kpis.iter().all(|k| k.benefit.is_some()));
    }

    #[test]
    fn scaled_projects_keep_the_benchmark_proportions_and_are_valid() {
        assert_eq!(StressSize::scaled(200), StressSize::BENCHMARK);
        let p = stress_project(StressSize::scaled(30));
        assert!(validate(&p).is_empty(), "{:?}", validate(&p).first());
        assert_eq!(p.alternatives.len(), 30);
        assert_eq!(p.options.len(), 300);
        assert_eq!(p.management.kpis.len(), 15);
    }

    #[test]
    fn a_tiny_stress_project_is_valid_too() {
        let size = StressSize {
            alternatives: 0,
            options: 0,
            kpis: 1,
            actuals_per_kpi: 0,
        };
        assert!(validate(&stress_project(size)).is_empty());
    }
}
