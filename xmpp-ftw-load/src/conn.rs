//! Logged-in sessions on both paths: a browser socket on the gateway (`xmpp.login`),
//! or an RFC 7395 XMPP-over-WebSocket stream straight to Prosody's `mod_websocket`
//! (SASL PLAIN, which Prosody offers there because the harness sets
//! `consider_websocket_secure`; then resource binding).

use base64::Engine as _;
use futures_util::stream::{SplitSink, SplitStream};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async_with_config};

pub type Ws = WebSocketStream<MaybeTlsStream<TcpStream>>;

/// How long one login may take on a loaded machine.
pub const LOGIN_TIMEOUT: Duration = Duration::from_secs(60);

const NS_FRAMING: &str = "urn:ietf:params:xml:ns:xmpp-framing";
const NS_SASL: &str = "urn:ietf:params:xml:ns:xmpp-sasl";
const NS_BIND: &str = "urn:ietf:params:xml:ns:xmpp-bind";

/// Which way the traffic goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Path {
    /// Browser socket → gateway → Prosody c2s.
    Gateway,
    /// XMPP over WebSocket straight to Prosody.
    Direct,
}

/// Where and as whom to log in.
#[derive(Clone, Debug)]
pub struct Target {
    /// The gateway's `/ws` or Prosody's `/xmpp-websocket`.
    pub url: String,
    pub domain: String,
    /// Prosody's c2s address, given to the gateway in `xmpp.login`.
    pub c2s_host: String,
    pub c2s_port: u16,
}

/// A logged-in session, split for a reader and a writer task.
pub struct Peer {
    pub jid: String,
    pub sink: SplitSink<Ws, Message>,
    pub stream: SplitStream<Ws>,
}

async fn open(url: &str, subprotocol: Option<&str>) -> Result<Ws, String> {
    let mut request = url
        .into_client_request()
        .map_err(|e| format!("{url}: {e}"))?;
    if let Some(p) = subprotocol {
        request.headers_mut().insert(
            "Sec-WebSocket-Protocol",
            HeaderValue::from_str(p).map_err(|e| e.to_string())?,
        );
    }
    // Nagle off on the load tool's sockets too: each message is one small frame.
    let (ws, _) = connect_async_with_config(request, None, true)
        .await
        .map_err(|e| format!("opening {url}: {e}"))?;
    Ok(ws)
}

/// The next text frame (pings and pongs are answered or skipped by tungstenite).
async fn next_text(ws: &mut Ws) -> Result<String, String> {
    loop {
        match ws.next().await {
            Some(Ok(Message::Text(t))) => return Ok(t.to_string()),
            Some(Ok(Message::Close(c))) => return Err(format!("closed: {c:?}")),
            Some(Ok(_)) => {}
            Some(Err(e)) => return Err(format!("WebSocket error: {e}")),
            None => return Err("WebSocket closed".to_owned()),
        }
    }
}

/// Logs `user` in on `path`.
pub async fn login(
    path: Path,
    target: &Target,
    user: &str,
    password: &str,
) -> Result<Peer, String> {
    let work = async {
        match path {
            Path::Gateway => login_gateway(target, user, password).await,
            Path::Direct => login_direct(target, user, password).await,
        }
    };
    match timeout(LOGIN_TIMEOUT, work).await {
        Ok(Ok((ws, jid))) => {
            let (sink, stream) = ws.split();
            Ok(Peer { jid, sink, stream })
        }
        Ok(Err(e)) => Err(format!("{user}: {e}")),
        Err(_) => Err(format!("{user}: no login within {LOGIN_TIMEOUT:?}")),
    }
}

async fn login_gateway(
    target: &Target,
    user: &str,
    password: &str,
) -> Result<(Ws, String), String> {
    let mut ws = open(&target.url, None).await?;
    let frame = json!({
        "event": "xmpp.login",
        "data": {
            "jid": format!("{user}@{}", target.domain),
            "password": password,
            "host": target.c2s_host,
            "port": target.c2s_port,
        }
    });
    ws.send(Message::text(frame.to_string()))
        .await
        .map_err(|e| format!("sending xmpp.login: {e}"))?;
    loop {
        let text = next_text(&mut ws).await?;
        let frame: Value =
            serde_json::from_str(&text).map_err(|e| format!("gateway frame {text:?}: {e}"))?;
        match frame["event"].as_str() {
            Some("xmpp.connection") if frame["data"]["status"] == "online" => {
                let jid = xmpp_ftw_tests::browser::full_jid(&frame["data"]["jid"]);
                return Ok((ws, jid));
            }
            Some("xmpp.error") => return Err(format!("login failed: {}", frame["data"])),
            _ => {}
        }
    }
}

async fn login_direct(target: &Target, user: &str, password: &str) -> Result<(Ws, String), String> {
    let mut ws = open(&target.url, Some("xmpp")).await?;
    let open_frame = format!(
        r#"<open xmlns="{NS_FRAMING}" to="{}" version="1.0"/>"#,
        xml_escape(&target.domain)
    );
    send(&mut ws, open_frame.clone()).await?;
    let features = read_features(&mut ws).await?;
    if !features.contains(">PLAIN<") {
        return Err(format!("Prosody offers no SASL PLAIN here: {features}"));
    }
    let credentials =
        base64::engine::general_purpose::STANDARD.encode(format!("\0{user}\0{password}"));
    send(
        &mut ws,
        format!(r#"<auth xmlns="{NS_SASL}" mechanism="PLAIN">{credentials}</auth>"#),
    )
    .await?;
    let outcome = next_text(&mut ws).await?;
    if !outcome.starts_with("<success") {
        return Err(format!("SASL PLAIN refused: {outcome}"));
    }
    send(&mut ws, open_frame).await?;
    read_features(&mut ws).await?;
    send(
        &mut ws,
        format!(
            r#"<iq xmlns="jabber:client" type="set" id="bind1"><bind xmlns="{NS_BIND}"><resource>load</resource></bind></iq>"#
        ),
    )
    .await?;
    let result = next_text(&mut ws).await?;
    let jid = between(&result, "<jid>", "</jid>")
        .ok_or_else(|| format!("no bound JID in {result}"))?
        .to_owned();
    Ok((ws, jid))
}

/// Skips the `<open/>` answer; returns the features element.
async fn read_features(ws: &mut Ws) -> Result<String, String> {
    loop {
        let text = next_text(ws).await?;
        if text.contains("features") {
            return Ok(text);
        }
        if !text.starts_with("<open") {
            return Err(format!("expected <open/> or features, got {text}"));
        }
    }
}

async fn send(ws: &mut Ws, text: String) -> Result<(), String> {
    ws.send(Message::text(text))
        .await
        .map_err(|e| format!("sending: {e}"))
}

/// The text between the first `start` and the next `end`.
pub fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => out.push(c),
        }
    }
    out
}

/// A chat message frame for `path`, split around its content so that a sender only
/// formats the content per message.
#[derive(Clone, Debug)]
pub struct MessageTemplate {
    prefix: String,
    suffix: &'static str,
}

impl MessageTemplate {
    pub fn new(path: Path, to: &str) -> MessageTemplate {
        match path {
            Path::Gateway => {
                let to = Value::String(to.to_owned()).to_string();
                MessageTemplate {
                    prefix: format!(
                        r#"{{"event":"xmpp.chat.message","data":{{"to":{to},"content":""#
                    ),
                    suffix: r#""}}"#,
                }
            }
            Path::Direct => MessageTemplate {
                prefix: format!(
                    r#"<message xmlns="jabber:client" type="chat" to="{}"><body>"#,
                    xml_escape(to)
                ),
                suffix: "</body></message>",
            },
        }
    }

    /// The frame for `content`, which must need no escaping (digits and spaces).
    pub fn frame(&self, content: &str) -> String {
        let mut s = String::with_capacity(self.prefix.len() + content.len() + self.suffix.len());
        s.push_str(&self.prefix);
        s.push_str(content);
        s.push_str(self.suffix);
        s
    }
}

/// What an incoming frame is to the relay.
#[derive(Debug, PartialEq, Eq)]
pub enum Incoming {
    /// A chat message with this content.
    Chat(String),
    /// An error the gateway or the server reported.
    Error(String),
    /// Anything else (presence, pings).
    Other,
}

pub fn classify(path: Path, text: &str) -> Incoming {
    match path {
        Path::Gateway => {
            let Ok(frame) = serde_json::from_str::<Value>(text) else {
                return Incoming::Error(format!("not JSON: {text}"));
            };
            match frame["event"].as_str() {
                Some("xmpp.chat.message") => match frame["data"]["content"].as_str() {
                    Some(c) => Incoming::Chat(c.to_owned()),
                    None => Incoming::Other,
                },
                Some(e) if e.starts_with("xmpp.error") => Incoming::Error(text.to_owned()),
                _ => Incoming::Other,
            }
        }
        Path::Direct => {
            if !text.starts_with("<message") {
                return Incoming::Other;
            }
            let head = text.split('>').next().unwrap_or_default();
            if head.contains("type='error'") || head.contains("type=\"error\"") {
                return Incoming::Error(text.to_owned());
            }
            match between(text, "<body>", "</body>") {
                Some(c) => Incoming::Chat(c.to_owned()),
                None => Incoming::Other,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_and_classification_round_trip() {
        let gw = MessageTemplate::new(Path::Gateway, "a\"b@localhost/r");
        let frame = gw.frame("1 2 3");
        let v: Value = serde_json::from_str(&frame).expect("JSON");
        assert_eq!(v["data"]["to"], "a\"b@localhost/r");
        let echoed = json!({"event": "xmpp.chat.message", "data": {"content": "1 2 3"}});
        assert_eq!(
            classify(Path::Gateway, &echoed.to_string()),
            Incoming::Chat("1 2 3".to_owned())
        );
        let direct = MessageTemplate::new(Path::Direct, "a&b@localhost/r");
        assert_eq!(
            direct.frame("7"),
            r#"<message xmlns="jabber:client" type="chat" to="a&amp;b@localhost/r"><body>7</body></message>"#
        );
        assert_eq!(
            classify(
                Path::Direct,
                "<message xmlns='jabber:client' type='chat'><body>7 8</body></message>"
            ),
            Incoming::Chat("7 8".to_owned())
        );
        assert!(matches!(
            classify(
                Path::Direct,
                "<message type='error'><body>7</body></message>"
            ),
            Incoming::Error(_)
        ));
    }
}
