//! The open document: the project, its file, its dirty state and title; replacing and saving it.

use super::Workbench;
use crate::app::history::History;
use crate::io;
use crate::model::{ItemRef, Project};
use std::path::{Path, PathBuf};

impl Workbench {
    /// Whether the project has changes that are not saved.
    pub fn is_dirty(&self) -> bool {
        self.uncommitted || self.history.revision() != self.saved_revision
    }

    /// The window title: project, file and a modified mark.
    pub fn window_title(&self) -> String {
        let file = match (&self.path, self.sample) {
            (Some(path), _) => path.file_name().map_or_else(
                || path.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            (None, Some(_)) => "sample, not saved".to_owned(),
            (None, None) => "not saved".to_owned(),
        };
        let mark = if self.is_dirty() { "● " } else { "" };
        format!("{mark}{} — {file} — pbsm workbench", self.project.name)
    }

    /// Replaces the open project (after the door let it through): a fresh history, nothing
    /// unsaved, the first item of each list selected.
    pub(super) fn replace_project(
        &mut self,
        project: Project,
        path: Option<PathBuf>,
        sample: Option<usize>,
    ) {
        // Replacing unsaved work happens only after the user said so: the recovery file that
        // holds it goes too. (Replacing a saved project leaves a recovery file alone: at start
        // it still holds the work of a crashed session, to offer back.)
        if self.is_dirty() {
            self.clear_recovery();
        }
        self.history = History::new(&project);
        self.saved_revision = self.history.revision();
        self.uncommitted = false;
        self.project = project;
        self.path = path;
        self.sample = sample;
        self.selection.clear_all();
        self.select_first_items();
    }

    /// Selects the first item of each list, so panes open with something to show.
    pub(super) fn select_first_items(&mut self) {
        let p = &self.project;
        let firsts = [
            p.potential
                .usage_formats
                .first()
                .map(|x| ItemRef::UsageFormat(x.id)),
            p.potential
                .module_potentials
                .first()
                .map(|x| ItemRef::Potential(x.id)),
            p.potential
                .user_benefits
                .first()
                .map(|x| ItemRef::UserBenefit(x.id)),
            p.benefits.first().map(|x| ItemRef::Benefit(x.id)),
            p.competition
                .competitors
                .first()
                .map(|x| ItemRef::Competitor(x.id)),
            p.options.first().map(|x| ItemRef::Option(x.id)),
            p.alternatives.first().map(|x| ItemRef::Alternative(x.id)),
            p.management.kpis.first().map(|x| ItemRef::Kpi(x.id)),
            p.management
                .assumptions
                .first()
                .map(|x| ItemRef::Assumption(x.id)),
            p.management
                .measures
                .first()
                .map(|x| ItemRef::Measure(x.id)),
            p.management
                .integrations
                .first()
                .map(|x| ItemRef::Integration(x.id)),
            p.management.risks.first().map(|x| ItemRef::Risk(x.id)),
        ];
        for item in firsts.into_iter().flatten() {
            self.selection.select(item);
        }
    }

    /// Saves to a path (adding the `.pbsm.ron` extension where it has none). Returns whether
    /// it worked; on failure the old file is intact and an error dialog says why.
    pub(super) fn save_to(&mut self, path: &Path) -> bool {
        let path = with_extension(path);
        self.commit();
        match io::save(&self.project, &path) {
            Ok(()) => {
                self.saved_revision = self.history.revision();
                self.status = format!("Saved to {}", path.display());
                // Hidden temporary files that killed saves left beside it go now.
                let problems = io::project_file::remove_stale_temporaries(&path);
                if !problems.is_empty() {
                    self.status = format!(
                        "Saved to {}; an old temporary file could not be removed: {}",
                        path.display(),
                        problems.join("; ")
                    );
                }
                self.settings.remember_recent(&path);
                self.clear_recovery();
                self.path = Some(path);
                self.sample = None;
                true
            }
            Err(e) => {
                self.error(
                    "The project was not saved",
                    format!("{e}\n\nThe file on disk is unchanged."),
                );
                false
            }
        }
    }
}

/// The path with `.pbsm.ron` appended when it has no `.ron` extension.
pub fn with_extension(path: &Path) -> PathBuf {
    let has_ron = path
        .file_name()
        .is_some_and(|n| n.to_string_lossy().to_ascii_lowercase().ends_with(".ron"));
    if has_ron {
        path.to_path_buf()
    } else {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".{}", io::project_file::EXTENSION));
        PathBuf::from(name)
    }
}

/// A file name for a project name: letters, digits and dashes, with the project extension.
pub fn file_stem_for(project_name: &str) -> String {
    let mut stem: String = project_name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    while stem.contains("--") {
        stem = stem.replace("--", "-");
    }
    let stem = stem.trim_matches('-');
    let stem = if stem.is_empty() { "strategy" } else { stem };
    let stem: String = stem.chars().take(60).collect();
    format!("{stem}.{}", io::project_file::EXTENSION)
}
