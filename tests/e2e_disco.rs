//! XEP-0030 service discovery (with XEP-0128 extended information and the XEP-0059
//! callback argument) against a real Prosody with MUC and pubsub components:
//! `xmpp.discover.info` and `xmpp.discover.items` of the server and its services.
//!
//! Protocol values are read from the specs, not written in Rust (`tests/spec_only.rs`).
//! Fails (never skips) when prosody is not installed: run `scripts/setup`.

use serde_json::{Value, json};
use xmpp_ftw_tests::browser::{Client, start_gateway};
use xmpp_ftw_tests::prosody::Prosody;

/// A namespace bound in a spec's `[spec] ns` table.
fn spec_ns(file: &str, prefix: &str) -> String {
    let path = format!("{}/../specs/{file}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("spec file");
    let spec: toml::Table = text.parse().expect("spec TOML");
    spec["spec"]["ns"][prefix]
        .as_str()
        .expect("prefix bound in the spec")
        .to_owned()
}

fn entries<'a>(data: &'a Value, kind: &str) -> Vec<&'a Value> {
    data.as_array()
        .expect("a list")
        .iter()
        .filter(|e| e["kind"] == kind)
        .collect()
}

fn has_feature(data: &Value, var: &str) -> bool {
    entries(data, "feature").iter().any(|f| f["var"] == var)
}

fn has_identity(data: &Value, category: &str) -> bool {
    entries(data, "identity")
        .iter()
        .any(|i| i["category"] == category)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn discovery_of_the_server_and_its_services() {
    let prosody = Prosody::builder()
        .users([("romeo", "r0meo-pw")])
        .muc(true)
        .pubsub(true)
        .add_module("server_contact_info")
        .extra_config("contact_info = { admin = { \"xmpp:admin@localhost\", \"mailto:admin@example.org\" } }\n")
        .start_for_test();
    let gateway = start_gateway().await;
    let (mut romeo, _) = Client::online_as(&gateway, &prosody, "romeo").await;
    let disco_info = spec_ns("xep-0030-disco.toml", "info");
    let muc = spec_ns("xep-0045-muc.toml", "muc");
    let muc_domain = prosody.muc_domain().expect("MUC component");
    let pubsub_domain = prosody.pubsub_domain().expect("pubsub component");

    // The server: who it is, what it speaks, and its contact form (XEP-0128).
    let (error, info, rsm) = romeo
        .request("xmpp.discover.info", json!({"of": prosody.domain()}))
        .await;
    assert_eq!(error, Value::Null, "{info}");
    assert!(has_identity(&info, "server"), "{info}");
    assert!(has_feature(&info, &disco_info), "{info}");
    assert_eq!(rsm, json!({}), "no result set in the reply: an empty rsm");
    let forms = entries(&info, "form");
    let contact = forms
        .iter()
        .flat_map(|f| f["form"]["fields"].as_array().into_iter().flatten())
        .find(|field| field["var"] == "admin-addresses")
        .unwrap_or_else(|| panic!("no contact form in {info}"));
    assert_eq!(
        contact["value"],
        json!(["xmpp:admin@localhost", "mailto:admin@example.org"]),
        "a text-multi field is an array: {contact}"
    );
    assert!(
        forms.iter().all(|f| f["form"]["fields"]
            .as_array()
            .into_iter()
            .flatten()
            .all(|field| field["var"] != "FORM_TYPE")),
        "FORM_TYPE is never listed: {info}"
    );

    // The server's items: its components.
    let (error, items, rsm) = romeo
        .request("xmpp.discover.items", json!({"of": prosody.domain()}))
        .await;
    assert_eq!(error, Value::Null, "{items}");
    assert!(rsm.is_object(), "the callback's third argument: {rsm}");
    let jids: Vec<&str> = items
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|i| i["jid"].as_str())
        .collect();
    assert!(jids.contains(&muc_domain.as_str()), "{items}");
    assert!(jids.contains(&pubsub_domain.as_str()), "{items}");

    // The MUC service and the pubsub service describe themselves.
    let info = romeo
        .ok("xmpp.discover.info", json!({"of": muc_domain}))
        .await;
    assert!(has_identity(&info, "conference"), "{info}");
    assert!(has_feature(&info, &muc), "{info}");
    let info = romeo
        .ok("xmpp.discover.info", json!({"of": pubsub_domain}))
        .await;
    assert!(has_identity(&info, "pubsub"), "{info}");

    // A room that does not exist: a stanza error, no data, no rsm.
    let (error, data, rsm) = romeo
        .request(
            "xmpp.discover.info",
            json!({"of": format!("no-such-room@{muc_domain}")}),
        )
        .await;
    assert_eq!(error["condition"], "item-not-found", "{error}");
    assert_eq!(data, Value::Null);
    assert_eq!(rsm, Value::Null, "an error reply has no rsm");
    // A bad request never reaches the server.
    let (error, _, _) = romeo.request("xmpp.discover.info", json!({})).await;
    assert_eq!(error["description"], "Missing 'of' key");
}
