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
                    diagnostics = rules::check_graph(&graph);
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
    #[error("no blueprints found in `{0}`")]
    NoBlueprints(String),
    #[error("cannot read `{path}`: {source}")]
    Unreadable {
        path: String,
        source: std::io::Error,
    },
}

impl PathError {
    pub fn help(&self) -> &'static str {
        match self {
            PathError::Missing(_) => {
                "check the spelling, or run `blueprint check` with no path to check the current directory"
            }
            PathError::NoBlueprints(_) => {
                "blueprints are `.yaml` or `.yml` files with `blueprint: 1` at the top level; name a file to check it whatever its contents"
            }
            PathError::Unreadable { .. } => "check the file's permissions",
        }
    }
}

/// A file to check, already read.
pub struct Input {
    pub path: String,
    pub bytes: Vec<u8>,
}

/// The files to check: each named file as it is, and under each named directory
/// (recursively, skipping hidden entries) every `*.yaml`/`*.yml` file that carries the
/// format version key. Sorted, deduplicated, so output order never depends on the
/// file system.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<Input>, PathError> {
    let mut inputs = Vec::new();
    for path in paths {
        let shown = path.display().to_string();
        if !path.exists() {
            return Err(PathError::Missing(shown));
        }
        if !path.is_dir() {
            let bytes = read(path)?;
            inputs.push(Input { path: shown, bytes });
            continue;
        }
        let before = inputs.len();
        let walker = walkdir::WalkDir::new(path)
            .sort_by_file_name()
            .into_iter()
            .filter_entry(|entry| entry.depth() == 0 || !is_hidden(entry.file_name()));
        for entry in walker {
            let entry = entry.map_err(|e| PathError::Unreadable {
                path: e.path().map_or(shown.clone(), |p| p.display().to_string()),
                source: e.into(),
            })?;
            if !entry.file_type().is_file() || !is_yaml(entry.path()) {
                continue;
            }
            let bytes = read(entry.path())?;
            if load::has_version_key(&String::from_utf8_lossy(&bytes)) {
                inputs.push(Input {
                    path: entry.path().display().to_string(),
                    bytes,
                });
            }
        }
        if inputs.len() == before {
            return Err(PathError::NoBlueprints(shown));
        }
    }
    inputs.sort_by(|a, b| a.path.cmp(&b.path));
    inputs.dedup_by(|a, b| a.path == b.path);
    Ok(inputs)
}

/// Read at most one byte past the size limit: enough for the loader to refuse a huge
/// file without holding all of it in memory.
fn read(path: &Path) -> Result<Vec<u8>, PathError> {
    use std::io::Read;
    let unreadable = |source| PathError::Unreadable {
        path: path.display().to_string(),
        source,
    };
    let file = std::fs::File::open(path).map_err(unreadable)?;
    let mut bytes = Vec::new();
    file.take(load::MAX_FILE_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(unreadable)?;
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
