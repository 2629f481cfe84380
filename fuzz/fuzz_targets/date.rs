//! The date parser behind every date field (`YYYY-MM-DD`, typed by the user and read from
//! project files): any text is a date or an error, and a date prints back as the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pbsm::model::Date;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The date field trims what the user typed.
    match text.trim().parse::<Date>() {
        Ok(date) => {
            assert_eq!(
                date.to_string(),
                text.trim(),
                "a date prints as it was typed"
            );
            assert_eq!(
                Date::from_days_since_epoch(date.days_since_epoch()),
                Some(date),
                "day arithmetic round-trips"
            );
        }
        Err(e) => assert!(
            e.to_string()
                .contains("is not a date of the form YYYY-MM-DD")
        ),
    }
});
