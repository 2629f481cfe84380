//! Enumerations with a fixed set of choices, each with a label for people.

/// A closed set of choices that the UI offers in a combo box.
pub trait Choice: Copy + Eq + 'static {
    /// Every choice, in the order the UI lists them.
    const ALL: &'static [Self];
    /// A short label for people.
    fn label(self) -> &'static str;
    /// What the choice means, in a sentence (its doc comment): the UI shows it on hover.
    fn help(self) -> &'static str;
}

/// Defines a serde enum whose variants are the choices, with their labels; each variant's doc
/// comment is also its help text for people.
macro_rules! choice_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[doc = $vdoc:literal])* $variant:ident => $label:literal),* $(,)? } default $default:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[doc = $vdoc])* $variant),*
        }

        impl $crate::model::choice::Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),*];
            fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label),*
                }
            }
            fn help(self) -> &'static str {
                match self {
                    $(Self::$variant => concat!($($vdoc),*).trim_ascii()),*
                }
            }
        }

        impl Default for $name {
            fn default() -> Self {
                Self::$default
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str($crate::model::choice::Choice::label(*self))
            }
        }
    };
}
pub(crate) use choice_enum;

#[cfg(test)]
mod tests {
    use super::Choice;
    use crate::model::{CompetitiveAssessment, UsageFormatKind};

    #[test]
    fn every_choice_says_what_it_means() {
        assert_eq!(
            UsageFormatKind::Community.help(),
            "People around a shared topic, with dialogue among users."
        );
        assert_eq!(
            CompetitiveAssessment::Leading.help(),
            "Performance above the competitors'."
        );
        for kind in UsageFormatKind::ALL {
            assert!(!kind.help().is_empty(), "{kind:?}");
        }
    }
}
