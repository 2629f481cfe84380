//! The room in the window: the panel that lets the room's phones in (QR code, short address
//! and join code, how many answered, reveal, close), the full-screen QR of presentation mode,
//! and what the facilitator picks before opening (the kind of round, names or anonymous, the
//! network interface). The server itself is `crate::room`; the workbench holds the open room
//! (`workbench/room.rs`) and hands the panes a [`RoomView`] of it each frame.

pub mod qr;

use crate::app::command::Command;
use crate::model::{Choice, RoundKind, VoteSubject, VotingRoundId};
use crate::room::state::{Phase, Progress};
use egui::RichText;
use std::net::IpAddr;

/// What the panes may know of the open room: enough to show it, nothing of the answers.
#[derive(Clone, Debug)]
pub struct RoomView {
    /// The round the room answers.
    pub round: VotingRoundId,
    /// Its kind.
    pub kind: RoundKind,
    /// The join address with the token (what the QR code says).
    pub url: String,
    /// The short address that asks for the join code.
    pub short_url: String,
    /// The join code.
    pub join_code: String,
    /// The facilitator's page (reveal and close from another device).
    pub host_url: String,
    /// The port, for the firewall note.
    pub port: u16,
    /// How many joined and answered; the phase.
    pub progress: Progress,
    /// The QR code of `url`.
    pub qr: Option<qr::QrMatrix>,
    /// Whether the facilitator started the round (presentation mode then hides the QR).
    pub started: bool,
}

/// What the facilitator picks before opening the room; kept while the window lives.
#[derive(Clone, Debug, PartialEq)]
pub struct RoomChoices {
    /// The kind of a new round.
    pub kind: RoundKind,
    /// Alternatives or options (for kinds that can be on either).
    pub subject: VoteSubject,
    /// Keep the answers without names.
    pub anonymous: bool,
    /// The interface the phones reach the workbench on (`None`: the first offered).
    pub bind: Option<IpAddr>,
}

impl Default for RoomChoices {
    fn default() -> Self {
        Self {
            kind: RoundKind::Ranking,
            subject: VoteSubject::Alternatives,
            anonymous: false,
            bind: None,
        }
    }
}

/// The words for where a round stands.
pub fn phase_words(phase: Phase) -> &'static str {
    match phase {
        Phase::Open => "Answers are hidden until you reveal them",
        Phase::Revealed => "Answers revealed",
        Phase::Closed => "Closed",
    }
}

/// The line the room sees: how many joined and answered.
pub fn progress_words(progress: Progress) -> String {
    format!(
        "{} joined · {} answered",
        progress.joined, progress.answered
    )
}

/// The panel of the open room: QR code, address and code, progress, reveal and close.
/// `large` draws it for a projector (presentation mode).
pub fn panel(ui: &mut egui::Ui, view: &RoomView, large: bool, commands: &mut Vec<Command>) {
    let qr_side = if large { 360.0_f32 } else { 200.0 }.min(ui.available_width() * 0.45);
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.horizontal_top(|ui| {
            if let Some(qr) = &view.qr {
                qr.show(ui, qr_side).on_hover_text(&view.url);
            }
            ui.vertical(|ui| {
                ui.label(RichText::new("📱 The room answers from their phones").heading().strong());
                ui.label("Scan the code, or open");
                ui.label(RichText::new(&view.short_url).monospace().size(if large { 28.0 } else { 20.0 }).strong());
                ui.horizontal_wrapped(|ui| {
                    ui.label("and enter the code");
                    ui.label(RichText::new(&view.join_code).monospace().size(if large { 34.0 } else { 24.0 }).strong());
                });
                ui.add_space(6.0);
                ui.label(RichText::new(progress_words(view.progress)).size(if large { 30.0 } else { 22.0 }).strong());
                ui.label(RichText::new(phase_words(view.progress.phase)).weak());
                ui.add_space(6.0);
                ui.horizontal_wrapped(|ui| {
                    let open = view.progress.phase == Phase::Open;
                    if ui
                        .add_enabled(open, egui::Button::new("👁 Reveal the answers"))
                        .on_hover_text("Show what the room answered. Until now nobody, you included, has seen an answer: that keeps the first answers from anchoring the rest.")
                        .clicked()
                    {
                        commands.push(Command::RevealRoom);
                    }
                    if ui
                        .button("⏹ Close the round")
                        .on_hover_text("No more answers: they go into the round (Edit → Undo takes them out) and the server stops.")
                        .clicked()
                    {
                        commands.push(Command::CloseRoom);
                    }
                    if !view.started
                        && ui
                            .button("▶ Start")
                            .on_hover_text("Everyone has joined: hide the big QR code of presentation mode")
                            .clicked()
                    {
                        commands.push(Command::StartRoom);
                    }
                    if ui.button("📋 Copy link").on_hover_text(&view.url).clicked() {
                        ui.ctx().copy_text(view.url.clone());
                    }
                });
                ui.label(
                    RichText::new(format!(
                        "Phones must be on this network. If they cannot connect, allow incoming TCP on port {} in this computer's firewall. Facilitator's page (reveal and close from another device): {}",
                        view.port, view.host_url
                    ))
                    .small()
                    .weak(),
                );
            });
        });
    });
}

/// What the facilitator picks before opening the room, and the buttons that open it: for a
/// new round of the chosen kind, or for the round the pane shows.
pub fn opener(
    ui: &mut egui::Ui,
    choices: &mut RoomChoices,
    interfaces: &[(String, IpAddr)],
    current: Option<(VotingRoundId, RoundKind)>,
    commands: &mut Vec<Command>,
) {
    egui::CollapsingHeader::new(RichText::new("📱 Answer from phones").strong())
        .id_salt("room_opener")
        .default_open(false)
        .show(ui, |ui| {
            ui.label(
                "Each participant answers on their own phone's browser, over this room's network: no app, no account, no internet. \
                 Answers stay hidden until you reveal them.",
            );
            ui.horizontal_wrapped(|ui| {
                let label = ui.label("Kind of round");
                egui::ComboBox::from_id_salt("room_kind")
                    .selected_text(choices.kind.label())
                    .show_ui(ui, |ui| {
                        for kind in RoundKind::ALL {
                            ui.selectable_value(&mut choices.kind, *kind, kind.label())
                                .on_hover_text(kind.help());
                        }
                    })
                    .response
                    .labelled_by(label.id)
                    .on_hover_text(choices.kind.help());
                if !choices.kind.alternatives_only() && !choices.kind.on_criteria() {
                    let label = ui.label("on");
                    egui::ComboBox::from_id_salt("room_subject")
                        .selected_text(choices.subject.label().to_lowercase())
                        .show_ui(ui, |ui| {
                            for subject in VoteSubject::ALL {
                                ui.selectable_value(
                                    &mut choices.subject,
                                    *subject,
                                    subject.label().to_lowercase(),
                                );
                            }
                        })
                        .response
                        .labelled_by(label.id);
                }
                ui.checkbox(&mut choices.anonymous, "Anonymous")
                    .on_hover_text("Keep the answers without names (Participant 1, 2, …)");
            });
            ui.horizontal_wrapped(|ui| {
                let label = ui.label("Phones reach this computer at");
                let selected = choices
                    .bind
                    .or_else(|| interfaces.first().map(|(_, ip)| *ip));
                let text = selected.map_or_else(
                    || "no network".to_owned(),
                    |ip| {
                        interfaces
                            .iter()
                            .find(|(_, i)| *i == ip)
                            .map_or_else(|| ip.to_string(), |(name, _)| format!("{ip} ({name})"))
                    },
                );
                egui::ComboBox::from_id_salt("room_bind")
                    .selected_text(text)
                    .show_ui(ui, |ui| {
                        for (name, ip) in interfaces {
                            if ui
                                .selectable_label(selected == Some(*ip), format!("{ip} ({name})"))
                                .clicked()
                            {
                                choices.bind = Some(*ip);
                            }
                        }
                    })
                    .response
                    .labelled_by(label.id)
                    .on_hover_text("The network the room's phones are on; private addresses first. 127.0.0.1 reaches only this computer.");
            });
            ui.horizontal_wrapped(|ui| {
                if ui
                    .button(format!("📱 Open the room: new {} round", choices.kind.label().to_lowercase()))
                    .on_hover_text("A new round dated today, with the question of its kind (type over it), and the QR code for the room")
                    .clicked()
                {
                    commands.push(Command::NewRoomRound {
                        kind: choices.kind,
                        subject: choices.subject,
                        anonymous: choices.anonymous,
                    });
                }
                if let Some((round, kind)) = current
                    && ui
                        .button("📱 Open the room for this round")
                        .on_hover_text(format!(
                            "The phones answer the round shown below ({}); answers given in the window stay",
                            kind.label().to_lowercase()
                        ))
                        .clicked()
                {
                    commands.push(Command::OpenRoom(round));
                }
            });
        });
}

/// Presentation mode before the round starts: the QR code fills the screen, with the address,
/// the code and how many joined.
pub fn full_screen(ui: &mut egui::Ui, view: &RoomView, commands: &mut Vec<Command>) {
    egui::CentralPanel::default().show(ui, |ui| {
        let side = (ui.available_height() - 220.0)
            .min(ui.available_width() * 0.6)
            .max(160.0);
        ui.vertical_centered(|ui| {
            ui.add_space(8.0);
            ui.label(RichText::new("Scan to take part").size(40.0).strong());
            if let Some(qr) = &view.qr {
                qr.show(ui, side);
            }
            ui.label(
                RichText::new(format!(
                    "or open {}  ·  code {}",
                    view.short_url, view.join_code
                ))
                .monospace()
                .size(30.0)
                .strong(),
            );
            ui.label(RichText::new(progress_words(view.progress)).size(30.0));
            if ui
                .button(RichText::new("▶ Start the round").size(26.0))
                .on_hover_text("Hide the code and show the panes (the room stays open)")
                .clicked()
            {
                commands.push(Command::StartRoom);
            }
        });
    });
}
