//! Every output format lives here, and only here.

mod human;
mod json;

pub use human::{render_file, render_path_error, summary};
pub use json::render_json;
