//! The settings remembered between runs: eframe keeps them as RON text in the user's data folder
//! and reads them back with `ron::from_str` (`eframe::get_value`), which a hand-edited or damaged
//! file also goes through. A workbench started with any settings that parse must have a complete
//! pane layout and a usable zoom.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pbsm::app::Workbench;
use pbsm::app::layout::is_complete;
use pbsm::app::theme::ZOOM_RANGE;
use pbsm::app::workbench::Settings;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(settings) = ron::from_str::<Settings>(text) else {
        return;
    };
    let app = Workbench::new(settings);
    let s = app.settings();
    assert!(is_complete(&s.layout), "the layout has every pane once");
    assert!(ZOOM_RANGE.contains(&s.zoom), "zoom {} is usable", s.zoom);
    assert!(
        ZOOM_RANGE.contains(&s.presentation_zoom),
        "presentation zoom {} is usable",
        s.presentation_zoom
    );
});
