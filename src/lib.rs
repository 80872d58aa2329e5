//! `blueprint`: service blueprints as code.
//!
//! YAML text -> [`model`] (with spans) -> [`graph`] -> [`rules`] -> findings ->
//! [`render`]ers. Each arrow is one module; nothing flows backwards.

pub mod analysis;
pub mod check;
pub mod cli;
pub mod diagnostic;
pub mod graph;
pub mod load;
pub mod model;
pub mod render;
pub mod rules;
pub mod span;
mod suggest;
