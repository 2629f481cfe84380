//! Enumerations with a fixed set of choices, each with a label for people.

/// A closed set of choices that the UI offers in a combo box.
pub trait Choice: Copy + Eq + 'static {
    /// Every choice, in the order the UI lists them.
    const ALL: &'static [Self];
    /// A short label for people.
    fn label(self) -> &'static str;
}

/// Defines a serde enum whose variants are the choices, with their labels.
macro_rules! choice_enum {
    ($(#[$doc:meta])* $name:ident { $($(#[$vdoc:meta])* $variant:ident => $label:literal),* $(,)? } default $default:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
        pub enum $name {
            $($(#[$vdoc])* $variant),*
        }

        impl $crate::model::choice::Choice for $name {
            const ALL: &'static [Self] = &[$(Self::$variant),*];
            fn label(self) -> &'static str {
                match self {
                    $(Self::$variant => $label),*
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
