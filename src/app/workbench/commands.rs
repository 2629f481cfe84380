//! The one door for commands, and what each command does.

use super::Workbench;
use crate::app::agenda;
use crate::app::command::Command;
use crate::app::dialogs::{CopyFromSample, Dialog, ErrorDialog, Palette, PathPurpose, Unsaved};
use crate::app::jobs::{self, Job, Outcome};
use crate::app::layout::{self, PaneKind};
use crate::io::{self, SAMPLES};
use crate::model::{ItemKind, ItemRef, Project, Rerated, Side, add_item, remove_item};

impl Workbench {
    /// Queues a command to apply at the end of the frame.
    pub fn send(&mut self, command: Command) {
        self.pending.push(command);
    }

    /// The one door for commands: applies a command now, first asking about unsaved changes
    /// where it would lose them. Every entry point (menu, shortcut, palette, dropped file,
    /// agenda, panes, dialogs) ends here; only the unsaved-changes dialog, after the user chose
    /// "Don’t save", goes past the question (see [`Self::apply_unchecked`]).
    pub fn request(&mut self, command: Command) {
        // Edits of this very frame count too (the flag is otherwise updated at its end).
        self.uncommitted = self.history.has_uncommitted(&self.project);
        if command.replaces_project() && self.room.is_some() {
            // The open round's answers go into this project before anything replaces it.
            self.close_room();
        }
        if command.replaces_project() && self.is_dirty() {
            self.dialog = Some(Dialog::Unsaved(Unsaved { then: command }));
        } else {
            self.apply_unchecked(command);
        }
    }
    /// Shows an error dialog: what failed and why.
    pub(super) fn error(&mut self, title: &str, message: String) {
        self.dialog = Some(Dialog::Error(ErrorDialog::new(title, message)));
    }

    /// Records pending edits as an undo step, so a command is a step of its own.
    pub(super) fn commit(&mut self) {
        self.fit_edited_ranges();
        self.history.commit(&self.project);
        self.uncommitted = false;
    }

    /// Widens the uncertainty ranges an edited value has left, as part of the same edit: after
    /// the panes each frame, and before an edit is recorded. Only while there are edits not
    /// recorded yet: a project as recorded (opened, undone, imported) is left as it is.
    pub(super) fn fit_edited_ranges(&mut self) {
        if self.history.has_uncommitted(&self.project) {
            self.project.fit_ranges();
        }
    }

    /// Applies a command without asking about unsaved changes. Private on purpose: callers
    /// outside go through [`Self::request`] (or [`Self::send`]), which asks first.
    pub(super) fn apply_unchecked(&mut self, command: Command) {
        match command {
            Command::NewProject => {
                self.replace_project(Project::default(), None, None);
                self.status = "New project".to_owned();
            }
            Command::Open => {
                self.cleared_for_replace = Some(Box::new(self.project.clone()));
                self.ask_for_path(PathPurpose::Open, None);
            }
            Command::Glossary => self.glossary.0 = !self.glossary.0,
            Command::Palette => {
                self.dialog = Some(Dialog::Palette(Palette::default()));
            }
            Command::OpenPath(path) => {
                self.cleared_for_replace = Some(Box::new(self.project.clone()));
                let title = format!(
                    "Opening {}{}",
                    path.display(),
                    std::fs::metadata(&path).map_or_else(
                        |_| String::new(),
                        |m| format!(" ({})", jobs::file_size(m.len()))
                    )
                );
                let job_path = path.clone();
                self.start_job(Job::spawn(title, true, move || {
                    let result = Box::new(io::load_reporting(&job_path));
                    Outcome::Opened {
                        path: job_path,
                        result,
                    }
                }));
            }
            Command::OpenSample(index) => match SAMPLES.get(index).map(io::Sample::load) {
                Some(Ok(project)) => {
                    self.status = format!("Sample case: {}", SAMPLES[index].title);
                    self.replace_project(project, None, Some(index));
                }
                Some(Err(e)) => self.error("The sample could not be opened", e.to_string()),
                None => self.error(
                    "No such sample",
                    format!("There is no sample number {index}."),
                ),
            },
            Command::Save => match self.path.clone() {
                Some(path) => {
                    self.save_to(&path);
                }
                None => self.ask_for_path(PathPurpose::Save, None),
            },
            Command::SaveAs => self.ask_for_path(PathPurpose::Save, None),
            Command::SaveTo(path) => {
                self.save_to(&path);
            }
            Command::ExportReport => self.ask_for_path(PathPurpose::Report, None),
            Command::ExportReportTo(path) => {
                self.commit();
                // The window's analysis and Monte Carlo result, when they are current, spare a
                // second run; either way the memo is written in the background.
                let robustness = self.derived.robustness.current_for(&self.project);
                let analysis = self.derived.current_for(&self.project).cloned();
                let project = self.project.clone();
                let today = self.today;
                let title = format!("Writing the decision memo to {}", path.display());
                self.start_job(Job::spawn(title, false, move || {
                    let analysis =
                        analysis.unwrap_or_else(|| crate::analysis::Analysis::of(&project));
                    let robustness = robustness
                        .unwrap_or_else(|| crate::analysis::robustness::for_project(&project));
                    let result =
                        crate::report::write(&project, &analysis, &robustness, &path, today);
                    Outcome::MemoWritten { path, result }
                }));
            }
            Command::Quit => {
                // Quitting without saving is a deliberate discard.
                self.clear_recovery();
                self.allow_close = true;
                self.pending_viewport_close = true;
            }
            Command::Undo => {
                if self.history.undo(&mut self.project) {
                    self.uncommitted = false;
                    self.selection.retain_existing(&self.project);
                    self.status = "Undone".to_owned();
                }
            }
            Command::Redo => {
                if self.history.redo(&mut self.project) {
                    self.uncommitted = false;
                    self.selection.retain_existing(&self.project);
                    self.status = "Redone".to_owned();
                }
            }
            Command::ShowPane(pane) => self.show_pane(pane),
            Command::ResetLayout => self.settings.layout = layout::default_tree(),
            Command::SetTheme(theme) => self.settings.theme = theme,
            Command::ZoomIn => self.set_zoom(self.zoom() + 0.1),
            Command::ZoomOut => self.set_zoom(self.zoom() - 0.1),
            Command::ZoomReset => self.set_zoom(if self.presenting {
                super::PRESENTATION_ZOOM
            } else {
                1.0
            }),
            Command::AgendaStep(step) => {
                self.agenda_step = step.min(agenda::STEPS.len() - 1);
                self.step_started_s = None;
                let step = &agenda::STEPS[self.agenda_step];
                layout::show_pane(&mut self.settings.layout, step.pane);
                // A step before the alternatives gets the whole width; the map comes back
                // for the alternatives and the decision.
                self.presenting_tree =
                    (!step.beside_map).then(|| layout::whole_width_tree(step.pane));
            }
            Command::ToggleMapBeside => {
                self.presenting_tree = match self.presenting_tree {
                    Some(_) => None,
                    None => Some(layout::whole_width_tree(
                        agenda::STEPS[self.agenda_step.min(agenda::STEPS.len() - 1)].pane,
                    )),
                };
            }
            Command::ToggleGuidance => self.toggle_guidance(),
            Command::TogglePresentation => {
                self.presenting = !self.presenting;
                if self.presenting {
                    self.pending.push(Command::AgendaStep(self.agenda_step));
                }
                if !self.presenting {
                    self.presenting_tree = None;
                }
                self.fullscreen_request = Some(self.presenting);
                self.status = if self.presenting {
                    "Presentation mode: Esc or F5 leaves".to_owned()
                } else {
                    "Presentation mode left".to_owned()
                };
            }
            Command::Add(kind) => {
                self.commit();
                match add_item(&mut self.project, kind, self.today) {
                    Ok(item) => {
                        self.selection.select(item);
                        self.commit();
                        self.status = format!("Added a {}", crate::model::Choice::label(kind));
                    }
                    Err(e) => self.error("Nothing was added", e.to_string()),
                }
            }
            Command::Remove(item) => {
                self.commit();
                remove_item(&mut self.project, item);
                self.commit();
                self.selection.retain_existing(&self.project);
                self.status = format!(
                    "Removed a {} (Edit → Undo brings it back)",
                    crate::model::Choice::label(item.kind())
                );
            }
            Command::ExportCsv => self.ask_for_path(PathPurpose::CsvExport, None),
            Command::ImportCsv => self.ask_for_path(PathPurpose::CsvImport, None),
            Command::ExportCsvTo(path) => match io::scores_csv::export(&self.project) {
                Ok(text) => match io::project_file::write_atomic(&path, &text) {
                    Ok(()) => self.status = format!("Scores written to {}", path.display()),
                    Err(e) => self.error("The scores were not written", e.to_string()),
                },
                Err(e) => self.error("The scores were not written", e.to_string()),
            },
            Command::ImportCsvFrom(path) => {
                let text = std::fs::read_to_string(&path);
                match text {
                    Err(e) => self.error(
                        "Nothing was imported",
                        format!("{}: cannot read the file: {e}", path.display()),
                    ),
                    Ok(text) => {
                        match io::scores_csv::import(
                            &self.project,
                            &text,
                            &path.display().to_string(),
                            self.today,
                        ) {
                            Ok(project) => {
                                self.commit();
                                self.project = project;
                                self.commit();
                                self.status = format!(
                                    "Scores imported from {} (Edit → Undo takes them back)",
                                    path.display()
                                );
                            }
                            Err(e) => self.error("Nothing was imported", e.to_string()),
                        }
                    }
                }
            }
            Command::ExportPlot { name, rect } => self.screenshot_request = Some((name, rect)),
            Command::ExportChart(chart, image) => self.export_chart(chart, image),
            Command::NewVotingRound(subject) => {
                self.commit();
                let id = self.project.new_voting_round(subject, self.today);
                self.commit();
                self.sections.voting_round = Some(id);
                self.show_pane(PaneKind::Voting);
                self.status = format!(
                    "New dot voting round on {} (Edit → Undo takes it back)",
                    crate::model::Choice::label(subject).to_lowercase()
                );
            }
            Command::NewRoomRound {
                kind,
                subject,
                anonymous,
            } => {
                if self.room.is_some() {
                    self.error(
                        "The room is already open",
                        "Close the open round first: the phones answer one round at a time."
                            .to_owned(),
                    );
                    return;
                }
                self.commit();
                let id = self
                    .project
                    .new_room_round(kind, subject, self.today, anonymous);
                self.commit();
                self.open_room(id, None);
                if self.room.is_none() {
                    // It could not open: the empty round is no use.
                    self.project.votes.retain(|r| r.id != id);
                    self.commit();
                }
            }
            Command::OpenRoom(id) => self.open_room(id, None),
            Command::RevealRoom => self.reveal_room(),
            Command::CloseRoom => self.close_room(),
            Command::StartRoom => self.start_room_round(),
            Command::RemoveVotingRound(id) => {
                if self.room.as_ref().is_some_and(|s| s.round() == id) {
                    self.close_room();
                }
                self.commit();
                self.project.votes.retain(|r| r.id != id);
                self.commit();
                self.status = "Voting round deleted (Edit → Undo brings it back)".to_owned();
            }
            Command::Rerate(side) => self.rerate(side),
            Command::StartFollowUp { name, reason } => {
                self.commit();
                self.project.start_follow_up(&name, &reason, self.today);
                self.commit();
                self.status = format!(
                    "Follow-up strategy started; “{name}” is kept as a version (Edit → Undo takes it back)"
                );
            }
            Command::CopyFromSample => {
                self.dialog = Some(Dialog::CopyFromSample(CopyFromSample::default()));
            }
            Command::CopyOptions { sample, options } => {
                match SAMPLES.get(sample).map(io::Sample::load) {
                    Some(Ok(source)) => {
                        self.commit();
                        let new =
                            crate::model::edit::copy_options(&mut self.project, &source, &options);
                        self.commit();
                        if let Some(first) = new.first() {
                            self.selection.select(ItemRef::Option(*first));
                            self.show_pane(PaneKind::Options);
                        }
                        self.status = format!(
                            "Copied {} option(s): link them to your benefits and assess them against your competitors",
                            new.len()
                        );
                    }
                    Some(Err(e)) => self.error("The sample could not be opened", e.to_string()),
                    None => self.error(
                        "No such sample",
                        format!("There is no sample number {sample}."),
                    ),
                }
            }
            Command::RestoreRecovered(number) => self.restore_orphan(number),
            Command::Select(item) => {
                self.selection.select(item);
                self.sections.show(item.kind());
                if let Some(pane) = pane_of(item.kind()) {
                    self.show_pane(pane);
                }
            }
        }
    }
}

/// The pane that shows items of a kind.
fn pane_of(kind: ItemKind) -> Option<PaneKind> {
    Some(match kind {
        ItemKind::Module | ItemKind::Goal | ItemKind::Topic => PaneKind::Foundation,
        ItemKind::UsageFormat
        | ItemKind::ImpactFormat
        | ItemKind::Potential
        | ItemKind::UserBenefit => PaneKind::Potential,
        ItemKind::Benefit => PaneKind::Benefit,
        ItemKind::Competitor => PaneKind::Competition,
        ItemKind::Option => PaneKind::Options,
        ItemKind::Alternative => PaneKind::Alternatives,
        ItemKind::Kpi
        | ItemKind::Assumption
        | ItemKind::Measure
        | ItemKind::Adaptation
        | ItemKind::Integration
        | ItemKind::Risk => PaneKind::Management,
        ItemKind::Criterion => PaneKind::Decision,
    })
}

impl Workbench {
    /// Re-rates a side as one undo step, and says what happened in the status bar.
    fn rerate(&mut self, side: Side) {
        self.commit();
        let whose = match side {
            Side::Us => "Our strength".to_owned(),
            Side::Competitor(id) => self
                .project
                .competition
                .competitors
                .iter()
                .find(|c| c.id == id)
                .map_or_else(|| format!("Competitor {id}"), |c| c.name.clone()),
        };
        match self.project.competition.rerate(side, self.today) {
            Some(Rerated::Kept(_) | Rerated::Dated) => {
                self.commit();
                self.status = format!(
                    "{whose} re-rated {}: the earlier rating is kept; edit the strengths that changed (Edit → Undo takes it back)",
                    self.today
                );
            }
            Some(Rerated::AlreadyCurrent(date)) => {
                self.status = format!(
                    "{whose} is already rated {date}: edit the strengths that changed (nothing is kept twice a day)"
                );
            }
            None => self.error(
                "Nothing was re-rated",
                format!("{whose} does not exist (any more)."),
            ),
        }
    }
}
