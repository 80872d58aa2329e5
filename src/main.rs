use std::process::ExitCode;

fn main() -> ExitCode {
    ExitCode::from(blueprint::cli::run(std::env::args_os()))
}
