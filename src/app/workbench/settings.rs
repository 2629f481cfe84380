//! Settings remembered between runs (theme, zoom, layout, recent files) and the zoom in use.

use super::Workbench;
use crate::app::layout::{self, PaneKind};
use crate::app::theme::{ThemeChoice, ZOOM_RANGE};
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};

/// Settings remembered between runs through eframe's storage (never in a project file).
#[derive(Clone, Debug, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Light, dark or system theme.
    pub theme: ThemeChoice,
    /// Zoom factor.
    pub zoom: f32,
    /// Zoom factor in presentation mode.
    pub presentation_zoom: f32,
    /// Minutes per agenda step in presentation mode (0: no timer).
    pub step_minutes: u32,
    /// The arrangement of the panes.
    pub layout: egui_tiles::Tree<PaneKind>,
    /// Recently opened or saved project files, newest first.
    pub recent: Vec<PathBuf>,
    /// Whether the panes show their guidance on the method under the title (folded, the
    /// title shows it on hover). Until chosen, it is shown where the window is tall enough
    /// ([`GUIDANCE_HEIGHT`]) and folded on a laptop, where the panes need the room.
    pub guidance: Option<bool>,
    /// The same in presentation mode, folded by default: the agenda strip asks the step's
    /// questions and the room needs the space for the numbers.
    pub guidance_presenting: bool,
}

/// The default zoom in presentation mode: readable from the back of a room.
pub const PRESENTATION_ZOOM: f32 = 1.5;

/// A remembered zoom within [`ZOOM_RANGE`]; `default` if it is not a number at all.
fn usable_zoom(zoom: f32, default: f32) -> f32 {
    if zoom.is_finite() {
        zoom.clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end())
    } else {
        default
    }
}

/// The least window height (in points, after zoom) at which the guidance shows until chosen:
/// a projector's 1080 pixels yes, a laptop's 800 no.
pub const GUIDANCE_HEIGHT: f32 = 900.0;

/// How many recent files are remembered.
pub const RECENT_FILES: usize = 8;

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            zoom: 1.0,
            presentation_zoom: PRESENTATION_ZOOM,
            step_minutes: 0,
            layout: layout::default_tree(),
            recent: Vec::new(),
            guidance: None,
            guidance_presenting: false,
        }
    }
}

impl Settings {
    /// Remembered settings made usable: they may be damaged or hand-edited. A layout that lacks
    /// a pane gets it; a zoom of 0, NaN or 1e30 (found by fuzzing, see fuzz/) would make the
    /// window unusable and is brought into range.
    pub fn sanitised(mut self) -> Self {
        if !layout::complete(&mut self.layout) {
            self.layout = layout::default_tree();
        }
        self.zoom = usable_zoom(self.zoom, 1.0);
        self.presentation_zoom = usable_zoom(self.presentation_zoom, PRESENTATION_ZOOM);
        self
    }

    /// Puts a file at the top of the recent files.
    pub fn remember_recent(&mut self, path: &Path) {
        let path = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
        self.recent.retain(|p| *p != path);
        self.recent.insert(0, path);
        self.recent.truncate(RECENT_FILES);
    }
}

impl Workbench {
    /// Whether the panes show their guidance now (presentation mode has its own choice).
    pub fn guidance_shown(&self) -> bool {
        if self.presenting {
            self.settings.guidance_presenting
        } else {
            self.settings
                .guidance
                .unwrap_or(self.window_height >= GUIDANCE_HEIGHT)
        }
    }

    /// Shows or folds the guidance in the mode in use.
    pub(super) fn toggle_guidance(&mut self) {
        let shown = self.guidance_shown();
        if self.presenting {
            self.settings.guidance_presenting = !shown;
        } else {
            self.settings.guidance = Some(!shown);
        }
    }

    /// The zoom in use: presentation mode has its own.
    pub fn zoom(&self) -> f32 {
        if self.presenting {
            self.settings.presentation_zoom
        } else {
            self.settings.zoom
        }
    }

    /// Sets the zoom in use, rounded to whole percent so repeated steps land on 100 % again.
    pub(super) fn set_zoom(&mut self, zoom: f32) {
        let zoom = ((zoom * 100.0).round() / 100.0).clamp(*ZOOM_RANGE.start(), *ZOOM_RANGE.end());
        if self.presenting {
            self.settings.presentation_zoom = zoom;
        } else {
            self.settings.zoom = zoom;
        }
    }
}
