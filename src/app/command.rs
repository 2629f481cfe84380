//! Every user action that is not an edit inside a pane is a [`Command`]. The menu and the
//! keyboard shortcuts emit a `Command` for every action; the panes emit one for structural
//! changes (adding, removing and selecting items, voting rounds, a follow-up strategy, copying
//! from a sample, exporting a chart). Edits inside a pane are not commands: plain field edits
//! go straight into the project, and rules of the method are named `model`/`analysis` methods
//! the pane calls (see [`super::panes`]); undo records both when the edit gesture ends.
//!
//! Each command has one text ([`Command::label`]) that the menu and the palette both show, and
//! at most one home: [`super::workbench::Workbench::request`] applies it.

use super::layout::PaneKind;
use super::theme::ThemeChoice;
use crate::model::{ItemKind, ItemRef};
use egui::{Key, KeyboardShortcut, Modifiers};
use std::path::PathBuf;

/// The charts that can be drawn for a slide.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlideChart {
    /// The alternatives map (competitive quality across, risk up).
    Map,
    /// The sensitivity of the winner to each weight.
    Sensitivity,
    /// How often each alternative takes each rank when uncertain scores vary.
    Acceptability,
    /// A KPI's planned path and actuals.
    Kpi(crate::model::KpiId),
}

impl SlideChart {
    /// What the chart is, in a command's label.
    pub fn label(self) -> &'static str {
        match self {
            Self::Map => "the map",
            Self::Sensitivity => "the sensitivity chart",
            Self::Acceptability => "the rank acceptability chart",
            Self::Kpi(_) => "the KPI's chart",
        }
    }

    /// The suggested file name, without its extension.
    pub fn file_stem(self) -> &'static str {
        match self {
            Self::Map => "alternatives-map",
            Self::Sensitivity => "sensitivity",
            Self::Acceptability => "rank-acceptability",
            Self::Kpi(_) => "kpi",
        }
    }
}

/// The picture a slide export writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SlideImage {
    /// SVG, which scales to any size.
    Svg,
    /// PNG, `width` × `height` pixels.
    Png {
        /// Pixels across.
        width: u32,
        /// Pixels down.
        height: u32,
    },
}

/// An action on the app or the project.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Start a new, empty project.
    NewProject,
    /// Ask for a file and open it.
    Open,
    /// Open the command palette.
    Palette,
    /// Open the glossary of pbsm's terms (or close it).
    Glossary,
    /// Enter presentation mode, or leave it.
    TogglePresentation,
    /// Show the panes' guidance on the method, or fold it (in the mode in use).
    ToggleGuidance,
    /// Presenting: show the alternatives map beside the step's pane, or give the pane the
    /// whole width.
    ToggleMapBeside,
    /// Go to this step of the workshop agenda (an index into `agenda::STEPS`).
    AgendaStep(usize),
    /// Open this file.
    OpenPath(PathBuf),
    /// Open the sample case with this index in [`crate::io::SAMPLES`].
    OpenSample(usize),
    /// Save to the project's file (asks for one if it has none).
    Save,
    /// Ask for a file and save to it.
    SaveAs,
    /// Save to this file.
    SaveTo(PathBuf),
    /// Ask for a file and write the decision memo to it (HTML, or Markdown for .md).
    ExportReport,
    /// Write the decision memo to this file.
    ExportReportTo(PathBuf),
    /// Ask for a file and write the alternatives' scores to it as CSV.
    ExportCsv,
    /// Write the alternatives' scores as CSV to this file.
    ExportCsvTo(PathBuf),
    /// Draw a chart for a slide (title, axes, legend, on white) and ask where to write it: as
    /// SVG, or as PNG of this many pixels.
    ExportChart(SlideChart, SlideImage),
    /// Ask for a CSV file and import the alternatives' scores from it.
    ImportCsv,
    /// Import the alternatives' scores from this CSV file (all rows or nothing).
    ImportCsvFrom(PathBuf),
    /// Close the window.
    Quit,
    /// Restore the unsaved work of a crashed window from its recovery slot (by number).
    RestoreRecovered(u32),
    /// Undo the last edit.
    Undo,
    /// Redo the last undone edit.
    Redo,
    /// Bring a pane to the front.
    ShowPane(PaneKind),
    /// Put the panes back into the default arrangement.
    ResetLayout,
    /// Light, dark or follow the system.
    SetTheme(ThemeChoice),
    /// Make everything larger.
    ZoomIn,
    /// Make everything smaller.
    ZoomOut,
    /// Back to 100 %.
    ZoomReset,
    /// Add a new item of a kind and select it.
    Add(ItemKind),
    /// Remove an item and every reference to it.
    Remove(ItemRef),
    /// Select an item (in its pane and on the map).
    Select(ItemRef),
    /// Export the plot drawn in this screen rectangle (points) as a PNG file.
    ExportPlot {
        /// A file name suggestion ("alternatives-map").
        name: String,
        /// Where the plot is on screen.
        rect: egui::Rect,
    },
    /// Start a round of dot voting on alternatives or options, dated today.
    NewVotingRound(crate::model::VoteSubject),
    /// Delete a round of dot voting.
    RemoveVotingRound(crate::model::VotingRoundId),
    /// Start a round of this kind, dated today, and open the room for it: the phones answer.
    NewRoomRound {
        /// What the participants answer.
        kind: crate::model::RoundKind,
        /// Alternatives or options (placing is always on alternatives, pairwise on criteria).
        subject: crate::model::VoteSubject,
        /// Keep the answers without names.
        anonymous: bool,
    },
    /// Open the room for an existing round.
    OpenRoom(crate::model::VotingRoundId),
    /// Show the open room's answers: they go into the round.
    RevealRoom,
    /// Close the open room's round: its answers go into it and the server stops.
    CloseRoom,
    /// Everyone has joined: presentation mode hides the full-screen QR code.
    StartRoom,
    /// Re-rate a competitor or our own strength: keep the current rating as an earlier one
    /// with its date and date the strengths today, to be edited where they changed.
    Rerate(crate::model::Side),
    /// Keep the current state as a version with this name and start the follow-up strategy,
    /// for this reason.
    StartFollowUp {
        /// The version's name.
        name: String,
        /// Why the follow-up starts.
        reason: String,
    },
    /// Offer to copy options from a sample case, with the transferability checklist first.
    CopyFromSample,
    /// Copy these options of this sample (after the checklist).
    CopyOptions {
        /// Index in [`crate::io::SAMPLES`].
        sample: usize,
        /// The sample's options to copy.
        options: Vec<crate::model::OptionId>,
    },
}

/// Ctrl on Linux and Windows, Cmd on macOS.
const CMD: Modifiers = Modifiers::COMMAND;
const CMD_SHIFT: Modifiers = Modifiers {
    shift: true,
    ..Modifiers::COMMAND
};

/// The keyboard shortcuts, most specific first (Ctrl+Shift+S before Ctrl+S).
pub const SHORTCUTS: &[(KeyboardShortcut, Command)] = &[
    (KeyboardShortcut::new(CMD_SHIFT, Key::S), Command::SaveAs),
    (KeyboardShortcut::new(CMD_SHIFT, Key::Z), Command::Redo),
    (KeyboardShortcut::new(CMD, Key::N), Command::NewProject),
    (KeyboardShortcut::new(CMD, Key::O), Command::Open),
    (KeyboardShortcut::new(CMD, Key::S), Command::Save),
    (KeyboardShortcut::new(CMD, Key::Z), Command::Undo),
    (KeyboardShortcut::new(CMD, Key::Y), Command::Redo),
    (KeyboardShortcut::new(CMD, Key::Q), Command::Quit),
    (KeyboardShortcut::new(CMD, Key::E), Command::ExportReport),
    (KeyboardShortcut::new(CMD, Key::K), Command::Palette),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::F1),
        Command::Glossary,
    ),
    (
        KeyboardShortcut::new(Modifiers::NONE, Key::F5),
        Command::TogglePresentation,
    ),
    (KeyboardShortcut::new(CMD, Key::Plus), Command::ZoomIn),
    (KeyboardShortcut::new(CMD, Key::Equals), Command::ZoomIn),
    (KeyboardShortcut::new(CMD, Key::Minus), Command::ZoomOut),
    (KeyboardShortcut::new(CMD, Key::Num0), Command::ZoomReset),
];

impl Command {
    /// The first shortcut for this command, if it has one.
    pub fn shortcut(&self) -> Option<KeyboardShortcut> {
        SHORTCUTS
            .iter()
            .find(|(_, command)| command == self)
            .map(|(shortcut, _)| *shortcut)
    }

    /// The command's text wherever it is offered (menu, palette): one text per action. A
    /// command with a file or item in it names them.
    pub fn label(&self) -> String {
        use crate::model::Choice;
        let text = match self {
            Self::NewProject => "New project",
            Self::Open => "Open…",
            Self::Palette => "Command palette…",
            Self::Glossary => "Glossary of pbsm terms",
            Self::TogglePresentation => "Presentation mode",
            Self::ToggleGuidance => "Guidance on the method (show or fold)",
            Self::ToggleMapBeside => "Presenting: the map beside the step (show or hide)",
            Self::AgendaStep(step) => return format!("Agenda step {}", step + 1),
            Self::OpenPath(path) => return path.display().to_string(),
            Self::OpenSample(index) => {
                return crate::io::SAMPLES
                    .get(*index)
                    .map_or_else(|| format!("Sample {index}"), |s| s.title.to_owned());
            }
            Self::Save => "Save",
            Self::SaveAs => "Save as…",
            Self::SaveTo(path) => return format!("Save to {}", path.display()),
            Self::ExportReport => "Export decision memo…",
            Self::ExportReportTo(path) => {
                return format!("Write the decision memo to {}", path.display());
            }
            Self::ExportCsv => "Export scores as CSV…",
            Self::ExportCsvTo(path) => return format!("Write the scores to {}", path.display()),
            Self::ExportChart(chart, SlideImage::Svg) => {
                return format!("Export {} for a slide (SVG)…", chart.label());
            }
            Self::ExportChart(chart, SlideImage::Png { width, height }) => {
                return format!(
                    "Export {} for a slide (PNG, {width} × {height})…",
                    chart.label()
                );
            }
            Self::ImportCsv => "Import scores from CSV…",
            Self::ImportCsvFrom(path) => {
                return format!("Import the scores from {}", path.display());
            }
            Self::Quit => "Quit",
            Self::RestoreRecovered(slot) => return format!("Restore unsaved work ({slot})"),
            Self::Undo => "Undo",
            Self::Redo => "Redo",
            Self::ShowPane(pane) => pane.title(),
            Self::ResetLayout => "Reset layout",
            Self::SetTheme(theme) => theme.label(),
            Self::ZoomIn => "Zoom in",
            Self::ZoomOut => "Zoom out",
            Self::ZoomReset => "Actual size",
            Self::Add(kind) => return format!("Add {}", kind.label()),
            Self::Remove(item) => return format!("Remove {}", item.kind().label()),
            Self::Select(item) => return format!("Select {}", item.kind().label()),
            Self::ExportPlot { name, .. } => return format!("Export {name} as PNG…"),
            Self::NewVotingRound(subject) => {
                return format!("New dot voting round on {}", subject.label().to_lowercase());
            }
            Self::RemoveVotingRound(_) => "Delete voting round",
            Self::NewRoomRound { kind, subject, .. } => {
                let on = if kind.on_criteria() {
                    "criteria".to_owned()
                } else if kind.alternatives_only() {
                    "alternatives".to_owned()
                } else {
                    crate::model::Choice::label(*subject).to_lowercase()
                };
                return format!(
                    "Room: new {} voting round on {on}, answered from phones",
                    crate::model::Choice::label(*kind).to_lowercase()
                );
            }
            Self::OpenRoom(_) => "Room: open it for this round (phones answer)",
            Self::RevealRoom => "Room: reveal the answers",
            Self::CloseRoom => "Room: close the round",
            Self::StartRoom => "Room: start the round (hide the QR code)",
            Self::Rerate(crate::model::Side::Us) => "Re-rate our strength",
            Self::Rerate(crate::model::Side::Competitor(_)) => "Re-rate competitor",
            Self::StartFollowUp { name, .. } => {
                return format!("Start a follow-up strategy (keep “{name}” as a version)");
            }
            Self::CopyFromSample => "Copy options from a sample…",
            Self::CopyOptions { options, .. } => {
                return format!("Copy {} option(s) from a sample", options.len());
            }
        };
        text.to_owned()
    }

    /// The submenu the command is in, which the palette puts before its label.
    pub fn group(&self) -> Option<&'static str> {
        match self {
            Self::OpenPath(_) => Some("Open recent"),
            Self::OpenSample(_) => Some("Open sample"),
            Self::ShowPane(_) => Some("Show"),
            Self::SetTheme(_) => Some("Theme"),
            _ => None,
        }
    }

    /// Whether the command replaces the open project (and so must ask about unsaved changes).
    pub fn replaces_project(&self) -> bool {
        matches!(
            self,
            Self::NewProject
                | Self::Open
                | Self::OpenPath(_)
                | Self::OpenSample(_)
                | Self::RestoreRecovered(_)
                | Self::Quit
        )
    }
}

/// Takes the pressed shortcuts out of this frame's input and returns their commands.
pub fn commands_from_shortcuts(ctx: &egui::Context) -> Vec<Command> {
    ctx.input_mut(|input| {
        SHORTCUTS
            .iter()
            .filter(|(shortcut, _)| input.consume_shortcut(shortcut))
            .map(|(_, command)| command.clone())
            .collect()
    })
}

/// Every command the palette offers, with its label: the menu's commands, every pane, theme and
/// zoom, adding each kind of item, the samples and the recent files. The labels are the menu's
/// ([`Command::label`]), after the submenu's name where the menu has them in one
/// ([`Command::group`]): "Theme: Dark".
pub fn palette_entries(recent: &[PathBuf]) -> Vec<(String, Command)> {
    let mut commands = vec![
        Command::NewProject,
        Command::Open,
        Command::Save,
        Command::SaveAs,
        Command::ExportReport,
        Command::ExportCsv,
        Command::ImportCsv,
        Command::ExportChart(
            SlideChart::Map,
            SlideImage::Png {
                width: 1920,
                height: 1080,
            },
        ),
        Command::ExportChart(SlideChart::Map, SlideImage::Svg),
        Command::ExportChart(
            SlideChart::Sensitivity,
            SlideImage::Png {
                width: 1920,
                height: 1080,
            },
        ),
        Command::ExportChart(SlideChart::Sensitivity, SlideImage::Svg),
        Command::ExportChart(
            SlideChart::Acceptability,
            SlideImage::Png {
                width: 1920,
                height: 1080,
            },
        ),
        Command::ExportChart(SlideChart::Acceptability, SlideImage::Svg),
        Command::Undo,
        Command::Redo,
        Command::TogglePresentation,
        Command::ZoomIn,
        Command::ZoomOut,
        Command::ZoomReset,
        Command::ResetLayout,
        Command::ToggleGuidance,
        Command::CopyFromSample,
        Command::Glossary,
        Command::Quit,
    ];
    commands.extend(PaneKind::ALL.map(Command::ShowPane));
    commands.extend(
        <crate::model::VoteSubject as crate::model::Choice>::ALL
            .iter()
            .map(|s| Command::NewVotingRound(*s)),
    );
    for kind in <crate::model::RoundKind as crate::model::Choice>::ALL {
        let subjects: &[crate::model::VoteSubject] =
            if kind.on_criteria() || kind.alternatives_only() {
                &[crate::model::VoteSubject::Alternatives]
            } else {
                <crate::model::VoteSubject as crate::model::Choice>::ALL
            };
        commands.extend(subjects.iter().map(|subject| Command::NewRoomRound {
            kind: *kind,
            subject: *subject,
            anonymous: false,
        }));
    }
    commands.extend([Command::RevealRoom, Command::CloseRoom, Command::StartRoom]);
    commands.extend(ThemeChoice::ALL.map(Command::SetTheme));
    commands.extend(
        <ItemKind as crate::model::Choice>::ALL
            .iter()
            .map(|k| Command::Add(*k)),
    );
    commands.extend((0..crate::io::SAMPLES.len()).map(Command::OpenSample));
    commands.extend(recent.iter().cloned().map(Command::OpenPath));
    commands
        .into_iter()
        .map(|command| {
            let label = match command.group() {
                Some(group) => format!("{group}: {}", command.label()),
                None => command.label(),
            };
            (label, command)
        })
        .collect()
}

/// Words people type for a command that its label does not hold ("vote" for the voting
/// rounds, whose labels say "voting").
fn keywords(command: &Command) -> &'static str {
    match command {
        Command::NewVotingRound(_) | Command::ShowPane(PaneKind::Voting) => "vote dots",
        Command::NewRoomRound { .. }
        | Command::RevealRoom
        | Command::CloseRoom
        | Command::StartRoom => "vote phones poll",
        _ => "",
    }
}

/// The entries whose label (or keywords) contains every word of the query (case-insensitive),
/// in order.
pub fn filter_entries<'a>(
    entries: &'a [(String, Command)],
    query: &str,
) -> Vec<&'a (String, Command)> {
    let words: Vec<String> = query.split_whitespace().map(str::to_lowercase).collect();
    entries
        .iter()
        .filter(|(label, command)| {
            let text = format!("{} {}", label.to_lowercase(), keywords(command));
            words.iter().all(|w| text.contains(w))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_palette_offers_every_pane_and_filters_by_words() {
        let entries = palette_entries(&[PathBuf::from("/tmp/mine.pbsm.ron")]);
        for pane in PaneKind::ALL {
            assert!(entries.iter().any(|(_, c)| *c == Command::ShowPane(pane)));
        }
        let found = filter_entries(&entries, "theme DARK");
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].1, Command::SetTheme(ThemeChoice::Dark));
        assert_eq!(
            filter_entries(&entries, "recent mine")[0].1,
            Command::OpenPath(PathBuf::from("/tmp/mine.pbsm.ron"))
        );
        assert_eq!(filter_entries(&entries, "").len(), entries.len());
        let votes: Vec<_> = filter_entries(&entries, "new vot")
            .into_iter()
            .map(|(_, c)| c.clone())
            .collect();
        // The dot-voting rounds first, then a round of each kind answered from phones.
        assert_eq!(
            votes[..2],
            [
                Command::NewVotingRound(crate::model::VoteSubject::Alternatives),
                Command::NewVotingRound(crate::model::VoteSubject::Options)
            ]
        );
        for kind in <crate::model::RoundKind as crate::model::Choice>::ALL {
            assert!(
                votes
                    .iter()
                    .any(|c| matches!(c, Command::NewRoomRound { kind: k, .. } if k == kind)),
                "{kind:?}"
            );
        }
        assert!(filter_entries(&entries, "no such thing").is_empty());
        // "vote", as the README promises: the voting pane, the dot-voting rounds, the rooms.
        let vote: Vec<&Command> = filter_entries(&entries, "vote")
            .into_iter()
            .map(|(_, c)| c)
            .collect();
        for subject in <crate::model::VoteSubject as crate::model::Choice>::ALL {
            assert!(
                vote.contains(&&Command::NewVotingRound(*subject)),
                "{vote:?}"
            );
        }
        assert!(vote.contains(&&Command::ShowPane(PaneKind::Voting)));
        assert!(vote.contains(&&Command::RevealRoom));
        assert!(filter_entries(&entries, "vote theme").is_empty());
    }

    #[test]
    fn every_shortcut_is_unique() {
        for (i, (a, _)) in SHORTCUTS.iter().enumerate() {
            for (b, _) in &SHORTCUTS[i + 1..] {
                assert_ne!(a, b);
            }
        }
    }
}
