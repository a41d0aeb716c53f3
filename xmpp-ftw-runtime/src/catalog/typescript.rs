//! Renders the catalogue as TypeScript declarations (`xmpp-ftw-events.d.ts`).
//!
//! Naming: an event `xmpp.chat.message` gives `XmppChatMessageOut` (what the browser
//! sends), `XmppChatMessageIn` (what it receives) and `XmppChatMessageResult` (what its
//! callback receives). A named type `user_mood` gives `UserMood`; an object type with
//! keys in both directions gives `ContactOut` and `ContactIn`, because JIDs are strings
//! going out and [`Jid`](TypeRef::Jid) objects coming in. The maps `OutgoingEvents`,
//! `IncomingEvents` and `EventResults` tie event names to those types.

use super::common::mode_has_key;
use super::{
    Callback, Catalog, Direction, EventInfo, FieldInfo, ResultInfo, TypeInfo, TypeKind, TypeRef,
};

const HEADER: &str = "\
// Generated from the specs in specs/ by xmpp_ftw_runtime::catalog::typescript:
// do not edit by hand. Regenerate with
// `UPDATE_GENERATED=1 cargo test -p xmpp-ftw-tests --test generated`.
//
// `<Event>Out` is what the browser sends, `<Event>In` what it receives and
// `<Event>Result` what an acknowledgement callback receives on success.";

const JID: &str = "\
/** A JID as the gateway delivers it; outgoing events take JIDs as strings. */
export interface Jid {
  user?: string;
  domain: string;
  resource?: string;
}";

const DATA_FORM: &str = "\
/** One field of a data form the browser submits (XEP-0004). */
export interface SubmittedField {
  var: string;
  value: string | number | boolean | (string | number | boolean)[];
  type?: string;
  label?: string;
}

/** One field of a data form the browser receives; `value` is a boolean for boolean fields and an array for `*-multi` fields. */
export interface DataFormField {
  var?: string;
  type?: string;
  label?: string;
  required?: true;
  description?: string;
  options?: { value: string; label?: string }[];
  value?: string | boolean | string[];
}

/** A data form the browser receives (XEP-0004); the hidden `FORM_TYPE` is never listed. */
export interface DataForm {
  title?: string;
  instructions?: string;
  fields?: DataFormField[];
  reported?: DataFormField[];
  items: DataFormField[][];
}";

/// Renders the declarations, ending with a newline.
pub fn render(catalog: &Catalog) -> String {
    let mut blocks = vec![HEADER.to_owned(), JID.to_owned(), DATA_FORM.to_owned()];
    for info in catalog.types {
        blocks.extend(named_type(info));
    }
    for event in catalog.events {
        blocks.extend(event_interfaces(event, &pascal_case(event.name), None));
        for (key, mode) in event.modes {
            let stem = format!("{}{}", pascal_case(event.name), pascal_case(key));
            blocks.extend(event_interfaces(mode, &stem, Some(key)));
        }
    }
    blocks.push(outgoing_map(catalog.events));
    blocks.push(incoming_map(catalog.events));
    blocks.push(results_map(catalog.events));
    blocks.join("\n\n") + "\n"
}

// ---------------------------------------------------------------------------------------
// Named types
// ---------------------------------------------------------------------------------------

/// `export type <name> = <ty>;` under its documentation.
fn type_alias(doc: &[String], name: &str, ty: &str) -> String {
    format!("{}export type {name} = {ty};", jsdoc(doc, ""))
}

fn named_type(info: &TypeInfo) -> Vec<String> {
    let doc = doc_lines(info.doc, vec![format!("From `{}`.", info.spec)]);
    match &info.kind {
        TypeKind::Enum { values } | TypeKind::ElementName { values, .. } => {
            vec![type_alias(&doc, &pascal_case(info.name), &union(values))]
        }
        TypeKind::Object {
            fields_out,
            fields_in,
        } => object_forms(fields_out, fields_in)
            .into_iter()
            .map(|(direction, fields)| {
                let name = type_name(info, direction);
                interface(&name, &doc, fields, direction, info.spec)
            })
            .collect(),
    }
}

/// The directions an object type is declared in: both when it has keys in both, else
/// the one it has keys in (an object without keys is declared once, as received).
fn object_forms<'a>(
    fields_out: &'a [FieldInfo],
    fields_in: &'a [FieldInfo],
) -> Vec<(Direction, &'a [FieldInfo])> {
    match (fields_out.is_empty(), fields_in.is_empty()) {
        (false, false) => vec![(Direction::Out, fields_out), (Direction::In, fields_in)],
        (false, true) => vec![(Direction::Out, fields_out)],
        (true, _) => vec![(Direction::In, fields_in)],
    }
}

/// The TypeScript name of a named type as used in `direction`.
fn type_name(info: &TypeInfo, direction: Direction) -> String {
    let base = pascal_case(info.name);
    match &info.kind {
        TypeKind::Object {
            fields_out,
            fields_in,
        } if !fields_out.is_empty() && !fields_in.is_empty() => {
            format!("{base}{}", direction_suffix(direction))
        }
        _ => base,
    }
}

fn union(values: &[&str]) -> String {
    if values.is_empty() {
        return "never".to_owned();
    }
    values
        .iter()
        .map(|value| string_literal(value))
        .collect::<Vec<_>>()
        .join(" | ")
}

// ---------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------

/// The interfaces of one shape of an event: the event itself, or its mode `key`
/// (whose payloads carry `key: true`). `stem` names the types.
fn event_interfaces(event: &EventInfo, stem: &str, mode: Option<&str>) -> Vec<String> {
    let mut blocks: Vec<String> = event
        .directions
        .iter()
        .map(|&direction| {
            let fields = match direction {
                Direction::Out => event.fields_out,
                Direction::In => event.fields_in,
            };
            let doc = doc_lines(event.doc, event_notes(event, direction));
            let text = interface(
                &event_type_name(stem, direction),
                &doc,
                fields,
                direction,
                event.spec,
            );
            match mode {
                Some(key) if !mode_has_key(key, event) => with_flag(&text, key),
                _ => text,
            }
        })
        .collect();
    blocks.extend(result_interface(event, stem));
    if let Some(rsm) = event.rsm {
        let doc = vec![format!(
            "The third argument of the `{}` callback on success: {}",
            event.name, rsm.doc
        )];
        blocks.push(type_alias(
            &doc,
            &format!("{stem}Rsm"),
            &ts_type(rsm.ty, Direction::In),
        ));
    }
    if let Some(error) = event.result_error {
        let doc = vec![format!(
            "The first argument of the `{}` callback when a successful reply carries an error instead of data. {}",
            event.name, error.doc
        )];
        blocks.push(type_alias(
            &doc,
            &format!("{stem}ResultError"),
            &ts_type(error.ty, Direction::In),
        ));
    }
    blocks
}

fn event_notes(event: &EventInfo, direction: Direction) -> Vec<String> {
    let way = match direction {
        Direction::Out => "browser → gateway",
        Direction::In => "gateway → browser",
    };
    let mut notes = vec![format!("`{}`, {way}, from `{}`.", event.name, event.spec)];
    if direction == Direction::Out {
        notes.push(format!("Callback: {}.", callback_word(event.callback)));
    }
    if let (Direction::In, Some(answer)) = (direction, &event.answer) {
        notes.push(format!(
            "The browser answers (the frame carries an `ack`): the answer's data is sent as \
             `{}` of `{}`.",
            answer.key, answer.event
        ));
    }
    notes
}

fn callback_word(callback: Callback) -> &'static str {
    match callback {
        Callback::Required => "required",
        Callback::Optional => "optional",
        Callback::None => "none (fire and forget)",
    }
}

/// Results are built from a stanza the gateway received, so their JIDs are objects.
fn result_interface(event: &EventInfo, stem: &str) -> Option<String> {
    let (fields, per_item) = match event.result {
        ResultInfo::Object(fields) => (fields, ""),
        ResultInfo::List(fields) => (fields, ", one object per item"),
        ResultInfo::Nothing | ResultInfo::True | ResultInfo::StanzaId | ResultInfo::Value(_) => {
            return None;
        }
    };
    let doc = vec![format!(
        "What the `{}` callback receives on success{per_item}.",
        event.name
    )];
    Some(interface(
        &result_type_name(stem),
        &doc,
        fields,
        Direction::In,
        event.spec,
    ))
}

/// The type a successful callback receives, or `None` for events without a result.
fn result_type(event: &EventInfo, stem: &str) -> Option<String> {
    match event.result {
        ResultInfo::Nothing => None,
        ResultInfo::True => Some("true".to_owned()),
        ResultInfo::StanzaId => Some("{ id: string }".to_owned()),
        ResultInfo::Object(_) => Some(result_type_name(stem)),
        ResultInfo::List(_) => Some(format!("{}[]", result_type_name(stem))),
        ResultInfo::Value(field) => Some(ts_type(field.ty, Direction::In)),
    }
}

/// An interface with `key: true` as its first member: what makes a payload this mode.
fn with_flag(interface: &str, key: &str) -> String {
    let member = format!("  {key}: true;");
    match interface.strip_suffix(" {}") {
        Some(head) => format!("{head} {{\n{member}\n}}"),
        None => interface.replacen(" {\n", &format!(" {{\n{member}\n"), 1),
    }
}

/// The event's type in a map: a union with its modes' types, when it has modes.
fn shapes_type(
    event: &EventInfo,
    of: impl Fn(&EventInfo, &str) -> Option<String>,
) -> Option<String> {
    let stem = pascal_case(event.name);
    let mut types: Vec<String> = of(event, &stem).into_iter().collect();
    for (key, mode) in event.modes {
        let stem = format!("{stem}{}", pascal_case(key));
        if let Some(ty) = of(mode, &stem)
            && !types.contains(&ty)
        {
            types.push(ty);
        }
    }
    (!types.is_empty()).then(|| types.join(" | "))
}

fn event_type_name(stem: &str, direction: Direction) -> String {
    format!("{stem}{}", direction_suffix(direction))
}

fn result_type_name(stem: &str) -> String {
    format!("{stem}Result")
}

fn direction_suffix(direction: Direction) -> &'static str {
    match direction {
        Direction::Out => "Out",
        Direction::In => "In",
    }
}

// ---------------------------------------------------------------------------------------
// Event maps
// ---------------------------------------------------------------------------------------

fn outgoing_map(events: &[EventInfo]) -> String {
    let entries = events
        .iter()
        .filter(|event| event.directions.contains(&Direction::Out))
        .filter_map(|event| {
            let ty = shapes_type(event, |_, stem| Some(event_type_name(stem, Direction::Out)))?;
            Some(named_entries(event, ty))
        })
        .flatten();
    map_interface(
        "Payloads the browser sends, by event name (deprecated aliases included).",
        "OutgoingEvents",
        entries,
    )
}

fn incoming_map(events: &[EventInfo]) -> String {
    let entries = events
        .iter()
        .filter(|event| event.directions.contains(&Direction::In))
        .filter_map(|event| {
            let ty = shapes_type(event, |_, stem| Some(event_type_name(stem, Direction::In)))?;
            Some(entry(event.name, &ty))
        });
    map_interface(
        "Payloads the browser receives, by event name.",
        "IncomingEvents",
        entries,
    )
}

fn results_map(events: &[EventInfo]) -> String {
    let entries = events
        .iter()
        .filter_map(|event| shapes_type(event, result_type).map(|ty| named_entries(event, ty)))
        .flatten();
    map_interface(
        "What a successful callback receives, by outgoing event name (aliases included).",
        "EventResults",
        entries,
    )
}

/// The entry for the event's name, then one per alias, marked deprecated.
fn named_entries(event: &EventInfo, ty: String) -> Vec<String> {
    let mut entries = vec![entry(event.name, &ty)];
    entries.extend(event.aliases.iter().map(|alias| {
        let doc = vec![format!("@deprecated Use `{}`.", event.name)];
        format!("{}{}", jsdoc(&doc, "  "), entry(alias, &ty))
    }));
    entries
}

fn entry(name: &str, ty: &str) -> String {
    format!("  {}: {ty};", string_literal(name))
}

fn map_interface(doc: &str, name: &str, entries: impl Iterator<Item = String>) -> String {
    let body: Vec<String> = entries.collect();
    let doc = jsdoc(&[doc.to_owned()], "");
    if body.is_empty() {
        format!("{doc}export interface {name} {{}}")
    } else {
        format!("{doc}export interface {name} {{\n{}\n}}", body.join("\n"))
    }
}

// ---------------------------------------------------------------------------------------
// Interfaces and fields
// ---------------------------------------------------------------------------------------

/// `owner_spec` is the spec of the event or type, so extension keys can say where
/// they come from.
fn interface(
    name: &str,
    doc: &[String],
    fields: &[FieldInfo],
    direction: Direction,
    owner_spec: &str,
) -> String {
    let head = format!("{}export interface {name}", jsdoc(doc, ""));
    if fields.is_empty() {
        return format!("{head} {{}}");
    }
    // A key can have several forms (`content` as plain text or, with XEP-0071, as
    // XHTML); an interface may name it only once, so the forms become one member.
    let mut keys: Vec<&str> = Vec::new();
    for field in fields {
        if !keys.contains(&field.key) {
            keys.push(field.key);
        }
    }
    let members: Vec<String> = keys
        .iter()
        .map(|&key| {
            let forms: Vec<&FieldInfo> = fields.iter().filter(|f| f.key == key).collect();
            member(&forms, direction, owner_spec)
        })
        .collect();
    format!("{head} {{\n{}\n}}", members.join("\n"))
}

/// One member for every form of a key: the union of their types, required only when
/// every form is, and the docs of all forms.
fn member(forms: &[&FieldInfo], direction: Direction, owner_spec: &str) -> String {
    let optional = if forms.iter().all(|f| f.required) {
        ""
    } else {
        "?"
    };
    let mut types: Vec<String> = Vec::new();
    for field in forms {
        let mut ty = ts_type(field.ty, direction);
        if field.many {
            ty.push_str("[]");
        }
        if !types.contains(&ty) {
            types.push(ty);
        }
    }
    let mut doc = Vec::new();
    for field in forms {
        if !doc.is_empty() {
            doc.push(String::new());
        }
        doc.extend(doc_lines(field.doc, field_notes(field, owner_spec)));
    }
    format!(
        "{}  {}{optional}: {};",
        jsdoc(&doc, "  "),
        property_name(forms[0].key),
        types.join(" | ")
    )
}

fn ts_type(ty: TypeRef, direction: Direction) -> String {
    match ty {
        TypeRef::String
        | TypeRef::JidString
        | TypeRef::Resource
        | TypeRef::DateTime
        | TypeRef::Xhtml
        | TypeRef::RawXml => "string".to_owned(),
        TypeRef::Integer { .. } => "number".to_owned(),
        TypeRef::Boolean => "boolean".to_owned(),
        TypeRef::Flag => "true".to_owned(),
        TypeRef::Jid => match direction {
            Direction::Out => "string".to_owned(),
            Direction::In => "Jid".to_owned(),
        },
        TypeRef::LangMap => "{ [lang: string]: string }".to_owned(),
        TypeRef::DataForm => match direction {
            Direction::Out => "SubmittedField[]".to_owned(),
            Direction::In => "DataForm".to_owned(),
        },
        TypeRef::Json => "unknown".to_owned(),
        TypeRef::Named(info) => type_name(info, direction),
        TypeRef::NamedOrString(info, _) => match direction {
            Direction::Out => format!("string | {}", type_name(info, direction)),
            Direction::In => type_name(info, direction),
        },
    }
}

/// What the TypeScript type alone cannot say (many types collapse to `string`), with
/// `@default` last because JSDoc tags end a comment's description.
fn field_notes(field: &FieldInfo, owner_spec: &str) -> Vec<String> {
    let mut notes: Vec<String> = type_note(field.ty).into_iter().collect();
    if let Some(max) = field.max_len {
        notes.push(format!("At most {max} characters."));
    }
    if field.spec != owner_spec {
        notes.push(format!("From `{}`.", field.spec));
    }
    if let Some(default) = field.default {
        notes.push(format!("@default {default}"));
    }
    notes
}

fn type_note(ty: TypeRef) -> Option<String> {
    let note = match ty {
        TypeRef::Integer { min, max } => format!("Integer from {min} to {max}."),
        TypeRef::Flag => "Present (as `true`) only when set.".to_owned(),
        TypeRef::JidString => "A JID, kept as a string.".to_owned(),
        TypeRef::Resource => "A JID resource (MUC nickname).".to_owned(),
        TypeRef::DateTime => "An XEP-0082 date-time.".to_owned(),
        TypeRef::Xhtml => "XHTML-IM markup.".to_owned(),
        TypeRef::RawXml => "A raw XML element.".to_owned(),
        TypeRef::Json => "Any JSON value.".to_owned(),
        TypeRef::NamedOrString(_, key) => format!("A string stands for `{{ {key}: string }}`."),
        _ => return None,
    };
    Some(note)
}

// ---------------------------------------------------------------------------------------
// TypeScript primitives
// ---------------------------------------------------------------------------------------

/// Doc text split into lines, then a blank line and the notes.
fn doc_lines(doc: &str, notes: Vec<String>) -> Vec<String> {
    let mut lines: Vec<String> = doc
        .trim()
        .lines()
        .map(|line| line.trim_end().to_owned())
        .collect();
    if !lines.is_empty() && !notes.is_empty() {
        lines.push(String::new());
    }
    lines.extend(notes);
    lines
}

/// A JSDoc comment ending in a newline, or nothing for no lines; `*/` in the text would
/// end the comment early, so it is broken up.
fn jsdoc(lines: &[String], indent: &str) -> String {
    let lines: Vec<String> = lines
        .iter()
        .map(|line| line.replace("*/", "*\\/"))
        .collect();
    match lines.as_slice() {
        [] => String::new(),
        [line] => format!("{indent}/** {line} */\n"),
        _ => {
            let body: String = lines
                .iter()
                .map(|line| {
                    if line.is_empty() {
                        format!("{indent} *\n")
                    } else {
                        format!("{indent} * {line}\n")
                    }
                })
                .collect();
            format!("{indent}/**\n{body}{indent} */\n")
        }
    }
}

/// `xmpp.chat.message` → `XmppChatMessage`, `user_mood` → `UserMood`.
fn pascal_case(name: &str) -> String {
    name.split(|c: char| !c.is_ascii_alphanumeric())
        .flat_map(|part| {
            let mut chars = part.chars();
            chars
                .next()
                .map(|first| first.to_ascii_uppercase())
                .into_iter()
                .chain(chars)
        })
        .collect()
}

/// Keys such as `xml:lang` are not identifiers and must be quoted.
fn property_name(key: &str) -> String {
    let mut chars = key.chars();
    let starts_well = chars
        .next()
        .is_some_and(|c| c.is_ascii_alphabetic() || c == '_' || c == '$');
    if starts_well && chars.all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$') {
        key.to_owned()
    } else {
        string_literal(key)
    }
}

/// A double-quoted string literal; JSON's escaping is valid TypeScript.
fn string_literal(text: &str) -> String {
    serde_json::Value::from(text).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample::{self, CONTACT, STANZA_ERROR, STATE, field};

    /// The sample events, a doc that would end a comment early, quoted and extension
    /// keys, and a third request whose callback gets the stanza id.
    static EVENTS: [EventInfo; 3] = [
        EventInfo {
            doc: "A chat message. Ends */ early?",
            fields_out: &[
                field("to", TypeRef::Jid, true),
                FieldInfo {
                    doc: "Chat state.",
                    ..STATE
                },
                FieldInfo {
                    many: true,
                    ..field("xml:lang", TypeRef::LangMap, false)
                },
            ],
            fields_in: &[
                field("from", TypeRef::Jid, true),
                field("error", TypeRef::Named(&STANZA_ERROR), false),
            ],
            ..sample::CHAT_MESSAGE
        },
        sample::ROSTER_GET,
        EventInfo {
            callback: Callback::Optional,
            result: ResultInfo::StanzaId,
            fields_out: &[field("contact", TypeRef::Named(&CONTACT), true)],
            ..sample::event("xmpp.roster.add", &[Direction::Out])
        },
    ];

    static CATALOG: Catalog = sample::catalog(&EVENTS);

    #[test]
    fn header_and_jid() {
        let text = render(&CATALOG);
        assert!(text.starts_with("// Generated from the specs"));
        assert!(text.contains("UPDATE_GENERATED=1 cargo test -p xmpp-ftw-tests --test generated"));
        assert!(text.contains(
            "export interface Jid {\n  user?: string;\n  domain: string;\n  resource?: string;\n}"
        ));
        assert!(text.ends_with("}\n"));
    }

    #[test]
    fn named_types() {
        let text = render(&CATALOG);
        assert!(text.contains("export type Mood = \"happy\" | \"grumpy\";"));
        assert!(text.contains("export interface ContactOut {\n  jid: string;\n}"));
        assert!(text.contains("export interface ContactIn {\n  jid: Jid;\n}"));
        assert!(text.contains("export interface StanzaError {\n  type: string;\n}"));
    }

    #[test]
    fn event_interfaces_by_direction() {
        let text = render(&CATALOG);
        assert!(text.contains(
            "/**\n * A chat message. Ends *\\/ early?\n *\n * `xmpp.chat.message`, browser → gateway, \
             from `rfc6121`.\n * Callback: none (fire and forget).\n */\nexport interface XmppChatMessageOut {\n  \
             to: string;\n"
        ));
        assert!(text.contains(
            "  /**\n   * Chat state.\n   *\n   * From `xep-9999`.\n   * @default \"happy\"\n   */\n  \
             state?: Mood;\n"
        ));
        assert!(text.contains("  \"xml:lang\"?: { [lang: string]: string }[];\n"));
        assert!(text.contains(
            "export interface XmppChatMessageIn {\n  from: Jid;\n  error?: StanzaError;\n}"
        ));
        assert!(text.contains("export interface XmppRosterAddOut {\n  contact: ContactOut;\n}"));
        assert!(text.contains("export interface XmppRosterGetResult {\n  contact: ContactIn;\n}"));
    }

    #[test]
    fn event_maps() {
        let text = render(&CATALOG);
        assert!(text.contains(
            "export interface OutgoingEvents {\n  \"xmpp.chat.message\": XmppChatMessageOut;\n  \
             /** @deprecated Use `xmpp.chat.message`. */\n  \"xmpp.chat.msg\": XmppChatMessageOut;\n  \
             \"xmpp.roster.get\": XmppRosterGetOut;\n  \"xmpp.roster.add\": XmppRosterAddOut;\n}"
        ));
        assert!(text.contains(
            "export interface IncomingEvents {\n  \"xmpp.chat.message\": XmppChatMessageIn;\n}"
        ));
        assert!(text.contains(
            "export interface EventResults {\n  \"xmpp.roster.get\": XmppRosterGetResult[];\n  \
             \"xmpp.roster.add\": { id: string };\n}"
        ));
    }

    #[test]
    fn names_and_keys() {
        assert_eq!(pascal_case("xmpp.muc.room-config"), "XmppMucRoomConfig");
        assert_eq!(property_name("body"), "body");
        assert_eq!(property_name("2fa"), "\"2fa\"");
        assert_eq!(jsdoc(&[], "  "), "");
    }

    #[test]
    fn forms_of_one_key_become_one_member() {
        let plain = FieldInfo {
            doc: "Plain text.",
            ..field("content", TypeRef::String, false)
        };
        let markup = FieldInfo {
            doc: "Markup.",
            ..field("content", TypeRef::Xhtml, true)
        };
        let number = field("content", PRIORITY_LIKE, true);
        let text = interface(
            "Message",
            &[],
            &[plain, markup, number],
            Direction::Out,
            "x",
        );
        assert_eq!(text.matches("content?").count(), 1, "{text}");
        assert!(text.contains("content?: string | number;"), "{text}");
        assert!(
            text.contains("Plain text.") && text.contains("Markup."),
            "{text}"
        );
    }

    const PRIORITY_LIKE: TypeRef = TypeRef::Integer { min: 0, max: 1 };

    #[test]
    fn output_is_stable() {
        assert_eq!(render(&CATALOG), render(&CATALOG));
    }
}
