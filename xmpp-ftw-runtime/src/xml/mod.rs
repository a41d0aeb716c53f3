//! Namespace-aware stanza trees and the escaping XML writer.
mod scan;
mod tree;
mod writer;
pub(crate) use scan::{bytes_control, bytes_eq, scan};
pub use tree::*;
pub use writer::*;

/// The namespace of `xml:lang`.
pub const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";
/// The default namespace of a client-to-server stream.
pub const NS_CLIENT: &str = "jabber:client";
