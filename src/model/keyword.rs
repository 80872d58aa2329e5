//! Closed vocabularies written as kebab-case keywords in YAML.

/// A closed set of kebab-case keywords.
pub trait Keyword: Sized + Copy + 'static {
    /// What the vocabulary is called in messages ("value class").
    const WHAT: &'static str;
    /// The same, plural ("value classes").
    const WHAT_PLURAL: &'static str;
    /// Every value with its spelling, in documentation order.
    const ALL: &'static [(Self, &'static str)];

    fn parse(text: &str) -> Option<Self> {
        Self::ALL
            .iter()
            .find(|(_, spelling)| *spelling == text)
            .map(|(value, _)| *value)
    }

    fn spellings() -> impl Iterator<Item = &'static str> + Clone {
        Self::ALL.iter().map(|(_, spelling)| *spelling)
    }
}

macro_rules! keyword_enum {
    (
        $(#[$meta:meta])*
        $name:ident, $what:literal, $plural:literal {
            $( $(#[$vmeta:meta])* $variant:ident => $spelling:literal, )+
        }
    ) => {
        $(#[$meta])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $( $(#[$vmeta])* $variant, )+
        }

        impl $crate::model::Keyword for $name {
            const WHAT: &'static str = $what;
            const WHAT_PLURAL: &'static str = $plural;
            const ALL: &'static [(Self, &'static str)] = &[ $( ($name::$variant, $spelling), )+ ];
        }

        impl $name {
            pub fn as_str(self) -> &'static str {
                match self {
                    $( $name::$variant => $spelling, )+
                }
            }
        }

        impl std::fmt::Display for $name {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

pub(crate) use keyword_enum;
