//! The spec files exactly as written: serde structs over TOML, with spans kept
//! wherever a later check may need to point at the source.

use indexmap::IndexMap;
use serde::Deserialize;
use toml::Spanned;

pub type Sp<T> = Spanned<T>;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSpec {
    pub spec: Sp<RawHeader>,
    #[serde(default)]
    pub types: IndexMap<Sp<String>, Sp<RawType>>,
    #[serde(default)]
    pub event: IndexMap<Sp<String>, Sp<RawEvent>>,
    #[serde(default)]
    pub extend: Vec<Sp<RawExtend>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawHeader {
    pub id: Sp<String>,
    pub title: Sp<String>,
    pub source: Sp<String>,
    #[serde(default)]
    pub version: Option<String>,
    #[serde(default)]
    pub ns: IndexMap<Sp<String>, Sp<String>>,
    #[serde(default)]
    pub features: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawType {
    pub kind: Sp<String>,
    pub doc: Option<Sp<String>>,
    #[serde(default)]
    pub values: Option<Vec<String>>,
    #[serde(default)]
    pub ns: Option<Sp<String>>,
    #[serde(default)]
    pub fields: IndexMap<Sp<String>, Sp<RawField>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum OneOrMany {
    One(String),
    Many(Vec<String>),
}

impl OneOrMany {
    pub fn to_vec(&self) -> Vec<String> {
        match self {
            OneOrMany::One(s) => vec![s.clone()],
            OneOrMany::Many(v) => v.clone(),
        }
    }
}

#[derive(Debug, Clone, Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct RawHooks {
    pub before_send: Option<Sp<String>>,
    pub after_send: Option<Sp<String>>,
    pub guard: Option<Sp<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawEvent {
    pub doc: Option<Sp<String>>,
    pub stanza: Sp<OneOrMany>,
    pub directions: Sp<Vec<String>>,
    #[serde(default)]
    pub iq: Option<Sp<String>>,
    #[serde(default)]
    pub callback: Option<Sp<String>>,
    #[serde(default)]
    pub ack: Option<Sp<String>>,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub set: IndexMap<Sp<String>, Sp<String>>,
    #[serde(default)]
    pub ensure: Vec<Sp<String>>,
    #[serde(default)]
    /// Type names, or `{ type, at }` tables (serde's untagged enums lose spans).
    pub include: Vec<Sp<toml::Value>>,
    #[serde(default)]
    pub required: Vec<Sp<String>>,
    #[serde(default)]
    pub groups: IndexMap<Sp<String>, Sp<String>>,
    /// Lists of keys of which a payload may give at most one.
    #[serde(default)]
    pub exclusive: Vec<Sp<Vec<String>>>,
    #[serde(default)]
    pub hooks: RawHooks,
    #[serde(default, rename = "match")]
    /// A table of conditions, or a list of such tables.
    pub match_: Option<Sp<toml::Value>>,
    #[serde(default)]
    pub priority: i32,
    /// One rule or a list of rules, any of which admits the sender.
    #[serde(default)]
    pub sender: Option<Sp<OneOrMany>>,
    /// With a `queried:` rule: a stanza it admits must carry its sender's bare JID
    /// at this path (what the queried entity says is its own).
    #[serde(default)]
    pub queried_owns: Option<Sp<String>>,
    #[serde(default)]
    pub reply: Option<Sp<String>>,
    #[serde(default)]
    pub fields: IndexMap<Sp<String>, Sp<RawField>>,
    #[serde(default)]
    pub result: Option<Sp<RawResult>>,
    /// Other shapes of the event, each chosen by a boolean key of the payload.
    #[serde(default)]
    pub modes: IndexMap<Sp<String>, Sp<RawMode>>,
    /// Incoming events the browser answers: the outgoing event that sends the answer.
    #[serde(default)]
    pub answer: Option<Sp<RawAnswer>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAnswer {
    /// The outgoing event that writes the answer.
    pub event: Sp<String>,
    /// The answer event's key that takes the browser's answer data.
    pub key: Sp<String>,
    /// Answer key = key of the incoming payload it is copied from.
    #[serde(default)]
    pub copy: IndexMap<Sp<String>, Sp<String>>,
}

/// `[event."<name>".modes.<key>]`: the event's shape when the payload's `<key>` is
/// `true` (going out), and when `match` holds (coming in, and reading back).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawMode {
    pub doc: Option<Sp<String>>,
    #[serde(rename = "match")]
    pub match_: Option<Sp<toml::Value>>,
    #[serde(default)]
    pub ensure: Option<Vec<Sp<String>>>,
    #[serde(default)]
    pub set: Option<IndexMap<Sp<String>, Sp<String>>>,
    #[serde(default)]
    pub include: Option<Vec<Sp<toml::Value>>>,
    #[serde(default)]
    pub iq: Option<Sp<String>>,
    #[serde(default)]
    pub queried_owns: Option<Sp<String>>,
    /// Keys of the event the mode does not have.
    #[serde(default)]
    pub without: Vec<Sp<String>>,
    /// Replace the event's fields of the same key, or add keys.
    #[serde(default)]
    pub fields: IndexMap<Sp<String>, Sp<RawField>>,
    #[serde(default)]
    pub result: Option<Sp<RawResult>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawResult {
    #[serde(default)]
    /// A path, or a list of `{ path, tag = { key = "value" } }` tables.
    pub each: Option<Sp<toml::Value>>,
    #[serde(default)]
    pub r#type: Option<Sp<String>>,
    #[serde(default)]
    pub fields: IndexMap<Sp<String>, Sp<RawField>>,
    /// The callback's third argument (XEP-0059 result set), read from the reply.
    #[serde(default)]
    pub rsm: Option<Sp<RawField>>,
    /// The callback's data is this one value (a parsed form), not an object of fields.
    #[serde(default)]
    pub value: Option<Sp<RawField>>,
    /// An application error inside a `type='result'` reply (an XML-RPC fault): when
    /// this element is there, the callback gets its object as the error.
    #[serde(default)]
    pub error: Option<Sp<RawField>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawExtend {
    pub events: Sp<Vec<Sp<String>>>,
    #[serde(default)]
    pub fields: IndexMap<Sp<String>, Sp<RawField>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOverride {
    pub when: toml::Table,
    pub value: toml::Value,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawField {
    /// JSON key, when it differs from the TOML key (two fields with one key, one per direction).
    #[serde(default)]
    pub key: Option<String>,
    pub path: Option<Sp<String>>,
    pub r#type: Option<Sp<String>>,
    pub doc: Option<Sp<String>>,
    #[serde(default)]
    pub dir: Option<Sp<String>>,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub many: bool,
    #[serde(default)]
    pub default: Option<Sp<toml::Value>>,
    #[serde(default)]
    pub max_len: Option<u32>,
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    #[serde(default)]
    pub part: Option<Sp<String>>,
    #[serde(default)]
    pub satisfies: Option<Sp<String>>,
    #[serde(default)]
    pub needs_callback: Option<String>,
    #[serde(default)]
    pub implies: IndexMap<Sp<String>, Sp<toml::Value>>,
    /// Decoded, but never written: another key carries the same XML.
    #[serde(default)]
    pub derived: bool,
    #[serde(default)]
    pub overrides: Vec<RawOverride>,
    #[serde(default)]
    pub if_empty: Option<toml::Value>,
    #[serde(default)]
    pub value: Option<String>,
    #[serde(default)]
    pub fallback: Option<Sp<String>>,
    /// `data_form` fields: the hidden FORM_TYPE value written with the form.
    #[serde(default)]
    pub form_type: Option<Sp<String>>,
    /// `data_form` fields: the `type` of a submitted `<x/>` (submit, form, cancel).
    #[serde(default)]
    pub submit_as: Option<Sp<String>>,
    /// `data_form` fields going out: payload keys written as fields of the same form,
    /// `{ <key> = "<var>" }`.
    #[serde(default)]
    pub form_keys: IndexMap<Sp<String>, Sp<String>>,
    /// Object fields: a JSON string going out stands for `{ <string_key>: string }`.
    #[serde(default)]
    pub string_key: Option<Sp<String>>,
    #[serde(default)]
    pub variants: IndexMap<Sp<String>, IndexMap<Sp<String>, Sp<RawField>>>,
    /// `stanza` fields: the event whose incoming payload the embedded stanza carries.
    #[serde(default)]
    pub event: Option<Sp<String>>,
    /// Incoming only: of the elements the path's first step names, only one whose
    /// attribute equals a JID of the stanza counts (`{ "@by" = "$to_bare" }`).
    #[serde(default, rename = "where")]
    pub where_: Option<Sp<IndexMap<String, String>>>,
    /// Outgoing only: when the browser leaves the key out, the user's own
    /// `bare_jid`, `full_jid` or `domain`.
    #[serde(default)]
    pub default_own: Option<Sp<String>>,
    /// Scalar attribute fields going out: another attribute the same value is written to.
    #[serde(default)]
    pub also_at: Option<Sp<String>>,
    /// Outgoing only: when the browser leaves the key out, a digest of another key.
    #[serde(default)]
    pub default_digest: Option<Sp<RawDigest>>,
    /// `stanza` fields: merge that payload into the enclosing object.
    #[serde(default)]
    pub flatten: Option<Sp<bool>>,
}

/// `default_digest = { of = "<key>", algorithm = "sha1", encoding = "base64" }`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawDigest {
    pub of: String,
    pub algorithm: String,
    pub encoding: String,
}
