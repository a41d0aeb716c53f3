//! End-to-end tests of the smaller extensions against a real Prosody, through the
//! gateway over WebSockets: vCard (XEP-0054), ping (XEP-0199), blocking (XEP-0191),
//! HTTP upload slots (XEP-0363, with the file actually uploaded and downloaded),
//! reactions (XEP-0444), retraction (XEP-0424) and origin ids (XEP-0359).
//!
//! Like the other end-to-end tests, they fail (never skip) when prosody is not
//! installed: run `scripts/setup`.

use serde_json::{Value, json};
use std::time::Duration;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::time::timeout;
use xmpp_ftw_tests::browser::{Client, full_jid, start_gateway};
use xmpp_ftw_tests::prosody::Prosody;

fn start_prosody() -> Prosody {
    Prosody::builder()
        .users([("romeo", "r0meo-pw"), ("juliet", "jul1et-pw")])
        .start_for_test()
}

fn from_user(data: &Value, user: &str) -> bool {
    data["from"]["user"] == user
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn vcard_set_then_read_by_owner_and_contact() {
    let prosody = start_prosody();
    let gateway = start_gateway().await;
    let (mut romeo, _) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, _) = Client::online_as(&gateway, &prosody, "juliet").await;

    let before = romeo.ok("xmpp.vcard.get", json!({})).await;
    assert_eq!(before, json!({}), "no card yet");

    let card = json!({
        "fullName": "Romeo Montague",
        "name": {"family": "Montague", "given": "Romeo"},
        "nickname": "Romeo",
        "url": "https://montague.lit/romeo",
        "birthday": "1580-04-23",
        "emails": [{"address": "romeo@montague.lit", "home": true}],
        "telephones": [{"number": "+39 045 000000", "work": true}],
        "addresses": [{"street": "Via Arche Scaligere 2", "locality": "Verona", "country": "Italy", "home": true}],
        "organization": {"name": "House Montague"},
        "title": "Heir",
        "role": "Lover",
        "note": "O, I am fortune's fool!",
        "photo": {"type": "image/png", "data": "iVBORw0KGgo="},
    });
    let stored = romeo.ok("xmpp.vcard.set", card).await;
    assert_eq!(stored, json!(true));

    let own = romeo.ok("xmpp.vcard.get", json!({})).await;
    let theirs = juliet
        .ok("xmpp.vcard.get", json!({"to": prosody.jid("romeo")}))
        .await;
    for got in [&own, &theirs] {
        assert_eq!(got["fullName"], "Romeo Montague", "{got}");
        assert_eq!(got["name"]["family"], "Montague", "{got}");
        assert_eq!(got["name"]["given"], "Romeo", "{got}");
        assert!(
            got["name"].get("middle").is_none(),
            "empty parts are absent: {got}"
        );
        assert_eq!(got["nickname"], "Romeo", "{got}");
        assert_eq!(got["url"], "https://montague.lit/romeo", "{got}");
        assert_eq!(got["birthday"], "1580-04-23", "{got}");
        assert_eq!(got["emails"][0]["address"], "romeo@montague.lit", "{got}");
        assert_eq!(got["emails"][0]["home"], true, "{got}");
        assert_eq!(got["telephones"][0]["number"], "+39 045 000000", "{got}");
        assert_eq!(got["telephones"][0]["work"], true, "{got}");
        assert_eq!(got["addresses"][0]["locality"], "Verona", "{got}");
        assert_eq!(got["addresses"][0]["home"], true, "{got}");
        assert_eq!(got["organization"]["name"], "House Montague", "{got}");
        assert_eq!(got["title"], "Heir", "{got}");
        assert_eq!(got["role"], "Lover", "{got}");
        assert_eq!(got["note"], "O, I am fortune's fool!", "{got}");
        assert_eq!(got["photo"]["type"], "image/png", "{got}");
        assert_eq!(got["photo"]["data"], "iVBORw0KGgo=", "{got}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn ping_server_contact_and_absent_resource() {
    let prosody = start_prosody();
    let gateway = start_gateway().await;
    let (mut romeo, _) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (_juliet, juliet_jid) = Client::online_as(&gateway, &prosody, "juliet").await;

    assert_eq!(romeo.ok("xmpp.ping", json!({})).await, json!(true));
    assert_eq!(
        romeo.ok("xmpp.ping", json!({"to": prosody.domain()})).await,
        json!(true)
    );
    // Juliet's gateway session answers for her browser.
    assert_eq!(
        romeo.ok("xmpp.ping", json!({"to": juliet_jid})).await,
        json!(true)
    );
    let (error, data, _) = romeo
        .request(
            "xmpp.ping",
            json!({"to": format!("{}/gone", prosody.jid("juliet"))}),
        )
        .await;
    assert_eq!(data, Value::Null, "{error}");
    assert_eq!(error["condition"], "service-unavailable", "{error}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn blocking_stops_messages_until_unblocked() {
    let prosody = start_prosody();
    let gateway = start_gateway().await;
    let (mut romeo, _) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, _) = Client::online_as(&gateway, &prosody, "juliet").await;
    romeo.send("xmpp.presence", json!({})).await;
    juliet.send("xmpp.presence", json!({})).await;
    let juliet_bare = prosody.jid("juliet");
    let romeo_bare = prosody.jid("romeo");

    // Fetching the list also subscribes this session to pushes.
    assert_eq!(romeo.ok("xmpp.block.list", json!({})).await, json!([]));
    let blocked = romeo.ok("xmpp.block", json!({"jids": [juliet_bare]})).await;
    assert_eq!(blocked, json!(true));
    let push = romeo.event("xmpp.block.push", |_| true).await;
    assert_eq!(push["jids"][0]["user"], "juliet", "{push}");
    let list = romeo.ok("xmpp.block.list", json!({})).await;
    assert_eq!(list.as_array().map(Vec::len), Some(1), "{list}");
    assert_eq!(list[0]["jid"]["user"], "juliet", "{list}");
    assert_eq!(list[0]["jid"]["domain"], prosody.domain(), "{list}");

    // Her message bounces back to her instead of reaching romeo.
    juliet
        .send(
            "xmpp.chat.message",
            json!({"to": romeo_bare, "content": "Blocked words"}),
        )
        .await;
    let bounce = juliet
        .event("xmpp.chat.error", |d| from_user(d, "romeo"))
        .await;
    assert_eq!(
        bounce["error"]["condition"], "service-unavailable",
        "{bounce}"
    );

    let unblocked = romeo
        .ok("xmpp.unblock", json!({"jids": [juliet_bare]}))
        .await;
    assert_eq!(unblocked, json!(true));
    let push = romeo.event("xmpp.unblock.push", |_| true).await;
    assert_eq!(push["jids"][0]["user"], "juliet", "{push}");
    assert_eq!(romeo.ok("xmpp.block.list", json!({})).await, json!([]));

    juliet
        .send(
            "xmpp.chat.message",
            json!({"to": romeo_bare, "content": "Free words"}),
        )
        .await;
    // The first message romeo sees from her is the one sent after unblocking.
    let first = romeo
        .event("xmpp.chat.message", |d| {
            from_user(d, "juliet") && d.get("content").is_some()
        })
        .await;
    assert_eq!(first["content"], "Free words", "{first}");

    // Unblocking without JIDs empties the list.
    romeo
        .ok("xmpp.block", json!({"jids": ["spam.example", juliet_bare]}))
        .await;
    romeo.event("xmpp.block.push", |_| true).await;
    assert_eq!(
        romeo
            .ok("xmpp.block.list", json!({}))
            .await
            .as_array()
            .map(Vec::len),
        Some(2)
    );
    romeo.ok("xmpp.unblock", json!({})).await;
    let push = romeo.event("xmpp.unblock.push", |_| true).await;
    assert!(push.get("jids").is_none(), "everyone unblocked: {push}");
    assert_eq!(romeo.ok("xmpp.block.list", json!({})).await, json!([]));
}

/// A minimal HTTP/1.1 exchange with the loopback file share: `(status, body)`.
async fn http(
    method: &str,
    url: &str,
    headers: &[(String, String)],
    body: &[u8],
) -> (u16, Vec<u8>) {
    let rest = url
        .strip_prefix("http://")
        .unwrap_or_else(|| panic!("a plain HTTP URL on loopback: {url}"));
    let (authority, path) = rest.split_at(rest.find('/').unwrap_or(rest.len()));
    let mut request = format!(
        "{method} {path} HTTP/1.1\r\nHost: {authority}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        request.push_str(&format!("{name}: {value}\r\n"));
    }
    request.push_str("\r\n");
    let exchange = async {
        let mut stream = TcpStream::connect(authority).await.expect("HTTP connects");
        stream
            .write_all(request.as_bytes())
            .await
            .expect("request sent");
        stream.write_all(body).await.expect("body sent");
        let mut response = Vec::new();
        stream
            .read_to_end(&mut response)
            .await
            .expect("response read");
        response
    };
    let response = timeout(Duration::from_secs(5), exchange)
        .await
        .unwrap_or_else(|_| panic!("{method} {url} answered in time"));
    let split = response
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("a complete HTTP head");
    let head = String::from_utf8_lossy(&response[..split]).into_owned();
    let mut body = response[split + 4..].to_vec();
    let status: u16 = head
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("a status line: {head}"));
    if head
        .to_ascii_lowercase()
        .contains("transfer-encoding: chunked")
    {
        body = unchunk(&body);
    }
    (status, body)
}

fn unchunk(mut chunked: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    loop {
        let line_end = chunked
            .windows(2)
            .position(|w| w == b"\r\n")
            .expect("chunk size line");
        let size_text = String::from_utf8_lossy(&chunked[..line_end]).into_owned();
        let size = usize::from_str_radix(size_text.split(';').next().unwrap_or("").trim(), 16)
            .expect("hex chunk size");
        if size == 0 {
            return out;
        }
        let start = line_end + 2;
        out.extend_from_slice(&chunked[start..start + size]);
        chunked = &chunked[start + size + 2..];
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn upload_slot_put_and_get_back() {
    let prosody = Prosody::builder()
        .users([("romeo", "r0meo-pw")])
        .file_share(true)
        .start_for_test();
    let gateway = start_gateway().await;
    let (mut romeo, _) = Client::online_as(&gateway, &prosody, "romeo").await;
    let service = prosody.upload_domain().expect("the upload component");
    let content = "Did my heart love till now? Forswear it, sight!\n".as_bytes();

    let slot = romeo
        .ok(
            "xmpp.upload.slot",
            json!({
                "to": service,
                "filename": "sonnet & song.txt",
                "size": content.len(),
                "contentType": "text/plain",
            }),
        )
        .await;
    eprintln!("slot: {slot}");
    let put_url = slot["put"]["url"].as_str().expect("a PUT URL");
    let get_url = slot["get"]["url"].as_str().expect("a GET URL");
    let mut headers: Vec<(String, String)> = slot["put"]["headers"]
        .as_array()
        .into_iter()
        .flatten()
        .map(|h| {
            (
                h["name"].as_str().expect("header name").to_owned(),
                h["value"].as_str().expect("header value").to_owned(),
            )
        })
        .collect();
    assert!(
        headers.iter().any(|(name, _)| name == "Authorization"),
        "Prosody authorises the PUT with a header: {slot}"
    );
    headers.push(("Content-Type".to_owned(), "text/plain".to_owned()));

    let (status, _) = http("PUT", put_url, &headers, content).await;
    assert!(
        (200..300).contains(&status),
        "upload accepted, status {status}"
    );
    let (status, body) = http("GET", get_url, &[], b"").await;
    assert_eq!(status, 200, "download");
    assert_eq!(body, content, "the same bytes come back");

    // Over the service's limit: refused with the XEP's application condition.
    let (error, data, _) = romeo
        .request(
            "xmpp.upload.slot",
            json!({"to": service, "filename": "huge.bin", "size": 1_u64 << 40}),
        )
        .await;
    assert_eq!(data, Value::Null, "{error}");
    assert_eq!(error["condition"], "not-acceptable", "{error}");
    assert_eq!(
        error["application"]["condition"], "file-too-large",
        "{error}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reactions_retractions_and_origin_ids_between_sessions() {
    let prosody = start_prosody();
    let gateway = start_gateway().await;
    let (mut romeo, _) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, juliet_jid) = Client::online_as(&gateway, &prosody, "juliet").await;
    romeo.send("xmpp.presence", json!({})).await;
    juliet.send("xmpp.presence", json!({})).await;

    romeo
        .send(
            "xmpp.chat.message",
            json!({
                "to": juliet_jid,
                "id": "m-balcony-1",
                "originId": "origin-balcony-1",
                "content": "It is the east",
            }),
        )
        .await;
    let message = juliet
        .event("xmpp.chat.message", |d| {
            from_user(d, "romeo") && d.get("content").is_some()
        })
        .await;
    assert_eq!(message["id"], "m-balcony-1", "{message}");
    assert_eq!(message["originId"], "origin-balcony-1", "{message}");
    let romeo_jid = full_jid(&message["from"]);

    juliet
        .send(
            "xmpp.chat.reaction",
            json!({"to": romeo_jid, "id": "m-balcony-1", "reactions": ["❤️", "🌅"]}),
        )
        .await;
    let reaction = romeo
        .event("xmpp.chat.reaction", |d| from_user(d, "juliet"))
        .await;
    assert_eq!(reaction["id"], "m-balcony-1", "{reaction}");
    assert_eq!(reaction["reactions"], json!(["❤️", "🌅"]), "{reaction}");

    juliet
        .send(
            "xmpp.chat.reaction",
            json!({"to": romeo_jid, "id": "m-balcony-1"}),
        )
        .await;
    let withdrawn = romeo
        .event("xmpp.chat.reaction", |d| from_user(d, "juliet"))
        .await;
    assert_eq!(withdrawn["id"], "m-balcony-1", "{withdrawn}");
    assert!(withdrawn.get("reactions").is_none(), "{withdrawn}");

    romeo
        .send(
            "xmpp.chat.retract",
            json!({"to": juliet_jid, "id": "origin-balcony-1"}),
        )
        .await;
    let retraction = juliet
        .wait_for("the retraction", |f| {
            f["data"]["from"]["user"] == "romeo"
                && (f["event"] == "xmpp.chat.retract" || f["event"] == "xmpp.chat.message")
        })
        .await;
    assert_eq!(
        retraction["event"], "xmpp.chat.retract",
        "the fallback body is no chat message: {retraction}"
    );
    assert_eq!(retraction["data"]["id"], "origin-balcony-1", "{retraction}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn reactions_and_retractions_in_a_room() {
    let prosody = start_prosody();
    let room = format!(
        "lovers@{}",
        prosody.muc_domain().expect("the MUC component")
    );
    let gateway = start_gateway().await;
    let (mut romeo, _) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, _) = Client::online_as(&gateway, &prosody, "juliet").await;

    romeo
        .send(
            "xmpp.muc.create",
            json!({"room": room, "nick": "Romeo", "instant": true}),
        )
        .await;
    let me = romeo
        .event("xmpp.muc.roster", |d| {
            d["room"] == room && d["nick"] == "Romeo"
        })
        .await;
    assert!(
        me["status"]
            .as_array()
            .is_some_and(|s| s.contains(&json!(201))),
        "room created: {me}"
    );
    // A round trip on romeo's stream: the gateway's instant-room submit, queued
    // before the 201 was passed on, has been handled once this answers.
    romeo.ok("xmpp.ping", json!({})).await;
    juliet
        .send("xmpp.muc.join", json!({"room": room, "nick": "Juliet"}))
        .await;
    juliet
        .event("xmpp.muc.roster", |d| {
            d["room"] == room && d["nick"] == "Juliet"
        })
        .await;

    romeo
        .send(
            "xmpp.muc.message",
            json!({"room": room, "id": "r-1", "content": "Give me my sin again"}),
        )
        .await;
    let message = juliet
        .event("xmpp.muc.message", |d| {
            d["nick"] == "Romeo" && d.get("content").is_some()
        })
        .await;
    let id = message["id"].as_str().expect("the message id").to_owned();

    juliet
        .send(
            "xmpp.muc.reaction",
            json!({"room": room, "id": id, "reactions": ["💋"]}),
        )
        .await;
    for client in [&mut romeo, &mut juliet] {
        let reaction = client
            .event("xmpp.muc.reaction", |d| d["nick"] == "Juliet")
            .await;
        assert_eq!(reaction["room"], room.as_str(), "{reaction}");
        assert_eq!(reaction["id"], id.as_str(), "{reaction}");
        assert_eq!(reaction["reactions"], json!(["💋"]), "{reaction}");
    }

    romeo
        .send("xmpp.muc.retract", json!({"room": room, "id": id}))
        .await;
    let retraction = juliet
        .wait_for("the room retraction", |f| {
            f["data"]["nick"] == "Romeo"
                && (f["event"] == "xmpp.muc.retract" || f["event"] == "xmpp.muc.message")
        })
        .await;
    assert_eq!(
        retraction["event"], "xmpp.muc.retract",
        "the fallback body is no room message: {retraction}"
    );
    assert_eq!(retraction["data"]["id"], id.as_str(), "{retraction}");
}
