//! Events the browser answers (the spec language's `answer`), through the real
//! server with the in-memory `FakeConnector`: the pubsub subscription approval of
//! XEP-0060 §8.6. The request stanza is the spec's fixture, and the expected answer
//! stanza is what the registry's encoder writes for the expected payload (the
//! fixtures check that encoder against XEP-0060's examples), so no protocol name
//! appears here.

mod common;

use common::{Client, Gateway, config, inject, poll_packets, polling, sent_text};
use serde_json::{Value, json};
use xmpp_ftw_gateway::link::{FakeConnection, FakeConnector};
use xmpp_ftw_gateway::session::MAX_PENDING_ANSWERS;
use xmpp_ftw_runtime::catalog::Direction;
use xmpp_ftw_runtime::registry;
use xmpp_ftw_runtime::session::Session;

const ASKED: &str = "xmpp.pubsub.push.authorisation";
const ANSWER: &str = "xmpp.pubsub.authorisation";

/// The authorisation request of the pubsub fixtures: from `pubsub.shakespeare.lit`,
/// id `sub1`.
fn request_xml() -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../tests/fixtures/xep-0060/push-authorisation.xml"
    );
    std::fs::read_to_string(path).expect("the push-authorisation fixture")
}

/// The request with another id, so that several can wait at once.
fn request_with_id(id: &str) -> String {
    request_xml().replacen("id=\"sub1\"", &format!("id=\"{id}\""), 1)
}

fn fields(allow: bool) -> Value {
    json!([
        {"var": "pubsub#node", "value": "princely_musings"},
        {"var": "pubsub#subscriber_jid", "value": "horatio@denmark.lit"},
        {"var": "pubsub#allow", "value": allow}
    ])
}

/// The stanza the answer event writes for `form`, to the request's sender and id.
fn expected_answer(id: &str, form: &Value) -> String {
    let payload = json!({"to": "pubsub.shakespeare.lit", "id": id, "form": form});
    registry::encode(ANSWER, Direction::Out, &payload, &mut Session::new())
        .unwrap_or_else(|e| panic!("{}", e.description))
}

/// A gateway on the fake connector, without canned answers.
async fn gateway() -> Gateway {
    Gateway::start(config(), FakeConnector::new()).await
}

impl Gateway {
    async fn romeo(&mut self) -> (Client, FakeConnection) {
        self.online("romeo@montague.lit").await
    }
}

impl Client {
    /// The next frame, which must be the authorisation request with a gateway ack.
    async fn asked(&mut self) -> u64 {
        let frame = self.recv().await;
        assert_eq!(frame["event"], ASKED, "{frame}");
        assert_eq!(frame["data"]["from"], "pubsub.shakespeare.lit", "{frame}");
        frame["ack"].as_u64().expect("the event carries an ack")
    }
}

/// A stanza the browser sends, to show what the fake receives next.
async fn marker(c: &mut Client, conn: &mut FakeConnection, content: &str) {
    c.send(json!({"event": "xmpp.chat.message", "data": {"to": "juliet@capulet.lit", "content": content}}))
        .await;
    let next = sent_text(conn).await;
    assert!(
        next.contains(content),
        "the next stanza sent is the marker: {next}"
    );
}

fn client_error(frame: &Value) -> (&Value, &Value) {
    assert_eq!(frame["event"], "xmpp.error.client", "{frame}");
    (&frame["data"]["description"], &frame["data"]["request"])
}

#[tokio::test]
async fn an_answer_goes_out_with_the_request_id_and_only_once() {
    let mut gw = gateway().await;
    let (mut c, mut conn) = gw.romeo().await;
    inject(&conn, &request_xml()).await;
    let ack = c.asked().await;
    c.send(json!({"ack": ack, "error": null, "data": fields(true)}))
        .await;
    assert_eq!(
        sent_text(&mut conn).await,
        expected_answer("sub1", &fields(true))
    );

    // The ack is used up.
    c.send(json!({"ack": ack, "error": null, "data": fields(false)}))
        .await;
    let frame = c.recv().await;
    let (description, _) = client_error(&frame);
    assert_eq!(
        *description,
        format!("No event is waiting for an answer to ack {ack}")
    );
    marker(&mut c, &mut conn, "after the answer").await;
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn an_error_answer_sends_nothing() {
    let mut gw = gateway().await;
    let (mut c, mut conn) = gw.romeo().await;
    inject(&conn, &request_xml()).await;
    let ack = c.asked().await;
    c.send(json!({"ack": ack, "error": {"condition": "declined"}, "data": null}))
        .await;
    // Nothing went out for the declined answer: the next stanza is the marker.
    marker(&mut c, &mut conn, "after declining").await;
    // The browser heard nothing either: its next frame is the next request.
    inject(&conn, &request_with_id("sub2")).await;
    let next = c.asked().await;
    assert!(next > ack, "acks are not reused");
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn unknown_acks_are_refused() {
    let mut gw = gateway().await;
    let (mut c, _conn) = gw.romeo().await;
    c.send(json!({"ack": 99, "error": null, "data": fields(true)}))
        .await;
    let frame = c.recv().await;
    let (description, _) = client_error(&frame);
    assert_eq!(*description, "No event is waiting for an answer to ack 99");
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn a_bad_answer_is_refused_with_the_payload_and_the_ack() {
    let mut gw = gateway().await;
    let (mut c, mut conn) = gw.romeo().await;
    inject(&conn, &request_xml()).await;
    let ack = c.asked().await;
    c.send(json!({"ack": ack, "error": null, "data": true}))
        .await;
    let frame = c.recv().await;
    let (description, request) = client_error(&frame);
    assert_eq!(*description, "Badly formatted data form");
    assert_eq!(
        *request,
        json!({
            "ack": ack,
            "event": ANSWER,
            "data": {"to": "pubsub.shakespeare.lit", "id": "sub1", "form": true}
        })
    );
    marker(&mut c, &mut conn, "nothing before me").await;
    // Refused answers use the ack up too.
    c.send(json!({"ack": ack, "error": null, "data": fields(true)}))
        .await;
    let frame = c.recv().await;
    let (description, _) = client_error(&frame);
    assert_eq!(
        *description,
        format!("No event is waiting for an answer to ack {ack}")
    );
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn past_the_bound_the_oldest_waiting_event_is_forgotten() {
    let mut gw = gateway().await;
    let (mut c, mut conn) = gw.romeo().await;
    let mut acks = Vec::new();
    for i in 0..=MAX_PENDING_ANSWERS {
        inject(&conn, &request_with_id(&format!("r{i}"))).await;
        acks.push(c.asked().await);
    }
    c.send(json!({"ack": acks[0], "error": null, "data": fields(true)}))
        .await;
    let frame = c.recv().await;
    let (description, _) = client_error(&frame);
    assert_eq!(
        *description,
        format!("No event is waiting for an answer to ack {}", acks[0])
    );
    // The second oldest and the newest still wait.
    for (i, ack) in [
        (1, acks[1]),
        (MAX_PENDING_ANSWERS, acks[MAX_PENDING_ANSWERS]),
    ] {
        c.send(json!({"ack": ack, "error": null, "data": fields(false)}))
            .await;
        assert_eq!(
            sent_text(&mut conn).await,
            expected_answer(&format!("r{i}"), &fields(false))
        );
    }
    gw.server.shutdown().await.expect("shutdown");
}

#[tokio::test]
async fn an_event_asked_while_detached_is_answered_after_resuming() {
    let mut gw = gateway().await;
    let (mut c, mut conn) = gw.romeo().await;
    c.send(json!({"event": "gateway.resumable", "data": {}, "ack": 90}))
        .await;
    let reply = c.recv().await;
    let token = reply["data"]["token"].as_str().expect("a token").to_owned();
    drop(c);
    inject(&conn, &request_xml()).await;

    let mut again = gw.client().await;
    again
        .send(json!({"event": "gateway.resume", "data": {"token": token, "seq": 0}, "ack": 5}))
        .await;
    assert_eq!(again.recv().await["ack"], 5);
    let ack = again.asked().await;
    again
        .send(json!({"ack": ack, "error": null, "data": fields(true)}))
        .await;
    assert_eq!(
        sent_text(&mut conn).await,
        expected_answer("sub1", &fields(true))
    );
    gw.server.shutdown().await.expect("shutdown");
}

async fn post(gw: &Gateway, sid: &str, body: impl AsRef<str>) -> String {
    polling(gw, "POST", &format!("&sid={sid}"), body.as_ref()).await
}

/// The Socket.IO event packet `42<id>["<event>",<data>]` of an emit with an ack: the
/// ack id and the data.
fn emitted_with_ack(packet: &str, event: &str) -> (u64, Value) {
    let rest = packet.strip_prefix("42").expect("an event packet");
    let split = rest.find('[').expect("arguments");
    let id: u64 = rest[..split].parse().expect("the emit asks for an ack");
    let args: Value = serde_json::from_str(&rest[split..]).expect("JSON arguments");
    assert_eq!(args[0], event, "{packet}");
    (id, args[1].clone())
}

/// `socket.on('xmpp.pubsub.push.authorisation', (data, callback) => callback(fields))`,
/// the original's way, and `callback(error, data)`.
#[tokio::test]
async fn socket_io_acknowledgements_answer_the_event() {
    let mut gw = gateway().await;
    let open = polling(&gw, "GET", "", "").await;
    let handshake: Value =
        serde_json::from_str(open.strip_prefix('0').expect("an open packet")).expect("JSON");
    let sid = handshake["sid"].as_str().expect("a session id").to_owned();
    assert_eq!(post(&gw, &sid, "40").await, "ok");
    assert!(poll_packets(&gw, &sid).await[0].starts_with("40"));
    let login = r#"42["xmpp.login",{"jid":"romeo@montague.lit","password":"pw"}]"#;
    assert_eq!(post(&gw, &sid, login).await, "ok");
    assert!(poll_packets(&gw, &sid).await[0].starts_with(r#"42["xmpp.connection""#));
    let mut conn = gw.connection().await;

    // One argument: the answer itself, as the original's clients call it.
    inject(&conn, &request_xml()).await;
    let packets = poll_packets(&gw, &sid).await;
    let (id, data) = emitted_with_ack(&packets[0], ASKED);
    assert_eq!(data["id"], "sub1", "{data}");
    assert_eq!(
        post(&gw, &sid, format!("43{id}[{}]", fields(true))).await,
        "ok"
    );
    assert_eq!(
        sent_text(&mut conn).await,
        expected_answer("sub1", &fields(true))
    );

    // `(error, data)`: an error declines, nothing is sent; null and data answer.
    inject(&conn, &request_with_id("sub2")).await;
    let (declined, _) = emitted_with_ack(&poll_packets(&gw, &sid).await[0], ASKED);
    assert_eq!(
        post(&gw, &sid, format!(r#"43{declined}["no",null]"#)).await,
        "ok"
    );
    inject(&conn, &request_with_id("sub3")).await;
    let (id, _) = emitted_with_ack(&poll_packets(&gw, &sid).await[0], ASKED);
    assert_eq!(
        post(&gw, &sid, format!("43{id}[null,{}]", fields(false))).await,
        "ok"
    );
    assert_eq!(
        sent_text(&mut conn).await,
        expected_answer("sub3", &fields(false)),
        "the declined sub2 sent nothing"
    );
    gw.server.shutdown().await.expect("shutdown");
}
