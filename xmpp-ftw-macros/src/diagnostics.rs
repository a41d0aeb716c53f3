//! Errors in spec files, reported as `specs/<file>:<line>:<col>: <message>` so
//! editors and humans jump straight to the offending value.

use std::fmt;
use std::ops::Range;

/// One spec file's text, kept to turn byte spans into line and column.
#[derive(Debug, Clone)]
pub struct Source {
    /// Path as shown in messages, e.g. `specs/xep-0085-chat-states.toml`.
    pub display: String,
    pub text: String,
}

impl Source {
    /// 1-based line and column (in characters) of a byte offset.
    pub fn position(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.text.len());
        let before = &self.text[..offset];
        let line = before.matches('\n').count() + 1;
        let line_start = before.rfind('\n').map_or(0, |i| i + 1);
        let col = before[line_start..].chars().count() + 1;
        (line, col)
    }

    /// The place of `span`, for errors found once every spec is read.
    pub fn site(&self, span: Range<usize>) -> Site {
        let (line, col) = self.position(span.start);
        Site {
            file: self.display.clone(),
            line,
            col,
        }
    }

    pub fn error(&self, span: Range<usize>, message: impl Into<String>) -> SpecError {
        let (line, col) = self.position(span.start);
        SpecError {
            file: self.display.clone(),
            line,
            col,
            message: message.into(),
        }
    }
}

/// A problem in a spec, with its place in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SpecError {
    pub file: String,
    pub line: usize,
    pub col: usize,
    pub message: String,
}

impl fmt::Display for SpecError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{}:{}:{}: {}",
            self.file, self.line, self.col, self.message
        )
    }
}

impl std::error::Error for SpecError {}

/// A place in a spec file, kept in the model for checks that need every spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Site {
    pub file: String,
    pub line: usize,
    pub col: usize,
}

impl Site {
    pub fn error(&self, message: impl Into<String>) -> SpecError {
        SpecError {
            file: self.file.clone(),
            line: self.line,
            col: self.col,
            message: message.into(),
        }
    }
}
