//! The stream during negotiation: headers, features, STARTTLS, and reading one element
//! at a time with stream errors turned into [`ConnectError`]s.

use tokio::io::AsyncWriteExt;

use super::tls::{self, Transport};
use super::{ConnectError, ConnectPolicy, Login, NS_STANZA_ERRORS, NS_STREAM_ERRORS, NS_TLS};
use crate::stream::{
    NS_STREAM, StreamConfig, StreamElement, StreamError, StreamEvent, StreamReader,
};
use crate::xml::{Elem, NS_CLIENT, NS_XML, XmlWriter};

/// The closing tag of the client's stream.
pub(crate) const STREAM_CLOSE: &str = "</stream:stream>";

pub(crate) struct Negotiator {
    io: Transport,
    reader: StreamReader,
    domain: String,
    /// The bare JID, sent as `from` once the stream is encrypted (RFC 6120 §4.7.1).
    from: Option<String>,
    /// Stanzas that came while waiting for something else (only after authentication).
    early: Vec<StreamElement>,
    authenticated: bool,
}

impl Negotiator {
    pub(crate) fn new(io: Transport, login: &Login) -> Self {
        Negotiator {
            io,
            reader: StreamReader::new(StreamConfig::default()),
            domain: login.domain.clone(),
            from: login.node.as_ref().map(|_| login.bare()),
            early: Vec::new(),
            authenticated: false,
        }
    }

    pub(crate) fn is_encrypted(&self) -> bool {
        self.io.is_tls()
    }

    pub(crate) fn domain(&self) -> &str {
        &self.domain
    }

    pub(crate) fn into_parts(self) -> (Transport, StreamReader, Vec<StreamElement>) {
        (self.io, self.reader, self.early)
    }

    /// Marks the stream as authenticated: stanzas arriving while waiting for an IQ
    /// answer are kept for the session instead of being dropped.
    pub(crate) fn set_authenticated(&mut self) {
        self.authenticated = true;
    }

    /// Writes and flushes one piece of XML.
    pub(crate) async fn send(&mut self, xml: &str) -> Result<(), ConnectError> {
        let result = async {
            self.io.write_all(xml.as_bytes()).await?;
            self.io.flush().await
        }
        .await;
        result
            .map_err(|e| ConnectError::Protocol(format!("writing to {} failed: {e}", self.domain)))
    }

    /// Sends a stream header (the reader expecting a new one too) and returns the
    /// server's `<stream:features/>`.
    pub(crate) async fn open(&mut self) -> Result<StreamElement, ConnectError> {
        self.reader.reset();
        let from = if self.is_encrypted() {
            self.from.as_deref()
        } else {
            None
        };
        let header = stream_header(&self.domain, from)?;
        self.send(&header).await?;
        match self.event().await? {
            StreamEvent::Open(header) => {
                if header
                    .version
                    .as_deref()
                    .is_none_or(|v| !v.starts_with("1."))
                {
                    return Err(ConnectError::Protocol(format!(
                        "{} speaks a pre-1.0 stream (version {:?})",
                        self.domain, header.version
                    )));
                }
                if let Some(from) = &header.from
                    && !from.eq_ignore_ascii_case(&self.domain)
                {
                    tracing::debug!(%from, domain = %self.domain, "stream header from another name");
                }
            }
            StreamEvent::Element(_) | StreamEvent::Close => {
                return Err(ConnectError::Protocol("no stream header".to_owned()));
            }
        }
        let features = self.next().await?;
        if !features.root().is(NS_STREAM, "features") {
            return Err(ConnectError::Protocol(format!(
                "expected <stream:features/>, got <{}/> in {}",
                features.root().name(),
                features.root().ns()
            )));
        }
        Ok(features)
    }

    /// STARTTLS (RFC 6120 §5): `<starttls/>`, `<proceed/>`, then the handshake; the
    /// negotiator continues over TLS.
    pub(crate) async fn starttls(mut self, policy: &ConnectPolicy) -> Result<Self, ConnectError> {
        let mut w = XmlWriter::new(NS_CLIENT);
        w.start("starttls", NS_TLS);
        w.end();
        self.send(&w.into_string()).await?;
        let answer = self.next().await?;
        let root = answer.root();
        if root.is(NS_TLS, "failure") {
            return Err(ConnectError::Tls(format!(
                "{} refused STARTTLS",
                self.domain
            )));
        }
        if !root.is(NS_TLS, "proceed") {
            return Err(ConnectError::Protocol(format!(
                "expected <proceed/> after <starttls/>, got <{}/>",
                root.name()
            )));
        }
        if self.reader.buffered_len() != 0 {
            // Bytes sent in plaintext after <proceed/> must not be read as part of the
            // encrypted stream.
            return Err(ConnectError::Protocol(
                "the server sent data after <proceed/>".to_owned(),
            ));
        }
        let Transport::Plain(tcp) = self.io else {
            return Err(ConnectError::Protocol(
                "STARTTLS offered on an encrypted stream".to_owned(),
            ));
        };
        let tls = tls::handshake(tcp, &self.domain, policy.extra_ca.as_deref()).await?;
        tracing::debug!(domain = %self.domain, "TLS established");
        Ok(Negotiator {
            io: Transport::Tls(Box::new(tls)),
            reader: StreamReader::new(StreamConfig::default()),
            ..self
        })
    }

    /// The next first-level element; `<stream:error/>`, the end of the stream and
    /// broken XML are errors.
    pub(crate) async fn next(&mut self) -> Result<StreamElement, ConnectError> {
        match self.event().await? {
            StreamEvent::Element(el) => {
                if el.root().is(NS_STREAM, "error") {
                    let (condition, text) = stream_error(el.root());
                    return Err(ConnectError::Protocol(match text {
                        Some(text) => format!("stream error from the server: {condition} ({text})"),
                        None => format!("stream error from the server: {condition}"),
                    }));
                }
                Ok(el)
            }
            StreamEvent::Open(_) => Err(ConnectError::Protocol(
                "a second stream header without a restart".to_owned(),
            )),
            StreamEvent::Close => Err(ConnectError::Protocol(format!(
                "{} closed the stream",
                self.domain
            ))),
        }
    }

    /// Sends an IQ and waits for the `result` or `error` with its id. Other stanzas that
    /// arrive meanwhile are kept for the session once authenticated, else dropped.
    pub(crate) async fn iq(&mut self, xml: &str, id: &str) -> Result<StreamElement, ConnectError> {
        self.send(xml).await?;
        loop {
            let el = self.next().await?;
            let root = el.root();
            if root.is(NS_CLIENT, "iq")
                && root.attr("id") == Some(id)
                && matches!(root.attr("type"), Some("result" | "error"))
            {
                return Ok(el);
            }
            if self.authenticated && is_stanza(root) {
                self.early.push(el);
            } else {
                tracing::debug!(element = root.name(), "ignored while negotiating");
            }
        }
    }

    async fn event(&mut self) -> Result<StreamEvent, ConnectError> {
        let domain = &self.domain;
        self.reader
            .read_event(&mut self.io)
            .await
            .map_err(|e| match e {
                StreamError::Closed => {
                    ConnectError::Protocol(format!("{domain} closed the connection"))
                }
                StreamError::Io(e) => {
                    ConnectError::Protocol(format!("reading from {domain} failed: {e}"))
                }
                other => ConnectError::Protocol(format!("{domain} sent a broken stream: {other}")),
            })
    }
}

/// Whether the element is a stanza of the client namespace.
pub(crate) fn is_stanza(root: Elem<'_>) -> bool {
    root.ns() == NS_CLIENT && matches!(root.name(), "message" | "presence" | "iq")
}

/// The defined condition (the first child in `ns` other than `<text/>`) and the
/// trimmed non-empty `<text/>` of a stream or stanza error element.
fn condition_and_text<'a>(error: Elem<'a>, ns: &str) -> (Option<&'a str>, Option<String>) {
    let mut condition = None;
    let mut text = None;
    for child in error.children() {
        if child.ns() != ns {
            continue;
        }
        if child.name() == "text" {
            let t = child.text();
            if !t.trim().is_empty() {
                text = Some(t.trim().to_owned());
            }
        } else if condition.is_none() {
            condition = Some(child.name());
        }
    }
    (condition, text)
}

/// `(condition, text)` of a `<stream:error/>`.
pub(crate) fn stream_error(root: Elem<'_>) -> (String, Option<String>) {
    let (condition, text) = condition_and_text(root, NS_STREAM_ERRORS);
    (condition.unwrap_or("undefined-condition").to_owned(), text)
}

/// `condition` or `condition: text` of an IQ error, for messages.
pub(crate) fn stanza_error(iq: Elem<'_>) -> String {
    let Some(error) = iq.child(NS_CLIENT, "error") else {
        return "error without details".to_owned();
    };
    let (condition, text) = condition_and_text(error, NS_STANZA_ERRORS);
    let condition = condition.unwrap_or("undefined-condition");
    match text {
        Some(text) => format!("{condition}: {text}"),
        None => condition.to_owned(),
    }
}

/// `<?xml version='1.0'?><stream:stream xmlns='jabber:client' xmlns:stream='…' to='…'
/// version='1.0' xml:lang='en'>`. The writer makes a self-closed tag, whose `/` is
/// dropped: the stream element stays open for the whole session.
pub(crate) fn stream_header(domain: &str, from: Option<&str>) -> Result<String, ConnectError> {
    let mut w = XmlWriter::new("");
    w.start("stream:stream", NS_CLIENT);
    w.attr("xmlns:stream", NS_STREAM);
    w.attr("to", domain);
    if let Some(from) = from {
        w.attr("from", from);
    }
    w.attr("version", "1.0");
    w.attr_ns(NS_XML, "lang", "en");
    w.end();
    let tag = w.into_string();
    let open = tag
        .strip_suffix("/>")
        .ok_or_else(|| ConnectError::Protocol("internal: unexpected stream header".to_owned()))?;
    let mut out = String::with_capacity(open.len() + 24);
    out.push_str("<?xml version='1.0'?>");
    out.push_str(open);
    out.push('>');
    Ok(out)
}
