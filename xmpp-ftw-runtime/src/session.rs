//! Per-session state the translators and hooks need: the user's own JID (to
//! recognise stanzas only the account itself may send), the rooms joined, and
//! stanza id generation, and the requests whose answers may come as other stanzas
//! (a room's archive results, `sender = "queried:<event>"`).

use std::collections::{HashMap, VecDeque};

/// Most requests remembered for `queried:` sender rules; the oldest is forgotten
/// first, so a browser that never waits for replies cannot grow the session.
pub const MAX_QUERIES: usize = 128;

/// A request whose target may send stanzas in answer before its IQ reply.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Query {
    event: String,
    to: String,
    id: String,
}

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
    queries: VecDeque<Query>,
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
            queries: VecDeque::new(),
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
        self.jid.as_deref().map(|j| split_resource(j).0)
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

    /// Remembers that a request of `event` with stanza id `id` went to `to`, until
    /// [`Session::query_answered`] (bounded by [`MAX_QUERIES`]).
    pub fn note_query(&mut self, event: &str, to: &str, id: &str) {
        if self.queries.len() >= MAX_QUERIES {
            self.queries.pop_front();
        }
        self.queries.push_back(Query {
            event: event.to_owned(),
            to: to.to_owned(),
            id: id.to_owned(),
        });
    }

    /// The request with stanza id `id` got its reply (or timed out).
    pub fn query_answered(&mut self, id: &str) {
        self.queries.retain(|q| q.id != id);
    }

    /// Forgets every request (the XMPP session they were sent on is gone).
    pub fn forget_queries(&mut self) {
        self.queries.clear();
    }

    /// Whether `from` is the entity a request of `event` still waiting for its reply
    /// went to: the same JID, domain and local part ignoring case.
    pub fn queried(&self, event: &str, from: Option<&str>) -> bool {
        let Some(from) = from else {
            return false;
        };
        self.queries
            .iter()
            .any(|q| q.event == event && same_jid(&q.to, from))
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

/// Whether two JIDs, both present, have the same bare JID (ignoring case).
pub fn same_bare(a: Option<&str>, b: Option<&str>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => split_resource(a)
            .0
            .eq_ignore_ascii_case(split_resource(b).0),
        _ => false,
    }
}

/// JIDs compare case-insensitively before the resource, exactly after it.
fn same_jid(a: &str, b: &str) -> bool {
    let ((ab, ar), (bb, br)) = (split_resource(a), split_resource(b));
    ab.eq_ignore_ascii_case(bb) && ar == br
}

/// A JID's text before the first `/`, and after it when there is one.
fn split_resource(jid: &str) -> (&str, Option<&str>) {
    match jid.split_once('/') {
        Some((bare, resource)) => (bare, Some(resource)),
        None => (jid, None),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_query_admits_its_target_until_answered() {
        let mut s = Session::new();
        s.note_query("x.query", "Coven@chat.shakespeare.lit", "q1");
        assert!(s.queried("x.query", Some("coven@chat.shakespeare.lit")));
        assert!(!s.queried("x.other", Some("coven@chat.shakespeare.lit")));
        assert!(!s.queried("x.query", Some("coven@chat.shakespeare.lit/firstwitch")));
        assert!(!s.queried("x.query", Some("evil@chat.shakespeare.lit")));
        assert!(
            !s.queried("x.query", None),
            "no from is the account, not the room"
        );
        s.query_answered("q1");
        assert!(!s.queried("x.query", Some("coven@chat.shakespeare.lit")));
    }

    #[test]
    fn queries_are_bounded() {
        let mut s = Session::new();
        for i in 0..=MAX_QUERIES {
            s.note_query("x.query", &format!("room{i}@muc.example"), &i.to_string());
        }
        assert!(
            !s.queried("x.query", Some("room0@muc.example")),
            "oldest forgotten"
        );
        assert!(s.queried("x.query", Some("room1@muc.example")));
        s.forget_queries();
        assert!(!s.queried("x.query", Some("room1@muc.example")));
    }
}
