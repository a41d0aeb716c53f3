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
            let message = match context_at(&source.text, span.start) {
                Some(cx) => format!("{cx}: {}", e.message()),
                None => e.message().to_owned(),
            };
            Err(source.error(span, message))
        }
    }
}

/// Names the event or type (and field) around `offset`, for TOML errors that
/// only carry a position: the nearest table header above, and the key that
/// starts the line when it is inside a `fields` table.
fn context_at(text: &str, offset: usize) -> Option<String> {
    let before = &text[..offset.min(text.len())];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let line = text[line_start..].lines().next().unwrap_or("");
    let header = before[..line_start]
        .lines()
        .rev()
        .map(str::trim)
        .find(|l| l.starts_with('['))?;
    let header = header.trim_matches(|c| c == '[' || c == ']');
    let (owner, rest) = if let Some(rest) = header.strip_prefix("event.") {
        let (name, rest) = split_quoted(rest);
        (format!("event '{name}'"), rest)
    } else if let Some(rest) = header.strip_prefix("types.") {
        let (name, rest) = rest.split_once('.').unwrap_or((rest, ""));
        (format!("type '{name}'"), rest.to_owned())
    } else {
        return None;
    };
    let field = if let Some(f) = rest.strip_prefix("fields.") {
        Some(f.to_owned())
    } else if rest == "fields" || rest.ends_with(".fields") {
        line.split_once('=').map(|(k, _)| k.trim().to_owned())
    } else {
        None
    };
    Some(match field {
        Some(f) if !f.is_empty() => format!("{owner}, field '{f}'"),
        _ => owner,
    })
}

/// `"a.b".rest` → (`a.b`, `rest`).
fn split_quoted(s: &str) -> (String, String) {
    if let Some(inner) = s.strip_prefix('"')
        && let Some(end) = inner.find('"')
    {
        let rest = inner[end + 1..].trim_start_matches('.');
        return (inner[..end].to_owned(), rest.to_owned());
    }
    let (a, b) = s.split_once('.').unwrap_or((s, ""));
    (a.to_owned(), b.to_owned())
}
