use std::path::{Path, PathBuf};
use std::process::Command;

/// The repository root: fixture paths in output are relative to it, so snapshots do not
/// depend on where the repository is checked out.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// One run of the `blueprint` binary.
pub struct Test {
    args: Vec<String>,
    envs: Vec<(String, String)>,
    dir: PathBuf,
}

#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Test {
    pub fn new() -> Self {
        Test {
            args: Vec::new(),
            envs: Vec::new(),
            dir: root(),
        }
    }

    pub fn args<I, S>(mut self, args: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.args.extend(args.into_iter().map(Into::into));
        self
    }

    pub fn env(mut self, key: &str, value: &str) -> Self {
        self.envs.push((key.to_owned(), value.to_owned()));
        self
    }

    pub fn current_dir(mut self, dir: impl AsRef<Path>) -> Self {
        self.dir = root().join(dir);
        self
    }

    pub fn run(self) -> Output {
        let mut command = Command::new(env!("CARGO_BIN_EXE_blueprint"));
        command
            .args(&self.args)
            .current_dir(&self.dir)
            // Colour is decided by the flags and variables each test sets, not by
            // whatever the developer's shell exports.
            .env_remove("NO_COLOR")
            .env_remove("CLICOLOR")
            .env_remove("CLICOLOR_FORCE")
            .env_remove("TERM");
        for (key, value) in &self.envs {
            command.env(key, value);
        }
        let output = command.output().expect("the blueprint binary runs");
        let out = Output {
            code: output
                .status
                .code()
                .expect("blueprint exits with a code, not a signal"),
            stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
        };
        assert!(
            !out.stderr.contains("panicked"),
            "blueprint panicked:\n{}",
            out.stderr
        );
        out
    }
}

/// `blueprint check --format json PATH`, parsed.
pub fn json_findings(path: &str) -> (i32, Vec<serde_json::Value>) {
    let out = Test::new().args(["check", "--format", "json", path]).run();
    let findings: serde_json::Value = serde_json::from_str(&out.stdout)
        .unwrap_or_else(|e| panic!("{path}: not JSON ({e}):\n{}", out.stdout));
    let array = findings.as_array().expect("a JSON array").clone();
    (out.code, array)
}

/// A directory of its own under the system's temp directory, removed when dropped
/// (also when the test fails).
pub struct TempDir(PathBuf);

impl TempDir {
    pub fn new(name: &str) -> Self {
        let dir = std::env::temp_dir().join(format!("blueprint-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("temp dir");
        TempDir(dir)
    }

    pub fn path(&self, file: &str) -> PathBuf {
        self.0.join(file)
    }

    /// The directory as a command-line argument.
    pub fn arg(&self) -> String {
        self.0.to_str().expect("UTF-8 temp path").to_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        std::fs::remove_dir_all(&self.0).ok();
    }
}
