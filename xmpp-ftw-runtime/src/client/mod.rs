//! The XMPP client connection (RFC 6120): from a login to a bound resource, then two
//! bounded channels carrying stanzas.
//!
//! [`connect`] does the whole negotiation under one deadline
//! ([`ConnectPolicy::timeout`]):
//!
//! 1. **Addresses**: `_xmpp-client._tcp.<domain>` SRV records in
//!    priority/weight order, falling back to the domain itself on port 5222; or the
//!    `host`/`port` the login names. Every address is put to
//!    [`ConnectPolicy::allow_address`] before any connection is opened, and a refused
//!    address is never connected to.
//! 2. **TCP** with `TCP_NODELAY`, then the stream header.
//! 3. **STARTTLS** whenever the server offers it; required unless the peer is on loopback
//!    and [`ConnectPolicy::allow_plain_tcp_to_loopback`]. rustls verifies the certificate
//!    against the system roots plus [`ConnectPolicy::extra_ca`], for the XMPP domain.
//! 4. **In-band registration** (XEP-0077) when [`LoginOptions::register`].
//! 5. **SASL** through rsasl: SCRAM-SHA-256, then SCRAM-SHA-1, then PLAIN (only over TLS
//!    or to a loopback server); ANONYMOUS when [`LoginOptions::anonymous`].
//! 6. **Resource binding**, and the legacy session request when a server still
//!    requires it.
//!
//! The [`Connection`] it returns is turned into channels with
//! [`Connection::into_channels`]: a reader task pushes every stanza the server sends as
//! [`ClientEvent::Stanza`] and ends with one [`ClientEvent::Closed`]; a writer task sends
//! each `String` it is given and closes the stream when the sender is dropped.
//!
//! ```text
//!            Sender<String> ──▶ writer task ──▶ ┐
//! gateway                                       ├─ TCP / TLS ── server
//!   Receiver<ClientEvent> ◀── reader task ◀──── ┘
//! ```
//!
//! All outgoing XML is written with [`XmlWriter`](crate::xml::XmlWriter); passwords are
//! never logged (see [`Password`]).

mod bind;
mod connect;
mod negotiate;
mod register;
mod sasl;
mod tasks;
mod tls;

use std::fmt;
use std::net::IpAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::sync::mpsc;

use crate::stream::{StreamElement, StreamReader};
use negotiate::Negotiator;
use tls::Transport;

/// TLS negotiation (`<starttls/>`, `<proceed/>`).
pub const NS_TLS: &str = "urn:ietf:params:xml:ns:xmpp-tls";
/// SASL negotiation.
pub const NS_SASL: &str = "urn:ietf:params:xml:ns:xmpp-sasl";
/// Resource binding.
pub const NS_BIND: &str = "urn:ietf:params:xml:ns:xmpp-bind";
/// Legacy session establishment (RFC 3921).
pub const NS_SESSION: &str = "urn:ietf:params:xml:ns:xmpp-session";
/// Stream error conditions.
pub const NS_STREAM_ERRORS: &str = "urn:ietf:params:xml:ns:xmpp-streams";
/// Stanza error conditions.
pub const NS_STANZA_ERRORS: &str = "urn:ietf:params:xml:ns:xmpp-stanzas";
/// In-band registration (XEP-0077).
pub const NS_REGISTER: &str = "jabber:iq:register";

/// The port of `_xmpp-client._tcp` when DNS has no SRV record (RFC 6120 §3.2.2).
pub const DEFAULT_PORT: u16 = 5222;

/// A password. `Debug` prints `***`, so it cannot reach a log line by accident.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Password(String);

impl Password {
    pub fn new(password: impl Into<String>) -> Self {
        Password(password.into())
    }

    /// The password itself, for SASL and registration only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl fmt::Debug for Password {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("***")
    }
}

impl From<&str> for Password {
    fn from(s: &str) -> Self {
        Password(s.to_owned())
    }
}

impl From<String> for Password {
    fn from(s: String) -> Self {
        Password(s)
    }
}

/// Who to log in as, and where.
#[derive(Debug, Clone, Default)]
pub struct LoginOptions {
    /// `user@domain`, `user@domain/resource`, or just `user` (the domain is then
    /// [`host`](Self::host)). For [`anonymous`](Self::anonymous) logins the domain
    /// (a local part, if any, is ignored).
    pub jid: String,
    /// Ignored for anonymous logins.
    pub password: Password,
    /// Host name or IP address to connect to instead of resolving the domain's SRV
    /// records. The certificate is still checked for the XMPP domain.
    pub host: Option<String>,
    /// Port to connect to (default 5222); given alone, the domain is connected to.
    pub port: Option<u16>,
    /// The resource to ask for; a resource in [`jid`](Self::jid) wins. `None` lets the
    /// server choose.
    pub resource: Option<String>,
    /// Create the account (XEP-0077 `jabber:iq:register`) before authenticating.
    pub register: bool,
    /// SASL ANONYMOUS instead of the password.
    pub anonymous: bool,
}

/// Decides whether the client may connect to an address: the gateway's rule against
/// being used as an open proxy into private networks. Gets the address and the host
/// name it was resolved from (`None` for an IP literal).
pub type AllowAddress = dyn Fn(IpAddr, Option<&str>) -> bool + Send + Sync;

/// What [`connect`] may do.
#[derive(Clone)]
pub struct ConnectPolicy {
    /// Checked for every resolved address before any connection is opened; refused
    /// addresses are skipped, and when none is left [`connect`] fails with
    /// [`ConnectError::NotAllowed`] naming them. IPv4-mapped IPv6 addresses are passed
    /// as IPv4.
    pub allow_address: Arc<AllowAddress>,
    /// A PEM file of CA certificates trusted in addition to the system roots (a private
    /// CA, or a test server's).
    pub extra_ca: Option<PathBuf>,
    /// Servers on a loopback address may be used without TLS when they do not offer
    /// STARTTLS (development and tests). STARTTLS is still used when offered.
    pub allow_plain_tcp_to_loopback: bool,
    /// The deadline for the whole of [`connect`]: DNS, TCP, TLS, SASL and binding.
    pub timeout: Duration,
}

impl ConnectPolicy {
    /// Every address allowed, system roots only, TLS required everywhere, 30 s.
    /// A gateway must replace [`allow_address`](Self::allow_address) with its own rule.
    pub fn allow_all() -> Self {
        ConnectPolicy {
            allow_address: Arc::new(|_, _| true),
            extra_ca: None,
            allow_plain_tcp_to_loopback: false,
            timeout: Duration::from_secs(30),
        }
    }
}

impl fmt::Debug for ConnectPolicy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ConnectPolicy")
            .field("extra_ca", &self.extra_ca)
            .field(
                "allow_plain_tcp_to_loopback",
                &self.allow_plain_tcp_to_loopback,
            )
            .field("timeout", &self.timeout)
            .finish_non_exhaustive()
    }
}

/// Why [`connect`] failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConnectError {
    /// The server refused the credentials (SASL `<failure/>`).
    AuthFailed,
    /// In-band registration was refused; the text is the server's condition and text
    /// (e.g. `conflict: The requested username already exists.`).
    RegistrationFailed(String),
    /// No address could be resolved or connected to, or the deadline passed.
    Unreachable(String),
    /// The login is unusable (no domain, an invalid JID or resource).
    InvalidLogin(String),
    /// [`ConnectPolicy::allow_address`] refused every address; the text names them.
    NotAllowed(String),
    /// TLS was needed and not offered, or the handshake or certificate check failed.
    Tls(String),
    /// The server broke the protocol, sent a stream error, closed the stream, or
    /// offered nothing usable (no shared SASL mechanism, no binding).
    Protocol(String),
}

impl ConnectError {
    /// A short label for logs and metrics.
    pub fn kind(&self) -> &'static str {
        match self {
            ConnectError::AuthFailed => "auth",
            ConnectError::RegistrationFailed(_) => "registration",
            ConnectError::Unreachable(_) => "unreachable",
            ConnectError::InvalidLogin(_) => "invalid-login",
            ConnectError::NotAllowed(_) => "not-allowed",
            ConnectError::Tls(_) => "tls",
            ConnectError::Protocol(_) => "protocol",
        }
    }
}

impl fmt::Display for ConnectError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConnectError::AuthFailed => f.write_str("authentication failed"),
            ConnectError::RegistrationFailed(why) => write!(f, "registration failed: {why}"),
            ConnectError::Unreachable(why) => write!(f, "unreachable: {why}"),
            ConnectError::InvalidLogin(why) => write!(f, "invalid login: {why}"),
            ConnectError::NotAllowed(why) => write!(f, "not allowed: {why}"),
            ConnectError::Tls(why) => write!(f, "TLS: {why}"),
            ConnectError::Protocol(why) => write!(f, "protocol: {why}"),
        }
    }
}

impl std::error::Error for ConnectError {}

/// What the reader task of [`Connection::into_channels`] delivers.
#[derive(Debug)]
pub enum ClientEvent {
    /// A first-level `<message/>`, `<presence/>` or `<iq/>` from the server.
    Stanza(StreamElement),
    /// The stream is over; always the last event.
    Closed(CloseReason),
}

/// Why the stream ended.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CloseReason {
    /// The sender was dropped and the stream closed from this side.
    LoggedOut,
    /// The server sent `</stream:stream>`.
    ServerClosed,
    /// The server sent `<stream:error/>`.
    StreamError {
        condition: String,
        text: Option<String>,
    },
    /// The server sent something unreadable; the stream was closed with `condition`.
    ProtocolError {
        condition: &'static str,
        detail: String,
    },
    /// The connection broke (end of file, reset, write failure).
    ConnectionLost(String),
}

impl fmt::Display for CloseReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CloseReason::LoggedOut => f.write_str("logged out"),
            CloseReason::ServerClosed => f.write_str("the server closed the stream"),
            CloseReason::StreamError {
                condition,
                text: Some(text),
            } => write!(f, "stream error from the server: {condition} ({text})"),
            CloseReason::StreamError {
                condition,
                text: None,
            } => write!(f, "stream error from the server: {condition}"),
            CloseReason::ProtocolError { condition, detail } => {
                write!(f, "the server broke the stream ({condition}): {detail}")
            }
            CloseReason::ConnectionLost(why) => write!(f, "connection lost: {why}"),
        }
    }
}

/// A negotiated, authenticated stream with a bound resource.
pub struct Connection {
    jid: String,
    mechanism: &'static str,
    transport: Transport,
    reader: StreamReader,
    /// Stanzas that arrived during the last negotiation steps, delivered first.
    early: Vec<StreamElement>,
}

impl fmt::Debug for Connection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Connection")
            .field("jid", &self.jid)
            .field("mechanism", &self.mechanism)
            .field("encrypted", &self.is_encrypted())
            .finish_non_exhaustive()
    }
}

impl Connection {
    /// The full JID the server bound.
    pub fn jid(&self) -> &str {
        &self.jid
    }

    /// The SASL mechanism that authenticated the stream (`SCRAM-SHA-256`, `SCRAM-SHA-1`,
    /// `PLAIN` or `ANONYMOUS`).
    pub fn mechanism(&self) -> &'static str {
        self.mechanism
    }

    /// Whether the stream runs over TLS.
    pub fn is_encrypted(&self) -> bool {
        self.transport.is_tls()
    }

    /// Spawns a reader task and a writer task (on the current tokio runtime) joined to
    /// the caller by channels of `capacity` entries each (at least 1).
    ///
    /// - Each `String` sent is written as is: it must be one complete stanza, written
    ///   with [`XmlWriter`](crate::xml::XmlWriter). Dropping every sender closes the
    ///   stream (`</stream:stream>`); the receiver then ends with
    ///   `Closed(LoggedOut)` (or the server's own ending, if it came first).
    /// - The receiver yields each `<message/>`, `<presence/>` and `<iq/>` the server
    ///   sends, then exactly one [`ClientEvent::Closed`], then `None`. Stream-level
    ///   elements other than `<stream:error/>` are dropped.
    /// - Both channels are bounded: when the receiver is not drained the reader stops
    ///   reading the socket, and the server sees TCP backpressure.
    /// - After 60 s without output the writer sends a whitespace keepalive.
    pub fn into_channels(
        self,
        capacity: usize,
    ) -> (mpsc::Sender<String>, mpsc::Receiver<ClientEvent>) {
        tasks::spawn(self, capacity.max(1))
    }
}

/// Connects, secures, (registers,) authenticates and binds; see the
/// [module documentation](self).
pub async fn connect(
    opts: &LoginOptions,
    policy: &ConnectPolicy,
) -> Result<Connection, ConnectError> {
    let login = Login::parse(opts)?;
    let mut stage = "resolving the server";
    let result = tokio::time::timeout(policy.timeout, run(&login, opts, policy, &mut stage)).await;
    match result {
        Ok(Ok(conn)) => {
            tracing::debug!(jid = %conn.jid, mechanism = conn.mechanism, "XMPP session ready");
            Ok(conn)
        }
        Ok(Err(e)) => {
            tracing::debug!(domain = %login.domain, error = %e, "XMPP login failed");
            Err(e)
        }
        Err(_) => Err(ConnectError::Unreachable(format!(
            "no session with {} within {:?} (timed out while {stage})",
            login.domain, policy.timeout
        ))),
    }
}

async fn run(
    login: &Login,
    opts: &LoginOptions,
    policy: &ConnectPolicy,
    stage: &mut &'static str,
) -> Result<Connection, ConnectError> {
    let (tcp, peer) = connect::open(login, opts, policy, stage).await?;
    let loopback = peer.ip().to_canonical().is_loopback();
    *stage = "opening the stream";
    let mut xmpp = Negotiator::new(Transport::Plain(tcp), login);
    let mut features = xmpp.open().await?;

    if features.root().child(NS_TLS, "starttls").is_some() {
        *stage = "negotiating TLS";
        xmpp = xmpp.starttls(policy).await?;
        *stage = "opening the encrypted stream";
        features = xmpp.open().await?;
    } else if !(loopback && policy.allow_plain_tcp_to_loopback) {
        return Err(ConnectError::Tls(format!(
            "{} ({peer}) does not offer STARTTLS, and TLS is required",
            login.domain
        )));
    } else {
        tracing::debug!(%peer, "loopback server without STARTTLS: continuing unencrypted");
    }

    if opts.register && !opts.anonymous {
        *stage = "registering the account";
        register::register(&mut xmpp, login, &opts.password).await?;
    }

    *stage = "authenticating";
    let plain_ok = xmpp.is_encrypted() || loopback;
    let mechanism =
        sasl::authenticate(&mut xmpp, &features, login, &opts.password, plain_ok).await?;
    *stage = "opening the authenticated stream";
    let features = xmpp.open().await?;

    *stage = "binding a resource";
    let jid = bind::bind(&mut xmpp, &features, login.resource.as_deref()).await?;
    *stage = "establishing the session";
    bind::session_if_required(&mut xmpp, &features).await?;

    let (transport, reader, early) = xmpp.into_parts();
    Ok(Connection {
        jid,
        mechanism,
        transport,
        reader,
        early,
    })
}

/// The login, normalised.
#[derive(Debug)]
pub(crate) struct Login {
    /// The local part (nodeprepped); `None` for anonymous logins.
    pub(crate) node: Option<String>,
    /// The XMPP domain (nameprepped).
    pub(crate) domain: String,
    pub(crate) resource: Option<String>,
}

impl Login {
    fn parse(opts: &LoginOptions) -> Result<Login, ConnectError> {
        let invalid = |why: &str| ConnectError::InvalidLogin(why.to_owned());
        let given = opts.jid.trim();
        let (bare, in_jid) = match given.split_once('/') {
            Some((bare, res)) => (bare, Some(res).filter(|r| !r.is_empty())),
            None => (given, None),
        };
        let resource = in_jid.map(str::to_owned).or_else(|| opts.resource.clone());
        let (node, domain) = match bare.rsplit_once('@') {
            Some((node, domain)) => (Some(node), domain),
            None if opts.anonymous && !bare.is_empty() => (None, bare),
            None => match opts.host.as_deref() {
                Some(host) if !bare.is_empty() => (Some(bare), host),
                _ if opts.anonymous => return Err(invalid("no domain to log in to")),
                _ => return Err(invalid("the JID has no domain and no host is given")),
            },
        };
        let domain_part =
            jid::DomainPart::new(domain).map_err(|e| invalid(&format!("bad domain: {e}")))?;
        let node = if opts.anonymous {
            None
        } else {
            let node = node.ok_or_else(|| invalid("the JID has no local part"))?;
            Some(
                jid::NodePart::new(node)
                    .map_err(|e| invalid(&format!("bad local part: {e}")))?
                    .into_owned()
                    .into_inner(),
            )
        };
        let domain = domain_part.into_owned().into_inner();
        let resource = match resource {
            Some(r) => Some(
                jid::ResourcePart::new(&r)
                    .map_err(|e| invalid(&format!("bad resource: {e}")))?
                    .into_owned()
                    .into_inner(),
            ),
            None => None,
        };
        Ok(Login {
            node,
            domain,
            resource,
        })
    }

    /// `node@domain`, or the domain for anonymous logins.
    pub(crate) fn bare(&self) -> String {
        match &self.node {
            Some(node) => {
                let mut s = String::with_capacity(node.len() + 1 + self.domain.len());
                s.push_str(node);
                s.push('@');
                s.push_str(&self.domain);
                s
            }
            None => self.domain.clone(),
        }
    }
}

#[cfg(test)]
mod tests;
