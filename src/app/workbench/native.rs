//! The native window (eframe): remembered settings, the first project, recovery.

use super::{Settings, Workbench};
use crate::app::command::Command;
use crate::io;
use std::path::PathBuf;

impl eframe::App for Workbench {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        self.ui_root(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, eframe::APP_KEY, &self.settings);
    }
}

/// Opens the workbench window with a project file, or the first sample when there is none.
/// A file that cannot be opened leaves a new project open and shows why.
pub fn run_native(file: Option<PathBuf>) -> anyhow::Result<()> {
    let mut viewport = egui::ViewportBuilder::default()
        .with_title("pbsm workbench")
        // The same as StartupWMClass in assets/pbsm-workbench.desktop, so the desktop puts the
        // window under its launcher.
        .with_app_id("pbsm-workbench")
        .with_inner_size([1440.0, 900.0])
        .with_min_inner_size([900.0, 600.0]);
    if let Some(icon) = crate::app::icon::window_icon() {
        viewport = viewport.with_icon(icon);
    }
    let options = eframe::NativeOptions {
        viewport,
        persist_window: true,
        ..Default::default()
    };
    eframe::run_native(
        "pbsm workbench",
        options,
        Box::new(move |cc| {
            let settings = cc
                .storage
                .and_then(|s| eframe::get_value::<Settings>(s, eframe::APP_KEY))
                .unwrap_or_default();
            let mut app = Workbench::new(settings);
            app.use_native_dialogs(true);
            app.set_background_analysis(true);
            app.apply_unchecked(match file {
                Some(path) => Command::OpenPath(path),
                None => Command::OpenSample(0),
            });
            // Unsaved work of windows that crashed is offered back (after an error about the
            // file to open, which stays first).
            app.start_recovery(&io::recovery::default_dir());
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))
}
