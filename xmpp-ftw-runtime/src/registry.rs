//! The event registry, generated at compile time from every spec in `specs/`, plus
//! the deployer's own spec folders listed in `XMPP_FTW_SPECS` when the crate is
//! built (`docs/writing-a-spec.md`).
//!
//! - [`outgoing`]: browser event → stanza (or the client error);
//! - [`incoming`]: stanza → event, by the specs' match rules;
//! - [`encode`] / [`decode`]: one event's translators, for tests and tools;
//! - [`pending_iq`], [`decode_stanza_error`]: IQ replies;
//! - [`CATALOG`], [`FEATURES`]: what the specs define.

xmpp_ftw_macros::include_specs!(
    dir = "../specs",
    extra_env = "XMPP_FTW_SPECS",
    hooks = crate::hooks
);
