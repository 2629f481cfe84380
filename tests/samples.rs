#![allow(clippy::unwrap_used, clippy::expect_used)]
//! The shipped case studies: they load, validate, survive save and load unchanged, and are
//! rich enough to teach the method.

use pbsm::analysis::steering::{self, DueKind, QUALITY_SHORT};
use pbsm::analysis::{check, consistency, decision, goals, robustness, sensitivity};
use pbsm::io::{self, SAMPLES};
use pbsm::model::judgement::{note_for, reason_for};
use pbsm::model::{
    AlternativeId, AlternativeStatus, AssumptionStatus, Cause, Choice, CompetitorKind, Date,
    IntegrationStatus, ItemRef, MeasureStatus, MethodStep, Project, RiskSource, RiskStatus,
    Suggested, UsageFormatKind, VoteSubject, pending, validate,
};

/// The day the samples are "as of": late November 2026, seven or eight months into their
/// strategies.
fn as_of() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// The alternative management chose.
fn chosen(p: &Project) -> AlternativeId {
    p.alternatives
        .iter()
        .find(|a| a.status == AlternativeStatus::Chosen)
        .unwrap()
        .id
}

#[test]
fn every_sample_loads_and_validates() {
    assert!(SAMPLES.len() >= 3, "at least three worked case studies");
    for sample in SAMPLES {
        let project = sample
            .load()
            .unwrap_or_else(|e| panic!("{}: {e}", sample.file_name));
        assert!(validate(&project).is_empty(), "{}", sample.file_name);
    }
}

#[test]
fn embedded_samples_are_the_files_in_samples_folder() {
    for sample in SAMPLES {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("samples")
            .join(sample.file_name);
        let on_disk = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            on_disk,
            sample.text,
            "{} differs from the embedded copy",
            path.display()
        );
        assert_eq!(io::load(&path).unwrap(), sample.load().unwrap());
    }
}

#[test]
fn every_sample_survives_save_and_load_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    for sample in SAMPLES {
        let project = sample.load().unwrap();
        let path = dir.path().join(sample.file_name);
        io::save(&project, &path).unwrap();
        let again = io::load(&path).unwrap();
        assert_eq!(
            project, again,
            "{} changed in a save/load round trip",
            sample.file_name
        );
        // Saving the reloaded project writes the same text: files are stable and diffable.
        let path2 = dir.path().join(format!("again-{}", sample.file_name));
        io::save(&again, &path2).unwrap();
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            std::fs::read_to_string(&path2).unwrap()
        );
    }
}

#[test]
fn every_sample_is_a_complete_worked_example() {
    for sample in SAMPLES {
        let p = sample.load().unwrap();
        let name = sample.file_name;
        assert!(p.alternatives.len() >= 3, "{name}: at least 3 alternatives");
        assert!(p.options.len() >= 8, "{name}: at least 8 options");
        for kind in [CompetitorKind::Performance, CompetitorKind::Attention] {
            let n = p
                .competition
                .competitors
                .iter()
                .filter(|c| c.kind == kind)
                .count();
            assert!(n >= 2, "{name}: at least 2 competitors of kind {kind}");
        }
        assert!(p.management.kpis.len() >= 5, "{name}: at least 5 KPIs");
        for kpi in &p.management.kpis {
            assert!(
                kpi.actuals.len() >= 6,
                "{name}: KPI {} has fewer than 6 months of actuals",
                kpi.name
            );
            let months: std::collections::BTreeSet<_> = kpi
                .actuals
                .iter()
                .map(|a| (a.0.year(), a.0.month()))
                .collect();
            assert!(
                months.len() >= 6,
                "{name}: KPI {} actuals span fewer than 6 months",
                kpi.name
            );
        }
        assert!(
            p.management.assumptions.len() >= 4,
            "{name}: at least 4 monitored assumptions"
        );
        // Filled through every pane.
        assert!(
            !p.foundation.modules.is_empty()
                && !p.foundation.goals.is_empty()
                && !p.foundation.topics.is_empty()
        );
        assert!(!p.potential.usage_formats.is_empty() && !p.potential.impact_formats.is_empty());
        assert!(!p.potential.module_potentials.is_empty() && !p.potential.user_benefits.is_empty());
        assert!(!p.benefits.is_empty() && !p.competition.our_strength.is_empty());
        assert!(!p.management.measures.is_empty() && !p.management.adaptations.is_empty());
        // Distinct trade-offs: no two alternatives share both quality and risk.
        for (i, a) in p.alternatives.iter().enumerate() {
            for b in &p.alternatives[i + 1..] {
                assert!(
                    (a.competitive_quality, a.risk) != (b.competitive_quality, b.risk),
                    "{name}: {} and {} sit on the same spot of the map",
                    a.name,
                    b.name
                );
            }
            assert!(
                !a.options.is_empty(),
                "{name}: {} bundles no option",
                a.name
            );
        }
        // The method's traceability: every option realises a benefit and appears in an alternative.
        for o in &p.options {
            assert!(
                !o.benefits.is_empty(),
                "{name}: option {} realises no benefit",
                o.name
            );
            assert!(
                p.alternatives.iter().any(|a| a.bundles(o.id)),
                "{name}: option {} is in no alternative",
                o.name
            );
            assert!(o.topic.is_some() && o.user_benefit.is_some() && o.usage_format.is_some());
        }
    }
}

#[test]
fn every_sample_passes_the_check_with_no_consistency_finding() {
    for sample in SAMPLES {
        let p = sample.load().unwrap();
        let name = sample.file_name;
        let evaluation = decision::evaluate(&p);
        // Nothing contradicts itself on the day the samples are "as of", nor months later:
        // no measure, process change, review (of an assumption or a monitored risk) or trigger
        // comes due before July 2027, so `check`, which uses today's date, stays quiet for a
        // while.
        for day in [as_of(), Date::new(2027, 6, 30).unwrap()] {
            let findings = consistency::findings(&p, &evaluation, day);
            assert!(findings.is_empty(), "{name} on {day}: {findings:#?}");
        }
        // The strategy check of the chosen alternative: every component covered, every point
        // of the check list passed, nothing "not assessed".
        let focus = check::focus(&p).unwrap();
        assert_eq!(focus, chosen(&p), "{name}");
        let c = check::check(&p, focus).unwrap();
        assert!(c.campaign_plan.is_none(), "{name}");
        assert!(c.gaps().is_empty(), "{name}: {:?}", c.gaps());
        assert_eq!(c.score, 100, "{name}");
        assert_eq!(pending(&p), Vec::new(), "{name}");
        // Goals link the corporate benefits that serve them and the KPIs that measure them;
        // every benefit serves a goal; every KPI measures a goal or a benefit.
        for g in &p.foundation.goals {
            assert!(
                !g.benefits.is_empty(),
                "{name}: goal {} links no benefit",
                g.id
            );
            assert!(!g.kpis.is_empty(), "{name}: goal {} links no KPI", g.id);
        }
        for b in &p.benefits {
            assert!(
                p.foundation
                    .goals
                    .iter()
                    .any(|g| g.served_by(b.id).is_some()),
                "{name}: benefit {} serves no goal",
                b.name
            );
        }
        for k in &p.management.kpis {
            assert!(
                k.benefit.is_some() || p.foundation.goals.iter().any(|g| g.measured_by(k.id)),
                "{name}: KPI {} measures neither a goal nor a benefit",
                k.name
            );
        }
        // The goal contribution follows what the goal links suggest, or says why not (the
        // other suggested values are covered by the consistency findings).
        for a in &p.alternatives {
            let suggested = goals::suggested_contribution(&p, a.id).unwrap().value;
            let value = a.goal_contribution.get().unwrap();
            assert!(
                (value - suggested).abs() <= 0.5
                    || reason_for(&a.overrides, Suggested::GoalContribution).is_some(),
                "{name}: {} has goal contribution {value}, the links suggest {suggested}",
                a.name
            );
        }
        // At least three alternatives reach the decision, none dominated while decision-ready
        // or chosen (a finding above), with different profiles.
        assert!(p.alternatives.len() >= 3, "{name}");
        assert!(evaluation.not_assessed.is_empty(), "{name}");
        assert_eq!(
            evaluation.alternatives.len(),
            p.alternatives.len(),
            "{name}"
        );
        // A short note on why each step came out as it did.
        for step in MethodStep::ALL {
            let note = note_for(&p.reasoning, *step)
                .unwrap_or_else(|| panic!("{name}: no note on step {}", step.label()));
            assert!(
                (100..=600).contains(&note.len()),
                "{name}, step {}: {} characters",
                step.label(),
                note.len()
            );
        }
    }
}

#[test]
fn the_bakery_adapted_its_strategy_to_a_broken_assumption() {
    let p = SAMPLES[0].load().unwrap();
    let club = chosen(&p);
    let alt = p.alternative(club).unwrap();
    assert_eq!(alt.name, "Community first: the sourdough club");
    // A prerequisite the chosen alternative relies on broke at a review, with a note.
    let broken: Vec<_> = p
        .management
        .assumptions
        .iter()
        .filter(|a| {
            a.status == AssumptionStatus::Broken
                && (a.alternatives.contains(&club) || a.options.iter().any(|o| alt.bundles(*o)))
        })
        .collect();
    assert_eq!(broken.len(), 1, "{broken:#?}");
    let assumption = broken[0];
    let reviewed = assumption.last_review.unwrap();
    assert!(!assumption.note.trim().is_empty());
    // The log records the adaptation it caused, after the review, with a decision and a reason.
    let adaptation = p
        .management
        .adaptations
        .iter()
        .find(|a| a.cause == Some(Cause::Assumption(assumption.id)) && a.date >= reviewed)
        .expect("an adaptation caused by the broken assumption");
    assert!(!adaptation.decision.trim().is_empty() && !adaptation.reason.trim().is_empty());
    // The strategy's values reflect it: the suggested risk counts the broken assumption, the
    // alternative's risk follows, and the club still ranks first.
    let risk = pbsm::analysis::suggest::alternative_risk(&p, alt, as_of()).unwrap();
    assert!(risk.reason.contains("broken"), "{}", risk.reason);
    assert_eq!(alt.risk.get(), Some(risk.value));
    let e = decision::evaluate(&p);
    assert_eq!(e.alternative(club).unwrap().rank, 1);
}

#[test]
fn the_machine_builders_close_call_is_settled_by_the_robustness_analysis() {
    let p = SAMPLES[1].load().unwrap();
    let challenge = chosen(&p);
    // On the most likely values the two best alternatives are within 10 % of each other.
    let close = sensitivity::close_call(&p).unwrap();
    assert!(close.is_close() && close.narrow_lead, "{close:?}");
    let e = decision::evaluate(&p);
    assert_eq!(e.alternative(challenge).unwrap().rank, 1);
    // The scores are uncertain, and the draws from their ranges put the chosen alternative
    // first in most of the project's own draws, far more often than any other.
    assert!(!p.alternative(challenge).unwrap().ranges.is_empty());
    let r = robustness::for_project(&p);
    assert_eq!(r.draws, p.decision.draws);
    let first = |id| r.of(id).unwrap()[0];
    assert!(first(challenge) >= 0.6, "{}", first(challenge));
    for a in &p.alternatives {
        if a.id != challenge {
            assert!(first(a.id) < first(challenge) / 2.0, "{}", a.name);
        }
    }
    // The decision's note says so.
    let note = note_for(&p.reasoning, MethodStep::Decision).unwrap();
    assert!(note.contains("close call"), "{note}");
}

#[test]
fn the_tourism_board_rightly_chose_a_service_over_the_community() {
    let p = SAMPLES[2].load().unwrap();
    // The share of an alternative's options that build on a community or social network.
    let networked = |id: AlternativeId| {
        let a = p.alternative(id).unwrap();
        let kinds: Vec<UsageFormatKind> = a
            .options
            .iter()
            .filter_map(|b| p.option(b.option)?.usage_format)
            .filter_map(|u| p.potential.usage_format(u))
            .map(|u| u.kind)
            .collect();
        let n = kinds
            .iter()
            .filter(|k| {
                matches!(
                    k,
                    UsageFormatKind::Community | UsageFormatKind::SocialNetwork
                )
            })
            .count();
        #[allow(clippy::cast_precision_loss)]
        let share = n as f64 / kinds.len() as f64;
        share
    };
    let service = chosen(&p);
    assert!(networked(service) < 0.5, "{}", networked(service));
    let e = decision::evaluate(&p);
    assert_eq!(e.alternative(service).unwrap().rank, 1);
    // The community alternative is a real contender, not dropped: decision-ready, not
    // dominated, and it loses on the criteria.
    let community = p
        .alternatives
        .iter()
        .find(|a| a.id != service && networked(a.id) > 0.5)
        .expect("an alternative built mostly on community formats");
    assert_eq!(community.status, AlternativeStatus::DecisionReady);
    let r = e.alternative(community.id).unwrap();
    assert!(r.rank > 1 && r.dominated_by.is_empty(), "{r:?}");
}

#[test]
fn every_sample_steers_its_chosen_strategy_in_quality_and_quantity() {
    let mut short = Vec::new();
    for sample in SAMPLES {
        let p = sample.load().unwrap();
        let name = sample.file_name;
        let m = &p.management;
        let chosen = p.alternative(chosen(&p)).unwrap();
        // The strategy period holds every measure and every KPI target; the decision came
        // before it, after the vote on the alternatives and before the first adaptation.
        let period = m
            .period
            .unwrap_or_else(|| panic!("{name}: no strategy period"));
        assert!(period.start < period.end, "{name}");
        for x in &m.measures {
            assert!(period.contains(x.due), "{name}: measure {}", x.name);
        }
        for k in &m.kpis {
            assert!(period.contains(k.target_date), "{name}: KPI {}", k.name);
        }
        let record = m.decision.as_ref().unwrap();
        assert!(record.date <= period.start, "{name}");
        for v in p
            .votes
            .iter()
            .filter(|v| v.subject == VoteSubject::Alternatives)
        {
            assert!(v.date <= record.date, "{name}: decided before the vote");
        }
        assert!(m.adaptations.iter().all(|a| a.date > record.date), "{name}");
        // Measures in quantity: a plan and what was spent, progress while under way; their
        // plans fit the chosen alternative's budget and effort for the period.
        for x in &m.measures {
            let (days, spent_days) = (x.planned_days.unwrap(), x.actual_days.unwrap());
            let (eur, spent_eur) = (x.planned_eur.unwrap(), x.actual_eur.unwrap());
            assert!(days > 0.0 && spent_days >= 0.0, "{name}: {}", x.name);
            assert!(eur >= 0.0 && spent_eur >= 0.0, "{name}: {}", x.name);
            if matches!(x.status, MeasureStatus::InProgress | MeasureStatus::Blocked) {
                assert!(x.progress_percent.is_some(), "{name}: {}", x.name);
            }
            // In quality: every finished measure is rated and says what the rating rests on.
            if x.status == MeasureStatus::Done {
                assert!(x.quality.is_assessed(), "{name}: {} is not rated", x.name);
                assert!(!x.quality_note.trim().is_empty(), "{name}: {}", x.name);
            }
            if x.quality.get().is_some_and(|q| q < QUALITY_SHORT) {
                short.push((name, x.name.clone(), x.quality_note.clone()));
            }
        }
        let i = steering::implementation(&p, chosen.id, as_of()).unwrap();
        assert_eq!(
            i.measures,
            m.measures.len(),
            "{name}: every measure serves the choice"
        );
        assert!(
            i.days.0 <= chosen.effort_person_days,
            "{name}: {:?}",
            i.days
        );
        assert!(i.eur.0 <= chosen.budget_eur, "{name}: {:?}", i.eur);
        assert!(i.rated >= 4 && i.quality.unwrap() >= 6.0, "{name}: {i:?}");
        // Every corporate benefit of the choice is taken up by a business process with an
        // owner, a change and an expected result; the KPI that shows it measures that benefit.
        let benefits = steering::chosen_benefits(&p);
        assert!(benefits.len() >= 4, "{name}: {benefits:?}");
        for b in &benefits {
            assert!(
                m.integrations
                    .iter()
                    .any(|e| e.benefit == Some(*b) && e.has_owner()),
                "{name}: benefit {b} has no process owner"
            );
        }
        for e in &m.integrations {
            let benefit = e.benefit.and_then(|b| p.benefit(b));
            assert!(benefit.is_some(), "{name}: {}", e.process);
            for text in [&e.process, &e.owner, &e.change, &e.expected_result] {
                assert!(!text.trim().is_empty(), "{name}: {}", e.process);
            }
            if let Some(k) = e.kpi {
                let kpi = m.kpis.iter().find(|x| x.id == k).unwrap();
                assert!(
                    kpi.benefit.is_none_or(|b| Some(b) == e.benefit),
                    "{name}: {} shows another benefit",
                    e.process
                );
            }
            // A date for every change; what is not integrated yet is still to come.
            let due = e.due.unwrap();
            assert!(
                e.status == IntegrationStatus::Integrated || due > as_of(),
                "{name}: {}",
                e.process
            );
        }
        let integrated = |yes: bool| {
            m.integrations
                .iter()
                .filter(|e| (e.status == IntegrationStatus::Integrated) == yes)
                .count()
        };
        assert!(integrated(true) >= 2 && integrated(false) >= 2, "{name}");
        // The decision record names the chosen alternative, who decided and why, and why not
        // each other alternative.
        assert_eq!(steering::record_gaps(&p), Vec::new(), "{name}");
        assert_eq!(record.alternative, Some(chosen.id), "{name}");
        assert_eq!(record.rejected.len(), p.alternatives.len() - 1, "{name}");
        for r in &record.rejected {
            assert!(r.alternative != chosen.id && p.alternative(r.alternative).is_some());
            assert!(r.reason.len() >= 100, "{name}: {}", r.reason);
        }
        // Monitored risks: one for each risky usage format of the choice, one for the
        // competition; each reviewed, with an owner and a precaution.
        assert_eq!(steering::unmonitored_risks(&p), Vec::new(), "{name}");
        let formats: Vec<_> = m
            .risks
            .iter()
            .filter_map(|r| match r.source {
                RiskSource::UsageFormat(u) => Some(u),
                _ => None,
            })
            .collect();
        assert!(formats.len() >= 2, "{name}");
        for u in formats {
            assert!(
                chosen
                    .options
                    .iter()
                    .any(|b| p.option(b.option).unwrap().usage_format == Some(u)),
                "{name}: usage format {u} is not the choice's"
            );
        }
        assert!(
            m.risks.iter().any(|r| r.source == RiskSource::Competition),
            "{name}"
        );
        for r in &m.risks {
            assert!(r.status != RiskStatus::NotReviewed, "{name}: {}", r.text);
            assert!(r.last_review.unwrap() <= as_of(), "{name}: {}", r.text);
            for text in [&r.precaution, &r.owner, &r.note] {
                assert!(!text.trim().is_empty(), "{name}: {}", r.text);
            }
        }
        // Every assumption has someone who reviews it.
        for a in &m.assumptions {
            assert!(!a.owner.trim().is_empty(), "{name}: {}", a.text);
        }
        // The audit: nothing is overdue, running ahead or unreviewed; what remains are KPIs
        // behind their path, the one measure that falls short in quality, and the trouble the
        // samples' stories are about: assumptions their reviews found at risk or broken, and
        // risks rising or occurred (each adapted to in the log or watched closely).
        for due in steering::audit(&p, as_of()) {
            assert!(
                matches!(
                    due.kind,
                    DueKind::KpiBehind(_)
                        | DueKind::QualityShort(_)
                        | DueKind::AssumptionTrouble(_)
                        | DueKind::RiskTrouble(_)
                        | DueKind::TriggerFired(_)
                ),
                "{name}: {due:?}"
            );
        }
    }
    // One rating below 5 in all the samples, kept because it teaches: its note says what is
    // done about it.
    assert_eq!(short.len(), 1, "{short:#?}");
    assert!(short[0].2.contains("adaptation of"), "{short:#?}");
}

#[test]
fn the_bakerys_implementation_in_numbers() {
    let p = SAMPLES[0].load().unwrap();
    let club = chosen(&p);
    // All seven measures implement options of the club. By hand, progress weighted by planned
    // days: five done (25 + 12 + 6 + 30 + 16 = 89 days) count fully, the till system's
    // subscription handling (15 days, planned) not at all, the club baker's course-leader
    // training (18 days) at 10 %: (89 + 1.8) / 122 = 74.4 %. Effort 122 days planned, 28 + 11
    // + 6.5 + 33 + 1.5 + 15 + 1.5 = 96.5 spent; money EUR 57,600 planned, 37,300 spent.
    // Quality: five rated, (8 + 9 + 4 + 7 + 8) / 5 = 7.2, one short (the live Q&A schedule).
    let i = steering::implementation(&p, club, as_of()).unwrap();
    assert_eq!((i.measures, i.done, i.overdue), (7, 5, 0));
    assert!((i.progress.unwrap() - 90.8 / 122.0).abs() < 1e-9, "{i:?}");
    assert_eq!(i.days, (122.0, 96.5));
    assert_eq!(i.eur, (57_600.0, 37_300.0));
    assert_eq!((i.rated, i.short), (5, 1));
    assert!((i.quality.unwrap() - 7.2).abs() < 1e-9, "{i:?}");
    // The measure that falls short is the live Q&A schedule, and the risk of its usage format
    // occurred at the review where the master bakers' time broke as a prerequisite.
    let qa = p
        .management
        .measures
        .iter()
        .find(|m| m.quality.get().is_some_and(|q| q < QUALITY_SHORT))
        .unwrap();
    let live = p.option(qa.option.unwrap()).unwrap().usage_format.unwrap();
    let risk = p
        .management
        .risks
        .iter()
        .find(|r| r.source == RiskSource::UsageFormat(live))
        .unwrap();
    let broken = p
        .management
        .assumptions
        .iter()
        .find(|a| a.status == AssumptionStatus::Broken)
        .unwrap();
    assert_eq!(risk.status, RiskStatus::Occurred);
    assert_eq!(risk.last_review, broken.last_review);
    // The audit shows that measure's quality among what is due today.
    assert!(
        steering::audit(&p, as_of())
            .iter()
            .any(|d| d.item == ItemRef::Measure(qa.id)
                && matches!(d.kind, DueKind::QualityShort(q) if q == 4.0))
    );
    // Three process changes are still open, all due in 2027; production planning takes up
    // the bread subscriptions, so it is due no earlier than the till system can handle them.
    let open: Vec<_> = p
        .management
        .integrations
        .iter()
        .filter(|e| e.status != IntegrationStatus::Integrated)
        .collect();
    assert_eq!(open.len(), 3, "{open:#?}");
    assert!(open.iter().all(|e| e.due.unwrap().year() == 2027));
    let till = p
        .management
        .measures
        .iter()
        .find(|m| m.status == MeasureStatus::Planned)
        .unwrap();
    let subscription = p.option(till.option.unwrap()).unwrap();
    let planning = p
        .management
        .integrations
        .iter()
        .find(|e| e.area == pbsm::model::FunctionalArea::Production)
        .unwrap();
    assert!(subscription.benefits.contains(&planning.benefit.unwrap()));
    assert!(planning.due.unwrap() >= till.due, "{planning:?}");
}

#[test]
fn the_bakery_watched_a_competitor_take_the_lead_of_its_shop_pages() {
    use pbsm::analysis::competition::{Position, moves};
    let p = SAMPLES[0].load().unwrap();
    let since = Date::new(2026, 3, 15).unwrap();
    // Kornkammer, re-rated 2026-10-15, went from 5 to 6 on neighbourhood shop pages, where we
    // are 6: ahead by more than half a point then, level now.
    let found = moves(&p, Some(since));
    assert_eq!(found.len(), 1, "{found:#?}");
    let m = &found[0];
    assert_eq!(m.kind, CompetitorKind::Performance);
    assert_eq!(
        (m.before, m.now),
        (Some(Position::Ahead), Some(Position::Level))
    );
    assert!(
        m.describe(&p)
            .contains("Kornkammer (regional chain, 31 shops) 5 → 6, re-rated 2026-10-15"),
        "{}",
        m.describe(&p)
    );
}

#[test]
fn the_tourism_boards_winter_kpi_follows_a_plan_with_seasons() {
    use pbsm::analysis::kpi::{Health, health};
    let mut p = SAMPLES[2].load().unwrap();
    let thresholds = p.management.health;
    let stays = p.management.kpis[0].clone();
    assert_eq!(stays.name, "Overnight stays October-April");
    // The plan: 256,000 (2026-02-28), 256,500 by 2026-09-30 (no winter season yet), 271,000
    // by 2027-04-30 (after the first winter with the service), 294,000 by 2028-04-30. On
    // 2026-10-31 (31 of 212 days into the second leg) it planned 256,500 + 14,500 × 31/212 =
    // 258,620.28, a progress of 2,620.28; the actual 259,800 made 3,800: 145 %, on track.
    let h = health(&stays, thresholds);
    assert_eq!(h.health, Health::OnTrack);
    assert!((h.ratio.unwrap() - 3_800.0 / (14_500.0 * 31.0 / 212.0 + 500.0)).abs() < 1e-9);
    // The straight line would plan 38,000 × 245/792 = 11,755 by then: 32 %, at risk, for a
    // KPI of the winter months judged in summer.
    p.management.kpis[0].milestones.clear();
    let straight = health(&p.management.kpis[0], thresholds);
    assert_eq!(straight.health, Health::AtRisk);
    assert!((straight.ratio.unwrap() - 3_800.0 / (38_000.0 * 245.0 / 792.0)).abs() < 1e-9);
}
