//! The incremental reader of an XMPP stream (RFC 6120 §4).
//!
//! An XMPP connection carries one XML document that is never closed until the session
//! ends: `<stream:stream ...>` whose direct children are the stanzas (`<message/>`,
//! `<presence/>`, `<iq/>`) and the stream-level elements (`<stream:features/>`,
//! `<stream:error/>`, STARTTLS `<proceed/>`, SASL `<challenge/>`/`<success/>`…). Bytes
//! come off a TCP or TLS socket in whatever chunks the network chose, so a stanza can be
//! split anywhere, inside a tag or a UTF-8 sequence.
//!
//! [`StreamReader`] turns those bytes into [`StreamEvent`]s: the stream header
//! ([`StreamEvent::Open`]), each first-level child as a complete namespace-aware
//! [`Tree`](crate::xml::Tree) ([`StreamEvent::Element`]) and the closing tag
//! ([`StreamEvent::Close`]). The connection code drives it and hands each element on:
//!
//! ```text
//! socket ──bytes──▶ StreamReader ──Element(Tree)──▶ registry::incoming ──JSON──▶ browser
//! ```
//!
//! How it works: a small resumable scanner follows the markup (tags, quoted attribute
//! values, comments, CDATA) only far enough to know where each first-level element ends,
//! remembering its position so bytes arriving one at a time cost no rescans. The exact
//! bytes of that element are then handed to [`Tree::parse`](crate::xml::Tree::parse),
//! which does the strict XML work, with the stream's default namespace and any prefix the
//! header declared (`stream:`) put in scope.
//!
//! The reader is the gateway's first contact with whatever a server sends, so limits
//! ([`StreamConfig`]) are enforced while bytes are still arriving: an element that keeps
//! growing is cut off as soon as it passes the size limit, not when (if ever) it ends.
//! Errors ([`StreamError`]) name the `<stream:error/>` condition to answer with.
//!
//! The core ([`StreamReader::push`] / [`StreamReader::next_event`]) is synchronous and
//! free of I/O, for tests and fuzzing; [`StreamReader::read_event`] is the async adapter
//! over any tokio `AsyncRead`.

mod error;
mod reader;
#[cfg(test)]
mod tests;

pub use error::{Limit, StreamError};
pub use reader::StreamReader;

use crate::xml::{Elem, NS_CLIENT, Tree};

/// The namespace of `<stream:stream>`, `<stream:features>` and `<stream:error>`.
pub const NS_STREAM: &str = "http://etherx.jabber.org/streams";

/// Bounds on what a peer may make the reader hold or parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StreamConfig {
    /// Largest first-level element (and largest stream header), in bytes. Checked while
    /// the element is still arriving. Default 256 KiB.
    pub max_stanza_bytes: usize,
    /// Deepest element nesting inside a stanza; the stanza itself is at depth 1.
    /// Default 48.
    pub max_depth: usize,
    /// Most attributes on one element, namespace declarations included. Default 64.
    pub max_attributes: usize,
    /// Most bytes held at once: the element being read plus anything pushed but not yet
    /// taken out as events. Default 1 MiB.
    pub max_buffered_bytes: usize,
    /// Whether XML comments are skipped (`true`, the default) or rejected as
    /// `restricted-xml`, as RFC 6120 §11.1 lets a strict receiver do.
    pub allow_comments: bool,
}

impl Default for StreamConfig {
    fn default() -> Self {
        Self {
            max_stanza_bytes: 256 * 1024,
            max_depth: 48,
            max_attributes: 64,
            max_buffered_bytes: 1024 * 1024,
            allow_comments: true,
        }
    }
}

/// What the reader produced.
#[derive(Debug, Clone)]
pub enum StreamEvent {
    /// The stream header `<stream:stream ...>` was read (again after each restart).
    Open(StreamHeader),
    /// One complete first-level element: a stanza or a stream-level element.
    Element(StreamElement),
    /// `</stream:stream>`: the peer ended the stream.
    Close,
}

/// The attributes of a stream header, unescaped.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StreamHeader {
    pub id: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub version: Option<String>,
    /// `xml:lang`.
    pub lang: Option<String>,
    /// The default namespace of the stream's content (`xmlns`), normally `jabber:client`;
    /// [`NS_CLIENT`] when the header declares none.
    pub default_ns: String,
    /// The other namespace declarations of the header as `(prefix, uri)`, normally just
    /// `("stream", NS_STREAM)`. They stay in scope for every element of the stream.
    pub prefixes: Vec<(String, String)>,
}

impl StreamHeader {
    fn empty() -> Self {
        Self {
            default_ns: NS_CLIENT.to_owned(),
            ..Self::default()
        }
    }
}

/// One first-level element of the stream.
#[derive(Debug, Clone)]
pub struct StreamElement {
    /// The parsed element, namespaces resolved as in the stream.
    pub tree: Tree,
    /// The exact text the peer sent for it, for logs and debugging.
    pub raw: String,
}

impl StreamElement {
    /// The element itself.
    pub fn root(&self) -> Elem<'_> {
        self.tree.root()
    }
}
