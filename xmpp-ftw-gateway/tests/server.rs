//! The gateway end to end, without a network: the real HTTP/WebSocket server on
//! 127.0.0.1:0, real WebSocket clients, and the in-memory `FakeConnector` standing in
//! for XMPP servers.

mod common;

use common::{Client, Gateway, WAIT, config, inject, poll_packets, polling, sent_text};
use futures_util::{SinkExt, StreamExt};
use serde_json::{Value, json};
use std::time::{Duration, Instant};
use tokio::time::timeout;
use tokio_tungstenite::connect_async;
use tokio_tungstenite::tungstenite::client::IntoClientRequest;
use tokio_tungstenite::tungstenite::http::HeaderValue;
use tokio_tungstenite::tungstenite::{Error as WsError, Message};
use xmpp_ftw_gateway::config::Config;
use xmpp_ftw_gateway::link::{FakeConnection, FakeConnector, LinkEvent};
use xmpp_ftw_runtime::xml::{Elem, Limits, NS_CLIENT, Tree};

/// The roster namespace, read from its spec: protocol namespaces live in specs,
/// not in Rust (see `tests/spec_only.rs`).
static NS_ROSTER: std::sync::LazyLock<String> = std::sync::LazyLock::new(|| {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../specs/rfc6121-roster.toml");
    let spec: toml::Table = std::fs::read_to_string(path)
        .expect("roster spec")
        .parse()
        .expect("valid TOML");
    spec["spec"]["ns"]["roster"]
        .as_str()
        .expect("roster prefix")
        .to_owned()
});

/// The fake server's answers: the roster for a roster get, nothing otherwise.
fn roster_responder(st: Elem<'_>) -> Vec<String> {
    if st.is(NS_CLIENT, "iq")
        && st.attr("type") == Some("get")
        && st.child(&NS_ROSTER, "query").is_some()
    {
        let id = st.attr("id").unwrap_or_default();
        vec![format!(
            "<iq type='result' id='{id}'><query xmlns='{ns}'>\
             <item jid='juliet@capulet.lit' name='Juliet' subscription='both'>\
             <group>Friends</group></item></query></iq>",
            ns = *NS_ROSTER
        )]
    } else {
        Vec::new()
    }
}

impl Gateway {
    async fn with_roster() -> Self {
        Self::with_roster_config(config()).await
    }

    async fn with_roster_config(config: Config) -> Self {
        Self::start(config, FakeConnector::with_responder(roster_responder)).await
    }
}

async fn sent(conn: &mut FakeConnection) -> Tree {
    let xml = sent_text(conn).await;
    Tree::parse(&xml, NS_CLIENT, &Limits::default()).expect("the gateway sent XML")
}

fn client_error(frame: &Value) -> &Value {
    let error = if frame["event"] == "xmpp.error.client" {
        &frame["data"]
    } else {
        &frame["error"]
    };
    assert_eq!(error["condition"], "client-error", "{frame}");
    error
}

#[tokio::test]
async fn login_then_events_both_ways() {
    let mut gw = Gateway::with_roster().await;
    let mut c = gw.client().await;
    c.send(json!({"event": "xmpp.login",
                  "data": {"jid": "romeo@montague.lit", "password": "pw", "resource": "orchard"}}))
        .await;
    let online = c.recv().await;
    assert_eq!(
        online,
        json!({"event": "xmpp.connection", "data": {"status": "online",
            "jid": {"user": "romeo", "domain": "montague.lit", "resource": "orchard"}}})
    );
    let mut conn = gw.connection().await;
    assert_eq!(conn.jid, "romeo@montague.lit/orchard");
    assert_eq!(conn.request.password.expose(), "pw");

    // Chat out, with a callback.
    c.send(json!({"event": "xmpp.chat.message", "ack": 1,
                  "data": {"to": "juliet@capulet.lit", "content": "Hi <3"}}))
        .await;
    let cb = c.recv().await;
    assert_eq!(cb["ack"], 1, "{cb}");
    assert_eq!(cb["error"], Value::Null, "{cb}");
    let msg = sent(&mut conn).await;
    let m = msg.root();
    assert!(m.is(NS_CLIENT, "message"));
    assert_eq!(m.attr("to"), Some("juliet@capulet.lit"));
    assert_eq!(
        m.child(NS_CLIENT, "body")
            .map(|b| b.text().into_owned())
            .as_deref(),
        Some("Hi <3")
    );

    // Chat in.
    inject(
        &conn,
        "<message from='juliet@capulet.lit/balcony' type='chat' id='m1'><body>Hello</body></message>",
    )
    .await;
    let ev = c.recv().await;
    assert_eq!(ev["event"], "xmpp.chat.message", "{ev}");
    assert_eq!(ev["data"]["content"], "Hello");
    assert_eq!(
        ev["data"]["from"],
        json!({"user": "juliet", "domain": "capulet.lit", "resource": "balcony"})
    );

    // An IQ with its callback: the fake answers the roster get.
    c.send(json!({"event": "xmpp.roster.get", "data": {}, "ack": 2}))
        .await;
    let cb = c.recv().await;
    assert_eq!(cb["ack"], 2, "{cb}");
    assert_eq!(cb["error"], Value::Null, "{cb}");
    assert_eq!(cb["data"][0]["jid"]["user"], "juliet", "{cb}");
    assert_eq!(cb["data"][0]["groups"], json!(["Friends"]), "{cb}");
    let get = sent(&mut conn).await;
    assert_eq!(get.root().attr("type"), Some("get"));

    // A roster push: the event for the browser, the result for the server.
    inject(
        &conn,
        &format!(
            "<iq type='set' id='push1'><query xmlns='{}'>\
             <item jid='nurse@example.com' name='Nurse'/></query></iq>",
            *NS_ROSTER
        ),
    )
    .await;
    let ev = c.recv().await;
    assert_eq!(ev["event"], "xmpp.roster.push", "{ev}");
    assert_eq!(ev["data"]["name"], "Nurse");
    let ack = sent(&mut conn).await;
    assert_eq!(ack.root().attr("type"), Some("result"));
    assert_eq!(ack.root().attr("id"), Some("push1"));

    // An IQ nobody handles gets service-unavailable; the browser hears nothing.
    inject(
        &conn,
        "<iq type='get' id='q&amp;1' from='juliet@capulet.lit/balcony'>\
         <query xmlns='urn:example:unknown'/></iq>",
    )
    .await;
    let err = sent(&mut conn).await;
    let e = err.root();
    assert_eq!(e.attr("type"), Some("error"));
    assert_eq!(e.attr("id"), Some("q&1"));
    assert_eq!(e.attr("to"), Some("juliet@capulet.lit/balcony"));
    let condition = e.child(NS_CLIENT, "error").expect("<error/>");
    assert_eq!(condition.attr("type"), Some("cancel"));
    assert!(
        condition
            .child("urn:ietf:params:xml:ns:xmpp-stanzas", "service-unavailable")
            .is_some(),
        "{}",
        e.to_xml()
    );
    // Unmatched messages are ignored.
    inject(&conn, "<message from='x@y.lit' type='groupchat' id='z'/>").await;
    c.silent_for(Duration::from_millis(150)).await;

    // Closing the socket: a clean close handshake, and the XMPP session logs out.
    c.ws.close(None).await.expect("close");
    assert!(
        matches!(
            timeout(WAIT, c.ws.next()).await,
            Ok(Some(Ok(Message::Close(_))))
        ),
        "the gateway answers the close frame"
    );
    assert_eq!(
        timeout(WAIT, conn.next_sent()).await.expect("logged out"),
        None
    );
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn the_gateway_answers_ping_and_disco_info_itself() {
    let mut gw = Gateway::start(config(), FakeConnector::new()).await;
    let (mut c, mut conn) = gw.online("romeo@montague.lit/web").await;

    // XEP-0199 ping: an empty result with the request's id, to its sender.
    inject(
        &conn,
        "<iq type='get' id='ping&amp;1' from='juliet@capulet.lit/balcony'>\
         <ping xmlns='urn:xmpp:ping'/></iq>",
    )
    .await;
    let pong = sent(&mut conn).await;
    let p = pong.root();
    assert_eq!(p.attr("type"), Some("result"), "{}", p.to_xml());
    assert_eq!(p.attr("id"), Some("ping&1"));
    assert_eq!(p.attr("to"), Some("juliet@capulet.lit/balcony"));
    assert!(p.is_empty(), "{}", p.to_xml());

    // XEP-0030 disco#info: the client's identity and features.
    let ns_disco = "http://jabber.org/protocol/disco#info";
    inject(
        &conn,
        "<iq type='get' id='disco1' from='juliet@capulet.lit/balcony'>\
         <query xmlns='http://jabber.org/protocol/disco#info'/></iq>",
    )
    .await;
    let info = sent(&mut conn).await;
    let r = info.root();
    assert_eq!(r.attr("type"), Some("result"), "{}", r.to_xml());
    assert_eq!(r.attr("id"), Some("disco1"));
    assert_eq!(r.attr("to"), Some("juliet@capulet.lit/balcony"));
    let query = r.child(ns_disco, "query").expect("<query/>");
    let identity = query.child(ns_disco, "identity").expect("<identity/>");
    assert_eq!(identity.attr("category"), Some("client"));
    assert_eq!(identity.attr("type"), Some("web"));
    let vars: Vec<&str> = query
        .children_named(ns_disco, "feature")
        .filter_map(|f| f.attr("var"))
        .collect();
    let feature = xmpp_ftw_runtime::registry::FEATURES
        .first()
        .expect("the specs define features");
    assert!(vars.contains(feature), "{feature} in {vars:?}");
    assert!(vars.contains(&"urn:xmpp:ping"), "{vars:?}");
    assert!(vars.contains(&ns_disco), "{vars:?}");

    // An unknown node: item-not-found.
    inject(
        &conn,
        "<iq type='get' id='disco2' from='juliet@capulet.lit/balcony'>\
         <query xmlns='http://jabber.org/protocol/disco#info' node='urn:example:nope'/></iq>",
    )
    .await;
    let err = sent(&mut conn).await;
    let e = err.root();
    assert_eq!(e.attr("type"), Some("error"), "{}", e.to_xml());
    assert_eq!(e.attr("id"), Some("disco2"));
    assert!(
        e.child(NS_CLIENT, "error")
            .and_then(|x| x.child("urn:ietf:params:xml:ns:xmpp-stanzas", "item-not-found"))
            .is_some(),
        "{}",
        e.to_xml()
    );

    // None of it reached the browser.
    c.silent_for(Duration::from_millis(150)).await;
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn login_failures_and_events_before_login() {
    let gw = Gateway::with_roster().await;
    let mut c = gw.client().await;

    // Before login: not connected, to the callback when there is one.
    c.send(json!({"event": "xmpp.roster.get", "data": {}, "ack": 5}))
        .await;
    let cb = c.recv().await;
    assert_eq!(
        cb,
        json!({"ack": 5, "data": null, "error":
            {"type": "connection", "condition": "not-connected", "description": "You are not connected"}})
    );
    c.send(json!({"event": "xmpp.presence", "data": {}})).await;
    let ev = c.recv().await;
    assert_eq!(ev["event"], "xmpp.error");
    assert_eq!(ev["data"]["condition"], "not-connected");

    // Missing password: client error, the password never echoed.
    c.send(json!({"event": "xmpp.login", "data": {"jid": "romeo@montague.lit", "password": ""}}))
        .await;
    let ev = c.recv().await;
    assert_eq!(
        ev,
        json!({"event": "xmpp.error", "data": {"type": "auth", "condition": "client-error",
            "description": "Missing jid and/or password", "request": {"jid": "romeo@montague.lit"}}})
    );
    c.send(json!({"event": "xmpp.login", "data": {"password": "s3cret"}}))
        .await;
    let ev = c.recv().await;
    assert_eq!(ev["data"]["description"], "Missing jid and/or password");
    assert!(!ev.to_string().contains("s3cret"), "{ev}");

    // Authentication and registration failures.
    c.send(json!({"event": "xmpp.login",
                  "data": {"jid": "romeo@montague.lit", "password": FakeConnector::WRONG_PASSWORD}}))
        .await;
    assert_eq!(
        c.recv().await,
        json!({"event": "xmpp.error", "data": {"type": "auth", "condition": "login-fail",
            "description": "XMPP authentication fail"}})
    );
    c.send(json!({"event": "xmpp.login",
                  "data": {"jid": "taken@montague.lit", "password": "pw", "register": true}}))
        .await;
    assert_eq!(
        c.recv().await,
        json!({"event": "xmpp.error", "data": {"type": "auth", "condition": "registration-fail",
            "description": "Registration error"}})
    );

    // A fresh login still works, anonymous too (on another socket).
    c.send(json!({"event": "xmpp.login", "data": {"jid": "romeo@montague.lit", "password": "pw"}}))
        .await;
    assert_eq!(c.recv().await["data"]["status"], "online");
    let mut anon = gw.client().await;
    anon.send(json!({"event": "xmpp.login.anonymous", "data": {"jid": "anon.montague.lit"}}))
        .await;
    let online = anon.recv().await;
    assert_eq!(
        online["data"]["jid"]["domain"], "anon.montague.lit",
        "{online}"
    );
    assert!(online["data"]["jid"]["user"].is_string(), "{online}");

    let (_, metrics) = gw.http_get("/metrics").await;
    assert!(
        metrics.contains("xmpp_ftw_logins_failed_total 2"),
        "{metrics}"
    );
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn a_spoofed_iq_reply_is_ignored_and_the_callback_times_out() {
    let mut cfg = config();
    cfg.iq_timeout_secs = 1;
    let mut gw = Gateway::start(cfg, FakeConnector::new()).await;
    let (mut c, mut conn) = gw.online("romeo@montague.lit").await;

    c.send(json!({"event": "xmpp.roster.get", "data": {}, "ack": 1}))
        .await;
    let get = sent(&mut conn).await;
    let id = get.root().attr("id").expect("IQ id").to_owned();
    inject(
        &conn,
        &format!(
            "<iq type='result' id='{id}' from='mallory@evil.lit'><query xmlns='{ns}'>\
         <item jid='evil@evil.lit' subscription='both'/></query></iq>",
            ns = *NS_ROSTER
        ),
    )
    .await;
    let started = Instant::now();
    let cb = c.recv().await;
    assert_eq!(
        cb,
        json!({"ack": 1, "data": null, "error": {"type": "cancel",
            "condition": "remote-server-timeout", "description": "No reply within 1 s"}})
    );
    assert!(
        started.elapsed() >= Duration::from_millis(500),
        "timed out too early"
    );

    // The genuine reply (from the user's own server) after a spoof is delivered.
    c.send(json!({"event": "xmpp.roster.get", "data": {}, "ack": 2}))
        .await;
    let get = sent(&mut conn).await;
    let id = get.root().attr("id").expect("IQ id").to_owned();
    inject(
        &conn,
        &format!(
            "<iq type='result' id='{id}' from='capulet.lit'><query xmlns='{ns}'/></iq>",
            ns = *NS_ROSTER
        ),
    )
    .await;
    inject(
        &conn,
        &format!(
            "<iq type='result' id='{id}' from='montague.lit'><query xmlns='{ns}'/></iq>",
            ns = *NS_ROSTER
        ),
    )
    .await;
    assert_eq!(c.recv().await, json!({"ack": 2, "error": null, "data": []}));
    // A late duplicate of an answered reply is not delivered twice.
    inject(&conn, &format!("<iq type='result' id='{id}'/>")).await;
    c.silent_for(Duration::from_millis(150)).await;

    let (_, metrics) = gw.http_get("/metrics").await;
    assert!(
        metrics.contains("xmpp_ftw_iq_timeouts_total 1"),
        "{metrics}"
    );
    assert!(
        metrics.contains("xmpp_ftw_iq_latency_seconds_count 1"),
        "{metrics}"
    );
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn bad_frames_get_clear_errors_and_the_session_goes_on() {
    let mut cfg = config();
    cfg.max_frame_bytes = 4096;
    let mut gw = Gateway::with_roster_config(cfg).await;
    let (mut c, mut conn) = gw.online("romeo@montague.lit").await;

    for (text, why) in [
        ("{not json".to_owned(), "Malformed frame: not JSON"),
        (
            "[1, 2]".to_owned(),
            "Malformed frame: expected a JSON object",
        ),
        (
            r#"{"event": 7}"#.to_owned(),
            "Malformed frame: 'event' must be a non-empty string",
        ),
        (
            r#"{"event": "xmpp.roster.get", "ack": "one"}"#.to_owned(),
            "Malformed frame: 'ack' must be a non-negative integer",
        ),
        (
            format!(
                r#"{{"event": "xmpp.chat.message", "data": {{"to": "a@b.lit", "content": "{}"}}}}"#,
                "x".repeat(5000)
            ),
            "Frame too large (",
        ),
    ] {
        c.send_text(text.clone()).await;
        let ev = c.recv().await;
        assert_eq!(ev["event"], "xmpp.error.client", "{ev}");
        let description = client_error(&ev)["description"].as_str().expect("text");
        assert!(description.starts_with(why), "{text:.60}: {description}");
        assert!(
            ev["data"]["request"]
                .as_str()
                .is_some_and(|r| r.len() <= 1024),
            "{ev:.200}"
        );
    }

    // Payloads of the wrong shape: to the callback when there is one.
    c.send(json!({"event": "xmpp.chat.message", "ack": 3, "data": {"to": 5, "content": "x"}}))
        .await;
    let cb = c.recv().await;
    assert_eq!(cb["ack"], 3);
    assert_eq!(client_error(&cb)["description"], "'to' must be a string");
    assert_eq!(
        client_error(&cb)["request"],
        json!({"to": 5, "content": "x"})
    );
    c.send(json!({"event": "xmpp.roster.get", "data": {}}))
        .await;
    assert_eq!(
        client_error(&c.recv().await)["description"],
        "Missing callback"
    );
    c.send(json!({"event": "xmpp.nonsense", "data": {}})).await;
    assert_eq!(
        client_error(&c.recv().await)["description"],
        "Unknown event 'xmpp.nonsense'"
    );

    // Binary frames.
    c.ws.send(Message::binary(vec![0u8, 1, 2]))
        .await
        .expect("send");
    let ev = c.recv().await;
    assert!(
        client_error(&ev)["description"]
            .as_str()
            .is_some_and(|d| d.starts_with("Binary frames are not supported")),
        "{ev}"
    );

    // Still working.
    c.send(json!({"event": "xmpp.chat.message", "data": {"to": "juliet@capulet.lit", "content": "still here"}}))
        .await;
    let msg = sent(&mut conn).await;
    assert_eq!(msg.root().attr("to"), Some("juliet@capulet.lit"));

    // A frame far past the limit is beyond repair: the socket closes (1009).
    c.send_text("y".repeat(64 * 1024)).await;
    let frames = c.until_closed().await;
    assert!(frames.is_empty(), "{frames:?}");

    let (_, metrics) = gw.http_get("/metrics").await;
    for line in [
        "xmpp_ftw_frames_rejected_total{reason=\"malformed\"} 4",
        "xmpp_ftw_frames_rejected_total{reason=\"too_large\"} 2",
        "xmpp_ftw_frames_rejected_total{reason=\"binary\"} 1",
        "xmpp_ftw_client_errors_total 9",
    ] {
        assert!(metrics.contains(line), "{line} in\n{metrics}");
    }
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn a_flood_from_one_socket_leaves_another_working() {
    let mut gw = Gateway::with_roster().await;
    let (mut b, mut b_conn) = gw.online("juliet@capulet.lit").await;

    let a = gw.client().await;
    let (mut a_tx, mut a_rx) = a.ws.split();
    // A reads whatever comes back, so that only the gateway's own limits are tested.
    let reader = tokio::spawn(async move {
        let mut frames = 0usize;
        let mut rate_limited = 0usize;
        while let Ok(Some(Ok(msg))) = timeout(Duration::from_secs(1), a_rx.next()).await {
            if let Message::Text(t) = msg {
                frames += 1;
                if t.as_str().contains("Rate limit exceeded") {
                    rate_limited += 1;
                }
            }
        }
        (frames, rate_limited)
    });
    let flood = tokio::spawn(async move {
        for i in 0..10_000 {
            let junk = if i % 2 == 0 {
                format!("junk {i}")
            } else {
                format!(r#"{{"event": "xmpp.chat.message", "data": {{"to": {i}}}}}"#)
            };
            if a_tx.feed(Message::text(junk)).await.is_err() {
                return false;
            }
        }
        a_tx.flush().await.is_ok()
    });

    // B chats while A floods (every receive has its own deadline).
    for n in 0..5 {
        b.send(json!({"event": "xmpp.chat.message", "ack": n,
                      "data": {"to": "romeo@montague.lit", "content": format!("msg {n}")}}))
            .await;
        let cb = b.recv().await;
        assert_eq!(cb["ack"], n);
        assert_eq!(cb["error"], Value::Null);
        let m = sent(&mut b_conn).await;
        assert_eq!(
            m.root()
                .child(NS_CLIENT, "body")
                .map(|b| b.text().into_owned()),
            Some(format!("msg {n}"))
        );
    }
    assert!(
        flood.await.expect("flood task"),
        "A's socket stayed open during the flood"
    );
    let (frames, rate_limited) = reader.await.expect("reader");
    assert!(frames >= 100, "A got its errors: {frames}");
    assert!(rate_limited > 0, "A was rate limited");

    let (_, metrics) = gw.http_get("/metrics").await;
    let line = metrics
        .lines()
        .find(|l| l.starts_with("xmpp_ftw_frames_rejected_total{reason=\"rate_limited\"}"))
        .expect("rate-limit counter");
    let count: u64 = line
        .rsplit(' ')
        .next()
        .and_then(|n| n.parse().ok())
        .expect("number");
    assert!(count >= 9_000, "{line}");
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn logins_logouts_and_lost_links() {
    let (fake, connections) = FakeConnector::with_responder(roster_responder);
    let fake = fake.with_login_delay(Duration::from_millis(300));
    let mut gw = Gateway::start(config(), (fake, connections)).await;
    let mut c = gw.client().await;

    // A second login while one is in progress is refused.
    let login =
        json!({"event": "xmpp.login", "data": {"jid": "romeo@montague.lit", "password": "pw"}});
    c.send(login.clone()).await;
    c.send(login.clone()).await;
    let refused = c.recv().await;
    assert_eq!(
        client_error(&refused)["description"],
        "Login already in progress"
    );
    assert_eq!(
        client_error(&refused)["request"],
        json!({"jid": "romeo@montague.lit"})
    );
    assert_eq!(c.recv().await["event"], "xmpp.connection");
    let mut first = gw.connection().await;

    // A login while online logs the old session out first.
    c.send(json!({"event": "xmpp.login", "ack": 9,
                  "data": {"jid": "romeo@montague.lit/second", "password": "pw"}}))
        .await;
    assert_eq!(
        timeout(WAIT, first.next_sent())
            .await
            .expect("old link dropped"),
        None
    );
    let online = c.recv().await;
    assert_eq!(online["data"]["jid"]["resource"], "second", "{online}");
    assert_eq!(
        c.recv().await,
        json!({"ack": 9, "error": null, "data": true})
    );
    let mut second = gw.connection().await;

    // Logout with a callback: true, and the socket stays.
    c.send(json!({"event": "xmpp.logout", "data": {}, "ack": 10}))
        .await;
    assert_eq!(
        c.recv().await,
        json!({"ack": 10, "error": null, "data": true})
    );
    assert_eq!(
        timeout(WAIT, second.next_sent()).await.expect("logged out"),
        None
    );
    c.send(json!({"event": "xmpp.roster.get", "data": {}, "ack": 11}))
        .await;
    assert_eq!(c.recv().await["error"]["condition"], "not-connected");

    // The server drops the stream: disconnected, pending callbacks failed, and a
    // fresh login works.
    c.send(login.clone()).await;
    assert_eq!(c.recv().await["event"], "xmpp.connection");
    let third = gw.connection().await;
    third.close("server went away").await;
    assert_eq!(
        c.recv().await,
        json!({"event": "xmpp.error", "data": {"type": "connection", "condition": "disconnected",
            "description": "XMPP client disconnected"}})
    );
    c.send(json!({"event": "xmpp.chat.message", "data": {"to": "a@b.lit", "content": "x"}}))
        .await;
    assert_eq!(c.recv().await["data"]["condition"], "not-connected");
    c.send(login.clone()).await;
    assert_eq!(c.recv().await["event"], "xmpp.connection");
    let _fourth = gw.connection().await;

    // Logout without a callback closes the socket.
    c.send(json!({"event": "xmpp.logout", "data": {}})).await;
    assert!(c.until_closed().await.is_empty());
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn http_endpoints_origins_and_session_limit() {
    let mut cfg = config();
    cfg.allowed_origins = vec!["https://chat.example".into()];
    cfg.allowed_domains = vec!["montague.lit".into()];
    cfg.max_sessions = 2;
    let gw = Gateway::start(cfg, FakeConnector::new()).await;

    assert_eq!(gw.http_get("/healthz").await, (200, "ok".to_owned()));
    assert_eq!(gw.http_get("/nope").await.0, 404);
    let (status, metrics) = gw.http_get("/metrics").await;
    assert_eq!(status, 200);
    for name in [
        "xmpp_ftw_sessions 0",
        "xmpp_ftw_logins_total 0",
        "xmpp_ftw_logins_failed_total 0",
        "xmpp_ftw_stanzas_in_total 0",
        "xmpp_ftw_stanzas_out_total 0",
        "xmpp_ftw_client_errors_total 0",
        "xmpp_ftw_frames_rejected_total{reason=\"rate_limited\"} 0",
        "xmpp_ftw_iq_latency_seconds_bucket",
    ] {
        assert!(metrics.contains(name), "{name} in\n{metrics}");
    }

    let with_origin = |origin: &'static str| {
        let mut req = gw.url().into_client_request().expect("request");
        req.headers_mut()
            .insert("Origin", HeaderValue::from_static(origin));
        req
    };
    match connect_async(with_origin("https://evil.example")).await {
        Err(WsError::Http(response)) => assert_eq!(response.status(), 403),
        other => panic!("expected 403, got {other:?}"),
    }
    let (_a, _) = connect_async(with_origin("https://chat.example"))
        .await
        .expect("allowed origin");
    let mut b = gw.client().await; // no Origin: not a browser, allowed
    b.send(json!({"event": "xmpp.login", "data": {"jid": "tybalt@capulet.lit", "password": "pw"}}))
        .await;
    assert_eq!(
        b.recv().await,
        json!({"event": "xmpp.error", "data": {"type": "cancel", "condition": "unknown",
            "description": "Logins to 'capulet.lit' are not allowed on this gateway"}})
    );
    match connect_async(gw.url()).await {
        Err(WsError::Http(response)) => assert_eq!(response.status(), 503),
        other => panic!("expected 503, got {other:?}"),
    }
    let (_, metrics) = gw.http_get("/metrics").await;
    assert!(metrics.contains("xmpp_ftw_sessions 2"), "{metrics}");
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn shutdown_tells_every_browser_and_closes() {
    let mut gw = Gateway::with_roster().await;
    let (mut online, _conn) = gw.online("romeo@montague.lit").await;
    let mut idle = gw.client().await;
    let url = gw.url();
    let started = Instant::now();
    let server = gw.server;
    let shutdown = tokio::spawn(server.shutdown());
    let last = json!({"event": "xmpp.error", "data": {"type": "connection", "condition": "shutdown",
        "description": "Gateway shutting down"}});
    assert_eq!(online.until_closed().await, vec![last.clone()]);
    assert_eq!(idle.until_closed().await, vec![last]);
    shutdown.await.expect("task").expect("shutdown");
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    assert!(connect_async(url).await.is_err(), "no longer accepting");
}

#[tokio::test]
async fn a_browser_that_stops_reading_is_dropped_alone() {
    let mut gw =
        Gateway::start_with(config(), FakeConnector::new(), Duration::from_millis(500)).await;
    let (slow, mut slow_conn) = gw.online("slow@montague.lit").await;
    let (mut b, mut b_conn) = gw.online("juliet@capulet.lit").await;

    // The server floods the slow browser's session with 8 KiB messages, which it never reads.
    let inject = slow_conn.inject.clone();
    let producer = tokio::spawn(async move {
        let body = "x".repeat(8 * 1024);
        for n in 0..20_000u32 {
            let xml =
                format!("<message from='a@b.lit/c' type='chat'><body>{body}</body></message>");
            let tree = Tree::parse(&xml, NS_CLIENT, &Limits::default()).expect("XML");
            if inject.send(LinkEvent::Stanza(tree)).await.is_err() {
                return n;
            }
        }
        20_000
    });

    // The other browser is not held up.
    for n in 0..3 {
        let started = Instant::now();
        b.send(json!({"event": "xmpp.chat.message", "ack": n,
                      "data": {"to": "romeo@montague.lit", "content": "still fine"}}))
            .await;
        assert_eq!(b.recv().await["error"], Value::Null);
        sent(&mut b_conn).await;
        assert!(
            started.elapsed() < Duration::from_millis(500),
            "{:?}",
            started.elapsed()
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }

    // The slow one is dropped: its link closes and the flood stops, bounded.
    assert_eq!(
        timeout(WAIT, slow_conn.next_sent())
            .await
            .expect("slow session dropped in time"),
        None
    );
    let delivered = timeout(WAIT, producer)
        .await
        .expect("producer stopped")
        .expect("task");
    assert!(
        delivered < 20_000,
        "the gateway took everything: {delivered}"
    );
    drop(slow);
    let (_, metrics) = gw.http_get("/metrics").await;
    assert!(metrics.contains("xmpp_ftw_sessions 1"), "{metrics}");
    gw.server.shutdown().await.expect("shutdown");
}

/// A chat message from juliet, as the fake server would deliver it.
fn chat_from_juliet(body: &str) -> String {
    format!("<message type='chat' from='juliet@capulet.lit/balcony'><body>{body}</body></message>")
}

#[tokio::test]
async fn stanzas_come_with_their_xml_when_asked() {
    let mut gw = Gateway::with_roster().await;
    let (mut c, conn) = gw.online("romeo@montague.lit").await;
    inject(&conn, &chat_from_juliet("plain")).await;
    let frame = c.recv().await;
    assert_eq!(frame["data"]["content"], "plain");
    assert!(frame.get("xml").is_none(), "no XML unless asked: {frame}");

    c.send(json!({"event": "gateway.xml", "data": {"enabled": true}, "ack": 1}))
        .await;
    assert_eq!(
        c.recv().await,
        json!({"ack": 1, "error": null, "data": true})
    );
    inject(&conn, &chat_from_juliet("with &lt;xml&gt;")).await;
    let frame = c.recv().await;
    assert_eq!(frame["data"]["content"], "with <xml>");
    let xml = frame["xml"].as_str().expect("the stanza as text");
    let tree = Tree::parse(xml, NS_CLIENT, &Limits::default()).expect("the XML parses");
    assert_eq!(tree.root().attr("from"), Some("juliet@capulet.lit/balcony"));

    c.send(json!({"event": "gateway.xml", "data": {}, "ack": 2}))
        .await;
    let refused = c.recv().await;
    assert_eq!(
        client_error(&refused)["description"],
        "Missing 'enabled' key"
    );
    gw.server.shutdown().await.expect("shutdown");
}

/// `gateway.resumable` on a logged-in client: its token.
async fn resumable(c: &mut Client) -> String {
    c.send(json!({"event": "gateway.resumable", "data": {}, "ack": 90}))
        .await;
    let reply = c.recv().await;
    assert_eq!(reply["ack"], 90, "{reply}");
    assert_eq!(reply["error"], Value::Null, "{reply}");
    assert!(
        reply.get("seq").is_none(),
        "numbering starts after: {reply}"
    );
    assert!(
        reply["data"]["grace"].as_u64().is_some_and(|g| g > 0),
        "{reply}"
    );
    reply["data"]["token"].as_str().expect("a token").to_owned()
}

#[tokio::test]
async fn a_dropped_browser_resumes_without_losing_frames() {
    let mut gw = Gateway::with_roster().await;
    let (mut c, mut conn) = gw.online("romeo@montague.lit").await;
    let token = resumable(&mut c).await;

    inject(&conn, &chat_from_juliet("one")).await;
    let first = c.recv().await;
    assert_eq!(first["seq"], 1, "frames are numbered: {first}");
    assert_eq!(first["data"]["content"], "one");
    // The browser's connection drops without a close handshake.
    drop(c);
    // Juliet goes on talking meanwhile; the session stays online.
    inject(&conn, &chat_from_juliet("two")).await;
    inject(&conn, &chat_from_juliet("three")).await;

    let mut again = gw.client().await;
    again
        .send(json!({"event": "gateway.resume", "data": {"token": token, "seq": 1}, "ack": 5}))
        .await;
    let resumed = again.recv().await;
    assert_eq!(resumed["ack"], 5, "{resumed}");
    assert_eq!(resumed["error"], Value::Null, "{resumed}");
    assert_eq!(resumed["data"]["seq"], 3, "{resumed}");
    let new_token = resumed["data"]["token"]
        .as_str()
        .expect("a new token")
        .to_owned();
    assert_ne!(new_token, token, "tokens are single-use");
    let two = again.recv().await;
    let three = again.recv().await;
    assert_eq!(
        (two["seq"].clone(), two["data"]["content"].clone()),
        (json!(2), json!("two"))
    );
    assert_eq!(
        (three["seq"].clone(), three["data"]["content"].clone()),
        (json!(3), json!("three"))
    );

    // The same XMPP session: events go out on the original link.
    again
        .send(json!({"event": "xmpp.chat.message", "data": {"to": "juliet@capulet.lit", "content": "back"}}))
        .await;
    let out = sent(&mut conn).await;
    assert_eq!(
        out.root()
            .child(NS_CLIENT, "body")
            .map(|b| b.text().into_owned()),
        Some("back".to_owned())
    );
    inject(&conn, &chat_from_juliet("four")).await;
    let four = again.recv().await;
    assert_eq!(four["seq"], 4, "{four}");

    // The old token is spent.
    let mut thief = gw.client().await;
    thief
        .send(json!({"event": "gateway.resume", "data": {"token": token, "seq": 0}, "ack": 1}))
        .await;
    let refused = thief.recv().await;
    assert_eq!(refused["error"]["condition"], "resume-failed", "{refused}");
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn resumption_fails_cleanly_and_the_session_then_ends() {
    let mut config = config();
    config.resume_grace_secs = 1;
    let mut gw = Gateway::with_roster_config(config).await;

    // A token nobody issued.
    let mut stranger = gw.client().await;
    stranger
        .send(json!({"event": "gateway.resume", "data": {"token": "nope", "seq": 0}, "ack": 1}))
        .await;
    let refused = stranger.recv().await;
    assert_eq!(refused["error"]["type"], "connection", "{refused}");
    assert_eq!(refused["error"]["condition"], "resume-failed", "{refused}");
    // The connection still works as a fresh one.
    stranger
        .send(json!({"event": "gateway.resume", "data": {"token": 5}, "ack": 2}))
        .await;
    assert!(
        client_error(&stranger.recv().await)["description"]
            .as_str()
            .is_some_and(|d| d.contains("'token'"))
    );

    // Not before logging in.
    stranger
        .send(json!({"event": "gateway.resumable", "data": {}, "ack": 3}))
        .await;
    assert_eq!(stranger.recv().await["error"]["condition"], "not-connected");

    // Past the grace period the session is gone, and its XMPP link closed.
    let (mut c, mut conn) = gw.online("romeo@montague.lit").await;
    let token = resumable(&mut c).await;
    drop(c);
    assert_eq!(
        timeout(WAIT, conn.next_sent())
            .await
            .expect("the link ends in time"),
        None,
        "the XMPP session ended after the grace period"
    );
    let mut late = gw.client().await;
    late.send(json!({"event": "gateway.resume", "data": {"token": token, "seq": 0}, "ack": 1}))
        .await;
    assert_eq!(late.recv().await["error"]["condition"], "resume-failed");
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn a_resume_from_too_far_back_is_refused_and_ends_the_session() {
    let mut config = config();
    config.resume_buffer_bytes = 600;
    let mut gw = Gateway::with_roster_config(config).await;
    let (mut c, mut conn) = gw.online("romeo@montague.lit").await;
    let token = resumable(&mut c).await;
    drop(c);
    for n in 0..20 {
        inject(&conn, &chat_from_juliet(&format!("message {n}"))).await;
    }
    let mut again = gw.client().await;
    again
        .send(json!({"event": "gateway.resume", "data": {"token": token, "seq": 0}, "ack": 1}))
        .await;
    let refused = again.recv().await;
    assert_eq!(refused["error"]["condition"], "resume-failed", "{refused}");
    assert!(
        refused["error"]["description"]
            .as_str()
            .is_some_and(|d| d.contains("lost")),
        "{refused}"
    );
    // The old session ended (its link closes); this connection can log in afresh.
    while timeout(WAIT, conn.next_sent())
        .await
        .expect("link ends")
        .is_some()
    {}
    again
        .send(
            json!({"event": "xmpp.login", "data": {"jid": "romeo@montague.lit", "password": "pw"}}),
        )
        .await;
    assert_eq!(again.recv().await["event"], "xmpp.connection");
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn socket_io_long_polling_speaks_the_original_protocol() {
    let mut gw = Gateway::with_roster().await;
    // Engine.IO handshake, then the Socket.IO connect to the main namespace.
    let open = polling(&gw, "GET", "", "").await;
    let handshake: Value =
        serde_json::from_str(open.strip_prefix('0').expect("an open packet")).expect("JSON");
    let sid = handshake["sid"].as_str().expect("a session id").to_owned();
    assert_eq!(
        polling(&gw, "POST", &format!("&sid={sid}"), "40").await,
        "ok"
    );
    let connected = poll_packets(&gw, &sid).await;
    assert!(connected[0].starts_with("40"), "{connected:?}");

    // socket.emit('xmpp.login', {...}): the session logs in through the connector.
    let login = r#"42["xmpp.login",{"jid":"romeo@montague.lit","password":"pw"}]"#;
    assert_eq!(
        polling(&gw, "POST", &format!("&sid={sid}"), login).await,
        "ok"
    );
    let online = poll_packets(&gw, &sid).await;
    assert!(
        online[0].starts_with(r#"42["xmpp.connection",{"#),
        "{online:?}"
    );
    let _conn = gw.connection().await;

    // socket.emit('xmpp.roster.get', {}, (error, data) => …): ack id 7.
    let get = r#"427["xmpp.roster.get",{}]"#;
    assert_eq!(
        polling(&gw, "POST", &format!("&sid={sid}"), get).await,
        "ok"
    );
    let answer = poll_packets(&gw, &sid).await;
    let args: Value =
        serde_json::from_str(answer[0].strip_prefix("437").expect("the ack of 7")).expect("JSON");
    assert_eq!(args[0], Value::Null, "{args}");
    assert_eq!(args[1][0]["jid"]["user"], "juliet", "{args}");

    // A required callback that is missing gets the original's client error event.
    let no_callback = r#"42["xmpp.roster.get",{}]"#;
    assert_eq!(
        polling(&gw, "POST", &format!("&sid={sid}"), no_callback).await,
        "ok"
    );
    let refused = poll_packets(&gw, &sid).await;
    assert!(
        refused[0].starts_with(r#"42["xmpp.error.client","#),
        "{refused:?}"
    );
    assert!(refused[0].contains("Missing callback"), "{refused:?}");
    gw.server.shutdown().await.expect("shutdown");
}
