//! The XMPP-FTW gateway as a library: the browser wire protocol
//! ([`protocol`]) and, as the gateway issue progresses, the per-socket session,
//! the XMPP connection handling, configuration and the HTTP/WebSocket server.
//! `main.rs` is the command-line entry point.

pub mod config;
pub mod protocol;
