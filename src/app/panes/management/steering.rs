//! Pane 7's sections for the implementation in quality and quantity, the integration of
//! benefits into business processes, the monitored risks, the decision record and the audit.

use crate::analysis::steering::{self, DueKind, RecordGap};
use crate::app::command::Command;
use crate::app::help::rubrics::Rating;
use crate::app::panes::{alternative_items, master_detail, name_or_dash, option_items};
use crate::app::state::{ManagementSection, PaneEnv};
use crate::app::widgets::{self, Col, cell_text, form};
use crate::format::{group_thousands, trim_number};
use crate::model::{
    AlternativeStatus, DecisionRecord, ItemKind, ItemRef, KpiId, MeasureStatus, Period, Project,
    RiskSource, RiskStatus,
};
use egui::RichText;

/// Everything due, oldest first, each with a link to its item.
pub(super) fn audit_ui(ui: &mut egui::Ui, project: &Project, env: &mut PaneEnv<'_>) {
    ui.label(
        "The periodic audit of the running strategy: every review that is due, every measure and process change past its \
date, every KPI behind its plan or due to be measured, every trigger that fired, assumptions broken or at risk and risks \
rising or occurred, measures that use money or effort faster than they progress, and measures that fall short in quality.",
    );
    period_line(ui, project.management.period, env.today);
    let due = steering::audit(project, env.today);
    ui.add_space(4.0);
    if due.is_empty() {
        widgets::empty_hint(
            ui,
            "Nothing is due: every review is within its interval, no measure or process change is overdue, every KPI is on plan \
and measured on time, and no assumption, risk or measure calls for action.",
        );
        return;
    }
    ui.strong(format!("{} due", due.len()));
    let mut open = None;
    egui::ScrollArea::vertical()
        .id_salt("audit")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for d in &due {
                ui.horizontal_wrapped(|ui| {
                    let since = d
                        .since
                        .map_or_else(|| "now".to_owned(), |date| format!("since {date}"));
                    ui.label(RichText::new(since).weak().monospace());
                    let level = match d.kind {
                        DueKind::TriggerFired(_) | DueKind::KpiBehind(_) => -1,
                        _ => 0,
                    };
                    ui.label(
                        RichText::new(steering::due_words(project, d))
                            .color(widgets::signal_color(ui, level)),
                    );
                    if ui
                        .small_button("Open")
                        .on_hover_text("Open where to act on it")
                        .clicked()
                    {
                        open = Some(d.item);
                    }
                });
            }
        });
    if let Some(item) = open {
        if matches!(item, ItemRef::Integration(_)) {
            ui.data_mut(|d| d.insert_temp(register_view_id(), RegisterView::Entries));
        }
        env.sections.show(item.kind());
        env.send(Command::Select(item));
    }
}

/// A first strategy period from what the project holds: the earliest KPI baseline (or today)
/// to the latest measure due date or KPI target (or a year on).
fn default_period(project: &Project, today: crate::model::Date) -> Period {
    let m = &project.management;
    let start = m
        .kpis
        .iter()
        .map(|k| k.baseline_date)
        .chain(m.measures.iter().map(|x| x.due))
        .min()
        .map_or(today, |d| d.min(today));
    let end = m
        .kpis
        .iter()
        .map(|k| k.target_date)
        .chain(m.measures.iter().map(|x| x.due))
        .max()
        .unwrap_or(today)
        .max(start.add_days(365));
    Period { start, end }
}

/// The strategy period and how much of it has passed, or a hint to set it.
fn period_line(ui: &mut egui::Ui, period: Option<Period>, today: crate::model::Date) {
    match period {
        Some(p) => {
            ui.label(format!(
                "Strategy period {} to {}: {:.0} % passed.",
                p.start,
                p.end,
                p.share_passed(today) * 100.0
            ));
        }
        None => {
            ui.label(
                RichText::new("No strategy period set: set it under Measures.")
                    .color(widgets::signal_color(ui, 0)),
            );
        }
    }
}

/// The strategy period, the implementation per alternative in quantity and quality, and the
/// measures with their plan, actuals, progress and quality.
pub(super) fn measures_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    let today = env.today;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new("Strategy period").strong())
            .on_hover_text("The period the strategy runs for: the budget and effort are meant for it, and its measures fall within it.");
        match &mut project.management.period {
            Some(p) => {
                widgets::date_edit(ui, "period start", &mut p.start).accessible_name("Period start");
                ui.label("to");
                widgets::date_edit(ui, "period end", &mut p.end).accessible_name("Period end");
                if ui.small_button("×").on_hover_text("No period").clicked() {
                    project.management.period = None;
                }
            }
            None => {
                ui.label(RichText::new("not set").weak());
                if ui
                    .small_button("Set the period")
                    .on_hover_text("From the earliest KPI baseline to the latest measure or KPI target (a year from today without them)")
                    .clicked()
                {
                    project.management.period = Some(default_period(project, today));
                }
            }
        }
    });
    // A period ends on or after its start: an end typed before it moves with the start.
    if let Some(p) = &mut project.management.period
        && p.end < p.start
    {
        p.end = p.start;
    }
    // Per alternative, folded by default: unfolded it takes the room the measure's form needs
    // on a laptop. The header says how the chosen alternative stands.
    let lines: Vec<(String, String)> = project
        .alternatives
        .iter()
        .filter(|a| a.status != AlternativeStatus::Rejected)
        .filter_map(|a| {
            let i = steering::implementation(project, a.id, today)?;
            Some((a.name.clone(), implementation_words(&i)))
        })
        .collect();
    if !lines.is_empty() {
        let chosen = steering::chosen(project)
            .and_then(|a| steering::implementation(project, a.id, today))
            .map_or_else(String::new, |i| {
                format!(
                    ": chosen alternative {} of {} done{}",
                    i.done,
                    i.measures,
                    i.progress
                        .map_or_else(String::new, |p| format!(", {:.0} % progressed", p * 100.0))
                )
            });
        egui::CollapsingHeader::new(format!("Implementation in quality and quantity{chosen}"))
            .id_salt("implementation per alternative")
            .show(ui, |ui| {
                for (name, words) in &lines {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(RichText::new(format!("{name}:")).strong());
                        ui.label(words);
                    });
                }
            });
    }
    let options = option_items(project);
    master_detail(
        ui,
        env,
        ItemKind::Measure,
        &mut project.management.measures,
        |m| ItemRef::Measure(m.id),
        vec![
            Col::name("Measure"),
            Col::name("Option"),
            Col::name("Owner"),
            Col::short("Due"),
            Col::short("Status"),
            Col::short("Progress"),
            Col::short("Quality"),
        ],
        |m, row| {
            cell_text(row, &m.name);
            cell_text(row, name_or_dash(&options, m.option));
            cell_text(row, &m.owner);
            cell_text(row, m.due.to_string());
            cell_text(row, m.status.to_string());
            cell_text(
                row,
                m.progress()
                    .map_or_else(|| "—".to_owned(), |p| format!("{:.0} %", p * 100.0)),
            );
            cell_text(
                row,
                m.quality
                    .get()
                    .map_or_else(|| "—".to_owned(), crate::format::score_text),
            );
        },
        |ui, m, _env| {
            form(ui, ("measure", m.id), |f| {
                f.text("Measure", &mut m.name);
                f.reference("Implements option", &mut m.option, &options);
                f.text("Owner", &mut m.owner);
                f.date("Due", &mut m.due);
                f.choice("Status", &mut m.status);
                if matches!(m.status, MeasureStatus::InProgress | MeasureStatus::Blocked) {
                    f.optional_amount("Progress", &mut m.progress_percent, "%", 1.0);
                    if let Some(p) = &mut m.progress_percent {
                        *p = p.clamp(0.0, 100.0);
                    }
                }
                f.optional_amount("Effort planned", &mut m.planned_days, "days", 0.5);
                f.optional_amount("Effort spent", &mut m.actual_days, "days", 0.5);
                f.optional_amount("Money planned", &mut m.planned_eur, "EUR", 100.0);
                f.optional_amount("Money spent", &mut m.actual_eur, "EUR", 100.0);
                f.score("Quality", &mut m.quality, Rating::MeasureQuality);
                f.area("Quality note", &mut m.quality_note);
            });
            for a in steering::running_ahead(m) {
                ui.label(
                    RichText::new(format!(
                        "⚠ The measure {}: more than {:.0} points ahead of its progress.",
                        steering::ahead_words(&a),
                        steering::AHEAD_MARGIN * 100.0
                    ))
                    .color(widgets::signal_color(ui, 0)),
                );
            }
        },
    );
}

/// An alternative's implementation in words: done, progress, effort and money, quality.
fn implementation_words(i: &steering::Implementation) -> String {
    let progress = match (i.progress, i.unknown) {
        (Some(p), 0) => format!("{:.0} % progressed", p * 100.0),
        (Some(p), n) => format!(
            "{:.0} % progressed ({n} under way without a progress entered, counted as 0)",
            p * 100.0
        ),
        (None, _) => "progress unknown".to_owned(),
    };
    let days = if i.days.0 > 0.0 {
        format!(
            "{} of {} days",
            trim_number(i.days.1),
            trim_number(i.days.0)
        )
    } else {
        format!("{} days spent (none planned)", trim_number(i.days.1))
    };
    let eur = if i.eur.0 > 0.0 {
        format!(
            "EUR {} of {} spent",
            group_thousands(i.eur.1),
            group_thousands(i.eur.0)
        )
    } else {
        format!("EUR {} spent (none planned)", group_thousands(i.eur.1))
    };
    let quality = match i.quality {
        Some(q) if i.short > 0 => format!("quality {q:.1} ({} rated, {} short)", i.rated, i.short),
        Some(q) => format!("quality {q:.1} ({} rated)", i.rated),
        None => "quality not rated".to_owned(),
    };
    let overdue = if i.overdue > 0 {
        format!("; {} overdue", i.overdue)
    } else {
        String::new()
    };
    format!(
        "{} of {} done, {progress}; {days}, {eur}; {quality}{overdue}",
        i.done, i.measures
    )
}

/// Where the register's view is kept (one for the window: the audit's "Open" and "Take up"
/// switch it back to the list, where the entry's form is).
fn register_view_id() -> egui::Id {
    egui::Id::unique("pbsm register view")
}

/// How the register is viewed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum RegisterView {
    Entries,
    BenefitsByArea,
    ResultsByArea,
}

/// The integration register: each benefit → the process that takes it up, its owner, the
/// change, the expected result and its KPI; viewed as entries, benefits per area or results per
/// area.
pub(super) fn integration_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label(
        "A benefit only pays when a business process takes it up: sales works the community's leads, HR recruits \
through the employer profile. Name the process, its owner, what it must change and the result it is to deliver.",
    );
    let missing: Vec<(crate::model::BenefitId, String)> = steering::benefits_without_owner(project)
        .into_iter()
        .filter_map(|b| project.benefit(b).map(|x| (b, x.name.clone())))
        .collect();
    if !missing.is_empty() {
        ui.label(
            RichText::new(
                "⚠ Benefits of the chosen alternative that no process owner takes up yet:",
            )
            .color(widgets::signal_color(ui, 0)),
        );
        let mut take_up = None;
        ui.horizontal_wrapped(|ui| {
            for (id, name) in &missing {
                if ui
                    .small_button(format!("Take up “{name}”"))
                    .on_hover_text(
                        "Adds a register entry for this benefit: name the process and its owner",
                    )
                    .clicked()
                {
                    take_up = Some(*id);
                }
            }
        });
        if let Some(benefit) = take_up {
            // An entry without an owner already there is completed rather than doubled.
            let existing = project
                .management
                .integrations
                .iter()
                .find(|i| i.benefit == Some(benefit))
                .map(|i| ItemRef::Integration(i.id));
            let item = existing.or_else(|| {
                let item =
                    crate::model::add_item(project, ItemKind::Integration, env.today).ok()?;
                if let ItemRef::Integration(id) = item
                    && let Some(i) = project
                        .management
                        .integrations
                        .iter_mut()
                        .find(|i| i.id == id)
                {
                    i.benefit = Some(benefit);
                }
                Some(item)
            });
            if let Some(item) = item {
                ui.data_mut(|d| d.insert_temp(register_view_id(), RegisterView::Entries));
                env.send(Command::Select(item));
            }
        }
    }
    let view_id = register_view_id();
    let mut view = ui
        .data(|d| d.get_temp::<RegisterView>(view_id))
        .unwrap_or(RegisterView::Entries);
    ui.horizontal_wrapped(|ui| {
        ui.selectable_value(&mut view, RegisterView::Entries, "Register");
        ui.selectable_value(
            &mut view,
            RegisterView::BenefitsByArea,
            "Benefits per functional area",
        );
        ui.selectable_value(
            &mut view,
            RegisterView::ResultsByArea,
            "Results per functional area",
        );
    });
    ui.data_mut(|d| d.insert_temp(view_id, view));
    if view != RegisterView::Entries {
        area_view(ui, project, env, view);
        return;
    }
    let benefits: Vec<(crate::model::BenefitId, String)> = project
        .benefits
        .iter()
        .map(|b| (b.id, b.name.clone()))
        .collect();
    let kpis: Vec<(KpiId, String)> = project
        .management
        .kpis
        .iter()
        .map(|k| (k.id, k.name.clone()))
        .collect();
    let today = env.today;
    master_detail(
        ui,
        env,
        ItemKind::Integration,
        &mut project.management.integrations,
        |i| ItemRef::Integration(i.id),
        vec![
            Col::name("Benefit"),
            Col::name("Area"),
            Col::name("Process"),
            Col::name("Owner"),
            Col::short("Status"),
        ],
        |i, row| {
            cell_text(row, name_or_dash(&benefits, i.benefit));
            cell_text(row, i.area.to_string());
            cell_text(row, &i.process);
            cell_text(
                row,
                if i.has_owner() {
                    i.owner.as_str()
                } else {
                    "—"
                },
            );
            cell_text(row, i.status.to_string());
        },
        |ui, i, _env| {
            form(ui, ("integration", i.id), |f| {
                f.reference("Corporate benefit", &mut i.benefit, &benefits);
                f.choice("Functional area", &mut i.area);
                f.text("Business process", &mut i.process);
                f.text("Process owner", &mut i.owner);
                f.area("What the process changes", &mut i.change);
                f.area("Expected result", &mut i.expected_result);
                f.reference("Shown by KPI", &mut i.kpi, &kpis);
                f.optional_date("In place by", &mut i.due, today.end_of_month_after(3));
                f.choice("Status", &mut i.status);
            });
            if i.is_overdue(today) {
                ui.label(
                    RichText::new("⚠ Past its date and not integrated.")
                        .color(widgets::signal_color(ui, -1)),
                );
            }
        },
    );
}

/// The register grouped by functional area: the benefits each area takes up, or the results
/// each area is to deliver.
fn area_view(ui: &mut egui::Ui, project: &Project, env: &mut PaneEnv<'_>, view: RegisterView) {
    let areas = steering::by_area(project);
    if areas.is_empty() {
        widgets::empty_hint(ui, "The register is empty: add entries under Register.");
        return;
    }
    let mut open = None;
    egui::ScrollArea::vertical()
        .id_salt("register_by_area")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            for (area, entries) in &areas {
                ui.add_space(4.0);
                ui.strong(area.to_string());
                for e in entries {
                    ui.horizontal_wrapped(|ui| {
                        let text = if view == RegisterView::BenefitsByArea {
                            format!(
                                "• {}: {} (owner {}; {})",
                                e.benefit,
                                if e.process.is_empty() {
                                    "process not named"
                                } else {
                                    &e.process
                                },
                                if e.owner.trim().is_empty() {
                                    "none"
                                } else {
                                    &e.owner
                                },
                                e.status.to_lowercase()
                            )
                        } else {
                            format!(
                                "• {}{} ({})",
                                if e.result.trim().is_empty() {
                                    "result not named"
                                } else {
                                    &e.result
                                },
                                e.kpi
                                    .as_ref()
                                    .map_or_else(String::new, |k| format!(", shown by {k}")),
                                e.status.to_lowercase()
                            )
                        };
                        ui.label(text);
                        if ui.small_button("Open").clicked() {
                            open = Some(e.item);
                        }
                    });
                }
            }
        });
    if let Some(item) = open {
        ui.data_mut(|d| d.insert_temp(register_view_id(), RegisterView::Entries));
        env.sections.management = ManagementSection::Integration;
        env.send(Command::Select(item));
    }
}

/// The monitored risks of the strategy, and the chosen alternative's usage-format risks that
/// nobody watches yet.
pub(super) fn risks_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label(
        "The risks of the chosen alternative, watched like its assumptions: what could go wrong, the precaution, an \
owner, and a review on a schedule.",
    );
    let unwatched = steering::unmonitored_risks(project);
    if !unwatched.is_empty() {
        let names: Vec<String> = unwatched
            .iter()
            .filter_map(|u| project.potential.usage_format(*u))
            .map(|u| format!("“{}”", u.name))
            .collect();
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!(
                    "⚠ Usage formats of the chosen alternative with named risks nobody watches: {}.",
                    names.join(", ")
                ))
                .color(widgets::signal_color(ui, 0)),
            );
            if ui
                .button("Watch them")
                .on_hover_text("Adds a monitored risk for each, with the risks named for the usage format")
                .clicked()
            {
                for u in &unwatched {
                    let Some(format) = project.potential.usage_format(*u) else {
                        continue;
                    };
                    let text = format!("{}: {}", format.name, format.risks.trim());
                    let Ok(ItemRef::Risk(id)) =
                        crate::model::add_item(project, ItemKind::Risk, env.today)
                    else {
                        continue;
                    };
                    if let Some(r) = project.management.risks.iter_mut().find(|r| r.id == id) {
                        r.text = text;
                        r.source = RiskSource::UsageFormat(*u);
                    }
                }
            }
        });
    }
    let mut sources: Vec<(RiskSource, String)> = vec![
        (RiskSource::Other, "Other".to_owned()),
        (RiskSource::Competition, "The competition".to_owned()),
    ];
    sources.extend(project.potential.usage_formats.iter().map(|u| {
        (
            RiskSource::UsageFormat(u.id),
            format!("Usage format: {}", u.name),
        )
    }));
    sources.extend(
        project
            .options
            .iter()
            .map(|o| (RiskSource::Option(o.id), format!("Option: {}", o.name))),
    );
    let today = env.today;
    master_detail(
        ui,
        env,
        ItemKind::Risk,
        &mut project.management.risks,
        |r| ItemRef::Risk(r.id),
        vec![
            Col::text("Risk"),
            Col::short("Status"),
            Col::name("Owner"),
            Col::short("Reviewed"),
        ],
        |r, row| {
            cell_text(row, &r.text);
            row.col(|ui| {
                let level = match r.status {
                    RiskStatus::Controlled => 1,
                    RiskStatus::NotReviewed | RiskStatus::Rising => 0,
                    RiskStatus::Occurred => -1,
                };
                widgets::cell_label(
                    ui,
                    RichText::new(r.status.to_string())
                        .color(widgets::signal_color(ui, level))
                        .strong(),
                );
            });
            cell_text(
                row,
                if r.owner.trim().is_empty() {
                    "—"
                } else {
                    r.owner.as_str()
                },
            );
            cell_text(
                row,
                r.last_review
                    .map_or_else(|| "never".to_owned(), |d| d.to_string()),
            );
        },
        |ui, r, _env| {
            form(ui, ("risk", r.id), |f| {
                f.area("What could go wrong", &mut r.text);
                let mut source = Some(r.source);
                f.reference_whole("Comes from", &mut source, &sources);
                r.source = source.unwrap_or(RiskSource::Other);
                f.area("Precaution", &mut r.precaution);
                f.text("Owner", &mut r.owner);
                f.choice("Status", &mut r.status);
                f.custom("Last review", |ui| {
                    ui.horizontal(|ui| {
                        match &mut r.last_review {
                            Some(date) => {
                                widgets::date_edit(ui, ("risk review", r.id), date)
                                    .accessible_name("Last review");
                            }
                            None => {
                                ui.label(RichText::new("never").weak());
                            }
                        }
                        if ui.small_button("Reviewed today").clicked() {
                            r.last_review = Some(today);
                        }
                    });
                });
                f.custom("Review every", |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.add(
                            egui::DragValue::new(&mut r.review_interval_days)
                                .range(1..=730)
                                .suffix(" days"),
                        );
                        super::next_review_label(ui, r.next_review(), today);
                    });
                });
                f.area("Seen at the last review", &mut r.note);
            });
        },
    );
}

/// The record of the decision: who decided, when, which alternative, why, and why not each of
/// the others.
pub(super) fn decision_ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    ui.label(
        "The decision itself belongs to the strategy: who decided, when, for which alternative and why, and why each \
other alternative was not chosen. A follow-up strategy keeps this record with its version.",
    );
    let alternatives = alternative_items(project);
    let chosen = steering::chosen(project).map(|a| a.id);
    let gaps = steering::record_gaps(project);
    for gap in &gaps {
        let text = match gap {
            RecordGap::NotRecorded(_) => {
                "An alternative is chosen, but the decision is not recorded.".to_owned()
            }
            RecordGap::OtherAlternative {
                recorded: None,
                chosen,
            } => format!(
                "The record names no alternative; “{}” is chosen.",
                name_or_dash(&alternatives, Some(*chosen))
            ),
            RecordGap::OtherAlternative { chosen, .. } => format!(
                "The record names another alternative than the chosen “{}”.",
                name_or_dash(&alternatives, Some(*chosen))
            ),
            RecordGap::WhoOrWhyMissing => "The record does not say who decided and why.".to_owned(),
            RecordGap::NoRejectionReason(a) => format!(
                "No reason why “{}” was not chosen.",
                name_or_dash(&alternatives, Some(*a))
            ),
        };
        ui.label(RichText::new(format!("⚠ {text}")).color(widgets::signal_color(ui, 0)));
    }
    let Some(record) = &mut project.management.decision else {
        ui.add_space(4.0);
        if ui
            .button("Record the decision")
            .on_hover_text("Starts the record with the chosen alternative and today's date")
            .clicked()
        {
            project.management.decision = Some(DecisionRecord {
                decided_by: String::new(),
                date: env.today,
                alternative: chosen,
                reason: String::new(),
                rejected: Vec::new(),
            });
        }
        return;
    };
    let mut forget = false;
    egui::ScrollArea::vertical()
        .id_salt("decision_record")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            form(ui, "decision record", |f| {
                f.text("Decided by", &mut record.decided_by);
                f.date("Decided on", &mut record.date);
                f.reference_whole(
                    "Alternative decided on",
                    &mut record.alternative,
                    &alternatives,
                );
                f.area("Why this one", &mut record.reason);
            });
            // Each reason against another alternative under its name, full width: the names
            // are long, and a form column as wide as the longest would squeeze the fields.
            // Looking changes nothing: a reason is stored when typed, and one for the
            // alternative now decided on is kept (hidden) in case the decision changes back.
            for (id, name) in &alternatives {
                if record.alternative == Some(*id) {
                    continue;
                }
                ui.add_space(6.0);
                let label = ui.label(RichText::new(format!("Why not “{name}”")).strong());
                let mut text = record
                    .rejected
                    .iter()
                    .find(|r| r.alternative == *id)
                    .map(|r| r.reason.clone())
                    .unwrap_or_default();
                let response = ui
                    .add(
                        egui::TextEdit::multiline(&mut text)
                            .desired_rows(2)
                            .desired_width(f32::INFINITY),
                    )
                    .labelled_by(label.id);
                if response.changed() {
                    if text.is_empty() {
                        record.rejected.retain(|r| r.alternative != *id);
                    } else {
                        *record.rejection_mut(*id) = text;
                    }
                }
            }
            ui.add_space(6.0);
            if ui
                .small_button("🗑 Forget the record")
                .on_hover_text("Removes the record (Edit → Undo brings it back)")
                .clicked()
            {
                forget = true;
            }
        });
    if forget {
        project.management.decision = None;
    }
}
