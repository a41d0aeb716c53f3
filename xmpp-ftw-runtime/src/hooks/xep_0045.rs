//! Multi-User Chat state: which rooms the user is in, under which nickname.
//! XMPP-FTW routes a room's stanzas and refuses messages to rooms not joined.

use crate::error::ClientError;
use crate::json_in::Map;
use crate::json_out::split_jid;
use crate::session::Session;
use crate::xml::Elem;
use serde_json::Value;

fn str_key<'a>(data: &'a Map, key: &str) -> Option<&'a str> {
    data.get(key).and_then(Value::as_str)
}

/// After a join: route the room's stanzas to `xmpp.muc.*` events.
pub fn remember_room(session: &mut Session, data: &Map) {
    if let (Some(room), Some(nick)) = (str_key(data, "room"), str_key(data, "nick")) {
        session.join_room(room, nick, false);
    }
}

/// After a create: as a join, and remember whether to make it an instant room.
pub fn remember_created_room(session: &mut Session, data: &Map) {
    if let (Some(room), Some(nick)) = (str_key(data, "room"), str_key(data, "nick")) {
        let instant = data
            .get("instant")
            .and_then(Value::as_bool)
            .unwrap_or(false);
        session.join_room(room, nick, instant);
    }
}

/// After a leave: stop routing the room.
pub fn forget_room(session: &mut Session, data: &Map) {
    if let Some(room) = str_key(data, "room") {
        session.leave_room(room);
    }
}

/// Before a leave: the room must be joined; the unavailable presence goes to
/// `room/nick`, as XEP-0045 §7.14 asks.
pub fn fill_nick_of_joined_room(session: &mut Session, data: &mut Map) -> Result<(), ClientError> {
    let Some(room) = str_key(data, "room") else {
        return Ok(()); // the generated check reports the missing key
    };
    let nick = session
        .room(room)
        .ok_or_else(ClientError::not_in_room)?
        .nick
        .clone();
    data.insert("nick".to_owned(), Value::String(nick));
    Ok(())
}

/// Before a room message: the room must be joined.
pub fn require_joined_room(session: &mut Session, data: &mut Map) -> Result<(), ClientError> {
    match str_key(data, "room") {
        Some(room) if session.room(room).is_none() => Err(ClientError::not_in_room()),
        _ => Ok(()),
    }
}

/// An incoming stanza comes from a room the user is in.
pub fn is_joined_room(session: &Session, stanza: Elem<'_>) -> bool {
    stanza.attr("from").is_some_and(|from| {
        let parts = split_jid(from);
        session.room(parts.bare(from)).is_some()
    })
}
