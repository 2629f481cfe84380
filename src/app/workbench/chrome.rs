//! The window's chrome: menu bar, status bar, and in presentation mode the presentation bar
//! and the workshop agenda.

use super::Workbench;
use crate::app::agenda;
use crate::app::command::Command;
use crate::app::layout::PaneKind;
use crate::app::theme::ThemeChoice;
use crate::io::SAMPLES;
use crate::model::ItemKind;
use egui::RichText;

/// A menu entry for a command: its label and shortcut from the command table.
fn item(ui: &mut egui::Ui, chosen: &mut Option<Command>, command: Command, enabled: bool) {
    let mut button = egui::Button::new(command.label());
    if let Some(shortcut) = command.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&shortcut));
    }
    if ui.add_enabled(enabled, button).clicked() {
        *chosen = Some(command);
    }
}

impl Workbench {
    /// The slim bar that replaces the menu in presentation mode.
    pub(super) fn presentation_bar_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            ui.strong(&self.project.name);
            // The status bar is hidden while presenting: its save state and last message
            // (e.g. "Saved to …" after Ctrl+S) show here instead.
            ui.separator();
            self.save_state_ui(ui);
            self.autosave_problem_ui(ui);
            if !self.status.is_empty() {
                ui.separator();
                ui.add(
                    egui::Label::new(RichText::new(&self.status).weak())
                        .truncate()
                        .selectable(false),
                );
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                if ui
                    .button("Leave presentation")
                    .on_hover_text("Esc or F5")
                    .clicked()
                {
                    self.pending.push(Command::TogglePresentation);
                }
                if ui.button("+").on_hover_text("Larger (Ctrl +)").clicked() {
                    self.pending.push(Command::ZoomIn);
                }
                ui.label(format!("{:.0} %", self.zoom() * 100.0));
                if ui.button("−").on_hover_text("Smaller (Ctrl −)").clicked() {
                    self.pending.push(Command::ZoomOut);
                }
            });
        });
    }

    /// The current agenda step: where the room is, what it discusses, and the step's timer.
    pub(super) fn agenda_ui(&mut self, ui: &mut egui::Ui) {
        let index = self.agenda_step.min(agenda::STEPS.len() - 1);
        let step = &agenda::STEPS[index];
        ui.add_space(4.0);
        ui.horizontal(|ui| {
            ui.heading(format!(
                "Step {} of {} · {}",
                index + 1,
                agenda::STEPS.len(),
                step.title
            ));
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let beside = ui
                    .add(egui::Button::new("Map beside").selected(self.presenting_tree.is_none()))
                    .on_hover_text(
                        "Show the alternatives map beside this step's pane, or give the pane the whole width",
                    );
                if beside.clicked() {
                    self.pending.push(Command::ToggleMapBeside);
                }
                let next = ui.add_enabled(
                    index + 1 < agenda::STEPS.len(),
                    egui::Button::new("Next step ▶"),
                );
                if next.on_hover_text("Page Down").clicked() {
                    self.pending.push(Command::AgendaStep(index + 1));
                }
                let previous = ui.add_enabled(index > 0, egui::Button::new("◀ Previous step"));
                if previous.on_hover_text("Page Up").clicked() {
                    self.pending
                        .push(Command::AgendaStep(index.saturating_sub(1)));
                }
                ui.add(
                    egui::DragValue::new(&mut self.settings.step_minutes)
                        .range(0..=120)
                        .suffix(" min"),
                )
                .on_hover_text("Minutes for each step; 0 turns the timer off");
                ui.label("Timer");
                if self.settings.step_minutes > 0 {
                    let now = ui.input(|i| i.time);
                    let started = *self.step_started_s.get_or_insert(now);
                    let remaining = f64::from(self.settings.step_minutes) * 60.0 - (now - started);
                    let text = RichText::new(agenda::timer_text(remaining))
                        .heading()
                        .strong();
                    ui.label(if remaining < 0.0 {
                        text.color(egui::Color32::from_rgb(255, 110, 90))
                    } else {
                        text
                    })
                    .on_hover_text("Time left in this step; + is time over");
                    ui.ctx()
                        .request_repaint_after(std::time::Duration::from_millis(250));
                }
            });
        });
        for question in step.questions {
            ui.label(RichText::new(format!("•  {question}")).size(17.0));
        }
        ui.add_space(4.0);
    }
    /// The menu bar. Its labels and shortcuts come from the command table
    /// ([`Command::label`], [`Command::shortcut`]): the palette shows the same texts.
    pub(super) fn menu_ui(&mut self, ui: &mut egui::Ui) {
        let mut chosen = None;
        egui::MenuBar::new().ui(ui, |ui| {
            ui.menu_button("File", |ui| {
                item(ui, &mut chosen, Command::NewProject, true);
                item(ui, &mut chosen, Command::Open, true);
                ui.add_enabled_ui(!self.settings.recent.is_empty(), |ui| {
                    ui.menu_button("Open recent", |ui| {
                        for path in &self.settings.recent {
                            item(ui, &mut chosen, Command::OpenPath(path.clone()), true);
                        }
                    });
                });
                ui.menu_button("Open sample", |ui| {
                    for index in 0..SAMPLES.len() {
                        item(ui, &mut chosen, Command::OpenSample(index), true);
                    }
                });
                item(ui, &mut chosen, Command::CopyFromSample, true);
                ui.separator();
                for command in [
                    Command::Save,
                    Command::SaveAs,
                    Command::ExportReport,
                    Command::ExportCsv,
                    Command::ImportCsv,
                ] {
                    item(ui, &mut chosen, command, true);
                }
                ui.separator();
                item(ui, &mut chosen, Command::Quit, true);
            });
            ui.menu_button("Edit", |ui| {
                item(
                    ui,
                    &mut chosen,
                    Command::Undo,
                    self.history.can_undo(&self.project),
                );
                item(
                    ui,
                    &mut chosen,
                    Command::Redo,
                    self.history.can_redo(&self.project),
                );
                ui.separator();
                for kind in [
                    ItemKind::Alternative,
                    ItemKind::Option,
                    ItemKind::Benefit,
                    ItemKind::Competitor,
                    ItemKind::Kpi,
                    ItemKind::Assumption,
                ] {
                    item(ui, &mut chosen, Command::Add(kind), true);
                }
                ui.separator();
                item(ui, &mut chosen, Command::Palette, true);
            });
            ui.menu_button("View", |ui| {
                for pane in PaneKind::ALL {
                    item(ui, &mut chosen, Command::ShowPane(pane), true);
                }
                item(ui, &mut chosen, Command::ResetLayout, true);
                if ui
                    .checkbox(&mut self.guidance_shown(), "Guidance on the method")
                    .on_hover_text("The few lines under each pane's title that say what the step is for (folded, the title shows them on hover)")
                    .clicked()
                {
                    chosen = Some(Command::ToggleGuidance);
                }
                ui.separator();
                ui.menu_button("Theme", |ui| {
                    for theme in ThemeChoice::ALL {
                        let command = Command::SetTheme(theme);
                        if ui
                            .radio(self.settings.theme == theme, command.label())
                            .clicked()
                        {
                            chosen = Some(command);
                        }
                    }
                });
                ui.label(RichText::new(format!("Zoom {:.0} %", self.settings.zoom * 100.0)).weak());
                for command in [Command::ZoomIn, Command::ZoomOut, Command::ZoomReset] {
                    item(ui, &mut chosen, command, true);
                }
                ui.separator();
                item(ui, &mut chosen, Command::TogglePresentation, true);
            });
            ui.menu_button("Help", |ui| {
                item(ui, &mut chosen, Command::Glossary, true);
                ui.label(
                    RichText::new("Hover a slider for what its values mean,\na choice or a term for its meaning.")
                        .weak(),
                );
            });
        });
        if let Some(command) = chosen {
            self.pending.push(command);
        }
    }

    /// The status bar: the file, the last message, the save state.
    pub(super) fn status_ui(&mut self, ui: &mut egui::Ui) {
        ui.horizontal(|ui| {
            let file = match (&self.path, self.sample) {
                (Some(path), _) => path.display().to_string(),
                (None, Some(_)) => {
                    "Sample case, not saved yet: File → Save as… keeps your changes".to_owned()
                }
                (None, None) => "New project, not saved yet".to_owned(),
            };
            ui.label(RichText::new(file).weak());
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                self.save_state_ui(ui);
                ui.separator();
                self.autosave_problem_ui(ui);
                // Long messages (an upgraded file's path and notice) are cut to the room
                // left beside the file name; the whole text is on hover.
                ui.add(egui::Label::new(&self.status).truncate())
                    .on_hover_text(&self.status);
            });
        });
    }

    /// A warning that stays while autosave fails (full disk, read-only folder): unsaved work
    /// would not survive a crash.
    fn autosave_problem_ui(&self, ui: &mut egui::Ui) {
        if let Some(problem) = &self.autosave_problem {
            ui.label(
                RichText::new("⚠ Autosave is failing: save your work (Ctrl+S)")
                    .color(ui.visuals().warn_fg_color),
            )
            .on_hover_text(problem);
        }
    }

    /// "● Modified" or "Saved": in the status bar, and in the presentation bar that replaces it.
    fn save_state_ui(&self, ui: &mut egui::Ui) {
        if self.is_dirty() {
            ui.label(RichText::new("● Modified").strong())
                .on_hover_text("Ctrl+S saves");
        } else {
            ui.label(RichText::new("Saved").weak());
        }
    }
}
