//! SASL authentication (RFC 6120 §6) through rsasl: the mechanism choice, and the
//! `<auth/>`, `<challenge/>`, `<response/>`, `<success/>`/`<failure/>` exchange. No
//! cryptography here: SCRAM (nonces, SASLprep, PBKDF2, the server signature check) is
//! rsasl's.

use rsasl::prelude::{Mechname, SASLClient, SASLConfig, State};

use super::negotiate::Negotiator;
use super::{ConnectError, Login, NS_SASL, Password};
use crate::stream::StreamElement;
use crate::xml::{NS_CLIENT, XmlWriter};

/// Password mechanisms in order of preference. PLAIN only where the password cannot be
/// read on the way (TLS) or does not leave the machine (loopback).
const PREFERRED: [&str; 3] = ["SCRAM-SHA-256", "SCRAM-SHA-1", "PLAIN"];

/// Authenticates; returns the mechanism used.
pub(crate) async fn authenticate(
    xmpp: &mut Negotiator,
    features: &StreamElement,
    login: &Login,
    password: &Password,
    plain_ok: bool,
) -> Result<&'static str, ConnectError> {
    let offered: Vec<String> = features
        .root()
        .child(NS_SASL, "mechanisms")
        .map(|m| {
            m.children_named(NS_SASL, "mechanism")
                .map(|e| e.text().trim().to_owned())
                .collect()
        })
        .unwrap_or_default();
    let Some(node) = &login.node else {
        if !offered.iter().any(|m| m == "ANONYMOUS") {
            return Err(ConnectError::Protocol(format!(
                "{} does not offer anonymous logins (SASL mechanisms: {})",
                xmpp.domain(),
                offered.join(", ")
            )));
        }
        anonymous(xmpp).await?;
        return Ok("ANONYMOUS");
    };
    let Some(mechanism) = choose(&offered, plain_ok) else {
        let mut why = format!(
            "no usable SASL mechanism offered by {} ({})",
            xmpp.domain(),
            if offered.is_empty() {
                "none".to_owned()
            } else {
                offered.join(", ")
            }
        );
        if offered.iter().any(|m| m == "PLAIN") {
            why.push_str("; PLAIN is refused without TLS");
        }
        return Err(ConnectError::Protocol(why));
    };
    tracing::debug!(mechanism, "SASL");
    exchange(xmpp, mechanism, node, password).await?;
    Ok(mechanism)
}

/// The preferred mechanism the server offers.
pub(crate) fn choose(offered: &[String], plain_ok: bool) -> Option<&'static str> {
    PREFERRED
        .into_iter()
        .filter(|m| plain_ok || *m != "PLAIN")
        .find(|m| offered.iter().any(|o| o == m))
}

async fn exchange(
    xmpp: &mut Negotiator,
    mechanism: &'static str,
    node: &str,
    password: &Password,
) -> Result<(), ConnectError> {
    let sasl_error =
        |e: &dyn std::fmt::Display| ConnectError::Protocol(format!("SASL {mechanism}: {e}"));
    let config = SASLConfig::with_credentials(None, node.to_owned(), password.expose().to_owned())
        .map_err(|e| sasl_error(&e))?;
    let name = Mechname::parse(mechanism.as_bytes()).map_err(|e| sasl_error(&e))?;
    let mut session = SASLClient::new(config)
        .start_suggested(&[name])
        .map_err(|e| sasl_error(&e))?;

    let mut out: Vec<u8> = Vec::new();
    let mut state = State::Running;
    let initial = if session.are_we_first() {
        state = session.step64(None, &mut out).map_err(|e| sasl_error(&e))?;
        Some(text_of(&out, mechanism)?)
    } else {
        None
    };
    xmpp.send(&auth(mechanism, initial.as_deref())).await?;

    loop {
        let answer = xmpp.next().await?;
        let root = answer.root();
        if root.is(NS_SASL, "challenge") {
            if !state.is_running() {
                return Err(ConnectError::Protocol(format!(
                    "SASL {mechanism}: a challenge after the exchange finished"
                )));
            }
            out.clear();
            state = session
                .step64(Some(payload(&root.text())), &mut out)
                .map_err(|e| sasl_error(&e))?;
            xmpp.send(&response(&text_of(&out, mechanism)?)).await?;
        } else if root.is(NS_SASL, "success") {
            let data = root.text();
            let data = payload(&data);
            if state.is_running() {
                // The server's final message (SCRAM's `v=`, the proof that it knows
                // the password) comes with <success/>; rsasl checks it.
                out.clear();
                let input = if data.is_empty() { None } else { Some(data) };
                state = session
                    .step64(input, &mut out)
                    .map_err(|e| sasl_error(&e))?;
            }
            if state.is_running() {
                return Err(ConnectError::Protocol(format!(
                    "SASL {mechanism}: success before the exchange finished"
                )));
            }
            return Ok(());
        } else if root.is(NS_SASL, "failure") {
            let condition = root
                .children()
                .find(|c| c.ns() == NS_SASL && c.name() != "text")
                .map_or("", |c| c.name());
            tracing::debug!(mechanism, condition, "SASL failure");
            return Err(ConnectError::AuthFailed);
        } else {
            return Err(ConnectError::Protocol(format!(
                "SASL {mechanism}: unexpected <{}/>",
                root.name()
            )));
        }
    }
}

/// ANONYMOUS (RFC 4505) without a trace token: nothing to compute.
async fn anonymous(xmpp: &mut Negotiator) -> Result<(), ConnectError> {
    xmpp.send(&auth("ANONYMOUS", None)).await?;
    loop {
        let answer = xmpp.next().await?;
        let root = answer.root();
        if root.is(NS_SASL, "challenge") {
            xmpp.send(&response("")).await?;
        } else if root.is(NS_SASL, "success") {
            return Ok(());
        } else if root.is(NS_SASL, "failure") {
            return Err(ConnectError::AuthFailed);
        } else {
            return Err(ConnectError::Protocol(format!(
                "SASL ANONYMOUS: unexpected <{}/>",
                root.name()
            )));
        }
    }
}

/// The base64 payload of a SASL element; `=` is the empty payload (RFC 6120 §6.4.2).
fn payload(text: &str) -> &[u8] {
    let t = text.trim();
    if t == "=" { b"" } else { t.as_bytes() }
}

/// rsasl's base64 output as text; an empty initial response is written `=`.
fn text_of(out: &[u8], mechanism: &str) -> Result<String, ConnectError> {
    if out.is_empty() {
        return Ok("=".to_owned());
    }
    String::from_utf8(out.to_vec())
        .map_err(|_| ConnectError::Protocol(format!("SASL {mechanism}: non-ASCII base64")))
}

/// `<auth xmlns='…sasl' mechanism='M'>initial</auth>`.
fn auth(mechanism: &str, initial: Option<&str>) -> String {
    let mut w = XmlWriter::new(NS_CLIENT);
    w.start("auth", NS_SASL);
    w.attr("mechanism", mechanism);
    if let Some(initial) = initial {
        w.text(initial);
    }
    w.end();
    w.into_string()
}

/// `<response xmlns='…sasl'>data</response>`; `=` stands for an empty response.
fn response(data: &str) -> String {
    let mut w = XmlWriter::new(NS_CLIENT);
    w.start("response", NS_SASL);
    if data != "=" {
        w.text(data);
    }
    w.end();
    w.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offered(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn mechanisms_are_chosen_by_preference() {
        let all = offered(&["PLAIN", "SCRAM-SHA-1", "SCRAM-SHA-256", "SCRAM-SHA-1-PLUS"]);
        assert_eq!(choose(&all, true), Some("SCRAM-SHA-256"));
        let sha1 = offered(&["PLAIN", "SCRAM-SHA-1"]);
        assert_eq!(choose(&sha1, false), Some("SCRAM-SHA-1"));
        let plain = offered(&["PLAIN"]);
        assert_eq!(choose(&plain, true), Some("PLAIN"));
        assert_eq!(choose(&plain, false), None);
        assert_eq!(choose(&offered(&["DIGEST-MD5"]), true), None);
    }

    #[test]
    fn sasl_elements_are_written_escaped() {
        assert_eq!(
            auth("SCRAM-SHA-1", Some("biws")),
            "<auth xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\" mechanism=\"SCRAM-SHA-1\">biws</auth>"
        );
        assert_eq!(
            auth("ANONYMOUS", None),
            "<auth xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\" mechanism=\"ANONYMOUS\"/>"
        );
        assert_eq!(
            response("="),
            "<response xmlns=\"urn:ietf:params:xml:ns:xmpp-sasl\"/>"
        );
        assert_eq!(payload(" = "), b"");
    }
}
