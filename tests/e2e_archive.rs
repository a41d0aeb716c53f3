//! XEP-0280 carbons and XEP-0313 archives (both built on XEP-0297 forwarding)
//! against a real Prosody, which loads `carbons` and `mam` by default: romeo is
//! online twice, both sessions see juliet's message and the one romeo sends from
//! the other; then romeo pages through his archive of the conversation. A second
//! test reads a room's archive (`muc_mam`): romeo and juliet talk in a room, the
//! nurse joins later and queries the room, whose results come from the room's JID.
//!
//! Protocol values (the form field names) are read from the spec, not written in
//! Rust (`tests/spec_only.rs`). Fails (never skips) when prosody is not
//! installed: run `scripts/setup`.

use serde_json::{Value, json};
use xmpp_ftw_tests::browser::{Client, bare, full_jid, start_gateway};
use xmpp_ftw_tests::prosody::Prosody;

/// The form field named `var` in the MAM query's documentation: the spec's own
/// words say which filters exist, so a rename there shows up here.
fn mam_filter(var: &str) -> String {
    let path = format!("{}/../specs/xep-0313-mam.toml", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("spec file");
    let spec: toml::Table = text.parse().expect("spec TOML");
    let doc = spec["event"]["xmpp.mam.query"]["fields"]["form"]["doc"]
        .as_str()
        .expect("form doc");
    assert!(doc.contains(&format!("`{var}`")), "the spec names {var}");
    var.to_owned()
}

/// Sends an `xmpp.mam.query` and collects the `xmpp.mam.message` events that
/// answer it, up to its callback: `(messages, data, rsm)`.
async fn query(client: &mut Client, data: Value) -> (Vec<Value>, Value, Value) {
    let ack = client.send_ack("xmpp.mam.query", data).await;
    let mut messages = Vec::new();
    loop {
        let frame = client
            .wait_for("archive result or callback", |f| {
                f["event"] == "xmpp.mam.message" || (f["ack"] == ack && f.get("event").is_none())
            })
            .await;
        if frame["event"] == "xmpp.mam.message" {
            messages.push(frame["data"].clone());
            continue;
        }
        assert_eq!(frame["error"], Value::Null, "query failed: {frame}");
        return (messages, frame["data"].clone(), frame["rsm"].clone());
    }
}

fn contents(messages: &[Value]) -> Vec<&str> {
    messages
        .iter()
        .map(|m| m["content"].as_str().expect("archived text"))
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn carbons_to_both_sessions_and_the_archive_in_pages() {
    let prosody = Prosody::builder()
        .users([("romeo", "r0meo-pw"), ("juliet", "jul1et-pw")])
        .start_for_test();
    let gateway = start_gateway().await;
    let (mut a, romeo_a) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut b, romeo_b) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, juliet_jid) = Client::online_as(&gateway, &prosody, "juliet").await;
    assert_ne!(romeo_a, romeo_b, "two sessions, two resources");
    for c in [&mut a, &mut b, &mut juliet] {
        c.send("xmpp.presence", json!({})).await;
    }
    assert_eq!(a.ok("xmpp.carbons.enable", json!({})).await, json!(true));
    assert_eq!(b.ok("xmpp.carbons.enable", json!({})).await, json!(true));

    // Juliet writes to session A: A gets the message, B its carbon.
    juliet
        .ok(
            "xmpp.chat.message",
            json!({"to": romeo_a, "content": "one: wherefore art thou"}),
        )
        .await;
    let got = a
        .event("xmpp.chat.message", |d| {
            d["content"] == "one: wherefore art thou"
        })
        .await;
    assert_eq!(full_jid(&got["from"]), juliet_jid);
    let carbon = b
        .event("xmpp.carbons.received", |d| {
            d["content"] == "one: wherefore art thou"
        })
        .await;
    assert_eq!(full_jid(&carbon["from"]), juliet_jid);
    assert_eq!(full_jid(&carbon["to"]), romeo_a);

    // Session A answers: B gets the sent carbon, juliet the message.
    a.ok(
        "xmpp.chat.message",
        json!({"to": bare(&juliet_jid), "content": "two: here I am"}),
    )
    .await;
    let sent = b
        .event("xmpp.carbons.sent", |d| d["content"] == "two: here I am")
        .await;
    assert_eq!(full_jid(&sent["from"]), romeo_a);
    assert_eq!(full_jid(&sent["to"]), bare(&juliet_jid));
    juliet
        .event("xmpp.chat.message", |d| d["content"] == "two: here I am")
        .await;

    juliet
        .ok(
            "xmpp.chat.message",
            json!({"to": bare(&romeo_a), "content": "three: call me but love"}),
        )
        .await;
    a.event("xmpp.chat.message", |d| {
        d["content"] == "three: call me but love"
    })
    .await;

    // The archive of the conversation, two at a time, oldest first.
    let with = mam_filter("with");
    let (page, data, rsm) = query(
        &mut b,
        json!({
            "queryId": "page-1",
            "form": [{"var": with, "value": bare(&juliet_jid)}],
            "rsm": {"max": 2},
        }),
    )
    .await;
    assert_eq!(
        contents(&page),
        ["one: wherefore art thou", "two: here I am"]
    );
    assert_eq!(full_jid(&page[0]["from"]), juliet_jid);
    assert_eq!(full_jid(&page[1]["from"]), romeo_a);
    for m in &page {
        assert_eq!(m["mam"]["queryId"], "page-1");
        assert!(m["mam"]["id"].is_string(), "archive id: {m}");
        assert!(m["delay"]["when"].is_string(), "archive stamp: {m}");
    }
    assert_eq!(
        rsm["last"], page[1]["mam"]["id"],
        "page ends at its last id"
    );
    assert_ne!(data["complete"], json!(true), "more to come: {data}");

    // The next page with the original's plain `with` key, which the gateway writes
    // into the same form.
    let (next, data, _) = query(
        &mut b,
        json!({
            "queryId": "page-2",
            "with": bare(&juliet_jid),
            "rsm": {"max": 2, "after": rsm["last"]},
        }),
    )
    .await;
    assert_eq!(contents(&next), ["three: call me but love"]);
    assert_eq!(next[0]["mam"]["queryId"], "page-2");
    assert_eq!(data["complete"], json!(true), "the last page: {data}");

    // The plain key filters: nothing was said with someone else.
    let stranger = format!(
        "tybalt@{}",
        bare(&juliet_jid).split_once('@').map_or("", |(_, d)| d)
    );
    let (none, data, _) = query(&mut b, json!({"queryId": "none", "with": stranger})).await;
    assert!(none.is_empty(), "{none:?}");
    assert_eq!(data["complete"], json!(true), "{data}");
}

/// Joins `room` as `nick` (creating it as an instant room when `create`), waiting
/// for the room's own presence of the new occupant.
async fn enter_room(client: &mut Client, room: &str, nick: &str, create: bool) {
    let (event, data) = if create {
        (
            "xmpp.muc.create",
            json!({"room": room, "nick": nick, "instant": true}),
        )
    } else {
        ("xmpp.muc.join", json!({"room": room, "nick": nick}))
    };
    client.send(event, data).await;
    let me = client
        .event("xmpp.muc.roster", |d| {
            d["room"] == room
                && d["nick"] == nick
                && d["status"]
                    .as_array()
                    .is_some_and(|codes| codes.contains(&json!(110)))
        })
        .await;
    assert_eq!(me["room"], room, "{nick} is in the room: {me}");
    // A round trip, so an instant room's configuration is accepted before anyone talks.
    client.ok("xmpp.roster.get", json!({})).await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_newcomer_reads_the_room_archive() {
    let prosody = Prosody::builder()
        .users([
            ("romeo", "r0meo-pw"),
            ("juliet", "jul1et-pw"),
            ("nurse", "nur5e-pw"),
        ])
        .muc(true)
        .start_for_test();
    let muc = prosody.muc_domain().expect("the MUC component is on");
    let room = format!("balcony@{muc}");
    let gateway = start_gateway().await;
    let (mut romeo, _) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, _) = Client::online_as(&gateway, &prosody, "juliet").await;
    let (mut nurse, _) = Client::online_as(&gateway, &prosody, "nurse").await;

    enter_room(&mut romeo, &room, "romeo", true).await;
    enter_room(&mut juliet, &room, "juliet", false).await;
    let lines = [
        "romeo: did my heart love till now?",
        "juliet: my bounty is as boundless as the sea",
    ];
    for (client, line) in [(&mut romeo, lines[0]), (&mut juliet, lines[1])] {
        client
            .ok("xmpp.muc.message", json!({"room": room, "content": line}))
            .await;
        // The room echoes each message to its sender once it is stored.
        client
            .event("xmpp.muc.message", |d| d["content"] == line)
            .await;
    }

    // The nurse joins later and asks the room for what was said before.
    enter_room(&mut nurse, &room, "nurse", false).await;
    let (messages, data, _rsm) =
        query(&mut nurse, json!({"to": room, "queryId": "room-history"})).await;
    assert_eq!(contents(&messages), lines, "the room's archive, in order");
    for m in &messages {
        assert_eq!(m["mam"]["queryId"], "room-history", "{m}");
        assert!(m["mam"]["id"].is_string(), "archive id: {m}");
        let from = format!(
            "{}@{}",
            m["from"]["user"].as_str().unwrap_or(""),
            m["from"]["domain"].as_str().unwrap_or("")
        );
        assert_eq!(from, room, "sent in the room: {m}");
    }
    assert_eq!(data["complete"], json!(true), "{data}");
}
