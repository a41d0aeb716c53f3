//! The small, fictional catalogue the renderers' tests share.
//!
//! It holds the named types, the spec headers and two events (`xmpp.chat.message` and
//! `xmpp.roster.get`) with everything except their keys. A renderer's test module adds the
//! keys its assertions look at, and overrides a fact where it needs another value, with
//! struct update syntax on these pieces (`EventInfo { .., ..CHAT_MESSAGE }`). By default
//! events, types and keys come from one spec, `rfc6121`, so no key is marked as an
//! extension unless a test says so. The protocol is made up (`xep-9999`, `urn:example:mood`):
//! Rust files must not name the namespaces or element names of real specs.

use super::{
    Callback, Catalog, Direction, EventInfo, Example, FieldInfo, GroupInfo, ResultInfo, SpecInfo,
    TypeInfo, TypeKind, TypeRef,
};

/// The spec of events, types and keys unless a test says otherwise.
pub(super) const SPEC: &str = "rfc6121";

/// The made-up extension spec that defines [`MOOD`] and adds [`STATE`] to messages.
pub(super) const MOOD_SPEC: &str = "xep-9999";

pub(super) static MOOD: TypeInfo = TypeInfo {
    name: "mood",
    spec: MOOD_SPEC,
    doc: "The conversation state.",
    kind: TypeKind::ElementName {
        ns: "urn:example:mood",
        values: &["happy", "grumpy"],
    },
};

pub(super) static SHOW: TypeInfo = TypeInfo {
    name: "show",
    spec: SPEC,
    doc: "Availability.",
    kind: TypeKind::Enum {
        values: &["away", "dnd"],
    },
};

/// A JID is a string going out and an object coming in, so object types hold one.
const JID_KEYS: &[FieldInfo] = &[field("jid", TypeRef::Jid, true)];

/// An object type with keys in both directions.
pub(super) static CONTACT: TypeInfo = TypeInfo {
    name: "contact",
    spec: SPEC,
    doc: "A contact.",
    kind: TypeKind::Object {
        fields_out: JID_KEYS,
        fields_in: JID_KEYS,
    },
};

/// An object type the browser only receives.
pub(super) static ROSTER_ITEM: TypeInfo = TypeInfo {
    name: "roster_item",
    spec: SPEC,
    doc: "A contact.",
    kind: TypeKind::Object {
        fields_out: &[],
        fields_in: JID_KEYS,
    },
};

pub(super) static STANZA_ERROR: TypeInfo = TypeInfo {
    name: "stanza_error",
    spec: SPEC,
    doc: "An error.",
    kind: TypeKind::Object {
        fields_out: &[],
        fields_in: &[field("type", TypeRef::String, true)],
    },
};

/// Spec headers: one for a chat spec and one for the extension; the roster spec has none.
pub(super) const SPECS: &[SpecInfo] = &[
    SpecInfo {
        id: "rfc6121-chat",
        title: "Chat",
        source: "https://www.rfc-editor.org/rfc/rfc6121",
        version: "",
        file: "specs/rfc6121-chat.toml",
        features: &[],
    },
    SpecInfo {
        id: MOOD_SPEC,
        title: "User Mood",
        source: "https://xmpp.org/extensions/xep-9999.html",
        version: "2.1",
        file: "specs/xep-9999-mood.toml",
        features: &["urn:example:mood"],
    },
];

/// A key of [`SPEC`] without doc, default, limit or XML path.
pub(super) const fn field(key: &'static str, ty: TypeRef, required: bool) -> FieldInfo {
    FieldInfo {
        key,
        doc: "",
        ty,
        required,
        many: false,
        default: None,
        max_len: None,
        spec: SPEC,
        xml_path: "",
    }
}

/// The key [`MOOD_SPEC`] adds to messages, with a default.
pub(super) const STATE: FieldInfo = FieldInfo {
    spec: MOOD_SPEC,
    default: Some("\"happy\""),
    ..field("state", TypeRef::Named(&MOOD), false)
};

/// "At least one of" the message's content keys.
pub(super) const CONTENT: GroupInfo = GroupInfo {
    name: "content",
    error: "Message has no content",
    keys: &["body", "state"],
};

/// A fire-and-forget event of [`SPEC`] without keys.
pub(super) const fn event(name: &'static str, directions: &'static [Direction]) -> EventInfo {
    EventInfo {
        name,
        spec: SPEC,
        spec_file: "specs/rfc6121.toml",
        doc: "",
        stanzas: &[],
        iq: None,
        directions,
        callback: Callback::None,
        aliases: &[],
        hooks: &[],
        fields_out: &[],
        fields_in: &[],
        result: ResultInfo::Nothing,
        rsm: None,
        result_error: None,
        groups: &[],
        modes: &[],
        exclusive: &[],
        answer: None,
    }
}

/// A message in both directions, with an alias, a hook and a group, but no outgoing keys.
pub(super) const CHAT_MESSAGE: EventInfo = EventInfo {
    doc: "A chat message.",
    stanzas: &["message"],
    aliases: &["xmpp.chat.msg"],
    hooks: &[("outgoing", "crate::hooks::chat::stamp")],
    fields_in: &[field("from", TypeRef::Jid, true)],
    groups: &[CONTENT],
    modes: &[],
    exclusive: &[],
    ..event("xmpp.chat.message", &[Direction::Out, Direction::In])
};

/// An IQ get whose callback is required and receives a list of [`CONTACT`]s.
pub(super) const ROSTER_GET: EventInfo = EventInfo {
    doc: "Fetch the roster.",
    stanzas: &["iq"],
    iq: Some("get"),
    callback: Callback::Required,
    result: ResultInfo::List(&[field("contact", TypeRef::Named(&CONTACT), true)]),
    ..event("xmpp.roster.get", &[Direction::Out])
};

const TYPES: &[&TypeInfo] = &[&MOOD, &SHOW, &CONTACT, &ROSTER_ITEM, &STANZA_ERROR];

/// A catalogue of `events` with the sample's spec headers and every sample type.
pub(super) const fn catalog(events: &'static [EventInfo]) -> Catalog {
    Catalog {
        specs: SPECS,
        events,
        types: TYPES,
    }
}

/// A successful fixture of `xmpp.chat.message` without a stanza.
pub(super) fn example(direction: Direction, name: &str, json: &str) -> Example {
    Example {
        event: "xmpp.chat.message".into(),
        direction,
        name: name.into(),
        json: json.into(),
        xml: None,
        error: None,
    }
}

/// The empty message the gateway refuses because of [`CONTENT`].
pub(super) fn refused() -> Example {
    Example {
        error: Some(CONTENT.error.into()),
        ..example(Direction::Out, "chat/empty", "{}")
    }
}
