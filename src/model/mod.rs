//! A blueprint as written in YAML, every field that a finding can be about kept with
//! the place it was written.

mod blueprint;
mod keyword;
mod lane;
mod vocabulary;

pub use blueprint::{
    Blueprint, FailPoint, Flow, Funnel, Indicator, Recovery, Score, Step, Tolerance,
};
pub use keyword::Keyword;
pub use lane::{Crossings, Lane, Line};
pub use vocabulary::{FailureType, RecoveryStrategy, ServiceCategory, ValueClass};

/// The format version this build reads (the value of the `blueprint` key).
pub const FORMAT_VERSION: u32 = 1;
