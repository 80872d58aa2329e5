//! The YAML document exactly as serde reads it. Values whose meaning is checked later
//! (lanes, keywords, durations, scores) are read as plain text or wide integers, so the
//! lowering step can report every bad value in a file together, each at its own place.

use std::fmt;

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use serde_saphyr::Spanned;

/// Keys of the top-level mapping, for suggestions.
pub(crate) const DOCUMENT_KEYS: &[&str] = &[
    "$schema",
    "blueprint",
    "name",
    "description",
    "owner",
    "start",
    "tolerance",
    "steps",
    "indicators",
    "funnels",
];

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Document {
    #[serde(rename = "$schema")]
    #[allow(dead_code, reason = "accepted so editors can attach a schema")]
    pub schema: Option<String>,
    pub blueprint: Spanned<i64>,
    pub name: Spanned<String>,
    pub description: Option<Spanned<String>>,
    pub owner: Option<Spanned<String>>,
    pub start: Option<Spanned<String>>,
    pub tolerance: Option<Spanned<RawTolerance>>,
    pub steps: Spanned<Vec<Spanned<RawStep>>>,
    #[serde(default)]
    pub indicators: Vec<Spanned<RawIndicator>>,
    #[serde(default)]
    pub funnels: Vec<Spanned<RawFunnel>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawTolerance {
    pub desired: Spanned<String>,
    pub adequate: Spanned<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawStep {
    pub id: Spanned<String>,
    pub lane: Spanned<String>,
    pub label: Spanned<String>,
    pub actor: Option<Spanned<String>>,
    pub channel: Option<Spanned<String>>,
    #[serde(default)]
    pub evidence: Vec<Spanned<String>>,
    pub duration: Option<Spanned<String>>,
    pub wait: Option<Spanned<String>>,
    pub tolerance: Option<Spanned<RawTolerance>>,
    pub value: Option<Spanned<String>>,
    pub rationale: Option<Spanned<String>>,
    pub category: Option<Spanned<String>>,
    pub emotion: Option<Spanned<i64>>,
    #[serde(default)]
    pub next: Vec<RawFlow>,
    #[serde(default)]
    pub uses: Vec<Spanned<String>>,
    #[serde(default)]
    pub fail_points: Vec<Spanned<RawFailPoint>>,
    pub moment_of_truth: Option<Spanned<bool>>,
    pub standard: Option<Spanned<String>>,
    pub notes: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFailPoint {
    pub id: Option<Spanned<String>>,
    pub what: Spanned<String>,
    #[serde(rename = "type")]
    pub kind: Option<Spanned<String>>,
    pub severity: Option<Spanned<i64>>,
    pub occurrence: Option<Spanned<i64>>,
    pub detection: Option<Spanned<i64>>,
    pub owner: Option<Spanned<String>>,
    pub prevention: Option<Spanned<String>>,
    pub recovery: Option<Spanned<RawRecovery>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawRecovery {
    #[serde(default)]
    pub strategies: Vec<Spanned<String>>,
    pub action: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawIndicator {
    pub name: Spanned<String>,
    pub weight: Spanned<i64>,
    pub observed: Option<Spanned<i64>>,
    pub fail_point: Option<Spanned<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RawFunnel {
    pub initiative: Spanned<String>,
    pub target: Spanned<i64>,
    pub aware: Spanned<i64>,
    pub interested: Spanned<i64>,
    pub experienced: Spanned<i64>,
    pub perceived_well: Spanned<i64>,
}

/// One entry of `next`: either a bare step id or `{to: id, when: condition}`.
#[derive(Debug)]
pub(crate) struct RawFlow {
    pub to: Spanned<String>,
    pub when: Option<Spanned<String>>,
    /// The id was a plain scalar YAML reads as a number, boolean or null (`0x1F`,
    /// `1_000`, `true`): its value here is not its spelling, so the loader takes the id
    /// from the source text, as `id:` (a string field) does.
    pub retyped: bool,
}

impl<'de> Deserialize<'de> for RawFlow {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        // The outer `Spanned` records where a bare id was written; a mapping records
        // its own `to` location.
        let entry: Spanned<FlowEntry> = Spanned::deserialize(deserializer)?;
        Ok(match entry.value {
            FlowEntry::Id(id) => RawFlow {
                to: Spanned {
                    value: id,
                    referenced: entry.referenced,
                    defined: entry.defined,
                },
                when: None,
                retyped: false,
            },
            FlowEntry::Retyped => RawFlow {
                to: Spanned {
                    value: String::new(),
                    referenced: entry.referenced,
                    defined: entry.defined,
                },
                when: None,
                retyped: true,
            },
            FlowEntry::Branch { to, when } => RawFlow {
                to,
                when,
                retyped: false,
            },
        })
    }
}

enum FlowEntry {
    Id(String),
    /// A scalar YAML typed as something other than a string.
    Retyped,
    Branch {
        to: Spanned<String>,
        when: Option<Spanned<String>>,
    },
}

const FLOW_KEYS: &[&str] = &["to", "when"];

impl<'de> Deserialize<'de> for FlowEntry {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct EntryVisitor;

        impl<'de> Visitor<'de> for EntryVisitor {
            type Value = FlowEntry;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a step id or a mapping with `to` and `when`")
            }

            fn visit_str<E: de::Error>(self, v: &str) -> Result<FlowEntry, E> {
                Ok(FlowEntry::Id(v.to_owned()))
            }

            fn visit_i64<E: de::Error>(self, _: i64) -> Result<FlowEntry, E> {
                Ok(FlowEntry::Retyped)
            }

            fn visit_u64<E: de::Error>(self, _: u64) -> Result<FlowEntry, E> {
                Ok(FlowEntry::Retyped)
            }

            fn visit_i128<E: de::Error>(self, _: i128) -> Result<FlowEntry, E> {
                Ok(FlowEntry::Retyped)
            }

            fn visit_u128<E: de::Error>(self, _: u128) -> Result<FlowEntry, E> {
                Ok(FlowEntry::Retyped)
            }

            fn visit_f64<E: de::Error>(self, _: f64) -> Result<FlowEntry, E> {
                Ok(FlowEntry::Retyped)
            }

            fn visit_bool<E: de::Error>(self, _: bool) -> Result<FlowEntry, E> {
                Ok(FlowEntry::Retyped)
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<FlowEntry, A::Error> {
                let mut to: Option<Spanned<String>> = None;
                let mut when: Option<Spanned<String>> = None;
                while let Some(key) = map.next_key::<String>()? {
                    match key.as_str() {
                        "to" if to.is_none() => to = Some(map.next_value()?),
                        "when" if when.is_none() => when = Some(map.next_value()?),
                        "to" => return Err(de::Error::duplicate_field("to")),
                        "when" => return Err(de::Error::duplicate_field("when")),
                        other => return Err(de::Error::unknown_field(other, FLOW_KEYS)),
                    }
                }
                let to = to.ok_or_else(|| de::Error::missing_field("to"))?;
                Ok(FlowEntry::Branch { to, when })
            }
        }

        deserializer.deserialize_any(EntryVisitor)
    }
}
