//! The XMPP-FTW gateway as a library.
//!
//! Browsers open a WebSocket at `/ws` and exchange JSON events (`docs/protocol.md`);
//! the gateway keeps one XMPP session per socket and translates both ways with the
//! registry generated in `xmpp-ftw-runtime`.
//!
//! - [`protocol`]: the browser wire format (frames, callbacks, client errors);
//! - [`config`]: flags and TOML configuration, with the address/domain/origin policy;
//! - [`connector`]: [`connector::RealConnector`], the runtime's XMPP client behind the
//!   address policy;
//! - [`link`]: the seam to the XMPP side — [`link::Connector`] turns a
//!   [`link::LoginRequest`] into a [`link::Link`] (the bound JID and two bounded
//!   channels); [`link::FakeConnector`] is the in-memory one for tests;
//! - [`session`]: one task per WebSocket — login/logout, events through the registry,
//!   IQ callbacks with timeouts and the reply-origin guard, rate limits, backpressure;
//! - [`server`]: the hyper listener (`/ws`, `/healthz`, `/metrics`) and graceful shutdown;
//! - [`metrics`]: the Prometheus counters;
//! - [`pages`]: `/manual`, `/demo`, `/client.js` and the chat example, embedded.
//!
//! `main.rs` is the command-line entry point.

pub mod config;
pub mod connector;
pub mod link;
pub mod metrics;
pub mod pages;
pub mod protocol;
pub mod server;
pub mod session;
pub mod socketio;
