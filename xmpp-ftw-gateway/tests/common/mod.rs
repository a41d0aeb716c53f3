//! What the gateway's integration tests share: the real server on 127.0.0.1:0 with
//! the in-memory `FakeConnector`, WebSocket clients, and Engine.IO long-polling.
//! Each test file uses its own part of it.
#![allow(dead_code)]

use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tokio::time::timeout;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::{MaybeTlsStream, WebSocketStream, connect_async};
use xmpp_ftw_gateway::config::{Config, FileConfig, Flags};
use xmpp_ftw_gateway::link::{Connector, FakeConnection, FakeConnector};
use xmpp_ftw_gateway::server::{RunningServer, Server};

pub const WAIT: Duration = Duration::from_secs(5);

pub fn config() -> Config {
    let mut c = Config::resolve(&Flags::default(), &FileConfig::default());
    c.listen = "127.0.0.1:0".parse().expect("address");
    c
}

pub struct Gateway {
    pub server: RunningServer,
    pub connections: mpsc::Receiver<FakeConnection>,
}

impl Gateway {
    pub async fn start(
        config: Config,
        fake: (FakeConnector, mpsc::Receiver<FakeConnection>),
    ) -> Self {
        Self::start_with(config, fake, xmpp_ftw_gateway::session::SEND_TIMEOUT).await
    }

    pub async fn start_with(
        config: Config,
        fake: (FakeConnector, mpsc::Receiver<FakeConnection>),
        send_timeout: Duration,
    ) -> Self {
        let (connector, connections) = fake;
        let connector: std::sync::Arc<dyn Connector> = std::sync::Arc::new(connector);
        let server = Server::bind(config, connector)
            .await
            .expect("bind")
            .with_send_timeout(send_timeout);
        Gateway {
            server: server.spawn(),
            connections,
        }
    }

    pub fn url(&self) -> String {
        format!("ws://{}/ws", self.server.local_addr())
    }

    pub async fn client(&self) -> Client {
        Client::connect(&self.url()).await
    }

    pub async fn connection(&mut self) -> FakeConnection {
        timeout(WAIT, self.connections.recv())
            .await
            .expect("a login reached the fake in time")
            .expect("fake connector alive")
    }

    /// A client logged in as `jid`, and the fake's side of its session.
    pub async fn online(&mut self, jid: &str) -> (Client, FakeConnection) {
        let mut c = self.client().await;
        c.send(json!({"event": "xmpp.login", "data": {"jid": jid, "password": "pw"}}))
            .await;
        let online = c.recv().await;
        assert_eq!(online["event"], "xmpp.connection", "{online}");
        let conn = self.connection().await;
        (c, conn)
    }

    pub async fn http_get(&self, path: &str) -> (u16, String) {
        let request = format!("GET {path} HTTP/1.1\r\nHost: test\r\nConnection: close\r\n\r\n");
        let response = self.http(&request).await;
        let status = response
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .expect("status line");
        (status, body_of(&response))
    }

    /// Sends one raw HTTP/1.1 request (`Connection: close`); the whole response.
    pub async fn http(&self, request: &str) -> String {
        let mut tcp = TcpStream::connect(self.server.local_addr())
            .await
            .expect("connect");
        tcp.write_all(request.as_bytes()).await.expect("write");
        let mut response = String::new();
        timeout(WAIT, tcp.read_to_string(&mut response))
            .await
            .expect("response in time")
            .expect("read");
        response
    }
}

/// The body of an HTTP response (empty without one).
fn body_of(response: &str) -> String {
    response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_owned())
        .unwrap_or_default()
}

pub struct Client {
    pub ws: WebSocketStream<MaybeTlsStream<TcpStream>>,
}

impl Client {
    pub async fn connect(url: &str) -> Client {
        let (ws, _) = connect_async(url).await.expect("WebSocket connect");
        Client { ws }
    }

    pub async fn send(&mut self, frame: Value) {
        self.send_text(frame.to_string()).await;
    }

    pub async fn send_text(&mut self, text: String) {
        self.ws.send(Message::text(text)).await.expect("send");
    }

    /// The next text frame, as JSON.
    pub async fn recv(&mut self) -> Value {
        loop {
            let msg = timeout(WAIT, self.ws.next())
                .await
                .expect("a frame in time")
                .expect("socket open")
                .expect("WebSocket ok");
            match msg {
                Message::Text(t) => return serde_json::from_str(t.as_str()).expect("JSON frame"),
                Message::Close(c) => panic!("closed: {c:?}"),
                _ => {}
            }
        }
    }

    /// Nothing arrives within `d`.
    pub async fn silent_for(&mut self, d: Duration) {
        if let Ok(Some(Ok(msg))) = timeout(d, self.ws.next()).await {
            panic!("unexpected frame {msg:?}");
        }
    }

    /// Reads until the close frame (and answers it); returns the text frames before it.
    pub async fn until_closed(&mut self) -> Vec<Value> {
        let mut frames = Vec::new();
        loop {
            match timeout(WAIT, self.ws.next()).await.expect("close in time") {
                Some(Ok(Message::Text(t))) => {
                    frames.push(serde_json::from_str(t.as_str()).expect("JSON"))
                }
                Some(Ok(Message::Close(_))) => {
                    // Polling on sends the reply and completes the handshake.
                    let _ = timeout(WAIT, self.ws.next()).await;
                    return frames;
                }
                None => return frames,
                Some(Ok(_)) => {}
                // A reset after the close frame (unread input on the server side).
                Some(Err(_)) => return frames,
            }
        }
    }
}

pub async fn inject(conn: &FakeConnection, xml: &str) {
    conn.inject_xml(xml).await.expect("test stanzas are XML");
}

/// The next stanza the fake received, as text.
pub async fn sent_text(conn: &mut FakeConnection) -> String {
    timeout(WAIT, conn.next_sent())
        .await
        .expect("the fake got a stanza in time")
        .expect("link open")
}

/// One Engine.IO long-polling request (HTTP/1.1, `Connection: close`): the body.
pub async fn polling(gw: &Gateway, method: &str, query: &str, body: &str) -> String {
    let request = format!(
        "{method} /socket.io/?EIO=4&transport=polling{query} HTTP/1.1\r\nHost: test\r\n\
         Connection: close\r\nContent-Type: text/plain;charset=UTF-8\r\n\
         Content-Length: {}\r\n\r\n{body}",
        body.len()
    );
    let response = gw.http(&request).await;
    assert!(response.starts_with("HTTP/1.1 200"), "{response}");
    body_of(&response)
}

/// The Socket.IO packets of the next polling responses that carry any (Engine.IO
/// joins packets with 0x1e; its own pings are answered and left out).
pub async fn poll_packets(gw: &Gateway, sid: &str) -> Vec<String> {
    loop {
        let body = polling(gw, "GET", &format!("&sid={sid}"), "").await;
        let mut messages = Vec::new();
        for packet in body.split('\u{1e}') {
            if packet == "2" {
                assert_eq!(polling(gw, "POST", &format!("&sid={sid}"), "3").await, "ok");
            } else if let Some(message) = packet.strip_prefix('4') {
                messages.push(format!("4{message}"));
            }
        }
        if !messages.is_empty() {
            return messages;
        }
    }
}
