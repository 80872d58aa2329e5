//! The `check` job as a library: find blueprint files, load each, run the rules.

use std::path::{Path, PathBuf};

use crate::diagnostic::{Diagnostic, Severity};
use crate::graph::BlueprintGraph;
use crate::load;
use crate::rules;

/// The result of checking one file.
#[derive(Debug)]
pub struct FileReport {
    /// The path as the user wrote it (or as found under a directory they named).
    pub path: String,
    /// The file's text, when it could be read as UTF-8; renderers quote it.
    pub source: Option<String>,
    /// Sorted by position, then code.
    pub diagnostics: Vec<Diagnostic>,
    /// False when the file could not be loaded and analysed.
    pub loaded: bool,
}

impl FileReport {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// Check one blueprint given its bytes.
pub fn check_bytes(path: &str, bytes: &[u8]) -> FileReport {
    // Lossy, so a file with one bad byte can still be quoted around it.
    let source = Some(String::from_utf8_lossy(bytes).into_owned());
    let (blueprint, mut diagnostics) = load::load_partial(bytes);
    let mut loaded = false;
    if let Some(blueprint) = &blueprint {
        // Model-stage findings are reported with the value errors, all in one run.
        diagnostics.extend(rules::check_model(blueprint));
        if diagnostics.is_empty() {
            match BlueprintGraph::build(blueprint) {
                Some(graph) => {
                    diagnostics = rules::check_graph(&graph, &rules::Thresholds::default());
                    loaded = true;
                }
                // The model rules guarantee the graph builds; if it ever does not,
                // say so rather than report nothing.
                None => diagnostics.push(Diagnostic::new(
                    "invalid-value",
                    Severity::Error,
                    "the blueprint's steps could not be connected into a graph",
                )),
            }
        }
    }
    diagnostics.sort_by(|a, b| a.sort_key().cmp(&b.sort_key()));
    FileReport {
        path: path.to_owned(),
        source,
        diagnostics,
        loaded,
    }
}

/// A problem with the paths given on the command line.
#[derive(Debug, thiserror::Error)]
pub enum PathError {
    #[error("path `{0}` does not exist")]
    Missing(String),
    #[error("`{0}` is not a file or a directory")]
    NotAFile(String),
    #[error("no blueprints found in `{0}`")]
    NoBlueprints(String),
}

impl PathError {
    pub fn help(&self) -> &'static str {
        match self {
            PathError::Missing(_) => {
                "check the spelling (a broken symbolic link counts as missing), or run `blueprint check` with no path to check the current directory"
            }
            PathError::NotAFile(_) => "name a blueprint file or a directory of blueprints",
            PathError::NoBlueprints(_) => {
                "blueprints are `.yaml` or `.yml` files with `blueprint: 1` at the top level; name a file to check it whatever its contents"
            }
        }
    }
}

/// A file to check. It is read only when it is checked, so memory holds one file at a
/// time however many are checked.
#[derive(Debug)]
pub struct Candidate {
    /// The path as the user wrote it, or as found under a directory they named.
    pub path: String,
    /// Why the file cannot be read, when the directory search already found out.
    problem: Option<String>,
}

impl Candidate {
    /// Read and check the file. A file that cannot be read is reported, not fatal:
    /// the other files are still checked.
    pub fn check(&self) -> FileReport {
        let bytes = match &self.problem {
            Some(problem) => Err(problem.clone()),
            None => read(Path::new(&self.path)).map_err(|e| e.to_string()),
        };
        match bytes {
            Ok(bytes) => check_bytes(&self.path, &bytes),
            Err(problem) => FileReport {
                path: self.path.clone(),
                source: None,
                diagnostics: vec![
                    Diagnostic::new(
                        "unreadable-file",
                        Severity::Error,
                        format!("cannot read the file: {problem}"),
                    )
                    .help("check that the file exists and that you may read it"),
                ],
                loaded: false,
            },
        }
    }
}

/// The files to check: each named file as it is, and under each named directory
/// (recursively, skipping hidden entries, following links to files) every
/// `*.yaml`/`*.yml` file that carries the format version key. Sorted and without
/// duplicates (the same file named twice is checked once), so output order never
/// depends on the file system.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Candidate>, PathError> {
    let mut candidates = Vec::new();
    for path in paths {
        let shown = path.display().to_string();
        let metadata = std::fs::metadata(path).map_err(|_| PathError::Missing(shown.clone()))?;
        if metadata.is_file() {
            candidates.push(Candidate {
                path: shown,
                problem: None,
            });
            continue;
        }
        if !metadata.is_dir() {
            // A FIFO or a device would block or never end.
            return Err(PathError::NotAFile(shown));
        }
        let before = candidates.len();
        let walker = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    // An unreadable directory or file: report it where it is.
                    let at = error
                        .path()
                        .map_or_else(|| shown.clone(), |p| p.display().to_string());
                    candidates.push(Candidate {
                        path: at,
                        problem: Some(error.to_string()),
                    });
                    continue;
                }
            };
            if !is_yaml(entry.path()) || entry.file_type().is_dir() {
                continue;
            }
            // Follows a link to a file; a link to nothing or to a FIFO is skipped.
            if !std::fs::metadata(entry.path()).is_ok_and(|m| m.is_file()) {
                continue;
            }
            let shown_entry = entry.path().display().to_string();
            match read(entry.path()) {
                Ok(bytes) if load::has_version_key(&String::from_utf8_lossy(&bytes)) => {
                    candidates.push(Candidate {
                        path: shown_entry,
                        problem: None,
                    });
                }
                Ok(_) => {}
                Err(error) => candidates.push(Candidate {
                    path: shown_entry,
                    problem: Some(error.to_string()),
                }),
            }
        }
        if candidates.len() == before {
            return Err(PathError::NoBlueprints(shown));
        }
    }
    candidates.sort_by(|a, b| a.path.cmp(&b.path));
    let mut seen = std::collections::HashSet::new();
    candidates.retain(|c| {
        seen.insert(std::fs::canonicalize(&c.path).unwrap_or_else(|_| PathBuf::from(&c.path)))
    });
    Ok(candidates)
}

/// Read at most one byte past the size limit: enough for the loader to refuse a huge
/// file without holding all of it in memory.
fn read(path: &Path) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path)?
        .take(load::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)?;
    Ok(bytes)
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|n| n.starts_with('.') && n != "." && n != "..")
}

fn is_yaml(path: &Path) -> bool {
    matches!(
        path.extension().and_then(|e| e.to_str()),
        Some("yaml" | "yml")
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_that_cannot_be_read_is_reported_and_does_not_stop_the_run() {
        let gone = Candidate {
            path: "no/such/blueprint.yaml".to_owned(),
            problem: None,
        };
        let report = gone.check();
        assert!(!report.loaded);
        assert_eq!(report.diagnostics.len(), 1);
        assert_eq!(report.diagnostics[0].name, "unreadable-file");
        assert!(
            report.diagnostics[0]
                .message
                .starts_with("cannot read the file: ")
        );

        let denied = Candidate {
            path: "locked.yaml".to_owned(),
            problem: Some("Permission denied (os error 13)".to_owned()),
        };
        assert_eq!(
            denied.check().diagnostics[0].message,
            "cannot read the file: Permission denied (os error 13)"
        );
    }

    #[test]
    fn blueprints_are_recognised_by_their_version_key() {
        assert!(load::has_version_key("name: x\nblueprint: 1\n"));
        assert!(load::has_version_key("\u{feff}blueprint: 1\n"));
        assert!(load::has_version_key("{\"blueprint\": 1, \"name\": \"x\"}"));
        assert!(load::has_version_key("'blueprint' : 1"));
        assert!(!load::has_version_key("blueprints: 1\n"));
        assert!(!load::has_version_key("  blueprint: 1\n"));
        assert!(!load::has_version_key("name: blueprint: 1\n"));
    }
}
