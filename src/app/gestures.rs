//! Undo steps from edit gestures: widgets edit the project directly, and this decides when an
//! edit is finished and becomes one undo step.
//!
//! The rules, as the README promises them:
//! - a drag is one step (nothing is recorded while a pointer button is held);
//! - a typed word is one step: a step ends after a space, punctuation, Enter or Tab, and when
//!   the keyboard focus moves to another widget or leaves;
//! - a new gesture never swallows the end of the previous one: when the focus moves, what was
//!   edited before is recorded before the new widget sees any input.
//!
//! Fast typing delivers several characters in one frame ("e B"); text after the end of a word
//! is held back to the next frame, so the word boundary falls between two frames and each word
//! is still its own step.

use super::history::History;
use crate::model::Project;
use egui::{Event, Id, Key};

/// The state of the current edit gesture.
#[derive(Debug, Default)]
pub struct Gestures {
    /// The widget the current gesture happens in.
    focus: Option<Id>,
    /// Typing held back to the next frame because it starts a new word.
    deferred: Vec<Event>,
}

/// Whether a character ends a word.
fn ends_word(c: char) -> bool {
    c.is_whitespace() || c.is_ascii_punctuation()
}

/// Whether an event is typing (the events that are held back with the text after a word).
fn is_typing(event: &Event) -> bool {
    matches!(
        event,
        Event::Text(_) | Event::Key { .. } | Event::Paste(_) | Event::Ime(_)
    )
}

/// Whether an event finishes a word: text ending in a space or punctuation, Enter, Tab.
fn finishes_word(event: &Event) -> bool {
    match event {
        Event::Text(t) => t.ends_with(ends_word),
        Event::Key {
            key, pressed: true, ..
        } => matches!(key, Key::Enter | Key::Tab),
        _ => false,
    }
}

/// Splits a frame's events where typing goes on after a finished word (a space, punctuation,
/// Enter or Tab). Returns the typing to hold back for the next frame; other events stay where
/// they are. One event is never split: a pasted or composed (IME) text is one step.
pub fn split_at_word_start(events: &mut Vec<Event>) -> Vec<Event> {
    let mut finished = false;
    let mut split = None;
    for (index, event) in events.iter().enumerate() {
        if finished && is_typing(event) && !is_key_release(event) {
            split = Some(index);
            break;
        }
        finished |= finishes_word(event);
    }
    let Some(split) = split else {
        return Vec::new();
    };
    let mut held = Vec::new();
    let mut kept = Vec::with_capacity(split + 1);
    for (i, event) in std::mem::take(events).into_iter().enumerate() {
        if i >= split && is_typing(&event) {
            held.push(event);
        } else {
            kept.push(event);
        }
    }
    *events = kept;
    held
}

fn is_key_release(event: &Event) -> bool {
    matches!(event, Event::Key { pressed: false, .. })
}

impl Gestures {
    /// At the start of a frame, before any widget runs: replays typing held back from the last
    /// frame, holds back the start of a second word, and records the previous gesture as a
    /// step when the focus has moved (so the new widget's first character is not part of it).
    /// Returns whether a step was recorded.
    pub fn begin_frame(
        &mut self,
        ctx: &egui::Context,
        history: &mut History,
        project: &Project,
    ) -> bool {
        let mut held_back = false;
        ctx.input_mut(|input| {
            if !self.deferred.is_empty() {
                let mut events = std::mem::take(&mut self.deferred);
                events.append(&mut input.events);
                input.events = events;
            }
            self.deferred = split_at_word_start(&mut input.events);
            held_back = !self.deferred.is_empty();
        });
        if held_back {
            ctx.request_repaint();
        }
        // A press starts a new gesture (a drag, a click): what was typed before is a step of
        // its own, recorded before the pressed widget changes anything.
        if ctx.input(|i| i.pointer.any_pressed()) {
            return history.commit(project);
        }
        let focus = ctx.memory(|m| m.focused());
        if focus == self.focus || ctx.input(|i| i.pointer.any_down()) {
            return false;
        }
        self.focus = focus;
        history.commit(project)
    }

    /// At the end of a frame: records a step when a gesture ended. Returns whether the project
    /// has edits that are not recorded yet.
    pub fn end_frame(
        &mut self,
        ctx: &egui::Context,
        history: &mut History,
        project: &Project,
    ) -> bool {
        let (has_events, pointer_down, word_done) = ctx.input(|i| {
            (
                !i.events.is_empty(),
                i.pointer.any_down(),
                i.events.iter().any(finishes_word),
            )
        });
        if !has_events {
            return history.has_uncommitted(project);
        }
        if pointer_down {
            return history.has_uncommitted(project);
        }
        let focus = ctx.memory(|m| m.focused());
        let focus_moved = focus != self.focus;
        self.focus = focus;
        if !history.has_uncommitted(project) {
            return false;
        }
        if focus.is_some() && !focus_moved && !word_done {
            return true;
        }
        history.commit(project);
        false
    }

    /// Whether typing is held back for the next frame.
    pub fn has_deferred(&self) -> bool {
        !self.deferred.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(t: &str) -> Event {
        Event::Text(t.to_owned())
    }

    #[test]
    fn a_second_word_in_one_frame_waits_for_the_next() {
        let mut events = vec![text("e"), text(" "), text("B")];
        let held = split_at_word_start(&mut events);
        assert_eq!(events, vec![text("e"), text(" ")]);
        assert_eq!(held, vec![text("B")]);
    }

    #[test]
    fn one_word_or_a_word_and_its_space_stay_together() {
        for frame in [
            vec![text("Acme")],
            vec![text("Acme ")],
            vec![text("Ac"), text("me, ")],
            // One event (a paste, an input method) is never split.
            vec![text("Acme Bakery")],
        ] {
            let mut events = frame.clone();
            assert!(split_at_word_start(&mut events).is_empty());
            assert_eq!(events, frame);
        }
    }

    #[test]
    fn typing_after_enter_waits_but_pointer_events_stay() {
        let enter = Event::Key {
            key: Key::Enter,
            physical_key: None,
            pressed: true,
            repeat: false,
            modifiers: egui::Modifiers::NONE,
        };
        let moved = Event::PointerMoved(egui::pos2(1.0, 2.0));
        let mut events = vec![text("x"), enter.clone(), moved.clone(), text("y")];
        let held = split_at_word_start(&mut events);
        assert_eq!(events, vec![text("x"), enter, moved]);
        assert_eq!(held, vec![text("y")]);
    }
}
