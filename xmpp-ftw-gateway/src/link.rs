//! The seam between a browser session and its XMPP connection.
//!
//! A session never touches sockets, TLS or SASL itself. On `xmpp.login` it hands a
//! [`LoginRequest`] to a [`Connector`]; the connector opens the stream, authenticates,
//! binds a resource and answers with a [`Link`]: the bound full JID plus two bounded
//! channels.
//!
//! ```text
//! session ──to_xmpp: Sender<String> (stanza XML)──────────▶ XMPP client ──▶ server
//! session ◀──from_xmpp: Receiver<LinkEvent> (Stanza/Closed)── XMPP client ◀── server
//! ```
//!
//! The contract the XMPP client implements (its end is a [`LinkEnd`], made with
//! [`Link::pair`]):
//!
//! - every `String` received on [`LinkEnd::from_session`] is one complete stanza,
//!   written with the runtime's escaping writer, to be sent as is;
//! - every first-level stanza (`message`, `presence`, `iq`) the server sends is pushed as
//!   [`LinkEvent::Stanza`] on [`LinkEnd::to_session`]; stream-level elements (features,
//!   SASL, `<stream:error/>`) stay inside the client;
//! - when the stream ends for any reason the client pushes [`LinkEvent::Closed`] (or
//!   simply drops `to_session`), and the session reports `connection/disconnected`;
//! - when [`LinkEnd::from_session`] yields `None` the session has logged out (or the
//!   browser went away): the client closes the stream (`</stream:stream>`) and the socket;
//! - the channels are bounded ([`LINK_QUEUE`]): a client that stops reading its socket
//!   while `to_session` is full gives backpressure all the way to the server.
//!
//! Login failures are [`LoginError`]s, reported to the browser as XMPP-FTW's `xmpp.error`
//! objects by [`LoginError::error_object`].

use serde_json::{Map, Value, json};
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;
use tokio::sync::mpsc;
use xmpp_ftw_runtime::xml::{Elem, Limits, NS_CLIENT, Tree, XmlError};

/// Capacity of each link channel, in stanzas.
pub const LINK_QUEUE: usize = 256;

/// A password, kept out of `Debug` output: the runtime client's own type, so the
/// gateway hands it over without copying the secret into another kind of string.
pub use xmpp_ftw_runtime::client::Password;

/// What a browser asked to log in with, checked and normalised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoginRequest {
    /// The bare JID to authenticate as (normalised); for anonymous logins the domain.
    pub jid: String,
    /// Empty for anonymous logins.
    pub password: Password,
    /// Host to connect to instead of resolving the JID's domain.
    pub host: Option<String>,
    pub port: Option<u16>,
    /// The resource to ask the server to bind (a resource in the login `jid` wins).
    pub resource: Option<String>,
    /// Register the account (XEP-0077) while connecting.
    pub register: bool,
    /// SASL ANONYMOUS.
    pub anonymous: bool,
}

impl LoginRequest {
    /// The XMPP domain the login is for.
    pub fn domain(&self) -> &str {
        self.jid.rsplit_once('@').map_or(&self.jid, |(_, d)| d)
    }

    /// Reads an `xmpp.login` payload (`anonymous = false`) or an `xmpp.login.anonymous`
    /// payload. The error is the `xmpp.error` object to report (`auth`/`client-error`,
    /// its `request` the payload without the password).
    pub fn from_payload(data: &Value, anonymous: bool) -> Result<LoginRequest, Value> {
        let refuse = |description: &str| login_client_error(description, data);
        let obj = match data {
            Value::Object(obj) => obj,
            _ if anonymous => return Err(refuse("Missing jid")),
            _ => return Err(refuse("Missing jid and/or password")),
        };
        let string = |key: &str| match obj.get(key) {
            Some(Value::String(s)) if !s.is_empty() => Some(s.as_str()),
            _ => None,
        };
        let optional_string = |key: &str| match obj.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) if s.is_empty() => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(_) => Err(refuse(&format!("'{key}' must be a string"))),
        };
        let host = optional_string("host")?;
        let mut resource = optional_string("resource")?;
        let port = match obj.get("port") {
            None | Some(Value::Null) => None,
            Some(v) => {
                let n = v
                    .as_u64()
                    .or_else(|| v.as_str().and_then(|s| s.parse::<u64>().ok()));
                match n.and_then(|n| u16::try_from(n).ok()).filter(|&n| n > 0) {
                    Some(n) => Some(n),
                    None => return Err(refuse("'port' must be an integer from 1 to 65535")),
                }
            }
        };
        let register = match obj.get("register") {
            None | Some(Value::Null) => false,
            Some(Value::Bool(b)) => *b,
            Some(_) => return Err(refuse("'register' must be a boolean")),
        };
        let invalid = || refuse("'jid' is not a valid JID");

        let (jid, password) = if anonymous {
            let Some(given) = string("jid") else {
                return Err(refuse("Missing jid"));
            };
            // `user@domain/resource` → the domain; the resource is kept unless one was given.
            let (rest, in_jid) = split_resource(given);
            let domain = rest.rsplit_once('@').map_or(rest, |(_, d)| d);
            if let Some(r) = in_jid {
                resource = Some(r.to_owned());
            }
            let bare = jid::BareJid::new(domain).map_err(|_| invalid())?;
            if bare.node().is_some() {
                return Err(invalid());
            }
            (bare.to_string(), Password::default())
        } else {
            let (Some(given), Some(password)) = (string("jid"), string("password")) else {
                return Err(refuse("Missing jid and/or password"));
            };
            let (rest, in_jid) = split_resource(given);
            if let Some(r) = in_jid {
                resource = Some(r.to_owned());
            }
            let bare = if rest.contains('@') {
                rest.to_owned()
            } else {
                match &host {
                    Some(host) => format!("{rest}@{host}"),
                    None => return Err(invalid()),
                }
            };
            let bare = jid::BareJid::new(&bare).map_err(|_| invalid())?;
            if bare.node().is_none() {
                return Err(invalid());
            }
            (bare.to_string(), Password::new(password))
        };
        if let Some(r) = &resource
            && jid::FullJid::new(&format!("{jid}/{r}")).is_err()
        {
            return Err(refuse("'resource' is not a valid resource"));
        }
        Ok(LoginRequest {
            jid,
            password,
            host,
            port,
            resource,
            register,
            anonymous,
        })
    }
}

fn split_resource(jid: &str) -> (&str, Option<&str>) {
    match jid.split_once('/') {
        Some((bare, res)) if !res.is_empty() => (bare, Some(res)),
        Some((bare, _)) => (bare, None),
        None => (jid, None),
    }
}

/// `{type: "auth", condition: "client-error", description, request}`, the request
/// being the login payload without its password.
pub fn login_client_error(description: &str, data: &Value) -> Value {
    let request = match data {
        Value::Object(obj) => {
            let mut obj = obj.clone();
            obj.remove("password");
            Value::Object(obj)
        }
        other => other.clone(),
    };
    let mut m = Map::new();
    m.insert("type".into(), Value::from("auth"));
    m.insert("condition".into(), Value::from("client-error"));
    m.insert("description".into(), Value::from(description));
    m.insert("request".into(), request);
    Value::Object(m)
}

/// `{type, condition, description}`, the shape of XMPP-FTW's connection-level errors.
pub fn connection_error(kind: &str, condition: &str, description: &str) -> Value {
    json!({"type": kind, "condition": condition, "description": description})
}

/// Why a login failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LoginError {
    /// SASL said no.
    AuthFailed,
    /// In-band registration (XEP-0077) during connect failed.
    RegistrationFailed,
    /// No connection could be made (DNS, TCP, TLS); the text says why.
    Unreachable(String),
    /// The gateway's policy refuses the domain or address.
    NotAllowed(String),
    Other(String),
}

impl LoginError {
    /// The `xmpp.error` object, as the original XMPP-FTW words it.
    pub fn error_object(&self) -> Value {
        match self {
            LoginError::AuthFailed => {
                connection_error("auth", "login-fail", "XMPP authentication fail")
            }
            LoginError::RegistrationFailed => {
                connection_error("auth", "registration-fail", "Registration error")
            }
            LoginError::Unreachable(why) | LoginError::NotAllowed(why) | LoginError::Other(why) => {
                connection_error("cancel", "unknown", why)
            }
        }
    }

    /// A short label for logs and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            LoginError::AuthFailed => "auth",
            LoginError::RegistrationFailed => "registration",
            LoginError::Unreachable(_) => "unreachable",
            LoginError::NotAllowed(_) => "not-allowed",
            LoginError::Other(_) => "other",
        }
    }
}

impl fmt::Display for LoginError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoginError::AuthFailed => f.write_str("authentication failed"),
            LoginError::RegistrationFailed => f.write_str("registration failed"),
            LoginError::Unreachable(why) => write!(f, "unreachable: {why}"),
            LoginError::NotAllowed(why) => write!(f, "not allowed: {why}"),
            LoginError::Other(why) => f.write_str(why),
        }
    }
}

impl std::error::Error for LoginError {}

/// What the XMPP side tells the session.
#[derive(Debug)]
pub enum LinkEvent {
    /// A first-level stanza from the server, parsed.
    Stanza(Tree),
    /// The stream ended; the text says why (for logs, not shown to the browser).
    Closed(String),
}

/// A logged-in XMPP session, as the browser session sees it.
#[derive(Debug)]
pub struct Link {
    /// The full JID the server bound.
    pub jid: String,
    /// Stanzas to send. Dropping it logs out.
    pub to_xmpp: mpsc::Sender<String>,
    pub from_xmpp: mpsc::Receiver<LinkEvent>,
}

/// The XMPP client's end of a [`Link`].
#[derive(Debug)]
pub struct LinkEnd {
    /// Stanzas the session wants sent; `None` means log out.
    pub from_session: mpsc::Receiver<String>,
    /// Stanzas (and the end of the stream) for the session.
    pub to_session: mpsc::Sender<LinkEvent>,
}

impl Link {
    /// A link for the bound `jid` and the client's end of it, both channels [`LINK_QUEUE`] deep.
    pub fn pair(jid: impl Into<String>) -> (Link, LinkEnd) {
        let (to_xmpp, from_session) = mpsc::channel(LINK_QUEUE);
        let (to_session, from_xmpp) = mpsc::channel(LINK_QUEUE);
        (
            Link {
                jid: jid.into(),
                to_xmpp,
                from_xmpp,
            },
            LinkEnd {
                from_session,
                to_session,
            },
        )
    }
}

/// The future a [`Connector`] returns.
pub type LoginFuture = Pin<Box<dyn Future<Output = Result<Link, LoginError>> + Send + 'static>>;

/// Opens XMPP sessions. The real one is the runtime's XMPP client (connect, STARTTLS,
/// SASL, bind, with the gateway's address policy); tests use [`FakeConnector`].
/// Any `Fn(LoginRequest) -> impl Future<Output = Result<Link, LoginError>>` is one.
pub trait Connector: Send + Sync + 'static {
    fn connect(&self, request: LoginRequest) -> LoginFuture;
}

impl<F, Fut> Connector for F
where
    F: Fn(LoginRequest) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<Link, LoginError>> + Send + 'static,
{
    fn connect(&self, request: LoginRequest) -> LoginFuture {
        Box::pin(self(request))
    }
}

/// A connector that refuses every login: what the gateway runs with until the XMPP
/// client is wired in.
#[derive(Debug, Clone, Default)]
pub struct Unavailable;

impl Connector for Unavailable {
    fn connect(&self, _request: LoginRequest) -> LoginFuture {
        Box::pin(async {
            Err(LoginError::Other(
                "XMPP connections are not available in this build".into(),
            ))
        })
    }
}

// ---------------------------------------------------------------------------------
// The fake, for tests.

/// Decides the fake server's answers to one stanza the session sent (XML texts,
/// parsed with the `jabber:client` default namespace before they are delivered).
pub type Responder = dyn Fn(Elem<'_>) -> Vec<String> + Send + Sync;

/// An in-memory [`Connector`] for tests: no network. Every login succeeds, except
/// with the password [`FakeConnector::WRONG_PASSWORD`] (`AuthFailed`) and, with
/// `register`, for the user `taken` (`RegistrationFailed`). Each session gets a
/// [`FakeConnection`] on [`FakeConnector::connections`], through which the test
/// sees every stanza the session sent and injects stanzas of its own; an optional
/// responder answers sent stanzas automatically.
#[derive(Clone)]
pub struct FakeConnector {
    shared: Arc<FakeShared>,
}

struct FakeShared {
    responder: Option<Arc<Responder>>,
    login_delay: Duration,
    connections: mpsc::Sender<FakeConnection>,
    anonymous_ids: AtomicU64,
}

impl fmt::Debug for FakeConnector {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FakeConnector")
            .field("login_delay", &self.shared.login_delay)
            .finish_non_exhaustive()
    }
}

/// One logged-in fake session, as the test sees it.
#[derive(Debug)]
pub struct FakeConnection {
    pub request: LoginRequest,
    /// The full JID the fake bound.
    pub jid: String,
    /// Every stanza the session sent, in order (1024 deep; excess is dropped).
    pub sent: mpsc::Receiver<String>,
    /// Pushes events to the session as if the server sent them.
    pub inject: mpsc::Sender<LinkEvent>,
}

impl FakeConnection {
    /// The next stanza the session sent, or `None` once the session logged out.
    pub async fn next_sent(&mut self) -> Option<String> {
        self.sent.recv().await
    }

    /// Delivers `xml` (one stanza, `jabber:client` by default) to the session, as if the
    /// server sent it. A session that is gone already is not an error.
    pub async fn inject_xml(&self, xml: &str) -> Result<(), XmlError> {
        let tree = Tree::parse(xml, NS_CLIENT, &Limits::default())?;
        let _ = self.inject.send(LinkEvent::Stanza(tree)).await;
        Ok(())
    }

    /// Ends the fake stream, as a server closing the connection would.
    pub async fn close(&self, reason: &str) {
        let _ = self.inject.send(LinkEvent::Closed(reason.to_owned())).await;
    }
}

impl FakeConnector {
    /// The password the fake refuses.
    pub const WRONG_PASSWORD: &'static str = "wrong";

    /// A fake with no responder; the receiver yields each session's [`FakeConnection`].
    pub fn new() -> (FakeConnector, mpsc::Receiver<FakeConnection>) {
        Self::build(None, Duration::ZERO)
    }

    /// A fake whose server answers each stanza the session sends with `responder`'s
    /// stanzas (e.g. an `<iq type='result'/>` for a roster get). Return `vec![]` for none.
    pub fn with_responder(
        responder: impl Fn(Elem<'_>) -> Vec<String> + Send + Sync + 'static,
    ) -> (FakeConnector, mpsc::Receiver<FakeConnection>) {
        Self::build(Some(Arc::new(responder)), Duration::ZERO)
    }

    /// The same fake, taking `delay` to log in (to test logins in progress).
    pub fn with_login_delay(self, delay: Duration) -> FakeConnector {
        FakeConnector {
            shared: Arc::new(FakeShared {
                responder: self.shared.responder.clone(),
                login_delay: delay,
                connections: self.shared.connections.clone(),
                anonymous_ids: AtomicU64::new(0),
            }),
        }
    }

    fn build(
        responder: Option<Arc<Responder>>,
        login_delay: Duration,
    ) -> (FakeConnector, mpsc::Receiver<FakeConnection>) {
        let (tx, rx) = mpsc::channel(64);
        (
            FakeConnector {
                shared: Arc::new(FakeShared {
                    responder,
                    login_delay,
                    connections: tx,
                    anonymous_ids: AtomicU64::new(0),
                }),
            },
            rx,
        )
    }
}

impl Connector for FakeConnector {
    fn connect(&self, request: LoginRequest) -> LoginFuture {
        let shared = self.shared.clone();
        Box::pin(async move {
            if !shared.login_delay.is_zero() {
                tokio::time::sleep(shared.login_delay).await;
            }
            if request.password.expose() == FakeConnector::WRONG_PASSWORD {
                return Err(LoginError::AuthFailed);
            }
            if request.register && request.jid.starts_with("taken@") {
                return Err(LoginError::RegistrationFailed);
            }
            let resource = request.resource.clone().unwrap_or_else(|| "fake".into());
            let bare = if request.anonymous {
                let n = shared.anonymous_ids.fetch_add(1, Ordering::Relaxed);
                format!("anon{n}@{}", request.jid)
            } else {
                request.jid.clone()
            };
            let jid = format!("{bare}/{resource}");
            let (link, end) = Link::pair(jid.clone());
            let (sent_tx, sent_rx) = mpsc::channel(1024);
            let connection = FakeConnection {
                request,
                jid,
                sent: sent_rx,
                inject: end.to_session.clone(),
            };
            // A test that does not collect connections simply does not see them.
            let _ = shared.connections.try_send(connection);
            tokio::spawn(fake_server(end, sent_tx, shared.responder.clone()));
            Ok(link)
        })
    }
}

async fn fake_server(
    mut end: LinkEnd,
    sent: mpsc::Sender<String>,
    responder: Option<Arc<Responder>>,
) {
    while let Some(xml) = end.from_session.recv().await {
        let replies = match (&responder, Tree::parse(&xml, NS_CLIENT, &Limits::default())) {
            (Some(responder), Ok(tree)) => responder(tree.root()),
            _ => Vec::new(),
        };
        let _ = sent.try_send(xml);
        for reply in replies {
            match Tree::parse(&reply, NS_CLIENT, &Limits::default()) {
                Ok(tree) => {
                    if end.to_session.send(LinkEvent::Stanza(tree)).await.is_err() {
                        return;
                    }
                }
                Err(e) => tracing::error!(error = %e, "fake responder wrote malformed XML"),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_never_show_in_debug_output() {
        let req = LoginRequest::from_payload(
            &json!({"jid": "romeo@montague.lit", "password": "s3cret"}),
            false,
        )
        .expect("valid login");
        let text = format!("{req:?}");
        assert!(!text.contains("s3cret"), "{text}");
        assert!(text.contains("***"), "{text}");
        assert_eq!(req.password.expose(), "s3cret");
    }

    #[test]
    fn login_payloads_are_read_as_the_original_did() {
        let r = LoginRequest::from_payload(
            &json!({"jid": "Romeo@Montague.lit/orchard", "password": "p", "resource": "x",
                    "port": 5223, "register": true}),
            false,
        )
        .expect("valid");
        assert_eq!(r.jid, "romeo@montague.lit");
        assert_eq!(r.resource.as_deref(), Some("orchard"));
        assert_eq!(r.port, Some(5223));
        assert!(r.register);
        assert_eq!(r.domain(), "montague.lit");

        let r = LoginRequest::from_payload(
            &json!({"jid": "romeo", "password": "p", "host": "montague.lit"}),
            false,
        )
        .expect("valid");
        assert_eq!(r.jid, "romeo@montague.lit");
        assert_eq!(r.host.as_deref(), Some("montague.lit"));

        let r = LoginRequest::from_payload(&json!({"jid": "x@anon.lit/res"}), true).expect("ok");
        assert_eq!(r.jid, "anon.lit");
        assert_eq!(r.resource.as_deref(), Some("res"));
        assert!(r.anonymous);
    }

    #[test]
    fn login_errors_do_not_echo_the_password() {
        for payload in [
            json!({"password": "s3cret"}),
            json!({"jid": "romeo@montague.lit"}),
            json!({"jid": "", "password": "s3cret"}),
        ] {
            let err = LoginRequest::from_payload(&payload, false).expect_err("refused");
            assert_eq!(err["type"], "auth");
            assert_eq!(err["condition"], "client-error");
            assert_eq!(err["description"], "Missing jid and/or password");
            assert!(!err.to_string().contains("s3cret"), "{err}");
        }
        let err = LoginRequest::from_payload(
            &json!({"jid": "no-domain", "password": "s3cret", "port": 70000}),
            false,
        )
        .expect_err("refused");
        assert_eq!(
            err["description"],
            "'port' must be an integer from 1 to 65535"
        );
        let err = LoginRequest::from_payload(&json!({"jid": "no-domain", "password": "s"}), false)
            .expect_err("refused");
        assert_eq!(err["description"], "'jid' is not a valid JID");
    }

    #[test]
    fn login_errors_map_to_the_catalogue() {
        let cases = [
            (
                LoginError::AuthFailed,
                "auth",
                "login-fail",
                "XMPP authentication fail",
            ),
            (
                LoginError::RegistrationFailed,
                "auth",
                "registration-fail",
                "Registration error",
            ),
            (
                LoginError::Unreachable("refused".into()),
                "cancel",
                "unknown",
                "refused",
            ),
            (
                LoginError::NotAllowed("nope".into()),
                "cancel",
                "unknown",
                "nope",
            ),
            (LoginError::Other("odd".into()), "cancel", "unknown", "odd"),
        ];
        for (err, kind, condition, description) in cases {
            assert_eq!(
                err.error_object(),
                json!({"type": kind, "condition": condition, "description": description})
            );
        }
    }
}
