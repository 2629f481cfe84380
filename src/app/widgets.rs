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
/// step is for and what to watch out for. The guidance can be folded (a button beside the
/// title, the View menu, the palette) to leave the room to the pane's content; folded, the
/// title shows it on hover.
pub fn pane_header(
    ui: &mut Ui,
    env: &mut crate::app::state::PaneEnv<'_>,
    title: &str,
    guidance: &str,
) {
    ui.add_space(2.0);
    let shown = env.guidance;
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let toggle = ui
                .add(egui::Button::new("Guidance").selected(shown).small())
                .on_hover_text(if shown {
                    "Fold the guidance on the method (on all panes)"
                } else {
                    "Show the guidance on the method under each pane's title"
                });
            if toggle.clicked() {
                env.send(crate::app::command::Command::ToggleGuidance);
            }
            ui.with_layout(egui::Layout::left_to_right(egui::Align::Center), |ui| {
                let title = ui.add(egui::Label::new(RichText::new(title).heading()).wrap());
                if !shown {
                    title.on_hover_text(guidance);
                }
            });
        });
    });
    if !shown {
        ui.add_space(2.0);
        return;
    }
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

/// The line between a list and the detail of its selected item, which a drag moves: the list's
/// height is remembered per list for the session. The list starts at about two fifths of the
/// room and never takes so much that the detail has less than [`Split::DETAIL_MIN`].
pub struct Split {
    id: egui::Id,
    height: f32,
}

impl Split {
    /// The least the detail keeps (a KPI's chart, a form's first rows).
    pub const DETAIL_MIN: f32 = 160.0;

    /// The split of the list `id_salt`, from the room left in `ui`.
    pub fn new(ui: &Ui, id_salt: impl egui::AsIdSalt) -> Self {
        let id = ui.make_persistent_id(id_salt);
        let room = ui.available_height();
        let least = 2.0 * ROW_HEIGHT;
        let most = (room - Self::DETAIL_MIN - 2.0 * ROW_HEIGHT).max(least);
        let chosen: Option<f32> = ui.ctx().data(|d| d.get_temp(id));
        let height = chosen
            .unwrap_or((room * 0.4).max(4.0 * ROW_HEIGHT))
            .clamp(least, most);
        Self { id, height }
    }

    /// The most height the list's rows may take.
    pub fn list_height(&self) -> f32 {
        self.height
    }

    /// The handle under the list (whose top was at `top`): dragging it makes the list taller
    /// or shorter; a double click goes back to the default.
    pub fn handle(&self, ui: &mut Ui, top: f32) {
        let shown = ui.cursor().top() - top;
        let (rect, response) = ui.allocate_exact_size(
            egui::vec2(ui.available_width(), 10.0),
            egui::Sense::click_and_drag(),
        );
        let response = response
            .on_hover_cursor(egui::CursorIcon::ResizeRow)
            .on_hover_text(
                "Drag to give the list or the detail more room (double-click: back to the default)",
            );
        let stroke = if response.hovered() || response.dragged() {
            ui.visuals().widgets.hovered.fg_stroke
        } else {
            ui.visuals().widgets.noninteractive.bg_stroke
        };
        ui.painter().hline(rect.x_range(), rect.center().y, stroke);
        let grip = egui::Rect::from_center_size(rect.center(), egui::vec2(36.0, 4.0));
        ui.painter().rect_filled(grip, 2.0, stroke.color);
        if response.double_clicked() {
            ui.ctx().data_mut(|d| d.remove_temp::<f32>(self.id));
        } else if response.dragged() {
            // From the height asked for, which the list rounds down to whole rows; or from
            // what it shows where it is much shorter than that (few rows), so a drag beyond
            // its rows does not pile up unseen.
            let body = shown - ROW_HEIGHT - ui.spacing().item_spacing.y;
            let rows = if self.height > body + 3.0 * ROW_HEIGHT {
                body
            } else {
                self.height
            };
            let height = (rows + response.drag_delta().y).max(2.0 * ROW_HEIGHT);
            ui.ctx().data_mut(|d| d.insert_temp(self.id, height));
        }
        response.widget_info(|| {
            egui::WidgetInfo::labeled(egui::Role::Splitter, true, "Resize the list")
        });
    }
}

/// What the rows of [`rows_tall`] hold, which sets their height.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RowsOf {
    /// Labels and links: a line of text each.
    Text,
    /// Check boxes and buttons: the height egui gives a control.
    Controls,
}

/// At most `rows` rows of one-line widgets (labels, links, check boxes) tall; more scroll
/// rather than showing part of one more row. For lists above a pane's sections (the
/// warnings), so the sections keep their room on a laptop's screen, and lists in dialogs.
pub fn rows_tall<R>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    rows: usize,
    of: RowsOf,
    add: impl FnOnce(&mut Ui) -> R,
) -> R {
    let gap = ui.spacing().item_spacing.y;
    let text = ui.text_style_height(&egui::TextStyle::Body);
    let row = match of {
        RowsOf::Text => text,
        RowsOf::Controls => text.max(ui.spacing().interact_size.y),
    };
    let height = (row + gap) * rows as f32 - gap;
    egui::ScrollArea::vertical()
        .id_salt(id_salt)
        .max_height(height)
        // egui's default minimum of 64 points would show part of one more line.
        .min_scrolled_height(height)
        .show(ui, add)
        .inner
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

    /// A field for a one-line value, which wraps inside the field when it is longer than the
    /// form is wide (see [`line_edit`]).
    pub fn text(&mut self, label: &str, value: &mut String) -> Response {
        let label_id = self.label(label);
        let response = line_edit(self.ui, value, f32::INFINITY).labelled_by(label_id);
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

/// The width of a drop-down of choices.
pub const COMBO_WIDTH: f32 = 190.0;

/// A combo box over a [`Choice`].
pub fn choice_combo<T: Choice>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    value: &mut T,
) -> Response {
    let mut changed = false;
    let mut response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(value.label())
        .width(COMBO_WIDTH)
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
    // A long choice (an assumption's whole text) may be elided on the button: whole on hover.
    if current.chars().count() > 24 {
        response = response.on_hover_text(current);
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

/// How a column of a list table behaves when the pane is narrow: which columns give way first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// Short values (numbers, statuses, dates, controls): always as wide as their content.
    Short,
    /// Names: as wide as the longest when there is room, else wrapped (the rows grow, up to three
    /// lines); beyond that elided, the whole name on hover.
    Name,
    /// Long free text (descriptions, notes): gives way first, down to a readable minimum; a
    /// text longer than its cell is elided and shows whole on hover.
    Text,
}

/// A column of a list table.
pub struct Col {
    /// Header text.
    pub header: &'static str,
    /// How it gives way.
    pub fit: Fit,
    /// Width its controls need (a slider, a drop-down); text cells measure themselves.
    pub min: f32,
}

impl Col {
    /// A column of names (see [`Fit::Name`]).
    pub fn name(header: &'static str) -> Self {
        Self {
            header,
            fit: Fit::Name,
            min: 0.0,
        }
    }

    /// A column of long free text that takes what is left (see [`Fit::Text`]).
    pub fn text(header: &'static str) -> Self {
        Self {
            header,
            fit: Fit::Text,
            min: 0.0,
        }
    }

    /// A column of short texts (numbers, statuses, dates), as wide as they are (see
    /// [`Fit::Short`]).
    pub fn short(header: &'static str) -> Self {
        Self::width(header, 0.0)
    }

    /// A column of controls at least `width` wide (see [`Fit::Short`]).
    pub fn width(header: &'static str, width: f32) -> Self {
        Self {
            header,
            fit: Fit::Short,
            min: width,
        }
    }
}

/// What the cells of the list table being drawn measured: each column's widest content, found
/// by the cell's position (cells drawn by the panes' own code report through [`cell_fits`]).
#[derive(Clone, Debug, Default)]
struct Measure {
    /// Left edge of each column on screen, and its width.
    columns: Vec<(f32, f32)>,
    /// The kind of each column.
    fits: Vec<Fit>,
    /// The widest content seen in each column this frame.
    natural: Vec<f32>,
    /// How many lines a name may take (the rows' height).
    lines: usize,
    /// The most lines a name needed this frame at its column's width.
    needed: usize,
}

fn measure_id() -> egui::Id {
    egui::Id::unique("list_table_measure")
}

/// Tells the list table being drawn that the cell `ui` is in wants `width` points; returns how
/// the column fits and how many lines its text may take. Outside a list table it does nothing
/// and says [`Fit::Short`], one line.
pub fn cell_fits(ui: &Ui, width: f32) -> (Fit, usize) {
    cell_needs(ui, width, 1)
}

/// [`cell_fits`] for a name that needs `lines` lines at the cell's width.
fn cell_needs(ui: &Ui, width: f32, lines: usize) -> (Fit, usize) {
    let x = ui.max_rect().center().x;
    ui.ctx().data_mut(|d| {
        let m = d.get_temp_mut_or_default::<Measure>(measure_id());
        let Some(i) = m
            .columns
            .iter()
            .position(|(left, w)| x >= *left && x <= left + w)
        else {
            return (Fit::Short, 1);
        };
        if let Some(n) = m.natural.get_mut(i) {
            *n = n.max(width);
        }
        match m.fits.get(i).copied().unwrap_or(Fit::Short) {
            Fit::Name => {
                m.needed = m.needed.max(lines);
                (Fit::Name, m.lines.max(1))
            }
            fit => (fit, 1),
        }
    })
}

/// Column widths that fit `available` points: every column its content's width when that fits
/// (free text, then names, taking what is left); otherwise free text gives way first (down to
/// a readable minimum), then names (wrapping), short values never.
/// Returns the widths and how many lines the names need (at most [`NAME_LINES`]). Their sum
/// may exceed `available` when even the minimums do not fit: the table then scrolls sideways.
fn fit_widths(fits: &[Fit], natural: &[f32], least: &[f32], available: f32) -> (Vec<f32>, usize) {
    const TEXT_MIN: f32 = 140.0;
    const NAME_MIN: f32 = 90.0;
    let mut widths = natural.to_vec();
    let total: f32 = widths.iter().sum();
    if total <= available {
        // Room to spare: to the free text, else the names, else the last column.
        let growers: Vec<usize> = [Fit::Text, Fit::Name]
            .iter()
            .map(|f| {
                (0..fits.len())
                    .filter(|i| fits[*i] == *f)
                    .collect::<Vec<_>>()
            })
            .find(|v| !v.is_empty())
            .unwrap_or_else(|| fits.len().checked_sub(1).into_iter().collect());
        let extra = (available - total) / growers.len().max(1) as f32;
        for i in growers {
            widths[i] += extra;
        }
        return (widths, 1);
    }
    let mut excess = total - available;
    // Free text first, then names down to what wraps onto two lines, then names further.
    /// How far a column of a kind may shrink, from its natural width.
    type Floor = fn(f32) -> f32;
    let floors: [(Fit, Floor); 3] = [
        (Fit::Text, |n| n.min(TEXT_MIN)),
        (Fit::Name, |n| (n * 0.55).max(NAME_MIN).min(n)),
        (Fit::Name, |n| n.min(NAME_MIN)),
    ];
    for (fit, floor) in floors {
        let room: f32 = (0..fits.len())
            .filter(|i| fits[*i] == fit)
            .map(|i| (widths[i] - floor(natural[i]).max(least[i])).max(0.0))
            .sum();
        if room <= 0.0 {
            continue;
        }
        let share = (excess / room).min(1.0);
        for i in (0..fits.len()).filter(|i| fits[*i] == fit) {
            widths[i] -= (widths[i] - floor(natural[i]).max(least[i])).max(0.0) * share;
        }
        excess -= room * share;
        if excess <= 0.5 {
            break;
        }
    }
    // A first guess (word wrapping leaves ragged line ends); the cells then say what they
    // needed.
    let lines = (0..fits.len())
        .filter(|i| fits[*i] == Fit::Name && widths[*i] > 0.0 && widths[*i] < natural[*i] - 0.5)
        .map(|i| (natural[i] * 1.3 / widths[i]).ceil() as usize)
        .max()
        .unwrap_or(1)
        .clamp(1, NAME_LINES);
    (widths, lines)
}

/// The most lines a name takes in a list table before it is elided.
const NAME_LINES: usize = 3;

/// A striped, virtualised table of `rows` rows in which a click selects a row. `cells` fills a
/// row; returns the index of the row clicked this frame. The columns fit the pane (see
/// [`Fit`]); where even their minimums do not, the table scrolls sideways with its bar shown.
pub fn list_table(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    columns: Vec<Col>,
    rows: usize,
    selected: Option<usize>,
    max_height: f32,
    mut cells: impl FnMut(usize, &mut TableRow<'_, '_>),
) -> Option<usize> {
    let id = ui.make_persistent_id(id_salt);
    let spacing = ui.spacing().item_spacing.x;
    let header_font = egui::TextStyle::Body.resolve(ui.style());
    let fits: Vec<Fit> = columns.iter().map(|c| c.fit).collect();
    // What the cells measured last frame (the first frame guesses from the headers).
    let previous: Option<(Vec<f32>, usize, usize)> = ui.ctx().data(|d| d.get_temp(id));
    let measured = previous.as_ref().map(|(m, needed, _)| (m.clone(), *needed));
    let headers: Vec<f32> = columns
        .iter()
        .map(|c| {
            let header = ui.fonts_mut(|f| {
                f.layout_no_wrap(c.header.to_owned(), header_font.clone(), Color32::WHITE)
                    .size()
                    .x
            });
            // The header's own text is strong, a little wider.
            (header * 1.08 + 4.0).max(c.min)
        })
        .collect();
    let natural: Vec<f32> = match measured.as_ref().map(|(m, _)| m) {
        Some(m) if m.len() == headers.len() => {
            headers.iter().zip(m).map(|(h, m)| h.max(*m)).collect()
        }
        _ => headers
            .iter()
            .zip(&fits)
            .map(|(h, f)| if *f == Fit::Short { *h } else { h.max(160.0) })
            .collect(),
    };
    // Room for the spacing between columns and for the vertical scroll bar.
    let bar = ui.spacing().scroll.allocated_width() + 4.0;
    let available = ui.available_width() - spacing * columns.len().saturating_sub(1) as f32 - bar;
    let (widths, guessed) = fit_widths(&fits, &natural, &headers, available.max(0.0));
    // The lines the names needed last frame at these widths, where known.
    let lines = measured
        .as_ref()
        .map_or(guessed, |(_, needed)| (*needed).clamp(1, NAME_LINES));
    let row_height = if lines > 1 {
        ui.text_style_height(&egui::TextStyle::Body) * lines as f32 + 8.0
    } else {
        ROW_HEIGHT
    };
    let too_wide = widths.iter().sum::<f32>() > available + 0.5;
    // Whole rows: a row cut in half at the bottom reads as the last one.
    let pitch = row_height + ui.spacing().item_spacing.y;
    let max_height = if max_height.is_finite() {
        (max_height / pitch).floor().max(1.0) * pitch
    } else {
        max_height
    };

    let mut clicked = None;
    let mut table = |ui: &mut Ui| {
        // Where each column lies, for the cells to report their content's width.
        let mut left = ui.available_rect_before_wrap().left();
        let spans = widths
            .iter()
            .map(|w| {
                let span = (left, *w);
                left += w + spacing;
                span
            })
            .collect();
        ui.ctx().data_mut(|d| {
            d.insert_temp(
                measure_id(),
                Measure {
                    columns: spans,
                    fits: fits.clone(),
                    natural: vec![0.0; widths.len()],
                    lines,
                    needed: 1,
                },
            )
        });
        let mut builder = TableBuilder::new(ui)
            .id_salt(id)
            .striped(true)
            .sense(egui::Sense::click())
            .max_scroll_height(max_height)
            // egui_extras would keep 200 points for the rows even where less was asked for.
            .min_scrolled_height(max_height.min(200.0))
            .auto_shrink([false, true])
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        for w in &widths {
            builder = builder.column(Column::exact(*w));
        }
        builder
            .header(ROW_HEIGHT, |mut header| {
                for c in &columns {
                    header.col(|ui| {
                        ui.strong(c.header);
                    });
                }
            })
            .body(|body| {
                body.rows(row_height, rows, |mut row| {
                    let index = row.index();
                    row.set_selected(selected == Some(index));
                    cells(index, &mut row);
                    if row.response().clicked() {
                        clicked = Some(index);
                    }
                });
            });
    };
    if too_wide {
        sideways(ui, (id, "sideways"), |ui| table(ui));
    } else {
        table(ui);
    }
    let seen = ui
        .ctx()
        .data_mut(|d| d.remove_temp::<Measure>(measure_id()));
    if let Some(seen) = seen {
        // Only the rows in view are measured, and how many are in view depends on the rows'
        // height, which depends on the widths: the widest seen so far is kept (until the number
        // of rows changes), so the fitting settles instead of going back and forth.
        let (mut natural, mut needed) = (seen.natural, seen.needed);
        if let Some((old, old_needed, old_rows)) = &previous
            && *old_rows == rows
            && old.len() == natural.len()
        {
            for (n, o) in natural.iter_mut().zip(old) {
                *n = n.max(*o);
            }
            needed = needed.max(*old_needed);
        }
        let changed = previous.as_ref().is_none_or(|(m, old_needed, _)| {
            *old_needed != needed || m.iter().zip(&natural).any(|(a, b)| (a - b).abs() > 0.5)
        });
        if changed {
            ui.ctx()
                .data_mut(|d| d.insert_temp(id, (natural, needed, rows)));
            // The next frame fits.
            ui.ctx().request_repaint();
        }
    }
    clicked
}

/// The areas of this frame that scroll sideways with their bar shown (see [`sideways`]).
#[derive(Clone, Default)]
struct SidewaysViews(Vec<egui::Rect>);

fn sideways_id() -> egui::Id {
    egui::Id::unique("pbsm.sideways_views")
}

/// Forgets the previous frame's sideways scroll areas; called at the start of every frame.
pub fn begin_frame(ctx: &egui::Context) {
    ctx.data_mut(|d| d.remove_temp::<SidewaysViews>(sideways_id()));
}

/// Content wider than the room it has, in a horizontal scroll area whose bar shows whenever it
/// is needed. Text cut at such an area's left or right edge is not lost: the bar says there is
/// more and scrolling shows it whole. The area is noted for this frame ([`sideways_views`]), so
/// the legibility test can tell a cut at a visible scroll edge from text a person cannot reach.
pub fn sideways<R>(
    ui: &mut Ui,
    id_salt: impl egui::AsIdSalt,
    add_contents: impl FnOnce(&mut Ui) -> R,
) -> R {
    let out = egui::ScrollArea::horizontal()
        .id_salt(id_salt)
        .auto_shrink([false, true])
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded)
        .show(ui, add_contents);
    note_sideways(ui, &out);
    out.inner
}

/// Notes a horizontal scroll area whose bar shows when needed (one the pane builds itself, as
/// the ballots do, see [`sideways`]) for this frame, if its content is wider than its view.
pub fn note_sideways<R>(ui: &Ui, out: &egui::scroll_area::ScrollAreaOutput<R>) {
    if out.content_size.x > out.inner_rect.width() + 0.5 {
        ui.ctx().data_mut(|d| {
            d.get_temp_mut_or_default::<SidewaysViews>(sideways_id())
                .0
                .push(out.inner_rect)
        });
    }
}

/// The areas of the frame just drawn that scroll sideways with their bar shown.
pub fn sideways_views(ctx: &egui::Context) -> Vec<egui::Rect> {
    ctx.data(|d| d.get_temp::<SidewaysViews>(sideways_id()))
        .map(|v| v.0)
        .unwrap_or_default()
}

/// A short text for a table cell. In a column of names it wraps when the column is narrow; a text longer than its cell is elided and shows whole on hover.
pub fn cell_text(row: &mut TableRow<'_, '_>, text: impl Into<egui::WidgetText>) {
    let text: egui::WidgetText = text.into();
    row.col(|ui| {
        cell_label(ui, text);
    });
}

/// The label of [`cell_text`], for a cell the pane draws itself (with a hover of its own).
pub fn cell_label(ui: &mut Ui, text: impl Into<egui::WidgetText>) -> Response {
    let job = text.into().into_layout_job(
        ui.style(),
        egui::FontSelection::Default,
        egui::Align::Center,
    );
    let natural = ui.fonts_mut(|f| {
        let mut one_line = (*job).clone();
        one_line.wrap = egui::text::TextWrapping::no_max_width();
        f.layout_job(one_line).size().x
    });
    let width = ui.available_width();
    let needed = ui.fonts_mut(|f| {
        let mut wrapped = (*job).clone();
        wrapped.wrap = egui::text::TextWrapping::wrap_at_width(width);
        f.layout_job(wrapped).rows.len()
    });
    let (fit, lines) = cell_needs(ui, natural + 2.0, needed);
    let mut job = (*job).clone();
    job.wrap = egui::text::TextWrapping {
        max_width: width,
        max_rows: lines,
        break_anywhere: fit != Fit::Name,
        overflow_character: Some('…'),
    };
    job.halign = egui::Align::LEFT;
    ui.add(
        egui::Label::new(job)
            .wrap_mode(egui::TextWrapMode::Wrap)
            .selectable(false),
    )
}

/// A one-line text field in a table cell that measures itself for the column; a text wider
/// than the field shows whole on hover.
pub fn cell_edit(ui: &mut Ui, value: &mut String, hint: &str) -> Response {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let natural = ui.fonts_mut(|f| {
        f.layout_no_wrap(value.clone(), font, Color32::WHITE)
            .size()
            .x
    });
    // The field's margins around the text.
    let margins = 2.0 * ui.spacing().button_padding.x + 4.0;
    cell_fits(ui, natural + margins);
    let response = ui.add(
        TextEdit::singleline(value)
            .desired_width(f32::INFINITY)
            .hint_text(hint),
    );
    if natural + margins > response.rect.width() && !response.has_focus() {
        response.on_hover_text(value.as_str())
    } else {
        response
    }
}

/// The margin of a [`line_edit`] around its text.
pub const LINE_EDIT_MARGIN: egui::Margin = egui::Margin::symmetric(4, 2);

/// How tall a [`line_edit`] of `width` is for `text`: as many lines as the text wraps onto.
pub fn line_edit_height(ui: &Ui, text: &str, width: f32) -> f32 {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let lines = ui.fonts_mut(|f| {
        f.layout(
            text.to_owned(),
            font,
            Color32::WHITE,
            width - LINE_EDIT_MARGIN.sum().x,
        )
        .rows
        .len()
        .max(1)
    });
    lines as f32 * ui.text_style_height(&egui::TextStyle::Body) + LINE_EDIT_MARGIN.sum().y + 2.0
}

/// A field for a one-line value (a name, a title, a sentence) that wraps inside the field
/// instead of running out of it, `width` wide (or the row's width, for `f32::INFINITY`) and
/// as tall as its lines. Enter leaves the field as in a one-line field; a pasted line break
/// becomes a space.
pub fn line_edit(ui: &mut Ui, value: &mut String, width: f32) -> Response {
    line_edit_hinted(ui, value, width, "")
}

/// A [`line_edit`] that says what belongs in it while it is empty.
pub fn line_edit_hinted(ui: &mut Ui, value: &mut String, width: f32, hint: &str) -> Response {
    let width = if width.is_finite() {
        width
    } else {
        ui.available_width()
    };
    let height = line_edit_height(ui, value, width);
    let response = ui.add_sized(
        [width, height],
        TextEdit::multiline(value)
            .desired_rows(1)
            .margin(LINE_EDIT_MARGIN)
            .hint_text(hint)
            .return_key(None),
    );
    if response.changed() && value.contains(['\n', '\r']) {
        *value = value.replace(['\n', '\r'], " ");
    }
    if response.has_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
        response.surrender_focus();
    }
    response
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
mod fit_tests {
    use super::{Fit, fit_widths};

    const FITS: [Fit; 4] = [Fit::Name, Fit::Short, Fit::Text, Fit::Short];

    #[test]
    fn room_to_spare_goes_to_the_free_text_and_nothing_wraps() {
        let (w, lines) = fit_widths(&FITS, &[200.0, 60.0, 300.0, 36.0], &[0.0; 4], 800.0);
        assert_eq!(w, vec![200.0, 60.0, 504.0, 36.0]);
        assert_eq!(lines, 1);
    }

    #[test]
    fn free_text_gives_way_first_then_names_wrap_and_short_values_never_shrink() {
        // 100 too wide: the free text gives 100 of its 160 above the minimum of 140.
        let (w, lines) = fit_widths(&FITS, &[200.0, 60.0, 300.0, 36.0], &[0.0; 4], 496.0);
        assert_eq!(w, vec![200.0, 60.0, 200.0, 36.0]);
        assert_eq!(lines, 1);
        // Far too narrow: the text is at its minimum, the name wraps, short values keep theirs.
        let (w, lines) = fit_widths(&FITS, &[300.0, 60.0, 300.0, 36.0], &[0.0; 4], 400.0);
        assert_eq!((w[1], w[2], w[3]), (60.0, 140.0, 36.0));
        assert!((w[0] - 164.0).abs() < 0.01, "{w:?}");
        assert_eq!(lines, 3);
        // A column never gets narrower than its header.
        let (w, _) = fit_widths(
            &FITS,
            &[300.0, 60.0, 300.0, 36.0],
            &[0.0, 0.0, 180.0, 0.0],
            400.0,
        );
        assert!(w[2] >= 180.0, "{w:?}");
    }

    #[test]
    fn when_even_the_minimums_do_not_fit_the_table_is_wider_than_the_room() {
        let (w, _) = fit_widths(&FITS, &[300.0, 260.0, 300.0, 36.0], &[0.0; 4], 300.0);
        assert!(w.iter().sum::<f32>() > 300.0);
        assert_eq!(w[1], 260.0);
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
