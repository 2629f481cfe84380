//! A suggestion beside the user's value, in a form: what the earlier steps suggest and why,
//! a button to accept it, and the reason for keeping another value. The user decides; nothing
//! here changes a value unless the user accepts.

use crate::analysis::suggest::{Agreement, Suggestion};
use crate::app::widgets::{self, Form};
use crate::model::judgement::{forget, reason_for, reason_mut};
use crate::model::{Choice, Override, Score, Suggested};
use egui::{RichText, Ui};

/// The row under a 0–10 rating: the suggestion, and accept or keep (with a reason).
pub fn score_row(
    f: &mut Form<'_>,
    value: &mut Score,
    suggestion: Option<&Suggestion<f64>>,
    overrides: &mut Vec<Override>,
    of: Suggested,
) {
    let Some(s) = suggestion else {
        return;
    };
    let agreement = Agreement::of_score(*value, s.value, reason_for(overrides, of));
    let text = format!("{:.1}", s.value);
    f.custom("", |ui| {
        if row(ui, &text, &s.reason, &agreement, overrides, of) {
            value.set(s.value);
            forget(overrides, of);
        }
    });
}

/// The row under a choice (an option's assessment or priority): the suggestion, and accept or
/// keep (with a reason). `assessed` is false while the user's choice is "not assessed yet".
pub fn choice_row<T: Choice>(
    f: &mut Form<'_>,
    value: &mut T,
    assessed: bool,
    suggestion: Option<&Suggestion<T>>,
    overrides: &mut Vec<Override>,
    of: Suggested,
) {
    let Some(s) = suggestion else {
        return;
    };
    let agreement = if !assessed {
        Agreement::NotAssessed
    } else if *value == s.value {
        Agreement::Follows
    } else {
        reason_for(overrides, of).map_or(Agreement::Differs, |r| Agreement::Kept(r.to_owned()))
    };
    f.custom("", |ui| {
        if row(ui, s.value.label(), &s.reason, &agreement, overrides, of) {
            *value = s.value;
            forget(overrides, of);
        }
    });
}

/// Draws the suggestion and its controls; returns whether the user accepted it.
fn row(
    ui: &mut Ui,
    value: &str,
    reason: &str,
    agreement: &Agreement,
    overrides: &mut Vec<Override>,
    of: Suggested,
) -> bool {
    let (mark, level) = match agreement {
        Agreement::Follows => ("✔ follows the suggestion", 1),
        Agreement::Kept(_) => ("kept against the suggestion", 0),
        Agreement::Differs => (
            "differs from the suggestion: accept it or say why yours stands",
            -1,
        ),
        Agreement::NotAssessed => ("not assessed yet", 0),
    };
    ui.add(
        egui::Label::new(
            RichText::new(format!("Suggested: {value} — {reason}"))
                .color(ui.visuals().weak_text_color()),
        )
        .wrap(),
    );
    let mut accepted = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(RichText::new(mark).color(widgets::signal_color(ui, level)));
        if !matches!(agreement, Agreement::Follows) {
            accepted = ui
                .button(format!("Accept {value}"))
                .on_hover_text(format!(
                    "Set {} to the suggestion",
                    of.label().to_lowercase()
                ))
                .clicked();
        }
    });
    // A reason kept from before, for a value that now follows the suggestion: it would excuse a
    // later difference it was not written for. Show it, and let it go.
    if matches!(agreement, Agreement::Follows)
        && let Some(old) = reason_for(overrides, of).map(str::to_owned)
    {
        let mut forget_it = false;
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(format!("An earlier reason is still kept: “{old}”"))
                    .color(ui.visuals().weak_text_color()),
            );
            forget_it = ui
                .button("Forget it")
                .on_hover_text("The value follows the suggestion now: the reason is not needed")
                .clicked();
        });
        if forget_it {
            forget(overrides, of);
        }
    }
    if matches!(agreement, Agreement::Kept(_) | Agreement::Differs) {
        ui.horizontal(|ui| {
            let label = ui.label(RichText::new(format!(
                "Why your {} stands:",
                of.label().to_lowercase()
            )));
            let mut text = reason_for(overrides, of).unwrap_or_default().to_owned();
            // A long reason wraps in its field rather than running out of it.
            let width = ui.available_width().max(120.0);
            let edit = super::super::widgets::line_edit_hinted(
                ui,
                &mut text,
                width,
                "the reason, kept with the value",
            )
            .labelled_by(label.id);
            if edit.changed() {
                if text.trim().is_empty() {
                    forget(overrides, of);
                } else {
                    *reason_mut(overrides, of) = text;
                }
            }
        });
    }
    accepted
}
