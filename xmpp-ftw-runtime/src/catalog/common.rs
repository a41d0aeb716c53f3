//! Helpers the Markdown and HTML manuals share: anchors, wording and the choice of
//! examples, so both documents name and link things the same way.

use super::{AnswerInfo, Callback, Catalog, Direction, EventInfo, Example, TypeRef};

/// What both manuals say of an event the browser answers; `code` and `link` format
/// a key and an event name for the document.
pub(super) fn answer_text(
    answer: &AnswerInfo,
    code: impl Fn(&str) -> String,
    link: impl Fn(&str) -> String,
) -> String {
    let mut text = format!(
        "the browser answers with {}: the event arrives with an {}, and the data of the \
         browser's answer is sent as its {}",
        link(answer.event),
        code("ack"),
        code(answer.key)
    );
    if !answer.copy.is_empty() {
        let pairs: Vec<String> = answer
            .copy
            .iter()
            .map(|(to, from)| format!("{} from this event's {}", code(to), code(from)))
            .collect();
        text.push_str(", with ");
        text.push_str(&pairs.join(", "));
    }
    text
}

/// Multi-line spec docs folded onto one line, for table cells and headings.
pub(super) fn single_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Integers as the manuals print them, with a real minus sign (`−128`).
pub(super) fn number(value: i64) -> String {
    if value < 0 {
        format!("−{}", value.unsigned_abs())
    } else {
        value.to_string()
    }
}

/// Explicit anchors, because every Markdown renderer slugs headings differently.
pub(super) fn event_anchor(name: &str) -> String {
    format!("event-{}", slug(name))
}

pub(super) fn type_anchor(name: &str) -> String {
    format!("type-{}", slug(name))
}

fn slug(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '_' || c == '-' {
                c
            } else {
                '-'
            }
        })
        .collect()
}

pub(super) fn direction_label(direction: Direction) -> &'static str {
    match direction {
        Direction::Out => "out (browser → gateway)",
        Direction::In => "in (gateway → browser)",
    }
}

pub(super) fn direction_heading(direction: Direction) -> &'static str {
    match direction {
        Direction::Out => "Out: browser → gateway",
        Direction::In => "In: gateway → browser",
    }
}

pub(super) fn callback_word(callback: Callback) -> &'static str {
    match callback {
        Callback::Required => "required",
        Callback::Optional => "optional",
        Callback::None => "none",
    }
}

/// Fixtures of the event (or of one of its aliases) in `direction`, in the given order.
pub(super) fn examples_for<'a>(
    event: &'a EventInfo,
    direction: Direction,
    examples: &'a [Example],
) -> impl Iterator<Item = &'a Example> {
    examples.iter().filter(move |example| {
        let named = example.event == event.name || event.aliases.contains(&example.event.as_str());
        named && example.direction == direction
    })
}

/// Whether `spec_id` adds keys to an event of another spec.
pub(super) fn contributes_to(spec_id: &str, event: &EventInfo) -> bool {
    event
        .fields_out
        .iter()
        .chain(event.fields_in)
        .any(|field| field.spec == spec_id)
}

/// Spec ids used by events but missing from `catalog.specs`, in order of first use.
pub(super) fn orphan_specs(catalog: &Catalog) -> Vec<&'static str> {
    let mut orphans: Vec<&'static str> = Vec::new();
    for event in catalog.events {
        let known = catalog.specs.iter().any(|spec| spec.id == event.spec);
        if !known && !orphans.contains(&event.spec) {
            orphans.push(event.spec);
        }
    }
    orphans
}

/// `(events without hooks, all events, their share in percent)`.
pub(super) fn spec_only_share(catalog: &Catalog) -> (usize, usize, usize) {
    let total = catalog.events.len();
    let spec_only = catalog
        .events
        .iter()
        .filter(|event| event.hooks.is_empty())
        .count();
    let percent = (spec_only * 100).checked_div(total).unwrap_or(100);
    (spec_only, total, percent)
}

/// The words for a type that is not a named one (those link to their section, which
/// each manual does its own way).
pub(super) fn plain_type_text(ty: TypeRef) -> String {
    match ty {
        TypeRef::String => "string".to_owned(),
        TypeRef::Integer { min, max } => format!("integer ({}..{})", number(min), number(max)),
        TypeRef::Boolean => "boolean".to_owned(),
        TypeRef::Flag => "true (flag)".to_owned(),
        TypeRef::Jid => "JID".to_owned(),
        TypeRef::JidString => "JID string".to_owned(),
        TypeRef::Resource => "JID resource".to_owned(),
        TypeRef::DateTime => "date-time".to_owned(),
        TypeRef::Xhtml => "XHTML".to_owned(),
        TypeRef::RawXml => "raw XML".to_owned(),
        TypeRef::LangMap => "{lang: text}".to_owned(),
        TypeRef::DataForm => "data form (XEP-0004)".to_owned(),
        TypeRef::Json => "any JSON".to_owned(),
        TypeRef::Named(info) => info.name.to_owned(),
        TypeRef::NamedOrString(info, key) => format!("{} (or a string: {{{key}}})", info.name),
    }
}

/// What chooses a mode of an event: its key given, when the mode has a field of
/// that name, else `<key>: true`.
pub(super) fn mode_chooser(key: &str, mode: &EventInfo) -> String {
    if mode_has_key(key, mode) {
        key.to_owned()
    } else {
        format!("{key}: true")
    }
}

/// Whether a mode is chosen by its own field `key` (rather than by a flag).
pub(super) fn mode_has_key(key: &str, mode: &EventInfo) -> bool {
    mode.fields_out.iter().any(|f| f.key == key)
}

/// The client error of an `exclusive` list, for its first two keys (the gateway
/// names the first two keys given).
pub(super) fn exclusive_error(keys: &[&str]) -> String {
    match keys {
        [a, b, ..] => format!("'{a}' and '{b}' cannot be given together"),
        _ => String::new(),
    }
}
