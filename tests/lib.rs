//! The integration tests: one binary, run against the built `blueprint` executable.

mod bad_input;
mod cli;
mod common;
mod examples;
mod rules;
