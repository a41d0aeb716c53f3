//! Multi-user chat administration end to end, against a private Prosody through the
//! gateway with real WebSocket clients: an owner creates a room, invites (mediated
//! and direct), hears a decline, reserves a nickname, changes affiliations and
//! roles (and lists them), kicks, sets the subject and destroys the room; each step
//! is checked on what the other occupants actually receive. A second test cancels
//! the configuration of a new room.
//!
//! Fails (never skips) when prosody is not installed: run `scripts/setup`.

use serde_json::{Value, json};
use xmpp_ftw_tests::browser::{Client, bare, form_var_ending, full_jid, start_gateway};
use xmpp_ftw_tests::prosody::Prosody;

fn start_prosody() -> Prosody {
    Prosody::builder()
        .users([
            ("romeo", "r0meo-pw"),
            ("juliet", "jul1et-pw"),
            ("nurse", "nur5e-pw"),
        ])
        .muc(true)
        .start_for_test()
}

fn room_jid(prosody: &Prosody, name: &str) -> String {
    let muc = prosody.muc_domain().expect("the MUC component is on");
    format!("{name}@{muc}")
}

/// An occupant presence of `nick` in `room`, as `xmpp.muc.roster` data.
async fn roster_of(
    client: &mut Client,
    room: &str,
    nick: &str,
    wanted: impl Fn(&Value) -> bool,
) -> Value {
    client
        .event("xmpp.muc.roster", |d| {
            d["room"] == room && d["nick"] == nick && wanted(d)
        })
        .await
}

fn has_status(d: &Value, code: u64) -> bool {
    d["status"]
        .as_array()
        .is_some_and(|codes| codes.contains(&json!(code)))
}

/// Creates an instant room as `nick` and waits until the server has accepted the
/// default configuration (a round trip on the same stream after the 201).
async fn create_instant_room(owner: &mut Client, room: &str, nick: &str) {
    owner
        .send(
            "xmpp.muc.create",
            json!({"room": room, "nick": nick, "instant": true}),
        )
        .await;
    let me = roster_of(owner, room, nick, |d| has_status(d, 110)).await;
    assert!(has_status(&me, 201), "room created: {me}");
    assert_eq!(me["affiliation"], "owner", "{me}");
    owner.ok("xmpp.roster.get", json!({})).await;
}

async fn join(client: &mut Client, room: &str, nick: &str) -> Value {
    client
        .send("xmpp.muc.join", json!({"room": room, "nick": nick}))
        .await;
    let frame = client
        .wait_for("own room presence", |f| {
            (f["event"] == "xmpp.muc.roster"
                && f["data"]["room"] == room
                && f["data"]["nick"] == nick
                && has_status(&f["data"], 110))
                || f["event"] == "xmpp.muc.error"
        })
        .await;
    assert_eq!(frame["event"], "xmpp.muc.roster", "{nick} joins: {frame}");
    frame["data"].clone()
}

fn nicks(list: &Value) -> Vec<String> {
    let mut out: Vec<String> = list
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|item| item["nick"].as_str().map(str::to_owned))
        .collect();
    out.sort();
    out
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_owner_invites_moderates_and_destroys_a_room() {
    let prosody = start_prosody();
    let gateway = start_gateway().await;
    let (mut romeo, romeo_jid) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, juliet_jid) = Client::online_as(&gateway, &prosody, "juliet").await;
    let (mut nurse, _) = Client::online_as(&gateway, &prosody, "nurse").await;
    // Invitations go to bare JIDs: only available resources receive them.
    for client in [&mut romeo, &mut juliet, &mut nurse] {
        client.send("xmpp.presence", json!({})).await;
        client.ok("xmpp.roster.get", json!({})).await;
    }
    let room = room_jid(&prosody, "balcony");
    let elsewhere = room_jid(&prosody, "chapel");
    create_instant_room(&mut romeo, &room, "romeo").await;

    // A mediated invitation, passed on by the room, and a decline passed back.
    romeo
        .send(
            "xmpp.muc.invite",
            json!({"room": room, "to": prosody.jid("juliet"), "reason": "Come <up> & see"}),
        )
        .await;
    let invite = juliet
        .event("xmpp.muc.invite", |d| d["room"] == room.as_str())
        .await;
    // The room is semi-anonymous: it names the inviter by occupant JID.
    assert_eq!(
        full_jid(&invite["from"]),
        format!("{room}/romeo"),
        "{invite}"
    );
    assert_eq!(invite["reason"], "Come <up> & see", "{invite}");
    juliet
        .send(
            "xmpp.muc.invite.decline",
            json!({"room": room, "to": romeo_jid, "reason": "Not tonight"}),
        )
        .await;
    let decline = romeo
        .event("xmpp.muc.invite.decline", |d| d["room"] == room.as_str())
        .await;
    assert_eq!(full_jid(&decline["from"]), juliet_jid, "{decline}");
    assert_eq!(decline["reason"], "Not tonight", "{decline}");

    // A direct invitation, from user to user.
    romeo
        .send(
            "xmpp.muc.invite.direct",
            json!({"to": prosody.jid("nurse"), "room": room, "reason": "Bring the ladder"}),
        )
        .await;
    let direct = nurse
        .event("xmpp.muc.invite.direct", |d| d["room"] == room.as_str())
        .await;
    assert_eq!(full_jid(&direct["from"]), romeo_jid, "{direct}");
    assert_eq!(direct["reason"], "Bring the ladder", "{direct}");

    // Both accept after all.
    let me = join(&mut juliet, &room, "juliet").await;
    assert_eq!(me["role"], "participant", "{me}");
    join(&mut nurse, &room, "nurse").await;
    roster_of(&mut romeo, &room, "nurse", |_| true).await;

    // Membership with a reserved nickname; the room tells juliet, and her
    // reserved-nickname lookup finds it; the nurse has none.
    let data = romeo
        .ok(
            "xmpp.muc.affiliation",
            json!({"room": room, "jid": prosody.jid("juliet"), "affiliation": "member", "nick": "juliet", "reason": "Welcome"}),
        )
        .await;
    assert_eq!(data, json!(true));
    let member = roster_of(&mut juliet, &room, "juliet", |d| {
        d["affiliation"] == "member"
    })
    .await;
    assert_eq!(member["role"], "participant", "{member}");
    let reserved = juliet.ok("xmpp.muc.room.nick", json!({"room": room})).await;
    assert_eq!(reserved, json!({"nick": "juliet"}));
    let none = nurse.ok("xmpp.muc.room.nick", json!({"room": room})).await;
    assert_eq!(none, json!({}));
    let members = romeo
        .ok(
            "xmpp.muc.affiliation.get",
            json!({"room": room, "affiliation": "member"}),
        )
        .await;
    assert_eq!(members.as_array().map(Vec::len), Some(1), "{members}");
    assert_eq!(bare(&full_jid(&members[0]["jid"])), prosody.jid("juliet"));
    assert_eq!(members[0]["nick"], "juliet", "{members}");
    assert_eq!(members[0]["affiliation"], "member", "{members}");

    // Voice: revoked, listed, granted again.
    romeo
        .ok(
            "xmpp.muc.role.set",
            json!({"room": room, "nick": "juliet", "role": "visitor", "reason": "Hush"}),
        )
        .await;
    let hushed = roster_of(&mut juliet, &room, "juliet", |d| d["role"] == "visitor").await;
    assert_eq!(hushed["affiliation"], "member", "{hushed}");
    let visitors = romeo
        .ok(
            "xmpp.muc.role.get",
            json!({"room": room, "role": "visitor"}),
        )
        .await;
    assert_eq!(nicks(&visitors), ["juliet"], "{visitors}");
    assert_eq!(visitors[0]["role"], "visitor", "{visitors}");
    assert_eq!(bare(&full_jid(&visitors[0]["jid"])), prosody.jid("juliet"));
    romeo
        .ok(
            "xmpp.muc.role.set",
            json!({"room": room, "nick": "juliet", "role": "participant"}),
        )
        .await;
    roster_of(&mut juliet, &room, "juliet", |d| d["role"] == "participant").await;
    let participants = romeo
        .ok(
            "xmpp.muc.role.get",
            json!({"room": room, "role": "participant"}),
        )
        .await;
    assert_eq!(nicks(&participants), ["juliet", "nurse"], "{participants}");
    let moderators = romeo
        .ok(
            "xmpp.muc.role.get",
            json!({"room": room, "role": "moderator"}),
        )
        .await;
    assert_eq!(nicks(&moderators), ["romeo"], "{moderators}");

    // Participants may neither list roles nor destroy the room.
    let (error, data, _) = juliet
        .request(
            "xmpp.muc.role.get",
            json!({"room": room, "role": "moderator"}),
        )
        .await;
    assert_eq!(data, Value::Null, "{error}");
    assert_eq!(error["condition"], "forbidden", "{error}");
    let (error, _, _) = juliet
        .request("xmpp.muc.destroy", json!({"room": room}))
        .await;
    assert_eq!(error["condition"], "forbidden", "{error}");

    // A kick: the nurse learns why, the others see her go.
    romeo
        .ok(
            "xmpp.muc.role.set",
            json!({"room": room, "nick": "nurse", "role": "none", "reason": "Begone <now>"}),
        )
        .await;
    let kicked = roster_of(&mut nurse, &room, "nurse", |d| d["type"] == "unavailable").await;
    assert!(has_status(&kicked, 307), "kicked: {kicked}");
    assert!(has_status(&kicked, 110), "own presence: {kicked}");
    assert_eq!(kicked["reason"], "Begone <now>", "{kicked}");
    let gone = roster_of(&mut juliet, &room, "nurse", |d| d["type"] == "unavailable").await;
    assert!(has_status(&gone, 307), "{gone}");

    // The subject.
    romeo
        .send(
            "xmpp.muc.subject",
            json!({"room": room, "subject": "Parting is such sweet sorrow"}),
        )
        .await;
    let subject = juliet
        .event("xmpp.muc.subject", |d| d["room"] == room.as_str())
        .await;
    assert_eq!(
        subject["subject"], "Parting is such sweet sorrow",
        "{subject}"
    );
    assert_eq!(subject["nick"], "romeo", "{subject}");

    // Destroyed with a reason and an alternative: juliet's last presence from the
    // room is a destroy event, not a roster update.
    let data = romeo
        .ok(
            "xmpp.muc.destroy",
            json!({"room": room, "reason": "The watch is coming", "alternative": elsewhere}),
        )
        .await;
    assert_eq!(data, json!(true));
    let last = juliet
        .wait_for("juliet's last presence from the room", |f| {
            let d = &f["data"];
            d["room"] == room.as_str()
                && d["nick"] == "juliet"
                && d["type"] == "unavailable"
                && (f["event"] == "xmpp.muc.destroy" || f["event"] == "xmpp.muc.roster")
        })
        .await;
    assert_eq!(last["event"], "xmpp.muc.destroy", "{last}");
    let destroyed = &last["data"];
    assert_eq!(destroyed["reason"], "The watch is coming", "{destroyed}");
    assert_eq!(destroyed["alternative"], elsewhere.as_str(), "{destroyed}");
    assert_eq!(destroyed["role"], "none", "{destroyed}");

    for client in [&mut romeo, &mut juliet, &mut nurse] {
        client.logout().await;
    }
    gateway.shutdown().await.expect("clean shutdown");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn cancelling_the_configuration_leaves_a_new_room_locked() {
    let prosody = start_prosody();
    let gateway = start_gateway().await;
    let (mut romeo, _) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, _) = Client::online_as(&gateway, &prosody, "juliet").await;
    let room = room_jid(&prosody, "crypt");

    romeo
        .send("xmpp.muc.create", json!({"room": room, "nick": "romeo"}))
        .await;
    let me = roster_of(&mut romeo, &room, "romeo", |d| has_status(d, 110)).await;
    assert!(has_status(&me, 201), "room created and locked: {me}");
    let data = romeo.ok("xmpp.muc.cancel", json!({"room": room})).await;
    assert_eq!(data, json!(true));

    // No configuration was accepted, so the room admits nobody else.
    juliet
        .send("xmpp.muc.join", json!({"room": room, "nick": "juliet"}))
        .await;
    let error = juliet
        .event("xmpp.muc.error", |d| d["room"] == room.as_str())
        .await;
    assert_eq!(error["type"], "presence", "{error}");
    assert_eq!(error["error"]["condition"], "item-not-found", "{error}");

    // A room that does not exist cannot be cancelled.
    let (error, data, _) = juliet
        .request(
            "xmpp.muc.cancel",
            json!({"room": room_jid(&prosody, "nowhere")}),
        )
        .await;
    assert_eq!(data, Value::Null, "{error}");
    assert_eq!(error["condition"], "item-not-found", "{error}");

    romeo.logout().await;
    juliet.logout().await;
    gateway.shutdown().await.expect("clean shutdown");
}

/// XEP-0045 §8.6: a visitor of a moderated room asks for voice with the original's
/// `role` key; Prosody forwards the request form to the moderator, whose browser
/// gets it with an `ack` and answers it granting voice; the visitor becomes a
/// participant.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_visitor_asks_for_voice_and_the_moderator_grants_it() {
    let prosody = start_prosody();
    let gateway = start_gateway().await;
    let (mut romeo, _) = Client::online_as(&gateway, &prosody, "romeo").await;
    let (mut juliet, _) = Client::online_as(&gateway, &prosody, "juliet").await;
    let room = room_jid(&prosody, "tomb");
    create_instant_room(&mut romeo, &room, "romeo").await;

    // Moderate the room: newcomers are visitors.
    let config = romeo
        .ok("xmpp.muc.room.config.get", json!({"room": room}))
        .await;
    let moderated = form_var_ending(&config, "_moderatedroom");
    let set = romeo
        .ok(
            "xmpp.muc.room.config.set",
            json!({"room": room, "form": [{"var": moderated, "value": true}]}),
        )
        .await;
    assert_eq!(set, true);
    let me = join(&mut juliet, &room, "juliet").await;
    assert_eq!(me["role"], "visitor", "{me}");

    juliet
        .send(
            "xmpp.muc.voice",
            json!({"room": room, "role": "participant"}),
        )
        .await;
    let asked = romeo
        .wait_for("the voice request", |f| {
            f["event"] == "xmpp.muc.voice.request"
        })
        .await;
    assert_eq!(asked["data"]["room"], room.as_str(), "{asked}");
    let ack = asked["ack"].as_u64().expect("the request carries an ack");
    // The answer: the request's own fields, with the grant set.
    let answer: Vec<Value> = asked["data"]["form"]["fields"]
        .as_array()
        .expect("the request form's fields")
        .iter()
        .filter_map(|f| {
            let var = f["var"].as_str()?;
            let value = if var.ends_with("request_allow") {
                json!(true)
            } else {
                f["value"].clone()
            };
            (!value.is_null()).then(|| json!({"var": var, "value": value}))
        })
        .collect();
    assert!(
        answer.iter().any(|f| f["value"] == json!(true)),
        "the form has a grant field: {asked}"
    );
    romeo
        .send_raw(json!({"ack": ack, "error": null, "data": answer}).to_string())
        .await;

    let granted = roster_of(&mut juliet, &room, "juliet", |d| d["role"] == "participant").await;
    assert_eq!(granted["role"], "participant", "{granted}");

    romeo.logout().await;
    juliet.logout().await;
    gateway.shutdown().await.expect("clean shutdown");
}
