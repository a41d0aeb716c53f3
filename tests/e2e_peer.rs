//! Peer-to-peer extensions end to end: two gateway sessions (romeo and juliet) on a
//! private Prosody, IQs to full JIDs. Jingle signalling (a session-initiate the peer's
//! browser acknowledges, a request it rejects), Jabber-RPC (a call answered with values,
//! one answered with a fault that reaches the caller's callback as its error) and XEP-0070 HTTP auth (romeo stands in for the HTTP
//! server and asks by message; juliet confirms, then denies).
//!
//! Protocol values come from the fixtures (see `tests/spec_only.rs`). Fails (never
//! skips) when prosody is not installed: run `scripts/setup`.

use serde_json::{Value, json};
use xmpp_ftw_gateway::server::RunningServer;
use xmpp_ftw_tests::browser::{Client, start_gateway};
use xmpp_ftw_tests::prosody::Prosody;

/// A fixture's JSON, e.g. `fixture("xep-0166", "initiate")`.
fn fixture(spec: &str, case: &str) -> Value {
    let path = format!("{}/fixtures/{spec}/{case}.json", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("fixture file");
    serde_json::from_str(&text).expect("fixture JSON")
}

async fn online_pair() -> (Prosody, RunningServer, Client, String, Client, String) {
    let prosody = Prosody::builder()
        .users([("romeo", "r0meo-pw"), ("juliet", "jul1et-pw")])
        .start_for_test();
    let gateway = start_gateway().await;
    let (mut romeo, romeo_jid) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, juliet_jid) = Client::online_as(&gateway, &prosody, "juliet").await;
    // Available resources, so the server routes IQs to the full JIDs.
    romeo.send("xmpp.presence", json!({})).await;
    juliet.send("xmpp.presence", json!({})).await;
    // A round trip each, so the presences are processed before the first IQ.
    romeo.ok("xmpp.roster.get", json!({})).await;
    juliet.ok("xmpp.roster.get", json!({})).await;
    (prosody, gateway, romeo, romeo_jid, juliet, juliet_jid)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn jingle_rpc_and_http_auth_between_two_browsers() {
    let (_prosody, _gateway, mut romeo, romeo_jid, mut juliet, juliet_jid) = online_pair().await;

    // --- Jingle: session-initiate, acknowledged by juliet's browser.
    let jingle = fixture("xep-0166", "initiate")["payload"]["jingle"].clone();
    let ack = romeo
        .send_ack(
            "xmpp.jingle.request",
            json!({"to": juliet_jid, "jingle": jingle}),
        )
        .await;
    let request = juliet
        .event("xmpp.jingle.request", |d| {
            d["jingle"]["sid"] == jingle["sid"]
        })
        .await;
    assert_eq!(request["from"], json!(romeo_jid), "{request}");
    assert_eq!(request["type"], "set", "{request}");
    // Decoding fills in the defaults the fixture's `decoded` shows.
    let expected = fixture("xep-0166", "initiate-in")["payload"]["jingle"].clone();
    assert_eq!(request["jingle"], expected, "juliet sees romeo's offer");
    let id = request["id"].as_str().expect("request id").to_owned();
    let answered = juliet
        .ok(
            "xmpp.jingle.request",
            json!({"to": romeo_jid, "type": "result", "id": id}),
        )
        .await;
    assert_eq!(answered, json!(true), "juliet's answer went out");
    let (error, data) = romeo.callback(ack).await;
    assert_eq!(error, Value::Null, "romeo's offer acknowledged: {data}");
    assert_eq!(data, json!(true));

    // --- Jingle: a request juliet's browser rejects with a Jingle condition. The
    // hang-up carries a reason, which reaches juliet as sent.
    let terminate = fixture("xep-0166", "terminate-reason")["payload"]["jingle"].clone();
    let ack = romeo
        .send_ack(
            "xmpp.jingle.request",
            json!({"to": juliet_jid, "type": "set", "jingle": terminate}),
        )
        .await;
    let request = juliet
        .event("xmpp.jingle.request", |d| {
            d["jingle"]["action"] == terminate["action"]
        })
        .await;
    assert_eq!(
        request["jingle"]["reason"], terminate["reason"],
        "{request}"
    );
    let mut reject = fixture("xep-0166", "reject")["payload"].clone();
    reject["to"] = json!(romeo_jid);
    reject["id"] = request["id"].clone();
    assert_eq!(juliet.ok("xmpp.jingle.request", reject).await, json!(true));
    let (error, data) = romeo.callback(ack).await;
    assert_eq!(data, Value::Null);
    let wanted = fixture("xep-0166", "initiate-result-error")["payload"]["error"].clone();
    assert_eq!(error, wanted, "romeo learns why");

    // --- Jabber-RPC: a call with nested values, answered with values.
    let call = fixture("xep-0009", "perform-nested")["payload"].clone();
    let ack = romeo
        .send_ack(
            "xmpp.rpc.perform",
            json!({"to": juliet_jid, "method": call["method"], "params": call["params"]}),
        )
        .await;
    let request = juliet
        .event("xmpp.rpc.request", |d| d["command"] == call["method"])
        .await;
    assert_eq!(request["params"], call["params"], "juliet gets every value");
    assert_eq!(request["from"]["user"], "romeo");
    let answer = fixture("xep-0009", "result")["payload"]["params"].clone();
    let sent = juliet
        .ok(
            "xmpp.rpc.result",
            json!({"to": romeo_jid, "id": request["id"], "params": answer}),
        )
        .await;
    assert_eq!(sent, json!(true));
    let (error, data) = romeo.callback(ack).await;
    assert_eq!(error, Value::Null, "{data}");
    assert_eq!(data, answer, "romeo gets juliet's values");

    // --- Jabber-RPC: a call answered with a fault, which reaches romeo's callback as
    // its error (`result.error`), with no data.
    let ack = romeo
        .send_ack(
            "xmpp.rpc.perform",
            json!({"to": juliet_jid, "method": "examples.fail"}),
        )
        .await;
    let request = juliet
        .event("xmpp.rpc.request", |d| d["command"] == "examples.fail")
        .await;
    assert_eq!(request.get("params"), None, "no parameters were sent");
    let fault = fixture("xep-0009", "result-fault")["payload"]["fault"].clone();
    let sent = juliet
        .ok(
            "xmpp.rpc.result",
            json!({"to": romeo_jid, "id": request["id"], "fault": fault}),
        )
        .await;
    assert_eq!(sent, json!(true));
    let (error, data) = romeo.callback(ack).await;
    assert_eq!(
        error, fault,
        "romeo's callback gets juliet's fault as its error"
    );
    assert_eq!(data, Value::Null, "a fault carries no result values");
    let wanted = fixture("xep-0009", "perform-result-fault")["payload"]["error"].clone();
    assert_eq!(error, wanted);

    // --- HTTP auth: romeo, as the HTTP server, asks by message; juliet confirms.
    let asked = fixture("xep-0070", "confirm-message")["payload"].clone();
    let mut ask = asked.clone();
    ask["to"] = json!(juliet_jid);
    assert_eq!(romeo.ok("xmpp.http.confirm", ask).await, json!(true));
    let verify = juliet
        .event("xmpp.http.verify", |d| d["id"] == asked["id"])
        .await;
    assert_eq!(verify["type"], "message");
    assert_eq!(verify["request"], asked["request"], "{verify}");
    assert_eq!(verify["from"]["user"], "romeo");
    let confirmed = juliet
        .ok(
            "xmpp.http.confirm",
            json!({"to": romeo_jid, "type": "message", "id": verify["id"], "request": verify["request"]}),
        )
        .await;
    assert_eq!(confirmed, json!(true));
    let confirmation = romeo
        .event("xmpp.http.verify", |d| d["id"] == asked["id"])
        .await;
    assert_eq!(confirmation["from"]["user"], "juliet");
    assert_eq!(confirmation["request"], asked["request"]);

    // Juliet denies: an error message on the thread, which romeo's browser sees as a
    // bounced message with `not-authorized`, not as a new request.
    let denied = juliet
        .ok(
            "xmpp.http.deny",
            json!({"to": romeo_jid, "type": "message", "id": verify["id"], "request": verify["request"]}),
        )
        .await;
    assert_eq!(denied, json!(true));
    let frame = romeo
        .wait_for("the denial", |f| {
            f["event"] == "xmpp.chat.error" || f["event"] == "xmpp.http.verify"
        })
        .await;
    assert_eq!(frame["event"], "xmpp.chat.error", "{frame}");
    assert_eq!(frame["data"]["from"]["user"], "juliet");
    assert_eq!(
        frame["data"]["error"],
        json!({"type": "auth", "condition": "not-authorized"})
    );
}
