//! Small widgets shared by the panes. Each input carries an accessible label, so screen readers
//! (and the UI tests) can find it by name.

pub use super::help::rubrics::Rating;
use crate::format::{Rgb, signal_rgb};
use crate::model::{Choice, Date, Score};
use egui::{Color32, Response, RichText, TextEdit, Ui};

// The formatters the panes use, shared with the memo.
pub use crate::format::{
    NOT_ASSESSED, eur, group_thousands, group_thousands_decimals, rating_text, score_text,
};
use egui_extras::{Column, TableBuilder, TableRow};

/// Height of one table row.
pub const ROW_HEIGHT: f32 = 26.0;

/// The pane's title and its guidance on the pbsm step: two or three lines that say what the
/// step is for and what to watch out for.
pub fn pane_header(ui: &mut Ui, title: &str, guidance: &str) {
    ui.add_space(2.0);
    ui.heading(title);
    egui::Frame::new()
        .fill(ui.visuals().faint_bg_color)
        .stroke(ui.visuals().widgets.noninteractive.bg_stroke)
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(RichText::new(guidance).color(ui.visuals().weak_text_color()));
        });
    ui.add_space(4.0);
}

/// A framed warning: a title in the warning colour, then whatever `add` shows.
pub fn warning_banner(ui: &mut Ui, title: &str, add: impl FnOnce(&mut Ui)) {
    egui::Frame::new()
        .fill(ui.visuals().warn_fg_color.gamma_multiply(0.15))
        .stroke(egui::Stroke::new(1.0, ui.visuals().warn_fg_color))
        .corner_radius(6.0)
        .inner_margin(egui::Margin::symmetric(10, 6))
        .show(ui, |ui| {
            ui.set_width(ui.available_width());
            ui.label(
                RichText::new(format!("⚠ {title}"))
                    .strong()
                    .color(ui.visuals().warn_fg_color),
            );
            add(ui);
        });
}

/// A row of tab-like buttons to switch between the sections of a pane.
pub fn section_tabs<T: Copy + PartialEq>(ui: &mut Ui, current: &mut T, sections: &[(T, &str)]) {
    ui.horizontal_wrapped(|ui| {
        for (section, label) in sections {
            let tab = ui.selectable_value(current, *section, RichText::new(*label).strong());
            // A section named after a term of the method explains it.
            if let Some(meaning) = super::help::term_hover(label) {
                tab.on_hover_text(meaning);
            }
        }
    });
    ui.separator();
}

/// A two-column form: labels on the left, inputs on the right.
pub struct Form<'u> {
    ui: &'u mut Ui,
}

/// Shows a form.
pub fn form<R>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    add: impl FnOnce(&mut Form<'_>) -> R,
) -> R {
    egui::Grid::new(id_salt)
        .num_columns(2)
        .spacing([12.0, 8.0])
        .min_col_width(150.0)
        .show(ui, |ui| add(&mut Form { ui }))
        .inner
}

impl Form<'_> {
    /// The label of a row; a term of the method explains itself on hover.
    fn label(&mut self, label: &str) -> egui::Id {
        let response = self.ui.label(label);
        let id = response.id;
        if let Some(meaning) = super::help::term_hover(label) {
            response.on_hover_text(meaning);
        }
        id
    }

    /// A one-line text field.
    pub fn text(&mut self, label: &str, value: &mut String) -> Response {
        let label_id = self.label(label);
        let response = self
            .ui
            .add(TextEdit::singleline(value).desired_width(f32::INFINITY))
            .labelled_by(label_id);
        self.ui.end_row();
        response
    }

    /// A multi-line text field.
    pub fn area(&mut self, label: &str, value: &mut String) -> Response {
        let label_id = self.label(label);
        let response = self
            .ui
            .add(
                TextEdit::multiline(value)
                    .desired_rows(2)
                    .desired_width(f32::INFINITY),
            )
            .labelled_by(label_id);
        self.ui.end_row();
        response
    }

    /// A 0–10 score slider.
    pub fn score(&mut self, label: &str, value: &mut Score, rating: Rating) -> Response {
        let label_id = self.label(label);
        let response = score_slider(self.ui, value, rating).labelled_by(label_id);
        self.ui.end_row();
        response
    }

    /// A non-negative amount with a unit.
    pub fn amount(&mut self, label: &str, value: &mut f64, unit: &str, speed: f64) -> Response {
        let label_id = self.label(label);
        let response = self
            .ui
            .add(amount_drag(value, unit, speed))
            .labelled_by(label_id);
        self.ui.end_row();
        response
    }

    /// Any number (KPI values may be negative).
    pub fn number(&mut self, label: &str, value: &mut f64) -> Response {
        let label_id = self.label(label);
        let speed = number_speed(*value);
        let response = self
            .ui
            .add(egui::DragValue::new(value).speed(speed).max_decimals(3))
            .labelled_by(label_id);
        self.ui.end_row();
        response
    }

    /// A choice from a closed set.
    pub fn choice<T: Choice>(&mut self, label: &str, value: &mut T) -> Response {
        let label_id = self.label(label);
        let response = choice_combo(self.ui, label, value).labelled_by(label_id);
        self.ui.end_row();
        response
    }

    /// A reference to another item, or none.
    pub fn reference<Id: Copy + PartialEq>(
        &mut self,
        label: &str,
        value: &mut Option<Id>,
        items: &[(Id, String)],
    ) -> Response {
        let label_id = self.label(label);
        let response = reference_combo(self.ui, label, value, items).labelled_by(label_id);
        self.ui.end_row();
        response
    }

    /// A reference to another item, or none, whose name the combo box shows whole (growing
    /// wider) instead of cutting it short.
    pub fn reference_whole<Id: Copy + PartialEq>(
        &mut self,
        label: &str,
        value: &mut Option<Id>,
        items: &[(Id, String)],
    ) -> Response {
        let label_id = self.label(label);
        let response =
            reference_combo_wrapped(self.ui, label, value, items, egui::TextWrapMode::Extend)
                .labelled_by(label_id);
        self.ui.end_row();
        response
    }

    /// A non-negative amount that may not be entered yet: a button enters it, "×" clears it.
    pub fn optional_amount(
        &mut self,
        label: &str,
        value: &mut Option<f64>,
        unit: &str,
        speed: f64,
    ) -> Response {
        let label_id = self.label(label);
        let response = self
            .ui
            .horizontal(|ui| match value {
                Some(v) => {
                    let response = ui.add(amount_drag(v, unit, speed)).labelled_by(label_id);
                    if ui.small_button("×").on_hover_text("Not entered").clicked() {
                        *value = None;
                    }
                    response
                }
                None => {
                    ui.label(RichText::new("not entered").weak());
                    let response = ui.small_button("Enter").labelled_by(label_id);
                    if response.clicked() {
                        *value = Some(0.0);
                    }
                    response
                }
            })
            .inner;
        self.ui.end_row();
        response
    }

    /// A date that may not be set: a button sets it (to `default`), "×" clears it.
    pub fn optional_date(&mut self, label: &str, value: &mut Option<Date>, default: Date) {
        let label_id = self.label(label);
        self.ui.horizontal(|ui| match value {
            Some(date) => {
                date_edit(ui, label, date).labelled_by(label_id);
                if ui.small_button("×").on_hover_text("No date").clicked() {
                    *value = None;
                }
            }
            None => {
                ui.label(RichText::new("no date").weak());
                if ui
                    .small_button("Set a date")
                    .labelled_by(label_id)
                    .clicked()
                {
                    *value = Some(default);
                }
            }
        });
        self.ui.end_row();
    }

    /// A date as YYYY-MM-DD.
    pub fn date(&mut self, label: &str, value: &mut Date) -> Response {
        let label_id = self.label(label);
        let response = date_edit(self.ui, label, value).labelled_by(label_id);
        self.ui.end_row();
        response
    }

    /// A read-only value.
    pub fn value(&mut self, label: &str, text: impl Into<egui::WidgetText>) {
        self.label(label);
        self.ui.label(text);
        self.ui.end_row();
    }

    /// Any other content in the input column.
    pub fn custom<R>(&mut self, label: &str, add: impl FnOnce(&mut Ui) -> R) -> R {
        self.label(label);
        let r = self.ui.vertical(add).inner;
        self.ui.end_row();
        r
    }
}

/// A drag value for a non-negative amount with a unit, in thousands ("12,500 EUR"); typed
/// text may hold thousands separators.
fn amount_drag<'a>(value: &'a mut f64, unit: &str, speed: f64) -> egui::DragValue<'a> {
    egui::DragValue::new(value)
        .speed(speed)
        .range(0.0..=1e12)
        .clamp_existing_to_range(false)
        .custom_formatter(|v, _| group_thousands_decimals(v))
        .custom_parser(|t| t.replace([',', ' '], "").parse().ok())
        .suffix(format!(" {unit}"))
}

/// A reasonable drag speed for a number of this size.
pub fn number_speed(value: f64) -> f64 {
    (value.abs() / 200.0).max(0.01)
}

/// A 0–10 slider in steps of 0.5 for a rating that may not be assessed yet, with its rubric on
/// hover (what a 2, 5 and 8 mean). Not assessed, it reads "not assessed" and rests in the middle;
/// a click or drag rates it. Right-click marks it as not assessed again. A value from a file
/// that is off the steps (7.25) stays as it is until the user moves the slider: egui's default
/// clamping would round it on sight.
pub fn score_slider(ui: &mut Ui, score: &mut Score, rating: Rating) -> Response {
    let assessed = score.is_assessed();
    let mut value = score.or(5.0);
    let mut slider = egui::Slider::new(&mut value, 0.0..=10.0)
        .step_by(0.5)
        .fixed_decimals(1)
        .clamping(egui::SliderClamping::Edits);
    if !assessed {
        slider = slider.custom_formatter(|_, _| NOT_ASSESSED.to_owned());
    }
    let hover = if assessed {
        format!(
            "{}\n\nRight-click: mark as not assessed yet.",
            rating.hover_text()
        )
    } else {
        format!(
            "{}\n\nNot assessed yet: click or drag to rate.",
            rating.hover_text()
        )
    };
    let mut response = ui.add(slider).on_hover_text(hover);
    // egui's slider follows any mouse button: a right-click (for the menu below) must not move
    // the value to where it landed.
    let secondary = ui.input(|i| {
        let button = egui::PointerButton::Secondary;
        i.pointer.button_down(button) || i.pointer.button_released(button)
    });
    let touched =
        response.changed() || (!assessed && (response.clicked() || response.drag_stopped()));
    if touched && !secondary {
        score.set(value);
        response.mark_changed();
    }
    let mut cleared = false;
    if assessed {
        // The slider senses drags only, so the menu opens like a container's.
        response.container_context_menu(|ui| {
            if ui.button("Mark as not assessed yet").clicked() {
                cleared = true;
                ui.close();
            }
        });
    }
    if cleared {
        score.clear();
        response.mark_changed();
    }
    response
}

/// A rating as a table shows it: the number, or a weak "not assessed".
pub fn rating_cell(ui: &mut Ui, score: Score) -> Response {
    match score.get() {
        Some(v) => ui.label(score_text(v)),
        None => ui.label(RichText::new(NOT_ASSESSED).italics().weak()),
    }
}

/// A compact 0–10 number field for a table cell (drag or type), never changing a value it only
/// shows; the caller names it and adds its rubric ([`Rating::hover_text`]).
pub fn score_field(ui: &mut Ui, value: &mut f64) -> Response {
    ui.add(
        egui::DragValue::new(value)
            .range(0.0..=10.0)
            .clamp_existing_to_range(false)
            .speed(0.05)
            .fixed_decimals(1),
    )
}

/// A combo box over a [`Choice`].
pub fn choice_combo<T: Choice>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    value: &mut T,
) -> Response {
    let mut changed = false;
    let mut response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(value.label())
        .width(190.0)
        .show_ui(ui, |ui| {
            for choice in T::ALL {
                changed |= ui
                    .selectable_value(value, *choice, choice.label())
                    .on_hover_text(choice.help())
                    .changed();
            }
        })
        .response;
    if changed {
        response.mark_changed();
    }
    response.on_hover_text(value.help())
}

/// A combo box over other items, with "—" for none.
pub fn reference_combo<Id: Copy + PartialEq>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    value: &mut Option<Id>,
    items: &[(Id, String)],
) -> Response {
    reference_combo_wrapped(ui, id_salt, value, items, egui::TextWrapMode::Truncate)
}

/// A combo box over other items, with "—" for none, showing the chosen name as `wrap` says.
fn reference_combo_wrapped<Id: Copy + PartialEq>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    value: &mut Option<Id>,
    items: &[(Id, String)],
    wrap: egui::TextWrapMode,
) -> Response {
    let current = value
        .and_then(|id| items.iter().find(|(i, _)| *i == id))
        .map_or("—", |(_, name)| name.as_str());
    let mut changed = false;
    let mut response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(current)
        .width(260.0)
        .wrap_mode(wrap)
        .show_ui(ui, |ui| {
            changed |= ui.selectable_value(value, None, "—").changed();
            for (id, name) in items {
                changed |= ui.selectable_value(value, Some(*id), name).changed();
            }
        })
        .response;
    if changed {
        response.mark_changed();
    }
    response
}

/// A text field for a value that is only valid as a whole (a date, a list): while it has focus
/// the typed text is kept as it is; whenever it parses, the value is updated; an invalid text is
/// outlined in red and dropped when the field is left.
pub fn buffered_edit<T>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    value: &mut T,
    width: f32,
    to_text: impl Fn(&T) -> String,
    parse: impl Fn(&str) -> Option<T>,
    hint: &str,
) -> Response {
    let id = ui.make_persistent_id(id_salt);
    let mut text = ui
        .data(|d| d.get_temp::<String>(id))
        .unwrap_or_else(|| to_text(value));
    let parsed = parse(&text);
    let mut edit = TextEdit::singleline(&mut text)
        .id(id.with("edit"))
        .desired_width(width);
    if parsed.is_none() {
        edit = edit.text_color(ui.visuals().error_fg_color);
    }
    let mut response = ui.add(edit);
    if response.changed()
        && let Some(new_value) = parse(&text)
    {
        *value = new_value;
    }
    if response.has_focus() {
        ui.data_mut(|d| d.insert_temp(id, text));
    } else {
        ui.data_mut(|d| d.remove::<String>(id));
    }
    if parse(&to_text(value)).is_some() && ui.data(|d| d.get_temp::<String>(id)).is_some() {
        response = response.on_hover_text(hint);
    }
    response
}

/// A date field (YYYY-MM-DD).
pub fn date_edit(ui: &mut Ui, id_salt: impl egui::AsIdSalt, value: &mut Date) -> Response {
    buffered_edit(
        ui,
        id_salt,
        value,
        100.0,
        Date::to_string,
        |t| t.trim().parse().ok(),
        "A date as YYYY-MM-DD",
    )
}

/// A comma-separated list of names.
pub fn list_edit(ui: &mut Ui, id_salt: impl egui::AsIdSalt, value: &mut Vec<String>) -> Response {
    buffered_edit(
        ui,
        id_salt,
        value,
        f32::INFINITY,
        |v| v.join(", "),
        |t| {
            Some(
                t.split(',')
                    .map(str::trim)
                    .filter(|s| !s.is_empty())
                    .map(str::to_owned)
                    .collect(),
            )
        },
        "Names separated by commas",
    )
}

/// The toolbar above a list: an add button and, for lists with a selection, a remove button
/// (`can_remove`: `None` for lists whose rows have their own remove buttons). Returns
/// (add clicked, remove clicked).
pub fn list_toolbar(
    ui: &mut Ui,
    noun: &str,
    count: usize,
    can_remove: Option<bool>,
) -> (bool, bool) {
    ui.horizontal(|ui| {
        let add = ui.button(format!("➕ Add {noun}")).clicked();
        let remove = can_remove.is_some_and(|enabled| {
            ui.add_enabled(enabled, egui::Button::new(format!("🗑 Remove {noun}")))
                .on_disabled_hover_text(format!("Select a {noun} first"))
                .clicked()
        });
        ui.label(RichText::new(format!("{count} in total")).weak());
        (add, remove)
    })
    .inner
}

/// A column of a list table.
pub struct Col {
    /// Header text.
    pub header: &'static str,
    /// Width behaviour.
    pub column: Column,
}

impl Col {
    /// A column that grows to fill what is left.
    pub fn fill(header: &'static str) -> Self {
        Self {
            header,
            column: Column::remainder().at_least(120.0).clip(true),
        }
    }

    /// A column of a starting width that the user can resize.
    pub fn width(header: &'static str, width: f32) -> Self {
        Self {
            header,
            column: Column::initial(width).at_least(40.0).clip(true),
        }
    }
}

/// A striped, virtualised table of `rows` rows in which a click selects a row. `cells` fills a
/// row; returns the index of the row clicked this frame.
pub fn list_table(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    columns: Vec<Col>,
    rows: usize,
    selected: Option<usize>,
    max_height: f32,
    mut cells: impl FnMut(usize, &mut TableRow<'_, '_>),
) -> Option<usize> {
    let mut clicked = None;
    let mut builder = TableBuilder::new(ui)
        .id_salt(id_salt)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .max_scroll_height(max_height)
        .auto_shrink([false, true])
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    let headers: Vec<&str> = columns.iter().map(|c| c.header).collect();
    for col in columns {
        builder = builder.column(col.column);
    }
    builder
        .header(ROW_HEIGHT, |mut header| {
            for h in headers {
                header.col(|ui| {
                    ui.strong(h);
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows, |mut row| {
                let index = row.index();
                row.set_selected(selected == Some(index));
                cells(index, &mut row);
                if row.response().clicked() {
                    clicked = Some(index);
                }
            });
        });
    clicked
}

/// A short text for a table cell, on one line.
pub fn cell_text(row: &mut TableRow<'_, '_>, text: impl Into<egui::WidgetText>) {
    row.col(|ui| {
        ui.add(egui::Label::new(text).truncate().selectable(false));
    });
}

/// A hint shown where a list is empty.
pub fn empty_hint(ui: &mut Ui, text: &str) {
    ui.label(RichText::new(text).italics().weak());
}

/// The colour that marks a competitive assessment or status as good, neutral or bad.
pub fn signal_color(ui: &Ui, level: i8) -> Color32 {
    signal_rgb(level, ui.visuals().dark_mode).into()
}

impl From<Rgb> for Color32 {
    fn from(Rgb(r, g, b): Rgb) -> Self {
        Self::from_rgb(r, g, b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_colour_keeps_its_channels_in_egui() {
        let c: Color32 = Rgb(30, 140, 70).into();
        assert_eq!((c.r(), c.g(), c.b(), c.a()), (30, 140, 70, 255));
    }
}

#[cfg(test)]
mod slider_tests {
    #[test]
    fn a_score_off_the_steps_survives_being_shown() {
        let ctx = egui::Context::default();
        let mut value = crate::model::Score::new(6.23);
        for _ in 0..3 {
            let mut output = ctx.run_ui(egui::RawInput::default(), |ui| {
                super::score_slider(ui, &mut value, super::Rating::OwnScore);
            });
            output.textures_delta.clear();
        }
        assert_eq!(value, crate::model::Score::new(6.23));
    }
}
