//! A browser stand-in for end-to-end tests: the gateway server in-process with the
//! real XMPP connector, and WebSocket clients that speak the XMPP-FTW frame protocol
//! (`docs/protocol.md`) to it. Every await has a deadline ([`WAIT`]) and a missed
//! one panics with what was awaited, so a broken feature fails loudly, never hangs.

use crate::prosody::Prosody;
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::net::TcpStream;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async};
use xmpp_ftw_gateway::config::{Config, FileConfig, Flags};
use xmpp_ftw_gateway::connector::RealConnector;
use xmpp_ftw_gateway::server::{RunningServer, Server};

/// Deadline of every awaited frame.
pub const WAIT: Duration = Duration::from_secs(5);

/// The gateway with its default configuration on a free loopback port (loopback
/// XMPP servers are allowed, as they are by default on a loopback listener).
pub async fn start_gateway() -> RunningServer {
    start_gateway_with(|_| {}).await
}

/// The gateway with a configuration adjusted by `adjust`.
pub async fn start_gateway_with(adjust: impl FnOnce(&mut Config)) -> RunningServer {
    let mut config = Config::resolve(&Flags::default(), &FileConfig::default());
    config.listen = "127.0.0.1:0".parse().expect("address");
    config.allow_loopback = true;
    adjust(&mut config);
    let connector = Arc::new(RealConnector::new(&config));
    Server::bind(config, connector)
        .await
        .expect("gateway binds")
        .spawn()
}

/// One browser socket on the gateway's `/ws`.
pub struct Client {
    /// Who this is, in panic messages and logs.
    pub name: &'static str,
    ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
    next_ack: u64,
}

impl Client {
    pub async fn connect(gateway: &RunningServer, name: &'static str) -> Client {
        Client::connect_url(&format!("ws://{}/ws", gateway.local_addr()), name).await
    }

    /// A socket on any gateway's WebSocket endpoint (`ws://host:port/ws`).
    pub async fn connect_url(url: &str, name: &'static str) -> Client {
        let (ws, _) = timeout(WAIT, connect_async(url))
            .await
            .expect("WebSocket opens in time")
            .expect("WebSocket opens");
        Client {
            name,
            ws,
            next_ack: 1,
        }
    }

    /// A socket logged in as `user` (whose password the Prosody builder was given).
    pub async fn online_as(
        gateway: &RunningServer,
        prosody: &Prosody,
        name: &'static str,
    ) -> (Client, String) {
        let mut client = Client::connect(gateway, name).await;
        let password = prosody
            .users()
            .iter()
            .find(|(u, _)| u == name)
            .map(|(_, p)| p.clone())
            .unwrap_or_else(|| panic!("no Prosody user {name}"));
        let jid = client.online(prosody, name, &password).await;
        (client, jid)
    }

    /// Sends an event without a callback.
    pub async fn send(&mut self, event: &str, data: Value) {
        self.send_raw(json!({"event": event, "data": data}).to_string())
            .await;
    }

    /// Sends any text frame, well-formed or not.
    pub async fn send_raw(&mut self, frame: String) {
        self.ws
            .send(Message::text(frame))
            .await
            .expect("frame sent");
    }

    /// Sends with a callback; returns its ack number.
    pub async fn send_ack(&mut self, event: &str, data: Value) -> u64 {
        let ack = self.next_ack;
        self.next_ack += 1;
        self.send_raw(json!({"event": event, "data": data, "ack": ack}).to_string())
            .await;
        ack
    }

    /// Sends with a callback and awaits it: `(error, data, rsm)` (`rsm` is `Null`
    /// when the callback has none).
    pub async fn request(&mut self, event: &str, data: Value) -> (Value, Value, Value) {
        let ack = self.send_ack(event, data).await;
        let frame = self.callback_frame(ack).await;
        (
            frame["error"].clone(),
            frame["data"].clone(),
            frame.get("rsm").cloned().unwrap_or(Value::Null),
        )
    }

    /// Like [`Client::request`], but panics unless the callback's error is `null`;
    /// returns its data.
    pub async fn ok(&mut self, event: &str, data: Value) -> Value {
        let (error, data, _) = self.request(event, data).await;
        assert_eq!(error, Value::Null, "{}: {event} failed: {data}", self.name);
        data
    }

    /// The first frame matching `wanted` within [`WAIT`]; others are skipped.
    pub async fn wait_for(&mut self, what: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let deadline = tokio::time::Instant::now() + WAIT;
        loop {
            let msg = match tokio::time::timeout_at(deadline, self.ws.next()).await {
                Ok(Some(Ok(msg))) => msg,
                Ok(Some(Err(e))) => panic!("{}: WebSocket error awaiting {what}: {e}", self.name),
                Ok(None) => panic!("{}: WebSocket closed awaiting {what}", self.name),
                Err(_) => panic!("{}: no {what} within {WAIT:?}", self.name),
            };
            let Message::Text(text) = msg else {
                continue;
            };
            let frame: Value = serde_json::from_str(&text).expect("JSON frame");
            if wanted(&frame) {
                return frame;
            }
            eprintln!("{} skipped while awaiting {what}: {frame}", self.name);
        }
    }

    /// The data of the first `name` event whose data matches `wanted`.
    pub async fn event(&mut self, name: &str, wanted: impl Fn(&Value) -> bool) -> Value {
        let frame = self
            .wait_for(name, |f| f["event"] == name && wanted(&f["data"]))
            .await;
        frame["data"].clone()
    }

    /// The whole callback frame of `ack`.
    pub async fn callback_frame(&mut self, ack: u64) -> Value {
        self.wait_for(&format!("callback {ack}"), |f| {
            f["ack"] == ack && f.get("event").is_none()
        })
        .await
    }

    /// The callback of `ack`: `(error, data)`.
    pub async fn callback(&mut self, ack: u64) -> (Value, Value) {
        let frame = self.callback_frame(ack).await;
        (frame["error"].clone(), frame["data"].clone())
    }

    /// Sends `xmpp.login` to the harness's Prosody; the first `xmpp.connection` or
    /// `xmpp.error` frame that follows.
    pub async fn login(&mut self, prosody: &Prosody, user: &str, password: &str) -> Value {
        self.login_with(prosody, user, password, json!({})).await
    }

    /// [`Client::login`] with more login keys (`{"register": true}`).
    pub async fn login_with(
        &mut self,
        prosody: &Prosody,
        user: &str,
        password: &str,
        more: Value,
    ) -> Value {
        let mut data = json!({
            "jid": prosody.jid(user),
            "password": password,
            "host": prosody.host().to_string(),
            "port": prosody.c2s_port(),
        });
        if let (Some(data), Value::Object(more)) = (data.as_object_mut(), more) {
            data.extend(more);
        }
        self.send("xmpp.login", data).await;
        self.wait_for("xmpp.connection or xmpp.error", |f| {
            f["event"] == "xmpp.connection" || f["event"] == "xmpp.error"
        })
        .await
    }

    /// Logs in and returns the bound full JID.
    pub async fn online(&mut self, prosody: &Prosody, user: &str, password: &str) -> String {
        let started = Instant::now();
        let frame = self.login(prosody, user, password).await;
        assert_eq!(frame["event"], "xmpp.connection", "{}: {frame}", self.name);
        assert_eq!(frame["data"]["status"], "online", "{frame}");
        eprintln!("{} online in {:?}: {frame}", self.name, started.elapsed());
        full_jid(&frame["data"]["jid"])
    }

    pub async fn logout(&mut self) {
        let ack = self.send_ack("xmpp.logout", json!({})).await;
        let (error, data) = self.callback(ack).await;
        assert_eq!(error, Value::Null, "{}: logout", self.name);
        assert_eq!(data, json!(true));
    }
}

/// `user@domain/resource` from an XMPP-FTW JID object (or a string).
pub fn full_jid(jid: &Value) -> String {
    if let Some(s) = jid.as_str() {
        return s.to_owned();
    }
    let mut out = String::new();
    if let Some(user) = jid["user"].as_str() {
        out.push_str(user);
        out.push('@');
    }
    out.push_str(jid["domain"].as_str().expect("a domain"));
    if let Some(resource) = jid["resource"].as_str() {
        out.push('/');
        out.push_str(resource);
    }
    out
}

/// `user@domain` of a full JID string.
pub fn bare(jid: &str) -> &str {
    jid.split('/').next().unwrap_or(jid)
}

/// The `var` of the field of a received form (`{fields: [...]}`) whose name ends
/// with `suffix`: server forms prefix their vars (`muc#roomconfig_roomname`).
pub fn form_var_ending(form: &Value, suffix: &str) -> String {
    form["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(|f| f["var"].as_str())
        .find(|v| v.ends_with(suffix))
        .unwrap_or_else(|| panic!("no field ending with {suffix}: {form}"))
        .to_owned()
}
