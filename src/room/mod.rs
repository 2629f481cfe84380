//! The room: participants answer a round from their own phones, on the room's own network,
//! served by the workbench itself (no internet, no accounts).
//!
//! - [`wire`]: the JSON the page and the server exchange, and the parser of answers.
//! - [`state`]: who joined and what they answered, blind until revealed (no network).
//!
//! The server, the journal and the terminal QR code build on these.

pub mod journal;
pub mod server;
pub mod state;
pub mod wire;

/// A fresh random secret of 128 bits as 32 lowercase hex digits (a round's token, a
/// participant's id). `None` when the system has no randomness to give, which the caller
/// reports: a guessable token would let anyone in.
pub fn random_hex() -> Option<String> {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).ok()?;
    Some(bytes.iter().map(|b| format!("{b:02x}")).collect())
}
