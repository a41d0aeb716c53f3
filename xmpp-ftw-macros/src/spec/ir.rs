//! The checked, resolved model the code generator works from: namespaces are
//! URIs, types are indices, extensions are merged into the events they extend.

/// Namespace of the stanza elements themselves.
pub const NS_CLIENT: &str = "jabber:client";
/// Namespace of `xml:lang`.
pub const NS_XML: &str = "http://www.w3.org/XML/1998/namespace";

#[derive(Debug, Clone, Default)]
pub struct Ir {
    pub specs: Vec<SpecIr>,
    pub types: Vec<TypeIr>,
    pub events: Vec<EventIr>,
    /// Absolute paths of every spec file, so the generated code can depend on them.
    pub files: Vec<String>,
}

impl Ir {
    /// The modes of event `e` (events of its name with a `mode`), in spec order.
    pub fn modes_of<'a>(&'a self, e: &'a EventIr) -> impl Iterator<Item = &'a EventIr> {
        self.events
            .iter()
            .filter(move |m| m.mode.is_some() && m.name == e.name)
    }
}

#[derive(Debug, Clone)]
pub struct SpecIr {
    pub id: String,
    pub title: String,
    pub source: String,
    pub version: String,
    pub file: String,
    pub features: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct TypeIr {
    pub name: String,
    pub spec: String,
    pub doc: String,
    pub kind: TypeKind,
}

#[derive(Debug, Clone)]
pub enum TypeKind {
    Enum(Vec<String>),
    ElementName { ns: String, values: Vec<String> },
    Object(Vec<FieldIr>),
}

/// A field's value type.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ty {
    String,
    Integer {
        min: i64,
        max: i64,
    },
    Boolean,
    Flag,
    Jid,
    JidString,
    Resource,
    DateTime,
    Xhtml,
    RawXml,
    LangMap,
    /// An XEP-0004 data form (built in: `xmpp_ftw_runtime::forms`).
    DataForm,
    /// Any JSON value, carried as JSON text (XEP-0335).
    Json,
    /// Index into [`Ir::types`].
    Named(usize),
}

impl Ty {
    pub fn builtin(name: &str) -> Option<Ty> {
        Some(match name {
            "string" => Ty::String,
            "integer" => Ty::Integer {
                min: i64::MIN,
                max: i64::MAX,
            },
            "boolean" => Ty::Boolean,
            "flag" => Ty::Flag,
            "jid" => Ty::Jid,
            "jid_string" => Ty::JidString,
            "resource" => Ty::Resource,
            "datetime" => Ty::DateTime,
            "xhtml" => Ty::Xhtml,
            "raw_xml" => Ty::RawXml,
            "lang_map" => Ty::LangMap,
            "data_form" => Ty::DataForm,
            "json" => Ty::Json,
            _ => return None,
        })
    }

    /// Values written as one string (attribute value or element text).
    pub fn is_scalar(self, types: &[TypeIr]) -> bool {
        match self {
            Ty::Named(i) => matches!(types[i].kind, TypeKind::Enum(_)),
            Ty::Xhtml | Ty::RawXml | Ty::LangMap | Ty::Flag | Ty::DataForm => false,
            _ => true,
        }
    }
}

/// Which of the user's own addresses `default_own` fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OwnJid {
    BareJid,
    FullJid,
    Domain,
}

/// A `where` condition: which attribute of the element, equal to the bare JID of
/// which attribute of the stanza.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Vouch {
    /// Index of the element step the condition applies to (0 as written; more once
    /// the field is placed below an `include` or `[[extend]]` point).
    pub step: usize,
    pub attr: String,
    /// `to` or `from`.
    pub stanza_attr: String,
}

/// A predicate on an element step: which of several same-named children the
/// step selects (`xd:field[@var='with']`, `rpc:member[rpc:name='faultCode']`).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Pred {
    /// The child carries this attribute with this value (`ns` empty for plain ones).
    Attr {
        ns: String,
        name: String,
        value: String,
    },
    /// The child has a child element whose text is this value.
    Child {
        ns: String,
        name: String,
        value: String,
    },
}

/// One step of a path into a stanza.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Seg {
    /// A child element; with a predicate, the first such child that satisfies it.
    Elem {
        ns: String,
        name: String,
        pred: Option<Pred>,
    },
    /// Any child element in `ns` (element-name enums, or "the payload in this namespace").
    AnyIn { ns: String },
    /// Any child element not in `ns`.
    AnyNotIn { ns: String },
    /// An attribute; `ns` is empty for plain attributes.
    Attr { ns: String, name: String },
    /// The element's own text.
    Text,
    /// The element's local name.
    Name,
    /// The element's namespace URI.
    Ns,
}

impl Seg {
    pub fn is_element(&self) -> bool {
        matches!(
            self,
            Seg::Elem { .. } | Seg::AnyIn { .. } | Seg::AnyNotIn { .. }
        )
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathIr {
    pub segs: Vec<Seg>,
    /// As written in the spec, for docs and messages.
    pub text: String,
}

impl PathIr {
    pub fn root() -> PathIr {
        PathIr {
            segs: Vec::new(),
            text: String::new(),
        }
    }

    /// `self` followed by `rest`.
    pub fn join(&self, rest: &PathIr) -> PathIr {
        let mut segs = self.segs.clone();
        segs.extend(rest.segs.iter().cloned());
        let text = match (self.text.is_empty(), rest.text.is_empty()) {
            (true, _) => rest.text.clone(),
            (_, true) => self.text.clone(),
            _ => format!("{}/{}", self.text, rest.text),
        };
        PathIr { segs, text }
    }

    pub fn last(&self) -> Option<&Seg> {
        self.segs.last()
    }

    /// The element steps (all but a final attribute/text/name/ns step).
    pub fn element_steps(&self) -> &[Seg] {
        match self.segs.last() {
            Some(s) if !s.is_element() => &self.segs[..self.segs.len() - 1],
            _ => &self.segs,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Dirs {
    pub out: bool,
    pub inc: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Bare,
    Resource,
    Domain,
    Local,
}

/// A test on an incoming stanza.
#[derive(Debug, Clone)]
pub struct Cond {
    pub path: PathIr,
    pub test: Test,
}

#[derive(Debug, Clone)]
pub enum Test {
    OneOf {
        values: Vec<String>,
        or_absent: bool,
    },
    Present,
    Absent,
}

/// A JSON literal, kept as JSON text.
pub type JsonLit = String;

#[derive(Debug, Clone)]
pub struct FieldIr {
    pub key: String,
    pub doc: String,
    pub ty: Ty,
    pub dirs: Dirs,
    pub required: bool,
    pub many: bool,
    pub default: Option<JsonLit>,
    /// Default as a plain string for writing to XML (strings, numbers, booleans).
    pub default_xml: Option<String>,
    pub max_len: Option<u32>,
    pub path: Option<PathIr>,
    pub part: Option<Part>,
    pub satisfies: Option<String>,
    pub needs_callback: Option<String>,
    /// Constants written when the field is present; `None` = the element exists.
    pub implies: Vec<(PathIr, Option<String>)>,
    pub derived: bool,
    pub overrides: Vec<(Vec<Cond>, JsonLit)>,
    pub if_empty: Option<JsonLit>,
    pub flag_value: Option<String>,
    pub fallback: Option<PathIr>,
    /// `data_form`: the hidden FORM_TYPE value, if any.
    pub form_type: Option<String>,
    /// `data_form`: the `type` of the submitted `<x/>`.
    pub submit_as: String,
    /// `data_form` going out: `(payload key, field var)` written into the same form.
    pub form_keys: Vec<(String, String)>,
    /// Object fields: the key a JSON string going out stands for.
    pub string_key: Option<String>,
    pub variants: Vec<(String, Vec<FieldIr>)>,
    /// `type = "stanza"`: replaced, once every spec is read, by the embedded
    /// event's incoming fields (see `resolve::expand_stanzas`).
    pub embed: Option<EmbedIr>,
    /// `where`: the path's first element must carry this attribute with the bare
    /// JID of this attribute of the stanza.
    pub vouch: Option<Vouch>,
    /// `default_own`: the session value an absent key takes going out.
    pub default_own: Option<OwnJid>,
    /// `also_at`: another attribute the value is written to going out (never read).
    pub also_at: Option<PathIr>,
    /// `default_digest`: an absent key takes the SHA-1 (hex) of key `of`, whose
    /// string is base64 (`base64: true`) or text.
    pub default_digest: Option<DigestIr>,
    /// Spec that contributed the field.
    pub spec: String,
}

impl FieldIr {
    /// A key the generator adds, with no path and no other rule.
    fn generated(key: &str, doc: String, ty: Ty, dirs: Dirs, spec: String) -> FieldIr {
        FieldIr {
            key: key.to_owned(),
            doc,
            ty,
            dirs,
            required: false,
            many: false,
            default: None,
            default_xml: None,
            max_len: None,
            path: None,
            part: None,
            satisfies: None,
            needs_callback: None,
            implies: Vec::new(),
            derived: false,
            overrides: Vec::new(),
            if_empty: None,
            flag_value: None,
            fallback: None,
            form_type: None,
            submit_as: String::new(),
            form_keys: Vec::new(),
            string_key: None,
            variants: Vec::new(),
            embed: None,
            vouch: None,
            default_own: None,
            default_digest: None,
            also_at: None,
            spec,
        }
    }

    /// The boolean key that chooses a mode: sent by the browser, never written.
    pub fn mode_flag(key: &str, doc: &str, spec: &str) -> FieldIr {
        let mut chars = doc.chars();
        let first = chars.next().map(|c| c.to_lowercase().to_string());
        let doc = format!("`true`: {}{}", first.unwrap_or_default(), chars.as_str());
        let dirs = Dirs {
            out: true,
            inc: false,
        };
        FieldIr::generated(key, doc, Ty::Boolean, dirs, spec.to_owned())
    }
}

/// `default_digest`, resolved.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DigestIr {
    pub of: String,
    pub base64: bool,
}

/// A `queried:<event>` sender rule, with where it is written (checked once every
/// spec is read).
#[derive(Debug, Clone)]
pub struct QueriedIr {
    pub event: String,
    pub file: String,
    pub line: usize,
    pub col: usize,
}

/// A field whose element is another event's stanza (a forwarded message).
#[derive(Debug, Clone)]
pub struct EmbedIr {
    pub event: String,
    pub flatten: bool,
    /// `file:line:col` of the field, for errors found after all specs are read.
    pub file: String,
    pub line: usize,
    pub col: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CallbackIr {
    Required,
    Optional,
    None,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AckIr {
    Nothing,
    True,
    StanzaId,
}

#[derive(Debug, Clone, Default)]
pub struct HooksIr {
    pub before_send: Option<String>,
    pub after_send: Option<String>,
    pub guard: Option<String>,
}

/// One path of a list result.
#[derive(Debug, Clone)]
pub struct EachIr {
    pub path: PathIr,
    /// Constant string keys every item from this path gets.
    pub tags: Vec<(String, String)>,
    /// The item's fields, when this path names its own object type (else the result's).
    pub fields: Option<Vec<FieldIr>>,
}

#[derive(Debug, Clone)]
pub struct ResultIr {
    pub each: Option<PathIr>,
    /// Every path of a list result, in spec order, with the constant keys its items
    /// get (`each` is the first).
    pub each_all: Vec<EachIr>,
    pub fields: Vec<FieldIr>,
    /// The callback's third argument: an object read from the reply (path relative to the `<iq/>`).
    pub rsm: Option<FieldIr>,
    /// The callback's data is this field's value alone (path relative to the `<iq/>`).
    pub value: Option<FieldIr>,
    /// An error carried by a successful reply (path relative to the `<iq/>`): when
    /// present, the callback's first argument, and no data.
    pub error: Option<FieldIr>,
}

impl ResultIr {
    /// Every key a result item may have: the result's fields, then the tags and
    /// fields of each path with its own type (first of each key wins).
    pub fn item_fields(&self) -> Vec<FieldIr> {
        let mut out: Vec<FieldIr> = self.fields.clone();
        for each in &self.each_all {
            for (key, _) in &each.tags {
                if !out.iter().any(|f| &f.key == key) {
                    let values: Vec<String> = self
                        .each_all
                        .iter()
                        .flat_map(|e| e.tags.iter().filter(|(k, _)| k == key))
                        .map(|(_, v)| format!("`{v}`"))
                        .collect();
                    let spec = self
                        .fields
                        .iter()
                        .chain(self.each_all.iter().flat_map(|e| e.fields.iter().flatten()))
                        .next()
                        .map(|f| f.spec.clone())
                        .unwrap_or_default();
                    let doc = format!("Which kind of entry this is: {}.", values.join(", "));
                    let dirs = Dirs {
                        out: false,
                        inc: true,
                    };
                    let mut tag = FieldIr::generated(key, doc, Ty::String, dirs, spec);
                    tag.required = true;
                    out.push(tag);
                }
            }
            for f in each.fields.iter().flatten() {
                if !out.iter().any(|o| o.key == f.key) {
                    let mut f = f.clone();
                    f.required = false;
                    out.push(f);
                }
            }
        }
        out
    }
}

#[derive(Debug, Clone)]
pub struct EventIr {
    pub name: String,
    /// Unique among events, for generated item names: the name, or for a mode
    /// `<name>..<key>`.
    pub ident: String,
    /// The payload key that chooses this mode of the event (`None`: the event itself).
    pub mode: Option<String>,
    /// The mode is chosen by its own field `mode` being given, rather than by a
    /// `mode: true` flag.
    pub mode_given: bool,
    pub spec: String,
    pub spec_file: String,
    pub doc: String,
    pub stanzas: Vec<String>,
    pub iq: Option<String>,
    pub dirs: Dirs,
    pub callback: CallbackIr,
    pub ack: AckIr,
    pub aliases: Vec<String>,
    pub set: Vec<(PathIr, String)>,
    pub ensure: Vec<PathIr>,
    pub groups: Vec<(String, String)>,
    /// Keys of which a payload may give at most one (`exclusive`).
    pub exclusive: Vec<Vec<String>>,
    pub hooks: HooksIr,
    /// Any of these lists of conditions, all of whose conditions hold, makes a stanza this event.
    pub matches: Vec<Vec<Cond>>,
    pub priority: i32,
    pub sender_own: bool,
    /// `sender = "queried:<event>"`: also accepted from the entity a request of one
    /// of these events went to while its reply is outstanding.
    pub sender_queried: Vec<QueriedIr>,
    /// `queried_owns`: where a stanza admitted by `sender_queried` names its
    /// author, who must be the sender.
    pub queried_owns: Option<PathIr>,
    pub reply_result: bool,
    pub fields: Vec<FieldIr>,
    pub result: Option<ResultIr>,
    /// Incoming events the browser answers (`answer`).
    pub answer: Option<AnswerIr>,
}

/// How the browser's answer to an incoming event becomes an outgoing event.
#[derive(Debug, Clone)]
pub struct AnswerIr {
    /// The outgoing event that sends the answer.
    pub event: String,
    /// Its key that takes the browser's answer data.
    pub key: String,
    /// (answer key, incoming key) pairs copied from the incoming payload.
    pub copy: Vec<(String, String)>,
    /// Where `event`, `key` and each copy pair are written (checked once every spec is read).
    pub event_at: crate::diagnostics::Site,
    pub key_at: crate::diagnostics::Site,
    pub copy_at: Vec<(crate::diagnostics::Site, crate::diagnostics::Site)>,
}
