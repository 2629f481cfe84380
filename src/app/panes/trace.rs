//! Traceability: the chain of any item, the link matrices, and the loose ends.

use crate::analysis::trace::{self, CHAIN};
use crate::app::command::Command;
use crate::app::state::{PaneEnv, TraceSection};
use crate::app::widgets::{self, pane_header, section_tabs};
use crate::model::{Choice, ItemRef, Project};
use egui::RichText;

const GUIDANCE: &str = "The strategy check asks that every decision can be followed back to the potential it \
uses, the benefit, the option, and forward to the KPIs and assumptions that watch it. Select anything in any pane \
to see its chain here; loose ends are listed under “Loose ends”.";

/// Draws the traceability pane.
pub fn ui(ui: &mut egui::Ui, project: &mut Project, env: &mut PaneEnv<'_>) {
    pane_header(
        ui,
        env,
        "Traceability: from business model to KPI",
        GUIDANCE,
    );
    section_tabs(
        ui,
        &mut env.sections.trace,
        &[
            (TraceSection::Chain, "Chain"),
            (TraceSection::Matrix, "Matrices"),
            (TraceSection::Orphans, "Loose ends"),
        ],
    );
    // Up and down; a matrix wider than the pane scrolls sideways on its own, so the texts
    // around it wrap at the pane's width.
    egui::ScrollArea::vertical()
        .id_salt("trace_scroll")
        .auto_shrink([false, false])
        .show(ui, |ui| match env.sections.trace {
            TraceSection::Chain => chain_ui(ui, project, env),
            TraceSection::Matrix => matrix_ui(ui, project, env),
            TraceSection::Orphans => orphans_ui(ui, project, env),
        });
}

fn chain_ui(ui: &mut egui::Ui, project: &Project, env: &mut PaneEnv<'_>) {
    let focus = env
        .selection
        .last()
        .filter(|item| CHAIN.contains(&item.kind()))
        .or_else(|| trace::default_focus(project));
    let Some(focus) = focus else {
        widgets::empty_hint(
            ui,
            "Select a module, potential, benefit, option, alternative, KPI or assumption.",
        );
        return;
    };
    ui.horizontal_wrapped(|ui| {
        ui.label("The chain of");
        ui.label(
            RichText::new(format!(
                "{} “{}”",
                focus.kind().label(),
                trace::item_name(project, focus)
            ))
            .strong(),
        );
        if ui
            .small_button("Open")
            .on_hover_text("Open it in its pane")
            .clicked()
        {
            env.send(Command::Select(focus));
        }
    });
    ui.label(
        RichText::new("Click an item to follow its chain; “Open” takes you to its pane.").weak(),
    );
    ui.add_space(4.0);
    let chain = trace::chain(project, focus);
    let mut new_focus = None;
    let items_of = |kind| -> Vec<ItemRef> {
        chain
            .iter()
            .filter(|(_, _, i)| i.kind() == kind)
            .map(|(_, _, i)| *i)
            .collect()
    };
    let mut item_button = |ui: &mut egui::Ui, item: ItemRef| {
        let name = trace::item_name(project, item);
        let text = if item == focus {
            RichText::new(name).strong()
        } else {
            RichText::new(name)
        };
        if ui
            .add(egui::Button::new(text).wrap().frame(item == focus))
            .clicked()
        {
            new_focus = Some(item);
        }
    };
    let column_width = 120.0;
    if ui.available_width() >= 7.0 * (column_width + 8.0) {
        // Wide: one column per step of the chain, left to right.
        let width = (ui.available_width() - 8.0 * 6.0) / 7.0;
        ui.horizontal_top(|ui| {
            for kind in CHAIN {
                ui.vertical(|ui| {
                    ui.set_width(width);
                    ui.strong(kind_title(kind));
                    let items = items_of(kind);
                    if items.is_empty() {
                        ui.label(RichText::new("—").weak());
                    }
                    for item in items {
                        item_button(ui, item);
                    }
                });
            }
        });
    } else {
        // Narrow: one row per step, top to bottom.
        for kind in CHAIN {
            ui.strong(kind_title(kind));
            ui.horizontal_wrapped(|ui| {
                let items = items_of(kind);
                if items.is_empty() {
                    ui.label(RichText::new("—").weak());
                }
                for item in items {
                    item_button(ui, item);
                }
            });
            ui.add_space(4.0);
        }
    }
    if let Some(item) = new_focus {
        env.selection.select(item);
    }
}

/// "Modules", "Potentials", … "KPIs".
fn kind_title(kind: crate::model::ItemKind) -> String {
    if kind == crate::model::ItemKind::Kpi {
        return "KPIs".to_owned();
    }
    let label = kind.label();
    let mut title = label[..1].to_uppercase();
    title.push_str(&label[1..]);
    format!("{title}s")
}

fn matrix_ui(ui: &mut egui::Ui, project: &Project, env: &mut PaneEnv<'_>) {
    ui.strong("Options × benefits: which benefit does each option realise?");
    let benefits: Vec<_> = project.benefits.iter().collect();
    let mut open = None;
    let names = (ui.available_width() * 0.45).max(140.0);
    widgets::sideways(ui, "options_benefits_scroll", |ui| {
        egui::Grid::new("options_benefits")
            .striped(true)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                ui.label("");
                for (i, b) in benefits.iter().enumerate() {
                    ui.label(RichText::new(format!("B{}", i + 1)).strong())
                        .on_hover_text(&b.name);
                }
                ui.end_row();
                for o in &project.options {
                    if row_link(ui, &o.name, names) {
                        open = Some(ItemRef::Option(o.id));
                    }
                    for b in &benefits {
                        ui.label(if o.realises(b.id) { "●" } else { "·" });
                    }
                    ui.end_row();
                }
            });
    });
    legend(
        ui,
        benefits
            .iter()
            .enumerate()
            .map(|(i, b)| format!("B{} {}", i + 1, b.name)),
    );
    ui.add_space(10.0);
    ui.strong(
        "Alternatives × options: which options does each alternative bundle, with which priority?",
    );
    widgets::sideways(ui, "alternatives_options_scroll", |ui| {
        egui::Grid::new("alternatives_options")
            .striped(true)
            .spacing([10.0, 4.0])
            .show(ui, |ui| {
                ui.label("");
                for (i, o) in project.options.iter().enumerate() {
                    ui.label(RichText::new(format!("O{}", i + 1)).strong())
                        .on_hover_text(&o.name);
                }
                ui.end_row();
                for a in &project.alternatives {
                    if row_link(ui, &a.name, names) {
                        open = Some(ItemRef::Alternative(a.id));
                    }
                    for o in &project.options {
                        let cell = a
                            .options
                            .iter()
                            .find(|b| b.option == o.id)
                            .map_or("·", |b| match b.priority {
                                crate::model::Priority::High => "H",
                                crate::model::Priority::Medium => "M",
                                crate::model::Priority::Low => "L",
                            });
                        ui.label(cell);
                    }
                    ui.end_row();
                }
            });
    });
    legend(
        ui,
        project
            .options
            .iter()
            .enumerate()
            .map(|(i, o)| format!("O{} {}", i + 1, o.name)),
    );
    ui.label(RichText::new("● realises · none; H/M/L: priority in the alternative").weak());
    if let Some(item) = open {
        env.send(Command::Select(item));
    }
}

/// A matrix row's name, a link that opens the item, wrapping at `width`; whether it was clicked.
fn row_link(ui: &mut egui::Ui, name: &str, width: f32) -> bool {
    ui.scope(|ui| {
        ui.set_max_width(width);
        ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
        ui.link(name).clicked()
    })
    .inner
}

fn legend(ui: &mut egui::Ui, entries: impl Iterator<Item = String>) {
    ui.horizontal_wrapped(|ui| {
        for entry in entries {
            ui.label(RichText::new(entry).small().weak());
            ui.add_space(6.0);
        }
    });
}

fn orphans_ui(ui: &mut egui::Ui, project: &Project, env: &mut PaneEnv<'_>) {
    let orphans = trace::orphans(project);
    if orphans.is_empty() {
        ui.label(RichText::new("No loose ends: every benefit is realised, every option used, every live alternative measured and its assumptions stated, every potential decided.").color(widgets::signal_color(ui, 1)));
        return;
    }
    ui.label(format!(
        "{} loose end{} to look at (a list to check, not errors):",
        orphans.len(),
        if orphans.len() == 1 { "" } else { "s" }
    ));
    let mut open = None;
    for o in &orphans {
        ui.horizontal_wrapped(|ui| {
            let item = o.item();
            if ui
                .link(format!(
                    "{} “{}”",
                    item.kind().label(),
                    trace::item_name(project, item)
                ))
                .clicked()
            {
                open = Some(item);
            }
            ui.label(RichText::new(o.explanation()).weak());
        });
    }
    if let Some(item) = open {
        env.send(Command::Select(item));
    }
}
