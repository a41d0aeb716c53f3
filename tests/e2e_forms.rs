//! Form-based extensions against a real Prosody: ad-hoc admin commands (XEP-0050,
//! `mod_admin_adhoc`), in-band registration (XEP-0077, `mod_register`), avatars
//! over PEP (XEP-0084) and MUC room configuration and registration forms.
//! Prosody has no user directory (XEP-0055 search), so search is covered by
//! fixtures only.
//!
//! Protocol values are read from the specs, not written in Rust (`tests/spec_only.rs`).
//! Fails (never skips) when prosody is not installed: run `scripts/setup`.

use serde_json::{Value, json};
use xmpp_ftw_tests::browser::{Client, bare, form_var_ending, start_gateway};
use xmpp_ftw_tests::prosody::Prosody;

/// A 1×1 PNG, base64, and the SHA-1 of its bytes (XEP-0084's item id).
const PNG: &str = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==";
/// `sha1sum` of the decoded image: what the gateway must compute.
const PNG_SHA1: &str = "c7a9c45fd419815a5ab1998503a9f03514c0e229";

fn fields(form: &Value) -> Vec<Value> {
    form["fields"].as_array().cloned().unwrap_or_default()
}

fn field<'a>(fields: &'a [Value], var: &str) -> Option<&'a Value> {
    fields.iter().find(|f| f["var"] == var)
}

/// Logs in with a password that may be refused: the `xmpp.connection` or
/// `xmpp.error` frame.
async fn try_login(
    gateway: &xmpp_ftw_gateway::server::RunningServer,
    prosody: &Prosody,
    user: &str,
    password: &str,
    register: bool,
) -> (Client, Value) {
    let mut client = Client::connect(gateway, "newcomer").await;
    let frame = client
        .login_with(prosody, user, password, json!({ "register": register }))
        .await;
    (client, frame)
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn admin_commands_and_account_registration() {
    let prosody = Prosody::builder()
        .users([("romeo", "r0meo-pw"), ("juliet", "jul1et-pw")])
        .extra_config("admins = { \"romeo@localhost\" }\n")
        .start_for_test();
    let gateway = start_gateway().await;
    let (mut romeo, romeo_jid) = Client::online_as(&gateway, &prosody, "romeo").await;

    // The server's commands, without `to`: the gateway addresses romeo's server.
    let (error, commands, rsm) = romeo.request("xmpp.command.list", json!({})).await;
    assert_eq!(error, Value::Null, "{commands}");
    assert!(rsm.is_object(), "the callback's third argument: {rsm}");
    let online_users = commands
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|c| c["node"].as_str())
        .find(|node| node.ends_with("#get-online-users-list"))
        .unwrap_or_else(|| panic!("no online-users command for an admin: {commands}"))
        .to_owned();
    assert!(
        commands
            .as_array()
            .into_iter()
            .flatten()
            .all(|c| c["name"].is_string()),
        "every command has a name: {commands}"
    );

    // Its description.
    let info = romeo
        .ok("xmpp.command.info", json!({"node": online_users}))
        .await;
    assert!(
        info.as_array()
            .into_iter()
            .flatten()
            .any(|e| e["kind"] == "identity" && e["category"] == "automation"),
        "{info}"
    );

    // Executing it asks for a form; completing the form lists romeo.
    let step = romeo
        .ok("xmpp.command.do", json!({"node": online_users}))
        .await;
    assert_eq!(step["status"], "executing", "{step}");
    // The steps allowed are listed as the original listed them, the one `execute`
    // stands for among them.
    let steps = step["actions"]["values"]
        .as_array()
        .unwrap_or_else(|| panic!("{step}"));
    assert!(steps.iter().all(Value::is_string), "{step}");
    assert!(steps.contains(&step["actions"]["execute"]), "{step}");
    let session = step["sessionId"].as_str().expect("a session id").to_owned();
    let asked = fields(&step["form"]);
    let max_items = field(&asked, "max_items").unwrap_or_else(|| panic!("{step}"));
    assert_eq!(max_items["type"], "list-single", "{step}");
    let done = romeo
        .ok(
            "xmpp.command.do",
            json!({
                "node": online_users,
                "action": "complete",
                "sessionId": session,
                "form": [{"var": "max_items", "value": "25"}],
            }),
        )
        .await;
    assert_eq!(done["status"], "completed", "{done}");
    let listed = fields(&done["form"]);
    let jids = field(&listed, "onlineuserjids").unwrap_or_else(|| panic!("{done}"));
    assert!(
        jids["value"]
            .as_array()
            .into_iter()
            .flatten()
            .any(|j| j.as_str().is_some_and(|j| j.starts_with(bare(&romeo_jid)))),
        "romeo is online: {done}"
    );

    // Juliet is no admin: the same command is refused.
    let (mut juliet, _) = Client::online_as(&gateway, &prosody, "juliet").await;
    let (error, _, _) = juliet
        .request("xmpp.command.do", json!({"node": online_users}))
        .await;
    assert_eq!(error["condition"], "forbidden", "{error}");

    // A new account, made at login, then managed in-band.
    let domain = prosody.domain().to_owned();
    let (mut newcomer, frame) = try_login(&gateway, &prosody, "mercutio", "first-pw", true).await;
    assert_eq!(frame["event"], "xmpp.connection", "{frame}");
    let info = newcomer
        .ok("xmpp.register.get", json!({"to": domain}))
        .await;
    assert_eq!(info["registered"], true, "{info}");
    assert_eq!(info["username"], "mercutio", "{info}");
    let changed = newcomer
        .ok(
            "xmpp.register.password",
            json!({"to": domain, "username": "mercutio", "password": "second-pw"}),
        )
        .await;
    assert_eq!(changed, json!({"registered": true}));
    newcomer.logout().await;

    let (_, refused) = try_login(&gateway, &prosody, "mercutio", "first-pw", false).await;
    assert_eq!(
        refused["event"], "xmpp.error",
        "the old password: {refused}"
    );
    let (mut newcomer, frame) = try_login(&gateway, &prosody, "mercutio", "second-pw", false).await;
    assert_eq!(
        frame["event"], "xmpp.connection",
        "the new password: {frame}"
    );

    // Closing the account: the server confirms, and the account is gone.
    let removed = newcomer
        .ok("xmpp.register.unregister", json!({"to": domain}))
        .await;
    assert_eq!(removed, true);
    let (_, gone) = try_login(&gateway, &prosody, "mercutio", "second-pw", false).await;
    assert_eq!(gone["event"], "xmpp.error", "no account any more: {gone}");

    // Refused before reaching the server.
    let (error, _, _) = romeo.request("xmpp.register.get", json!({})).await;
    assert_eq!(error["description"], "Missing 'to' key");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn avatars_and_room_forms() {
    let prosody = Prosody::builder()
        .users([("romeo", "r0meo-pw"), ("juliet", "jul1et-pw")])
        .muc(true)
        .start_for_test();
    let gateway = start_gateway().await;
    let (mut romeo, romeo_jid) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, juliet_jid) = Client::online_as(&gateway, &prosody, "juliet").await;
    let romeo_bare = bare(&romeo_jid).to_owned();
    let juliet_bare = bare(&juliet_jid).to_owned();
    romeo.send("xmpp.presence", json!({})).await;
    juliet.send("xmpp.presence", json!({})).await;

    // Juliet may see Romeo's presence, and so his PEP nodes (access model `presence`).
    juliet
        .send("xmpp.presence.subscribe", json!({"to": romeo_bare}))
        .await;
    romeo
        .event("xmpp.presence.subscribe", |d| d["from"]["user"] == "juliet")
        .await;
    romeo
        .send("xmpp.presence.subscribed", json!({"to": juliet_bare}))
        .await;
    // Prosody confirms with Romeo's presence (its roster push is not awaited here).
    juliet
        .event("xmpp.presence", |d| {
            d["from"]["user"] == "romeo" && d["from"]["resource"].is_string()
        })
        .await;

    // Romeo publishes an image, whose id the gateway computes, and its metadata.
    let uploaded = romeo
        .ok("xmpp.avatar.upload", json!({"content": PNG}))
        .await;
    assert_eq!(uploaded["id"], PNG_SHA1, "{uploaded}");
    let published = romeo
        .ok(
            "xmpp.avatar.metadata",
            json!({"id": PNG_SHA1, "bytes": 70, "type": "image/png", "width": 1, "height": 1}),
        )
        .await;
    assert_eq!(published, true);

    // Juliet subscribes to his metadata, is told about it, and fetches the image.
    let subscribed = juliet
        .ok("xmpp.avatar.subscribe", json!({"of": romeo_bare}))
        .await;
    assert_eq!(subscribed, true);
    let push = juliet
        .event("xmpp.avatar.push.metadata", |d| {
            d["from"]["user"] == "romeo" && d["avatars"][0]["id"] == PNG_SHA1
        })
        .await;
    assert_eq!(push["avatars"][0]["type"], "image/png", "{push}");
    assert_eq!(push["avatars"][0]["bytes"], 70, "{push}");
    let image = juliet
        .ok(
            "xmpp.avatar.data",
            json!({"of": romeo_bare, "id": PNG_SHA1}),
        )
        .await;
    assert_eq!(image["content"], PNG, "{image}");

    // Romeo removes his avatar: Juliet learns it is disabled.
    romeo
        .ok("xmpp.avatar.metadata", json!({"disable": true}))
        .await;
    juliet
        .event("xmpp.avatar.push.metadata", |d| {
            d["from"]["user"] == "romeo" && d["disabled"] == true
        })
        .await;
    let unsubscribed = juliet
        .ok("xmpp.avatar.unsubscribe", json!({"of": romeo_bare}))
        .await;
    assert_eq!(unsubscribed, true);

    // A room Romeo owns: read its configuration, rename it, read the name back.
    let room = format!("balcony@{}", prosody.muc_domain().expect("MUC component"));
    romeo
        .send("xmpp.muc.join", json!({"room": room, "nick": "romeo"}))
        .await;
    romeo
        .event("xmpp.muc.roster", |d| {
            d["room"] == room.as_str()
                && d["status"]
                    .as_array()
                    .is_some_and(|s| s.contains(&json!(110)))
        })
        .await;
    let config = romeo
        .ok("xmpp.muc.room.config.get", json!({"room": room}))
        .await;
    let name_var = form_var_ending(&config, "_roomname");
    let set = romeo
        .ok(
            "xmpp.muc.room.config.set",
            json!({"room": room, "form": [{"var": name_var, "value": "Capulet <Balcony>"}]}),
        )
        .await;
    assert_eq!(set, true);
    let config = romeo
        .ok("xmpp.muc.room.config.get", json!({"room": room}))
        .await;
    let named = fields(&config);
    assert_eq!(
        field(&named, &name_var).map(|f| f["value"].clone()),
        Some(json!("Capulet <Balcony>")),
        "{config}"
    );

    // Juliet may not configure it.
    let (error, _, _) = juliet
        .request("xmpp.muc.room.config.get", json!({"room": room}))
        .await;
    assert_eq!(error["condition"], "forbidden", "{error}");

    // Registration with the room: Romeo, its owner, gets the form, submits a
    // nickname (the original sent an empty query) and is then registered under it.
    let info = romeo
        .ok("xmpp.muc.register.info", json!({"room": room}))
        .await;
    let nick_var = form_var_ending(&info["form"], "_roomnick");
    let registered = romeo
        .ok(
            "xmpp.muc.register",
            json!({"room": room, "form": [{"var": nick_var, "value": "montague"}]}),
        )
        .await;
    assert_eq!(registered, json!({"registered": true}));
    let info = romeo
        .ok("xmpp.muc.register.info", json!({"room": room}))
        .await;
    assert_eq!(info["registered"], true, "{info}");
    assert_eq!(info["nick"], "montague", "{info}");

    // Juliet has no affiliation with the room: Prosody refuses her.
    let (error, _, _) = juliet
        .request("xmpp.muc.register.info", json!({"room": room}))
        .await;
    assert_eq!(error["condition"], "registration-required", "{error}");
}
