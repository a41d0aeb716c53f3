//! Resource binding (RFC 6120 §7) and the legacy session request (RFC 3921 §3), sent
//! only when a server still advertises `<session/>` without `<optional/>`.

use super::negotiate::{Negotiator, stanza_error};
use super::{ConnectError, NS_BIND, NS_SESSION};
use crate::stream::StreamElement;
use crate::xml::{NS_CLIENT, XmlWriter};

const BIND_ID: &str = "ftw-bind-1";
const SESSION_ID: &str = "ftw-session-1";

/// Binds `resource` (or one the server picks); returns the full JID.
pub(crate) async fn bind(
    xmpp: &mut Negotiator,
    features: &StreamElement,
    resource: Option<&str>,
) -> Result<String, ConnectError> {
    if features.root().child(NS_BIND, "bind").is_none() {
        return Err(ConnectError::Protocol(format!(
            "{} offers no resource binding",
            xmpp.domain()
        )));
    }
    xmpp.set_authenticated();
    let mut w = XmlWriter::new(NS_CLIENT);
    w.start("iq", NS_CLIENT);
    w.attr("type", "set");
    w.attr("id", BIND_ID);
    w.start("bind", NS_BIND);
    if let Some(resource) = resource {
        w.start("resource", NS_BIND);
        w.text(resource);
        w.end();
    }
    w.end();
    w.end();
    let answer = xmpp.iq(&w.into_string(), BIND_ID).await?;
    let root = answer.root();
    if root.attr("type") == Some("error") {
        return Err(ConnectError::Protocol(format!(
            "binding a resource failed: {}",
            stanza_error(root)
        )));
    }
    let jid = root
        .child(NS_BIND, "bind")
        .and_then(|b| b.child(NS_BIND, "jid"))
        .map(|j| j.text().trim().to_owned())
        .unwrap_or_default();
    match jid::FullJid::new(&jid) {
        Ok(full) => Ok(full.to_string()),
        Err(e) => Err(ConnectError::Protocol(format!(
            "the server bound an invalid JID {jid:?}: {e}"
        ))),
    }
}

/// The RFC 3921 session request, when the features still require it.
pub(crate) async fn session_if_required(
    xmpp: &mut Negotiator,
    features: &StreamElement,
) -> Result<(), ConnectError> {
    let Some(session) = features.root().child(NS_SESSION, "session") else {
        return Ok(());
    };
    if session.child(NS_SESSION, "optional").is_some() {
        return Ok(());
    }
    let mut w = XmlWriter::new(NS_CLIENT);
    w.start("iq", NS_CLIENT);
    w.attr("type", "set");
    w.attr("id", SESSION_ID);
    w.start("session", NS_SESSION);
    w.end();
    w.end();
    let answer = xmpp.iq(&w.into_string(), SESSION_ID).await?;
    if answer.root().attr("type") == Some("error") {
        return Err(ConnectError::Protocol(format!(
            "establishing the session failed: {}",
            stanza_error(answer.root())
        )));
    }
    Ok(())
}
