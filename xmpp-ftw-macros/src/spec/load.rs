//! Reading the spec folder: every `.toml` file directly in it, in file-name order.

use super::raw::RawSpec;
use crate::diagnostics::{Source, SpecError};
use std::path::Path;

/// A parsed spec file with its source text.
pub struct Loaded {
    pub source: Source,
    pub raw: RawSpec,
    /// Absolute path, for rebuild tracking.
    pub path: String,
}

/// Loads `dir`; messages name files as `<display_dir>/<file>`.
pub fn load_dir(dir: &Path, display_dir: &str) -> Result<Vec<Loaded>, SpecError> {
    let io_error = |message: String| SpecError {
        file: display_dir.to_owned(),
        line: 1,
        col: 1,
        message,
    };
    let entries = std::fs::read_dir(dir)
        .map_err(|e| io_error(format!("cannot read spec folder {}: {e}", dir.display())))?;
    let mut paths: Vec<_> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut loaded = Vec::with_capacity(paths.len());
    for path in paths {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = std::fs::read_to_string(&path)
            .map_err(|e| io_error(format!("cannot read {}: {e}", path.display())))?;
        let source = Source {
            display: format!("{display_dir}/{name}"),
            text,
        };
        loaded.push(parse(source, path.to_string_lossy().into_owned())?);
    }
    Ok(loaded)
}

/// Parses one spec's text.
pub fn parse(source: Source, path: String) -> Result<Loaded, SpecError> {
    match toml::from_str::<RawSpec>(&source.text) {
        Ok(raw) => Ok(Loaded { source, raw, path }),
        Err(e) => {
            let span = e.span().unwrap_or(0..0);
            Err(source.error(span, e.message().to_owned()))
        }
    }
}
