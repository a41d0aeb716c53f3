//! XEP-0060 publish-subscribe against a real Prosody pubsub component: romeo
//! creates a configured node and publishes Atom and JSON items, juliet subscribes
//! and receives the pushes, items are retrieved a page at a time, retracted and
//! purged, the configuration makes a round trip, and deleting the node reaches the
//! subscriber.
//!
//! Fails (never skips) when prosody is not installed: run `scripts/setup`.

use serde_json::{Value, json};
use xmpp_ftw_tests::browser::{Client, bare, start_gateway};
use xmpp_ftw_tests::prosody::Prosody;

fn field<'a>(form: &'a Value, var: &str) -> &'a Value {
    form["fields"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|f| f["var"] == var)
        .unwrap_or_else(|| panic!("no field {var} in {form}"))
}

/// Prosody with its pubsub component, romeo its admin (only admins may create
/// nodes there) and juliet.
fn start_pubsub() -> Prosody {
    Prosody::builder()
        .users([("romeo", "r0meo-pw"), ("juliet", "jul1et-pw")])
        .pubsub(true)
        .extra_config("admins = { \"romeo@localhost\" }")
        .start_for_test()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn publish_subscribe_round_trip() {
    let prosody = start_pubsub();
    let gateway = start_gateway().await;
    let (mut romeo, _) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, juliet_jid) = Client::online_as(&gateway, &prosody, "juliet").await;
    // Notifications go to the bare JID: only available resources receive them.
    juliet.send("xmpp.presence", json!({})).await;
    let service = prosody
        .pubsub_domain()
        .expect("pubsub component")
        .to_owned();
    let node = "princely_musings";

    // A node created with options keeps them.
    let created = romeo
        .ok(
            "xmpp.pubsub.create",
            json!({"to": service, "node": node, "options": [
                {"var": "pubsub#title", "value": "Princely Musings"},
                {"var": "pubsub#max_items", "value": 10},
            ]}),
        )
        .await;
    assert_eq!(created, json!(true));
    let config = romeo
        .ok(
            "xmpp.pubsub.config.get",
            json!({"to": service, "node": node}),
        )
        .await;
    assert_eq!(
        field(&config, "pubsub#title")["value"],
        "Princely Musings",
        "{config}"
    );
    assert_eq!(
        field(&config, "pubsub#max_items")["value"],
        "10",
        "{config}"
    );

    // Config set round trip.
    let set = romeo
        .ok(
            "xmpp.pubsub.config.set",
            json!({"to": service, "node": node, "form": [{"var": "pubsub#title", "value": "Musings"}]}),
        )
        .await;
    assert_eq!(set, json!(true));
    let config = romeo
        .ok(
            "xmpp.pubsub.config.get",
            json!({"to": service, "node": node}),
        )
        .await;
    assert_eq!(
        field(&config, "pubsub#title")["value"],
        "Musings",
        "{config}"
    );

    // Juliet subscribes with her bare JID, filled in by the gateway.
    let sub = juliet
        .ok(
            "xmpp.pubsub.subscribe",
            json!({"to": service, "node": node}),
        )
        .await;
    assert_eq!(sub["subscription"], "subscribed", "{sub}");
    let (error, subs, _) = juliet
        .request(
            "xmpp.pubsub.subscriptions",
            json!({"to": service, "node": node}),
        )
        .await;
    assert_eq!(error, Value::Null, "{subs}");
    let mine = subs
        .as_array()
        .expect("a list")
        .iter()
        .find(|s| s["node"] == node)
        .unwrap_or_else(|| panic!("no subscription to {node} in {subs}"));
    assert_eq!(mine["jid"]["user"], "juliet", "{mine}");
    assert_eq!(mine["subscription"], "subscribed", "{mine}");

    // Juliet may not publish until romeo makes her a publisher. (Prosody lists
    // affiliations only to owners, in #owner: see docs/compatibility.md.)
    let (error, _, _) = juliet
        .request(
            "xmpp.pubsub.publish",
            json!({"to": service, "node": node, "id": "early", "content": "Hi"}),
        )
        .await;
    assert_eq!(error["condition"], "forbidden", "{error}");
    let juliet_bare = bare(&juliet_jid).to_owned();
    let set = romeo
        .ok(
            "xmpp.pubsub.affiliation",
            json!({"to": service, "node": node, "jid": juliet_bare, "affiliation": "publisher"}),
        )
        .await;
    assert_eq!(set, json!(true));
    // Juliet is also a subscriber: Prosody may notify her before it answers her.
    let ack = juliet
        .send_ack(
            "xmpp.pubsub.publish",
            json!({"to": service, "node": node, "id": "by-juliet", "content": "Hi"}),
        )
        .await;
    let (mut result, mut push) = (None, None);
    while result.is_none() || push.is_none() {
        let frame = juliet
            .wait_for("her publish result and its push", |f| {
                (f["ack"] == ack && f.get("event").is_none())
                    || (f["event"] == "xmpp.pubsub.push.item" && f["data"]["id"] == "by-juliet")
            })
            .await;
        if frame.get("event").is_some() {
            push = Some(frame["data"].clone());
        } else {
            result = Some(frame);
        }
    }
    let result = result.unwrap_or_default();
    assert_eq!(result["error"], Value::Null, "{result}");
    assert_eq!(result["data"]["id"], "by-juliet", "{result}");
    let push = push.unwrap_or_default();
    assert_eq!(push["entry"], json!({"body": "Hi"}), "{push}");
    romeo
        .ok(
            "xmpp.pubsub.item.delete",
            json!({"to": service, "node": node, "id": "by-juliet"}),
        )
        .await;

    // An Atom entry: romeo gets the id, juliet the parsed entry.
    let atom = json!({"title": "Soliloquy", "content": "To be, or not to be",
        "author": {"name": "Hamlet"}, "in-reply-to": {"ref": "tag:denmark.lit,2003:1"},
        "activity": {"verb": "post"}});
    let published = romeo
        .ok(
            "xmpp.pubsub.publish",
            json!({"to": service, "node": node, "id": "atom-1", "content": {"atom": atom}}),
        )
        .await;
    assert_eq!(published["id"], "atom-1", "{published}");
    let push = juliet
        .event("xmpp.pubsub.push.item", |d| d["id"] == "atom-1")
        .await;
    assert_eq!(push["from"], service, "{push}");
    assert_eq!(push["node"], node, "{push}");
    let entry = &push["entry"]["atom"];
    assert_eq!(entry["title"], "Soliloquy", "{push}");
    assert_eq!(entry["content"]["content"], "To be, or not to be", "{push}");
    assert_eq!(entry["author"]["name"], "Hamlet", "{push}");
    assert_eq!(
        entry["in-reply-to"]["ref"], "tag:denmark.lit,2003:1",
        "{push}"
    );
    assert_eq!(entry["activity"]["verb"], "post", "{push}");

    // A JSON item with a service-chosen id, and a plain string.
    let published = romeo
        .ok(
            "xmpp.pubsub.publish",
            json!({"to": service, "node": node, "content": {"json": {"score": [1, 2], "who": "<b>&"}}}),
        )
        .await;
    let json_id = published["id"]
        .as_str()
        .expect("an id from the service")
        .to_owned();
    let push = juliet
        .event("xmpp.pubsub.push.item", |d| d["id"] == json_id.as_str())
        .await;
    assert_eq!(
        push["entry"]["json"],
        json!({"score": [1, 2], "who": "<b>&"}),
        "{push}"
    );
    romeo
        .ok(
            "xmpp.pubsub.publish",
            json!({"to": service, "node": node, "id": "plain-1", "content": "Alas"}),
        )
        .await;
    let push = juliet
        .event("xmpp.pubsub.push.item", |d| d["id"] == "plain-1")
        .await;
    assert_eq!(push["entry"], json!({"body": "Alas"}), "{push}");

    // Retrieve: everything, then by id.
    let (error, items, _) = juliet
        .request("xmpp.pubsub.retrieve", json!({"to": service, "node": node}))
        .await;
    assert_eq!(error, Value::Null, "{items}");
    let items = items.as_array().expect("a list").clone();
    assert_eq!(items.len(), 3, "{items:?}");
    let atom_item = items
        .iter()
        .find(|i| i["id"] == "atom-1")
        .expect("atom item");
    assert_eq!(
        atom_item["entry"]["atom"]["title"], "Soliloquy",
        "{atom_item}"
    );
    let (error, by_id, _) = juliet
        .request(
            "xmpp.pubsub.retrieve",
            json!({"to": service, "node": node, "id": ["plain-1"]}),
        )
        .await;
    assert_eq!(error, Value::Null, "{by_id}");
    assert_eq!(by_id, json!([{"id": "plain-1", "entry": {"body": "Alas"}}]));

    // Retract: juliet learns which item went.
    let deleted = romeo
        .ok(
            "xmpp.pubsub.item.delete",
            json!({"to": service, "node": node, "id": "plain-1", "notify": true}),
        )
        .await;
    assert_eq!(deleted, json!(true));
    let retract = juliet
        .event("xmpp.pubsub.push.retract", |d| d["id"] == "plain-1")
        .await;
    assert_eq!(retract["node"], node, "{retract}");

    // Errors come back as stanza errors.
    let (error, _, _) = juliet
        .request(
            "xmpp.pubsub.config.get",
            json!({"to": service, "node": "no-such-node"}),
        )
        .await;
    assert!(error["condition"].is_string(), "a stanza error: {error}");

    // Purge, then the node is empty.
    let purged = romeo
        .ok("xmpp.pubsub.purge", json!({"to": service, "node": node}))
        .await;
    assert_eq!(purged, json!(true));
    let (error, items, _) = juliet
        .request("xmpp.pubsub.retrieve", json!({"to": service, "node": node}))
        .await;
    assert_eq!(error, Value::Null, "{items}");
    assert_eq!(items, json!([]), "purged");

    // Unsubscribing works with the gateway's default JID.
    let unsub = juliet
        .ok(
            "xmpp.pubsub.unsubscribe",
            json!({"to": service, "node": node}),
        )
        .await;
    assert_eq!(unsub, json!(true));
    let resub = juliet
        .ok(
            "xmpp.pubsub.subscribe",
            json!({"to": service, "node": node}),
        )
        .await;
    assert_eq!(resub["subscription"], "subscribed", "{resub}");

    // Deleting the node reaches the subscriber.
    let deleted = romeo
        .ok("xmpp.pubsub.delete", json!({"to": service, "node": node}))
        .await;
    assert_eq!(deleted, json!(true));
    let push = juliet
        .event("xmpp.pubsub.push.delete", |d| d["node"] == node)
        .await;
    assert_eq!(push["from"], service, "{push}");
}

/// `owner: true` on affiliations and subscriptions asks the #owner namespace
/// about one node: who is affiliated and who subscribed, with their JIDs.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn owners_list_a_nodes_affiliations_and_subscriptions() {
    let prosody = start_pubsub();
    let gateway = start_gateway().await;
    let (mut romeo, _) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, juliet_jid) = Client::online_as(&gateway, &prosody, "juliet").await;
    let service = prosody
        .pubsub_domain()
        .expect("pubsub component")
        .to_owned();
    let node = "balcony_scenes";
    let created = romeo
        .ok("xmpp.pubsub.create", json!({"to": service, "node": node}))
        .await;
    assert_eq!(created, json!(true));
    let subscribed = juliet
        .ok(
            "xmpp.pubsub.subscribe",
            json!({"to": service, "node": node}),
        )
        .await;
    assert_eq!(subscribed["subscription"], "subscribed", "{subscribed}");
    let made_publisher = romeo
        .ok(
            "xmpp.pubsub.affiliation",
            json!({"to": service, "node": node, "jid": bare(&juliet_jid), "affiliation": "publisher"}),
        )
        .await;
    assert_eq!(made_publisher, json!(true));

    let affiliations = romeo
        .ok(
            "xmpp.pubsub.affiliations",
            json!({"to": service, "node": node, "owner": true}),
        )
        .await;
    let entries = affiliations.as_array().expect("a list");
    let of = |user: &str| {
        entries
            .iter()
            .find(|e| e["jid"]["user"] == user)
            .unwrap_or_else(|| panic!("no affiliation of {user} in {affiliations}"))
    };
    assert_eq!(of("romeo")["affiliation"], "owner", "{affiliations}");
    assert_eq!(of("juliet")["affiliation"], "publisher", "{affiliations}");
    assert_eq!(of("juliet")["jid"]["domain"], of("romeo")["jid"]["domain"]);

    let subscriptions = romeo
        .ok(
            "xmpp.pubsub.subscriptions",
            json!({"to": service, "node": node, "owner": true}),
        )
        .await;
    let subscribers: Vec<&Value> = subscriptions
        .as_array()
        .expect("a list")
        .iter()
        .filter(|s| s["jid"]["user"] == "juliet")
        .collect();
    assert_eq!(subscribers.len(), 1, "{subscriptions}");
    assert_eq!(
        subscribers[0]["subscription"], "subscribed",
        "{subscriptions}"
    );

    // Without `owner`, the same event asks for the user's own subscriptions
    // (Prosody answers a user's own affiliations with service-unavailable).
    let own = juliet
        .ok("xmpp.pubsub.subscriptions", json!({"to": service}))
        .await;
    assert!(
        own.as_array()
            .expect("a list")
            .iter()
            .any(|e| e["node"] == node && e["subscription"] == "subscribed"),
        "{own}"
    );
}

/// The request stanza of the `push-authorisation` fixture, addressed to `to` (the
/// server stamps the sender): protocol names stay in the spec and its fixtures.
fn authorisation_request(to: &str) -> String {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/fixtures/xep-0060/push-authorisation.xml"
    );
    let xml = std::fs::read_to_string(path).expect("the push-authorisation fixture");
    let to = xmpp_ftw_runtime::xml::escape_attr(to);
    xml.replacen(
        "from=\"pubsub.shakespeare.lit\"",
        &format!("to=\"{to}\""),
        1,
    )
}

/// XEP-0060 §8.6 through Prosody: a second party (a plain XMPP client standing in for
/// the pubsub service, which Prosody's own component never asks) sends juliet the
/// subscription approval request; juliet's browser gets it with an `ack`, answers
/// with the form fields, and the asker receives the submitted form with the
/// request's id.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn subscription_authorisation_is_answered_by_the_browser() {
    use std::time::Duration;
    use xmpp_ftw_runtime::catalog::Direction;
    use xmpp_ftw_runtime::client::{ClientEvent, ConnectPolicy, LoginOptions, Password, connect};

    let prosody = Prosody::builder()
        .users([("juliet", "jul1et-pw"), ("service", "serv1ce-pw")])
        .start_for_test();
    let gateway = start_gateway().await;
    let (mut juliet, juliet_jid) = Client::online_as(&gateway, &prosody, "juliet").await;

    let step = Duration::from_secs(15);
    let service = connect(
        &LoginOptions {
            jid: prosody.jid("service"),
            password: Password::new("serv1ce-pw"),
            host: Some(prosody.host().to_string()),
            port: Some(prosody.c2s_port()),
            resource: Some("pubsub".to_owned()),
            ..LoginOptions::default()
        },
        &ConnectPolicy {
            allow_plain_tcp_to_loopback: true,
            timeout: step,
            ..ConnectPolicy::allow_all()
        },
    )
    .await
    .expect("the second party logs in");
    let service_jid = service.jid().to_owned();
    let (to_server, mut from_server) = service.into_channels(8);
    to_server
        .send(authorisation_request(&juliet_jid))
        .await
        .expect("the second party's writer runs");

    let asked = juliet
        .wait_for("the authorisation request", |f| {
            f["event"] == "xmpp.pubsub.push.authorisation"
        })
        .await;
    assert_eq!(asked["data"]["from"], service_jid, "{asked}");
    assert_eq!(asked["data"]["id"], "sub1", "{asked}");
    assert_eq!(
        field(&asked["data"]["form"], "pubsub#node")["value"],
        "princely_musings"
    );
    let ack = asked["ack"].as_u64().expect("the event carries an ack");
    let answer = json!([
        {"var": "pubsub#node", "value": "princely_musings"},
        {"var": "pubsub#subscriber_jid", "value": "horatio@denmark.lit"},
        {"var": "pubsub#allow", "value": true},
    ]);
    juliet
        .send_raw(json!({"ack": ack, "error": null, "data": answer}).to_string())
        .await;

    let reply = loop {
        match tokio::time::timeout(step, from_server.recv()).await {
            Ok(Some(ClientEvent::Stanza(el))) if el.root().name() == "message" => break el,
            Ok(Some(ClientEvent::Stanza(_))) => continue,
            other => panic!("no answer reached the second party: {other:?}"),
        }
    };
    let root = reply.root();
    assert_eq!(root.attr("id"), Some("sub1"), "{}", reply.raw);
    assert_eq!(
        root.attr("from"),
        Some(juliet_jid.as_str()),
        "{}",
        reply.raw
    );
    // Read back with the answer event's own decoder: the submitted fields, in order
    // (without a field type, `pubsub#allow` reads back as the text it was written as).
    let decoded =
        xmpp_ftw_runtime::registry::decode("xmpp.pubsub.authorisation", Direction::Out, root)
            .expect("the reply is the answer event's stanza");
    let decoded: Value = serde_json::from_str(&decoded).expect("JSON");
    assert_eq!(decoded["to"], service_jid, "{decoded}");
    assert_eq!(
        decoded["form"],
        json!([
            {"var": "pubsub#node", "value": "princely_musings"},
            {"var": "pubsub#subscriber_jid", "value": "horatio@denmark.lit"},
            {"var": "pubsub#allow", "value": "true"},
        ]),
        "{}",
        reply.raw
    );

    // The ack is used up: a second answer is refused, nothing more is sent.
    juliet
        .send_raw(json!({"ack": ack, "error": null, "data": answer}).to_string())
        .await;
    let refused = juliet
        .event("xmpp.error.client", |d| {
            d["description"] == format!("No event is waiting for an answer to ack {ack}")
        })
        .await;
    assert_eq!(refused["condition"], "client-error", "{refused}");
}
