//! In-band registration (XEP-0077) before authentication: one
//! `<iq type='set'><query xmlns='jabber:iq:register'>` with the username and password.

use super::negotiate::{Negotiator, stanza_error};
use super::{ConnectError, Login, NS_REGISTER, Password};
use crate::xml::{NS_CLIENT, XmlWriter};

const REGISTER_ID: &str = "ftw-register-1";

/// Creates the account `login.node` with `password` (the request is never logged).
pub(crate) async fn register(
    xmpp: &mut Negotiator,
    login: &Login,
    password: &Password,
) -> Result<(), ConnectError> {
    let Some(node) = login.node.as_deref() else {
        return Err(ConnectError::RegistrationFailed(
            "an account needs a user name".to_owned(),
        ));
    };
    if password.is_empty() {
        return Err(ConnectError::RegistrationFailed(
            "an account needs a password".to_owned(),
        ));
    }
    let mut w = XmlWriter::new(NS_CLIENT);
    w.start("iq", NS_CLIENT);
    w.attr("type", "set");
    w.attr("id", REGISTER_ID);
    w.start("query", NS_REGISTER);
    w.start("username", NS_REGISTER);
    w.text(node);
    w.end();
    w.start("password", NS_REGISTER);
    w.text(password.expose());
    w.end();
    w.end();
    w.end();
    let request = w.into_string();
    let answer = xmpp.iq(&request, REGISTER_ID).await?;
    let root = answer.root();
    if root.attr("type") == Some("error") {
        let why = stanza_error(root);
        tracing::debug!(user = node, %why, "registration refused");
        return Err(ConnectError::RegistrationFailed(why));
    }
    tracing::debug!(user = node, "account registered");
    Ok(())
}
