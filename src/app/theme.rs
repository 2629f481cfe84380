//! Look and feel: light/dark/system theme and text sizes legible on a projector.

use egui::{FontFamily, FontId, TextStyle};
use serde::{Deserialize, Serialize};

/// The user's theme choice (remembered between runs, never stored in a project).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemeChoice {
    /// Every choice, in menu order.
    pub const ALL: [Self; 3] = [Self::System, Self::Light, Self::Dark];

    /// A label for the menu.
    pub fn label(self) -> &'static str {
        match self {
            Self::System => "Follow system",
            Self::Light => "Light",
            Self::Dark => "Dark",
        }
    }

    fn preference(self) -> egui::ThemePreference {
        match self {
            Self::System => egui::ThemePreference::System,
            Self::Light => egui::ThemePreference::Light,
            Self::Dark => egui::ThemePreference::Dark,
        }
    }
}

/// The smallest and largest zoom factors offered.
pub const ZOOM_RANGE: std::ops::RangeInclusive<f32> = 0.6..=3.0;

/// Installs egui's fonts with the monospace font as a last fallback for proportional text, so
/// arrows and symbols (→, ●, ▸) that the text font lacks still render.
pub fn install_fonts(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    if fonts.font_data.contains_key("Hack")
        && let Some(family) = fonts.families.get_mut(&FontFamily::Proportional)
        && !family.iter().any(|f| f == "Hack")
    {
        family.push("Hack".to_owned());
    }
    ctx.set_fonts(fonts);
}

/// Applies the theme and the workbench's text sizes (a little larger than egui's defaults, so
/// a room can read them).
pub fn apply(ctx: &egui::Context, theme: ThemeChoice) {
    ctx.set_theme(theme.preference());
    // Undo presentation mode's high contrast, if it was on.
    ctx.set_visuals_of(egui::Theme::Dark, egui::Visuals::dark());
    ctx.set_visuals_of(egui::Theme::Light, egui::Visuals::light());
    ctx.all_styles_mut(|style| {
        style.text_styles = [
            (
                TextStyle::Small,
                FontId::new(11.5, FontFamily::Proportional),
            ),
            (TextStyle::Body, FontId::new(14.5, FontFamily::Proportional)),
            (
                TextStyle::Button,
                FontId::new(14.5, FontFamily::Proportional),
            ),
            (
                TextStyle::Heading,
                FontId::new(21.0, FontFamily::Proportional),
            ),
            (
                TextStyle::Monospace,
                FontId::new(13.5, FontFamily::Monospace),
            ),
        ]
        .into();
        style.spacing.item_spacing = egui::vec2(8.0, 6.0);
        style.spacing.button_padding = egui::vec2(8.0, 4.0);
        style.spacing.interact_size.y = 24.0;
    });
}

/// Presentation mode's look: the workbench's text sizes on pure black with white text and
/// strong outlines, readable from the back of a room on a washed-out projector.
pub fn apply_high_contrast(ctx: &egui::Context) {
    apply(ctx, ThemeChoice::Dark);
    let mut visuals = egui::Visuals::dark();
    let white = egui::Color32::WHITE;
    visuals.override_text_color = Some(white);
    visuals.panel_fill = egui::Color32::BLACK;
    visuals.window_fill = egui::Color32::from_gray(12);
    visuals.extreme_bg_color = egui::Color32::from_gray(20);
    visuals.faint_bg_color = egui::Color32::from_gray(28);
    visuals.window_stroke = egui::Stroke::new(2.0, white);
    visuals.selection.bg_fill = egui::Color32::from_rgb(0, 90, 200);
    visuals.selection.stroke = egui::Stroke::new(2.0, white);
    for widgets in [
        &mut visuals.widgets.inactive,
        &mut visuals.widgets.hovered,
        &mut visuals.widgets.active,
        &mut visuals.widgets.open,
    ] {
        widgets.fg_stroke = egui::Stroke::new(2.0, white);
    }
    visuals.widgets.noninteractive.bg_stroke =
        egui::Stroke::new(1.0, egui::Color32::from_gray(140));
    visuals.widgets.inactive.bg_stroke = egui::Stroke::new(1.0, egui::Color32::from_gray(170));
    visuals.widgets.hovered.bg_stroke = egui::Stroke::new(2.0, white);
    ctx.set_visuals_of(egui::Theme::Dark, visuals);
}
