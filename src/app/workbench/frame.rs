//! One frame of the window: input, panes, dialogs, background results, undo steps, autosave.

use super::Workbench;
use crate::app::agenda;
use crate::app::command::Command;
use crate::app::command::commands_from_shortcuts;
use crate::app::dialogs::{Dialog, Recover};
use crate::app::layout::Behavior;
use crate::app::state::PaneEnv;
use crate::app::theme;
use crate::model::Project;
use egui::Id;

/// Whether this frame brings input a widget could edit with: events, a held pointer button or
/// dropped files. Frames without it come from repaints (timers, background work, animation).
/// Asked before any widget runs: widgets take the events they use out of the input.
fn has_input(ctx: &egui::Context) -> bool {
    ctx.input(|i| !i.events.is_empty() || i.pointer.any_down() || !i.raw.dropped_files.is_empty())
}

/// A debug-build check that the panes do not edit the project while they are drawn on a frame
/// without input: such display code (a widget that clamps a stored value when it is shown, say)
/// slips changes into the next undo step unseen. It brackets the panes only; costs nothing in
/// release builds.
pub(super) struct IdleCheck(Option<Project>);

impl IdleCheck {
    /// Remembers the project before the panes are drawn, if the frame has no input.
    pub(super) fn begin(frame_has_input: bool, project: &Project) -> Self {
        Self((cfg!(debug_assertions) && !frame_has_input).then(|| project.clone()))
    }

    /// Whether the project changed since [`Self::begin`] on a frame without input.
    pub(super) fn project_changed(self, project: &Project) -> bool {
        self.0.is_some_and(|before| before != *project)
    }
}

impl Workbench {
    /// Draws the whole window into `ui` and applies what the user did. Usable without eframe
    /// (the UI tests call it directly).
    pub fn ui_root(&mut self, ui: &mut egui::Ui) {
        let ctx = ui.ctx().clone();
        let input = has_input(&ctx);
        crate::app::widgets::begin_frame(&ctx);
        self.window_height = ui.max_rect().height();
        // Before any widget sees this frame's input: finish the previous edit gesture if the
        // focus moved, and hold back a second word typed in the same frame.
        if self
            .gestures
            .begin_frame(&ctx, &mut self.history, &self.project)
        {
            self.uncommitted = false;
        }
        // The window's close button: with unsaved changes, keep the window and ask first.
        if ctx.input(|i| i.viewport().close_requested()) && !self.allow_close {
            if let Some(job) = &self.job {
                // Closing now would cut the memo off half-written (or drop the file being
                // read): the window stays until the job is done.
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                self.status = format!("{}: the window closes when this is done", job.title);
            } else if self.is_dirty() {
                ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
                if self.dialog.is_none() {
                    self.request(Command::Quit);
                }
            }
        }
        self.apply_style(&ctx);
        if self.dialog.is_none() && self.job.is_none() {
            self.pending.extend(commands_from_shortcuts(&ctx));
            // A project file dropped on the window opens (asking first about unsaved changes).
            let dropped =
                ctx.input(|i| i.raw.dropped_files.first().map(|f| f.path().to_path_buf()));
            if let Some(path) = dropped {
                self.pending.push(Command::OpenPath(path));
            }
        }
        if self.ctx.is_none() {
            self.ctx = Some(ctx.clone());
        }
        // Answers that arrived since the last frame (after reveal) go into the round first:
        // the panes then show them.
        self.sync_room();
        self.derived.update(&self.project, self.today);
        if let Some(problem) = self.derived.robustness.take_failure() {
            self.status = problem;
        }
        if self.derived.robustness.is_running() {
            ctx.request_repaint_after(std::time::Duration::from_millis(50));
        }
        if let Some(on) = self.fullscreen_request.take() {
            ctx.send_viewport_cmd(egui::ViewportCommand::Fullscreen(on));
        }
        if self.presenting {
            // Esc leaves, unless it is closing a dialog or leaving a text field.
            let esc = self.dialog.is_none()
                && ctx.memory(|m| m.focused().is_none())
                && ctx.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape));
            if esc {
                self.pending.push(Command::TogglePresentation);
            }
            // Presenter remotes send Page Up / Page Down.
            let step = ctx.input_mut(|i| {
                if i.consume_key(egui::Modifiers::NONE, egui::Key::PageDown) {
                    Some(self.agenda_step + 1)
                } else if i.consume_key(egui::Modifiers::NONE, egui::Key::PageUp) {
                    Some(self.agenda_step.saturating_sub(1))
                } else {
                    None
                }
            });
            if let Some(step) = step.filter(|s| *s < agenda::STEPS.len() && self.dialog.is_none()) {
                self.pending.push(Command::AgendaStep(step));
            }
            egui::Panel::top("presentation_bar").show(ui, |ui| self.presentation_bar_ui(ui));
            egui::Panel::top("agenda").show(ui, |ui| self.agenda_ui(ui));
        } else {
            egui::Panel::top("menu_bar").show(ui, |ui| self.menu_ui(ui));
            egui::Panel::bottom("status_bar").show(ui, |ui| self.status_ui(ui));
        }
        let mut commands = Vec::new();
        let idle_check = IdleCheck::begin(input, &self.project);
        let room = self.room_view();
        if self.presenting
            && let Some(view) = room.as_ref().filter(|v| !v.started)
        {
            // Presenting, until the facilitator starts the round: the QR code fills the screen.
            crate::app::room::full_screen(ui, view, &mut commands);
        } else {
            if room.is_none() {
                self.room_interfaces();
            }
            let guidance = self.guidance_shown();
            egui::CentralPanel::default()
                .frame(egui::Frame::central_panel(ui.style()).inner_margin(2.0))
                .show(ui, |ui| {
                    let mut env = PaneEnv {
                        derived: &self.derived,
                        selection: &mut self.selection,
                        commands: &mut commands,
                        sections: &mut self.sections,
                        today: self.today,
                        room: room.as_ref(),
                        room_choices: &mut self.room_choices,
                        interfaces: &self.interfaces,
                        presenting: self.presenting,
                        guidance,
                    };
                    let mut behavior = Behavior {
                        project: &mut self.project,
                        env: &mut env,
                    };
                    match self.presenting_tree.as_mut() {
                        Some(tree) if self.presenting => tree.ui(&mut behavior, ui),
                        _ => self.settings.layout.ui(&mut behavior, ui),
                    }
                });
        }
        if idle_check.project_changed(&self.project) {
            self.idle_edits += 1;
            eprintln!(
                "pbsm workbench: the project changed on a frame without input (display code that edits)"
            );
        }
        self.pending.extend(commands);
        if self.glossary.0 {
            let (open, query) = &mut self.glossary;
            crate::app::help::glossary_ui(&ctx, open, query);
        }
        self.poll_job(&ctx);
        if self.job.is_some() {
            self.job_ui(&ctx);
        } else {
            self.dialog_ui(&ctx);
        }
        self.poll_file_dialog(&ctx);
        self.poll_screenshot(&ctx);
        self.fit_edited_ranges();
        self.record_gestures(&ctx);
        self.autosave(&ctx);
        let pending = std::mem::take(&mut self.pending);
        if !pending.is_empty() {
            for command in pending {
                self.request(command);
            }
            ctx.request_repaint();
        }
        // Unsaved work of crashed windows stays on offer until each piece is decided (a restore
        // that first asked about this window's own unsaved changes comes back here).
        if self.dialog.is_none() && !self.orphans.is_empty() {
            self.dialog = Some(Dialog::Recover(Recover));
        }
        if self.pending_viewport_close {
            self.pending_viewport_close = false;
            ctx.send_viewport_cmd(egui::ViewportCommand::Close);
        }
        self.update_title(&ctx);
    }

    /// Sends the window title when it changed.
    fn update_title(&self, ctx: &egui::Context) {
        let title = self.window_title();
        if ctx
            .data(|d| d.get_temp::<String>(Id::unique("window_title")))
            .as_ref()
            != Some(&title)
        {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            ctx.data_mut(|d| d.insert_temp(Id::unique("window_title"), title));
        }
    }
    /// Sets theme, zoom and fonts when they changed.
    fn apply_style(&mut self, ctx: &egui::Context) {
        let wanted = (self.settings.theme, self.zoom(), self.presenting);
        if self.applied_style.is_none() {
            theme::install_fonts(ctx);
        }
        if self.applied_style != Some(wanted) {
            if self.presenting {
                theme::apply_high_contrast(ctx);
            } else {
                theme::apply(ctx, self.settings.theme);
            }
            ctx.set_zoom_factor(self.zoom());
            self.applied_style = Some(wanted);
        }
    }

    /// Records an undo step when an edit gesture ends (see [`super::gestures`]). The first
    /// edit after a message ("Undone", "Saved to …") clears it: it no longer describes the
    /// project on screen.
    fn record_gestures(&mut self, ctx: &egui::Context) {
        let was_uncommitted = self.uncommitted;
        let revision = self.history.revision();
        self.uncommitted = self
            .gestures
            .end_frame(ctx, &mut self.history, &self.project);
        // An edit began this frame (a one-frame edit may be recorded at once).
        let edited = !was_uncommitted && (self.uncommitted || self.history.revision() != revision);
        if edited {
            self.status.clear();
        }
    }
}
