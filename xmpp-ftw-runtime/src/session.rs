//! Per-session state the translators and hooks need: the user's own JID (to
//! recognise stanzas only the account itself may send), the rooms joined, and
//! stanza id generation.

use std::collections::HashMap;

/// What the gateway remembers about a room the user is in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Room {
    pub nick: String,
    /// Accept the default configuration when the room reports it was created.
    pub instant: bool,
}

#[derive(Debug)]
enum Ids {
    Random,
    Sequential { prefix: String, next: u64 },
}

/// One browser session's view of its XMPP session.
#[derive(Debug)]
pub struct Session {
    jid: Option<String>,
    rooms: HashMap<String, Room>,
    ids: Ids,
}

impl Default for Session {
    fn default() -> Self {
        Self::new()
    }
}

impl Session {
    /// A session whose stanza ids are random UUIDs (unguessable, as the IQ
    /// spoofing guard wants).
    pub fn new() -> Self {
        Session {
            jid: None,
            rooms: HashMap::new(),
            ids: Ids::Random,
        }
    }

    /// A session with predictable ids `<prefix>1`, `<prefix>2`…, for tests and benchmarks.
    pub fn with_sequential_ids(prefix: &str) -> Self {
        Session {
            ids: Ids::Sequential {
                prefix: prefix.to_owned(),
                next: 1,
            },
            ..Self::new()
        }
    }

    pub fn next_id(&mut self) -> String {
        match &mut self.ids {
            Ids::Random => uuid::Uuid::new_v4().to_string(),
            Ids::Sequential { prefix, next } => {
                let id = format!("{prefix}{next}");
                *next += 1;
                id
            }
        }
    }

    /// Sets the full JID the server bound.
    pub fn set_jid(&mut self, jid: impl Into<String>) {
        self.jid = Some(jid.into());
    }

    pub fn jid(&self) -> Option<&str> {
        self.jid.as_deref()
    }

    pub fn bare_jid(&self) -> Option<&str> {
        self.jid
            .as_deref()
            .map(|j| j.split_once('/').map_or(j, |(bare, _)| bare))
    }

    /// Whether a stanza with this `from` comes from the user's own account
    /// (RFC 6121: no `from`, or the user's bare JID).
    pub fn is_own_account(&self, from: Option<&str>) -> bool {
        match from {
            None => true,
            Some(from) => self
                .bare_jid()
                .is_some_and(|own| from.eq_ignore_ascii_case(own)),
        }
    }

    pub fn room(&self, room: &str) -> Option<&Room> {
        self.rooms.get(&room.to_lowercase())
    }

    pub fn join_room(&mut self, room: &str, nick: &str, instant: bool) {
        self.rooms.insert(
            room.to_lowercase(),
            Room {
                nick: nick.to_owned(),
                instant,
            },
        );
    }

    pub fn leave_room(&mut self, room: &str) -> Option<Room> {
        self.rooms.remove(&room.to_lowercase())
    }
}
