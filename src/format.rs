//! Formatting shared by the window and the decision memo: money, numbers, shares, labels and the
//! colours of statuses and ranks. No egui here: the window turns an [`Rgb`] into its own colour
//! type, the memo writes [`Rgb::hex`] into SVG and HTML.

use crate::model::{Actual, AlternativeStatus, Score};

/// EUR, grouped in thousands ("EUR 85,000", "EUR -12,000").
pub fn eur(value: f64) -> String {
    format!("EUR {}", group_thousands(value))
}

/// A number rounded to whole units with thousands separators ("1,234,567", "-12,000").
pub fn group_thousands(value: f64) -> String {
    let rounded = value.round();
    let negative = rounded < 0.0;
    let digits = format!("{:.0}", rounded.abs());
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if negative { format!("-{out}") } else { out }
}

/// Like [`group_thousands`], but keeps up to two decimals where there are any ("1,234.5").
pub fn group_thousands_decimals(value: f64) -> String {
    // The sign apart: trunc(-0.4) is -0.0, which would lose it.
    if value < 0.0 {
        let rest = group_thousands_decimals(-value);
        return if rest.trim_start_matches(['0', '.', ',']).is_empty() {
            rest
        } else {
            format!("-{rest}")
        };
    }
    let whole = value.trunc();
    let cents = ((value - whole).abs() * 100.0).round();
    if cents == 0.0 || cents >= 100.0 {
        group_thousands(value)
    } else {
        let decimals = format!("{:.2}", value.abs().fract());
        let decimals = decimals.trim_start_matches('0').trim_end_matches('0');
        format!("{}{decimals}", group_thousands(whole))
    }
}

/// A number with at most two decimals and none that are needless ("1450", "8.5", "0.25").
pub fn trim_number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// A number on a 0–10 scale ("7.5").
pub fn score_text(value: f64) -> String {
    format!("{value:.1}")
}

/// A rating that may not be assessed yet: "7.5", or "not assessed".
pub fn rating_text(score: Score) -> String {
    score
        .get()
        .map_or_else(|| NOT_ASSESSED.to_owned(), score_text)
}

/// A rating without needless decimals ("7", "7.5"), or "not assessed".
pub fn rating_number(score: Score) -> String {
    score
        .get()
        .map_or_else(|| NOT_ASSESSED.to_owned(), trim_number)
}

/// What the window, the memo and the CLI say for a value not assessed yet.
pub const NOT_ASSESSED: &str = "not assessed";

/// A share (0–1) as a percentage with `decimals` decimals ("52 %", "8.3 %").
pub fn percent(share: f64, decimals: usize) -> String {
    format!("{:.decimals$} %", share * 100.0)
}

/// A KPI's latest actual as "value (date)", or "—" without one.
pub fn latest_actual(actual: Option<Actual>) -> String {
    actual.map_or_else(
        || "—".to_owned(),
        |a| format!("{} ({})", trim_number(a.1), a.0),
    )
}

/// Labels longer than this many characters are broken onto two lines.
pub const LABEL_LINE_CHARS: usize = 26;

/// A label as one or two lines: a name longer than [`LABEL_LINE_CHARS`] is broken at the space
/// nearest its middle (a name without a space stays on one line).
pub fn label_lines(text: &str) -> Vec<&str> {
    let chars = text.chars().count();
    if chars <= LABEL_LINE_CHARS {
        return vec![text];
    }
    let middle = chars / 2;
    let split = text
        .char_indices()
        .enumerate()
        .filter(|(_, (_, c))| *c == ' ')
        .min_by_key(|(n, _)| n.abs_diff(middle))
        .map(|(_, (byte, _))| byte);
    match split {
        Some(byte) => vec![&text[..byte], &text[byte + 1..]],
        None => vec![text],
    }
}

/// [`label_lines`] joined with a line break.
pub fn wrap_label(text: &str) -> String {
    label_lines(text).join("\n")
}

/// A colour as red, green and blue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// The colour as CSS and SVG write it ("#1e8c46").
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The colour of an alternative by its status (the map's bubbles), for a dark or light
/// background.
pub fn status_rgb(status: AlternativeStatus, dark: bool) -> Rgb {
    match (status, dark) {
        (AlternativeStatus::Chosen, false) => Rgb(30, 140, 70),
        (AlternativeStatus::Chosen, true) => Rgb(80, 190, 110),
        (AlternativeStatus::DecisionReady, false) => Rgb(40, 100, 200),
        (AlternativeStatus::DecisionReady, true) => Rgb(100, 160, 250),
        (AlternativeStatus::Draft, false) => Rgb(200, 130, 20),
        (AlternativeStatus::Draft, true) => Rgb(230, 170, 60),
        (AlternativeStatus::Rejected, false) => Rgb(140, 140, 140),
        (AlternativeStatus::Rejected, true) => Rgb(130, 130, 130),
    }
}

/// The colour of rank `rank` (0-based) of `of`: the first a strong green, the last grey.
pub fn rank_rgb(rank: usize, of: usize, dark: bool) -> Rgb {
    #[allow(clippy::cast_precision_loss)]
    let t = if of > 1 {
        rank as f32 / (of - 1) as f32
    } else {
        0.0
    };
    let (first, last) = if dark {
        ([60.0, 170.0, 95.0], [95.0, 95.0, 100.0])
    } else {
        ([30.0, 140.0, 70.0], [200.0, 200.0, 205.0])
    };
    #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
    let mix = |i: usize| (first[i] + (last[i] - first[i]) * t) as u8;
    Rgb(mix(0), mix(1), mix(2))
}

/// The colour that marks something as good (`level` above 0), neutral (0) or bad (below 0).
pub fn signal_rgb(level: i8, dark: bool) -> Rgb {
    match (level, dark) {
        (1.., true) => Rgb(110, 200, 120),
        (1.., false) => Rgb(20, 120, 40),
        (0, true) => Rgb(220, 190, 90),
        (0, false) => Rgb(150, 110, 0),
        (_, true) => Rgb(240, 120, 110),
        (_, false) => Rgb(180, 40, 30),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Date;

    #[test]
    fn euros_are_grouped_and_keep_their_sign() {
        assert_eq!(eur(85_000.0), "EUR 85,000");
        assert_eq!(eur(650.0), "EUR 650");
        assert_eq!(eur(1_234_567.6), "EUR 1,234,568");
        // The memo's own copy wrote "EUR 12,000" here.
        assert_eq!(eur(-12_000.0), "EUR -12,000");
        assert_eq!(eur(-0.4), "EUR 0");
    }

    #[test]
    fn thousands_are_grouped() {
        assert_eq!(group_thousands(85_000.0), "85,000");
        assert_eq!(group_thousands(1_234_567.4), "1,234,567");
        assert_eq!(group_thousands(999.0), "999");
        assert_eq!(group_thousands(1_000.0), "1,000");
        assert_eq!(group_thousands(-12_000.0), "-12,000");
        assert_eq!(group_thousands(-999.6), "-1,000");
        assert_eq!(group_thousands_decimals(85_000.0), "85,000");
        assert_eq!(group_thousands_decimals(1_234.5), "1,234.5");
        // The sign of a number between -1 and 0 is kept (trunc gives -0.0).
        assert_eq!(group_thousands_decimals(-0.4), "-0.4");
        assert_eq!(group_thousands_decimals(-1_234.5), "-1,234.5");
        assert_eq!(group_thousands_decimals(-0.001), "0");
        assert_eq!(group_thousands_decimals(650.25), "650.25");
        assert_eq!(group_thousands_decimals(-1_234.5), "-1,234.5");
        assert_eq!(group_thousands_decimals(12.999), "13");
    }

    #[test]
    fn numbers_lose_needless_decimals() {
        assert_eq!(trim_number(1450.0), "1450");
        assert_eq!(trim_number(8.5), "8.5");
        assert_eq!(trim_number(0.25), "0.25");
        assert_eq!(trim_number(0.123), "0.12");
        assert_eq!(trim_number(-3.10), "-3.1");
        assert_eq!(score_text(7.0), "7.0");
        assert_eq!(score_text(6.25), "6.2");
        assert_eq!(rating_text(Score::new(7.0)), "7.0");
        assert_eq!(rating_number(Score::new(7.0)), "7");
        assert_eq!(rating_text(Score::NOT_ASSESSED), "not assessed");
        assert_eq!(rating_number(Score::NOT_ASSESSED), "not assessed");
    }

    #[test]
    fn shares_are_percentages() {
        assert_eq!(percent(0.5238, 0), "52 %");
        assert_eq!(percent(0.0833, 1), "8.3 %");
        assert_eq!(percent(1.0, 0), "100 %");
    }

    #[test]
    fn the_latest_actual_shows_value_and_date() {
        let date = Date::new(2026, 1, 31).unwrap();
        assert_eq!(
            latest_actual(Some(Actual(date, 1450.0))),
            "1450 (2026-01-31)"
        );
        assert_eq!(latest_actual(None), "—");
    }

    #[test]
    fn long_labels_break_near_the_middle() {
        assert_eq!(label_lines("Paid reach"), ["Paid reach"]);
        assert_eq!(
            label_lines("Service and freshness: pre-order and less waste"),
            ["Service and freshness:", "pre-order and less waste"]
        );
        assert_eq!(
            wrap_label("Service and freshness: pre-order and less waste"),
            "Service and freshness:\npre-order and less waste"
        );
        // Exactly at the limit: one line; one character more: two.
        assert_eq!(label_lines(&"abcde ".repeat(5)[..26]).len(), 1);
        assert_eq!(label_lines(&"abcde ".repeat(5)[..27]).len(), 2);
        assert_eq!(
            label_lines("Averyveryverylongnamewithoutanyspaces"),
            ["Averyveryverylongnamewithoutanyspaces"]
        );
        // Characters, not bytes, decide the middle.
        assert_eq!(
            label_lines("Äöü äöü äöü äöü äöü äöü äöü äöü"),
            ["Äöü äöü äöü äöü", "äöü äöü äöü äöü"]
        );
    }

    #[test]
    fn colours_have_a_hex_form() {
        assert_eq!(
            status_rgb(AlternativeStatus::Chosen, false).hex(),
            "#1e8c46"
        );
        assert_eq!(
            status_rgb(AlternativeStatus::DecisionReady, false).hex(),
            "#2864c8"
        );
        assert_eq!(status_rgb(AlternativeStatus::Draft, false).hex(), "#c88214");
        assert_eq!(
            status_rgb(AlternativeStatus::Rejected, false).hex(),
            "#8c8c8c"
        );
        assert_eq!(Rgb(0, 15, 255).hex(), "#000fff");
    }

    #[test]
    fn ranks_fade_from_green_to_grey() {
        assert_eq!(rank_rgb(0, 3, false), Rgb(30, 140, 70));
        assert_eq!(rank_rgb(1, 3, false), Rgb(115, 170, 137));
        assert_eq!(rank_rgb(2, 3, false), Rgb(200, 200, 205));
        assert_eq!(rank_rgb(0, 1, true), Rgb(60, 170, 95));
        assert_eq!(rank_rgb(3, 4, true), Rgb(95, 95, 100));
    }

    #[test]
    fn signals_are_green_amber_red() {
        assert_eq!(signal_rgb(2, false), Rgb(20, 120, 40));
        assert_eq!(signal_rgb(0, true), Rgb(220, 190, 90));
        assert_eq!(signal_rgb(-1, false), Rgb(180, 40, 30));
    }
}
