//! The XMPP-FTW runtime: everything the generated translators stand on, and the
//! translators themselves.
//!
//! XMPP-FTW lets browsers speak JSON events (`xmpp.chat.message {to, content}`)
//! while the gateway speaks XMPP. Each protocol is a TOML spec in `specs/`;
//! `xmpp-ftw-macros` reads them all and generates, inside [`registry`], one
//! JSON→XML and one XML→JSON translator per event and direction, the dispatch
//! functions and a catalogue of every event. This crate provides what that
//! generated code calls:
//!
//! - [`xml`]: a namespace-aware stanza tree parsed with quick-xml under hard
//!   limits, and the escaping writer every stanza is written through;
//! - [`json_in`] / [`json_out`]: typed reading of browser payloads with the
//!   exact client-error texts of [`error`], and direct JSON text output;
//! - [`forms`]: XEP-0004 data forms (the `data_form` type);
//! - [`xhtml`]: the XEP-0071 sanitiser; [`datetime`]: XEP-0082 checks;
//! - [`stream`]: the incremental reader that cuts an XMPP stream from the socket
//!   into its header and first-level elements, each parsed as an [`xml`] tree;
//! - [`client`]: the XMPP client connection (SRV, STARTTLS, SASL, registration,
//!   binding) with the gateway's address policy, then bounded stanza channels;
//! - [`session`]: per-session state; [`hooks`]: the few stateful behaviours
//!   specs name instead of declaring;
//! - [`translate`]: what the registry hands to the gateway;
//! - [`catalog`]: the event catalogue and the renderers of the manual, JSON
//!   Schema and TypeScript declarations.
//!
//! The gateway (`xmpp-ftw-gateway`) owns connections and WebSockets and calls
//! [`registry::outgoing`] and [`registry::incoming`].

// The generated code names this crate by its absolute path, as it would from outside.
extern crate self as xmpp_ftw_runtime;

pub mod catalog;
pub mod client;
pub mod datetime;
pub mod digest;
pub mod error;
pub mod forms;
pub mod hooks;
pub mod json_in;
pub mod json_out;
pub mod registry;
pub mod session;
pub mod stream;
pub mod translate;
pub mod xhtml;
pub mod xml;

// Generated code reaches serde_json through the runtime, so crates invoking
// the generator need no dependency of their own.
pub use serde_json;
