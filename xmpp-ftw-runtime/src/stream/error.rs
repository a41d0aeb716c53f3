//! Why a stream was given up, with the `<stream:error/>` condition to answer with.

use std::fmt;

/// Which limit of [`StreamConfig`](super::StreamConfig) the peer went past.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Limit {
    /// `max_stanza_bytes`.
    StanzaBytes,
    /// `max_depth`.
    Depth,
    /// `max_attributes`.
    Attributes,
    /// `max_buffered_bytes`.
    BufferedBytes,
}

impl fmt::Display for Limit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Limit::StanzaBytes => "stanza size",
            Limit::Depth => "element depth",
            Limit::Attributes => "attributes per element",
            Limit::BufferedBytes => "buffered bytes",
        })
    }
}

/// Why the reader stopped. Data errors are final: once one is returned the reader keeps
/// returning it, because the stream can no longer be followed.
#[derive(Debug)]
pub enum StreamError {
    /// The peer went past a limit; answer `<policy-violation/>`.
    PolicyViolation { limit: Limit, max: usize },
    /// The bytes are not well-formed XML (or not UTF-8); answer `<not-well-formed/>`.
    NotWellFormed(String),
    /// A DTD, entity declaration or reference, processing instruction (or comment, when
    /// those are refused); answer `<restricted-xml/>`.
    RestrictedXml(String),
    /// The stream header is not `<stream>` in [`NS_STREAM`](super::NS_STREAM); answer
    /// `<invalid-namespace/>`.
    InvalidNamespace(String),
    /// The connection reached end of file before `</stream:stream>` (possibly in the
    /// middle of an element).
    Closed,
    /// Reading from the connection failed.
    Io(std::io::Error),
}

impl StreamError {
    /// The RFC 6120 §4.9.3 condition to put in the `<stream:error/>` sent before closing,
    /// or `None` when the connection is already gone.
    pub fn condition(&self) -> Option<&'static str> {
        match self {
            StreamError::PolicyViolation { .. } => Some("policy-violation"),
            StreamError::NotWellFormed(_) => Some("not-well-formed"),
            StreamError::RestrictedXml(_) => Some("restricted-xml"),
            StreamError::InvalidNamespace(_) => Some("invalid-namespace"),
            StreamError::Closed | StreamError::Io(_) => None,
        }
    }

    /// A copy for a reader that keeps failing the same way (`io::Error` is not `Clone`).
    pub(super) fn replay(&self) -> StreamError {
        match self {
            StreamError::PolicyViolation { limit, max } => StreamError::PolicyViolation {
                limit: *limit,
                max: *max,
            },
            StreamError::NotWellFormed(m) => StreamError::NotWellFormed(m.clone()),
            StreamError::RestrictedXml(m) => StreamError::RestrictedXml(m.clone()),
            StreamError::InvalidNamespace(m) => StreamError::InvalidNamespace(m.clone()),
            StreamError::Closed => StreamError::Closed,
            StreamError::Io(e) => StreamError::Io(std::io::Error::new(e.kind(), e.to_string())),
        }
    }
}

impl fmt::Display for StreamError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StreamError::PolicyViolation { limit, max } => {
                write!(f, "policy violation: {limit} limit of {max} exceeded")
            }
            StreamError::NotWellFormed(m) => write!(f, "not well-formed: {m}"),
            StreamError::RestrictedXml(m) => write!(f, "restricted XML: {m}"),
            StreamError::InvalidNamespace(m) => write!(f, "invalid namespace: {m}"),
            StreamError::Closed => f.write_str("the connection was closed by the peer"),
            StreamError::Io(e) => write!(f, "reading from the connection failed: {e}"),
        }
    }
}

impl std::error::Error for StreamError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            StreamError::Io(e) => Some(e),
            _ => None,
        }
    }
}

impl From<std::io::Error> for StreamError {
    fn from(e: std::io::Error) -> Self {
        StreamError::Io(e)
    }
}
