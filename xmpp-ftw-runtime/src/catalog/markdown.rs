//! Renders the catalogue as the Markdown manual `docs/events.md`.
//!
//! The document is a list of blocks (headings, paragraphs, tables, code blocks) joined
//! by blank lines, so every helper returns whole blocks and never has to care about the
//! spacing around them. Nothing depends on the clock or on hash order: the file is
//! committed and compared byte for byte.

use super::common::{
    answer_text, callback_word, contributes_to, direction_heading, direction_label, event_anchor,
    examples_for, exclusive_error, mode_chooser, orphan_specs, plain_type_text, single_line,
    spec_only_share, type_anchor,
};
use super::{
    Callback, Catalog, Direction, EventInfo, Example, FieldInfo, GroupInfo, ResultInfo, SpecInfo,
    TypeInfo, TypeKind, TypeRef,
};

/// Renders the whole manual; `examples` are fixtures, shown under their event and direction.
pub fn render(catalog: &Catalog, examples: &[Example]) -> String {
    let mut blocks = vec!["# XMPP-FTW events".to_owned(), intro(catalog)];
    blocks.extend(spec_table(catalog.specs));
    blocks.extend(contents(catalog));
    blocks.extend(glance(catalog));
    for event in catalog.events {
        blocks.extend(event_section(catalog, event, examples));
    }
    blocks.extend(types_section(catalog));
    blocks.extend(hooks_section(catalog.events));
    blocks.join("\n\n") + "\n"
}

/// Renders the sections of the events one spec defines, as they appear in the
/// manual: for a tutorial or an extension's own documentation.
pub fn render_spec_events(catalog: &Catalog, spec_id: &str, examples: &[Example]) -> String {
    let mut blocks = Vec::new();
    for event in catalog.events.iter().filter(|e| e.spec == spec_id) {
        blocks.extend(event_section(catalog, event, examples));
    }
    blocks.join("\n\n") + "\n"
}

fn intro(catalog: &Catalog) -> String {
    format!(
        "This manual describes the {events} events defined by the {specs} spec files in \
         `specs/`. It is generated from the same specs as the translators, so do not edit \
         it by hand: regenerate it with \
         `UPDATE_GENERATED=1 cargo test -p xmpp-ftw-tests --test generated`. \
         *Out* events travel from the browser to the gateway (JSON in, XML stanza out), \
         *in* events from the gateway to the browser. A `JID` is a string such as \
         `juliet@example.com/balcony` in outgoing events and an object \
         `{{user, domain, resource}}` in incoming ones. The gateway ignores keys it does \
         not know.",
        events = catalog.events.len(),
        specs = catalog.specs.len(),
    )
}

// ---------------------------------------------------------------------------------------
// Specs and contents
// ---------------------------------------------------------------------------------------

fn spec_table(specs: &[SpecInfo]) -> Vec<String> {
    let rows = specs.iter().map(|spec| {
        let version = if spec.version.is_empty() {
            "—"
        } else {
            spec.version
        };
        [
            spec_link(spec),
            cell(spec.title),
            cell(version),
            file_link(spec.file),
            code_list(spec.features),
        ]
    });
    vec![
        "## Specs".to_owned(),
        table(&["spec", "title", "version", "file", "features"], rows),
    ]
}

/// One bullet per spec with its own events, plus the events it extends with keys, so a
/// reader can find where an extension such as chat states shows up.
fn contents(catalog: &Catalog) -> Vec<String> {
    let mut lines = Vec::new();
    for spec in catalog.specs {
        lines.push(format!("- {} {}", spec_link(spec), single_line(spec.title)));
        lines.extend(contents_entries(catalog.events, spec.id));
    }
    // Events whose spec has no header still have to be reachable.
    for spec_id in orphan_specs(catalog) {
        lines.push(format!("- {}", code(spec_id)));
        lines.extend(contents_entries(catalog.events, spec_id));
    }
    lines.push("- [Events at a glance](#events-at-a-glance)".to_owned());
    lines.push("- [Types](#types)".to_owned());
    lines.push("- [Runtime hooks](#runtime-hooks)".to_owned());
    vec!["## Contents".to_owned(), lines.join("\n")]
}

/// Every event with its spec and whether hand-written Rust (a runtime hook) takes part
/// in it: the measure of how much of the protocol is purely declarative.
fn glance(catalog: &Catalog) -> Vec<String> {
    let (spec_only, total, percent) = spec_only_share(catalog);
    let summary = format!(
        "{spec_only} of {total} events ({percent}%) are translated by their specs alone; \
         the others call a [runtime hook](#runtime-hooks) for state the specs cannot hold."
    );
    let rows = catalog.events.iter().map(|event| {
        let hooks: Vec<&str> = event.hooks.iter().map(|(_, path)| *path).collect();
        [
            event_link(event.name),
            spec_ref(catalog.specs, event.spec),
            event
                .directions
                .iter()
                .map(|d| d.as_str())
                .collect::<Vec<_>>()
                .join(", "),
            callback_word(event.callback).to_owned(),
            if hooks.is_empty() {
                "no".to_owned()
            } else {
                code_list(&hooks)
            },
        ]
    });
    vec![
        "## Events at a glance".to_owned(),
        summary,
        table(&["event", "spec", "directions", "callback", "hooks"], rows),
    ]
}

fn contents_entries(events: &[EventInfo], spec_id: &str) -> Vec<String> {
    let own = events.iter().filter(|event| event.spec == spec_id);
    let extended = events
        .iter()
        .filter(|event| event.spec != spec_id && contributes_to(spec_id, event));
    own.map(|event| format!("  - {}", event_link(event.name)))
        .chain(extended.map(|event| format!("  - adds keys to {}", event_link(event.name))))
        .collect()
}

// ---------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------

fn event_section(catalog: &Catalog, event: &EventInfo, examples: &[Example]) -> Vec<String> {
    let mut blocks = vec![format!(
        "<a id=\"{}\"></a>\n## {}",
        event_anchor(event.name),
        code(event.name)
    )];
    blocks.extend(doc_block(event.doc));
    blocks.push(event_facts(catalog, event));
    for &direction in event.directions {
        blocks.extend(direction_section(event, direction, "###", examples));
    }
    for (key, mode) in event.modes {
        blocks.extend(mode_section(key, mode));
    }
    blocks
}

/// The shape the event takes with `key: true`; its examples are the event's own.
fn mode_section(key: &str, mode: &EventInfo) -> Vec<String> {
    let mut blocks = vec![format!("### With {}", code(&mode_chooser(key, mode)))];
    blocks.extend(doc_block(mode.doc));
    for &direction in mode.directions {
        blocks.extend(direction_section(mode, direction, "####", &[]));
    }
    blocks
}

fn event_facts(catalog: &Catalog, event: &EventInfo) -> String {
    let mut facts = vec![
        format!("- Spec: {}", event_spec(catalog, event)),
        format!("- Directions: {}", directions_text(event.directions)),
        format!("- Stanzas: {}", code_list(event.stanzas)),
    ];
    if let Some(iq) = event.iq {
        facts.push(format!("- IQ type: {}", code(iq)));
    }
    facts.push(format!("- Callback: {}", callback_text(event.callback)));
    if let Some(answer) = &event.answer {
        facts.push(format!(
            "- Answer: {}",
            answer_text(answer, code, event_link)
        ));
    }
    if !event.aliases.is_empty() {
        facts.push(format!("- Aliases: {}", code_list(event.aliases)));
    }
    facts.extend(hook_facts(event.hooks));
    facts.extend(group_facts(event.groups));
    facts.extend(event.exclusive.iter().map(|keys| {
        format!(
            "- At most one of {}, otherwise the request fails with {}",
            code_list(keys),
            code(&exclusive_error(keys))
        )
    }));
    facts.join("\n")
}

fn event_spec(catalog: &Catalog, event: &EventInfo) -> String {
    format!(
        "{} — {}",
        spec_ref(catalog.specs, event.spec),
        file_link(event.spec_file)
    )
}

fn directions_text(directions: &[Direction]) -> String {
    let words: Vec<&str> = directions.iter().map(|&d| direction_label(d)).collect();
    if words.is_empty() {
        "none".to_owned()
    } else {
        words.join(", ")
    }
}

fn callback_text(callback: Callback) -> &'static str {
    match callback {
        Callback::Required => "required — without one the request fails with `Missing callback`",
        Callback::Optional => {
            "optional — it receives errors and the result; without one, errors are \
             emitted as `xmpp.error.client`"
        }
        Callback::None => "none — fire and forget, a callback is ignored",
    }
}

fn hook_facts(hooks: &[(&str, &str)]) -> Vec<String> {
    if hooks.is_empty() {
        return Vec::new();
    }
    let mut lines = vec!["- Hooks:".to_owned()];
    lines.extend(
        hooks
            .iter()
            .map(|(kind, path)| format!("  - {} → {}", code(kind), code(path))),
    );
    lines
}

fn group_facts(groups: &[GroupInfo]) -> Vec<String> {
    if groups.is_empty() {
        return Vec::new();
    }
    let mut lines = vec!["- Groups:".to_owned()];
    lines.extend(groups.iter().map(|group| {
        format!(
            "  - {}: at least one of {}, otherwise the request fails with {}",
            code(group.name),
            code_list(group.keys),
            code(group.error)
        )
    }));
    lines
}

/// The keys of one direction (under a heading of `level`, `###` or `####` in a
/// mode), the result going out, and the examples.
fn direction_section(
    event: &EventInfo,
    direction: Direction,
    level: &str,
    examples: &[Example],
) -> Vec<String> {
    let heading = format!("{level} {}", direction_heading(direction));
    let fields = match direction {
        Direction::Out => event.fields_out,
        Direction::In => event.fields_in,
    };
    let mut blocks = vec![heading, field_table(fields, event.spec)];
    // Only outgoing requests can carry a callback, so the result belongs here.
    if direction == Direction::Out {
        blocks.extend(result_section(event));
    }
    for example in examples_for(event, direction, examples) {
        blocks.extend(example_blocks(example));
    }
    blocks
}

fn result_section(event: &EventInfo) -> Vec<String> {
    let mut blocks = vec!["#### Result".to_owned()];
    match event.result {
        ResultInfo::Nothing if event.callback == Callback::None => {
            blocks.push("None: the event is fire and forget.".to_owned());
        }
        ResultInfo::Nothing => {
            blocks.push("The callback receives no result data.".to_owned());
        }
        ResultInfo::True => blocks.push("On success the callback receives `true`.".to_owned()),
        ResultInfo::StanzaId => blocks.push(
            "On success the callback receives `{id}`, the id of the stanza that was sent."
                .to_owned(),
        ),
        ResultInfo::Object(fields) => {
            blocks.push("On success the callback receives an object:".to_owned());
            blocks.push(field_table(fields, event.spec));
        }
        ResultInfo::List(fields) => {
            blocks.push(
                "On success the callback receives an array of objects, one per item:".to_owned(),
            );
            blocks.push(field_table(fields, event.spec));
        }
        ResultInfo::Value(field) => blocks.push(format!(
            "On success the callback receives {} ({}): {}",
            type_text(field.ty),
            field.xml_path,
            field.doc
        )),
    }
    if let Some(rsm) = event.rsm {
        blocks.push(
            "The callback also receives a third argument, the result set of the reply \
             (`{}` when the reply has none):"
                .to_owned(),
        );
        blocks.push(field_table(std::slice::from_ref(rsm), event.spec));
    }
    if let Some(error) = event.result_error {
        blocks.push(
            "A successful reply may carry an error instead of data: the callback then \
             receives it as its first argument, and no data:"
                .to_owned(),
        );
        blocks.push(field_table(std::slice::from_ref(error), event.spec));
    }
    blocks
}

fn example_blocks(example: &Example) -> Vec<String> {
    let mut blocks = vec![
        format!("#### Example: {}", single_line(&example.name)),
        code_block("json", &example.json),
    ];
    if let Some(xml) = &example.xml {
        blocks.push(code_block("xml", xml));
    }
    if let Some(error) = &example.error {
        blocks.push(format!("The request fails with {}.", code(error)));
    }
    blocks
}

// ---------------------------------------------------------------------------------------
// Fields and their types
// ---------------------------------------------------------------------------------------

/// The key table; `owner_spec` is the spec of the event or type the fields belong to.
fn field_table(fields: &[FieldInfo], owner_spec: &str) -> String {
    if fields.is_empty() {
        return "No keys.".to_owned();
    }
    let rows = fields.iter().map(|field| {
        [
            code(field.key),
            cell(&field_type_text(field)),
            (if field.required { "yes" } else { "no" }).to_owned(),
            field.default.map(code).unwrap_or_default(),
            cell(&field_description(field, owner_spec)),
        ]
    });
    table(&["key", "type", "required", "default", "description"], rows)
}

fn field_type_text(field: &FieldInfo) -> String {
    let text = type_text(field.ty);
    if field.many {
        format!("array of {text}")
    } else {
        text
    }
}

fn type_text(ty: TypeRef) -> String {
    match ty {
        TypeRef::Named(info) => named_type_text(info),
        TypeRef::NamedOrString(info, key) => {
            format!("{} (or a string: `{{{key}}}`)", named_type_text(info))
        }
        other => plain_type_text(other),
    }
}

fn named_type_text(info: &TypeInfo) -> String {
    let link = type_link(info.name);
    match &info.kind {
        TypeKind::Enum { values } | TypeKind::ElementName { values, .. } => {
            format!("one of: {} ({link})", code_list(values))
        }
        TypeKind::Object { .. } => format!("object {link}"),
    }
}

fn field_description(field: &FieldInfo, owner_spec: &str) -> String {
    let mut parts = Vec::new();
    if !field.doc.trim().is_empty() {
        parts.push(single_line(field.doc));
    }
    if let Some(max) = field.max_len {
        parts.push(format!("At most {max} characters."));
    }
    if !field.xml_path.is_empty() {
        parts.push(format!("XML: {}.", code(field.xml_path)));
    }
    // Extension keys are the ones reviewers most often look for.
    if field.spec != owner_spec {
        parts.push(format!("(from {})", field.spec));
    }
    parts.join(" ")
}

// ---------------------------------------------------------------------------------------
// Types and hooks
// ---------------------------------------------------------------------------------------

fn types_section(catalog: &Catalog) -> Vec<String> {
    let mut blocks = vec!["## Types".to_owned()];
    if catalog.types.is_empty() {
        blocks.push("No spec defines a named type.".to_owned());
    }
    for info in catalog.types {
        blocks.extend(type_section(catalog.specs, info));
    }
    blocks
}

fn type_section(specs: &[SpecInfo], info: &TypeInfo) -> Vec<String> {
    let mut blocks = vec![format!(
        "<a id=\"{}\"></a>\n### {}",
        type_anchor(info.name),
        code(info.name)
    )];
    blocks.extend(doc_block(info.doc));
    let spec = format!("- Spec: {}", spec_ref(specs, info.spec));
    match &info.kind {
        TypeKind::Enum { values } => {
            blocks.push(format!(
                "{spec}\n- Kind: enum\n- Values: {}",
                code_list(values)
            ));
        }
        TypeKind::ElementName { ns, values } => blocks.push(format!(
            "{spec}\n- Kind: element name in namespace {}\n- Values: {}",
            code(ns),
            code_list(values)
        )),
        TypeKind::Object {
            fields_out,
            fields_in,
        } => {
            blocks.push(format!("{spec}\n- Kind: object"));
            blocks.extend(object_tables(fields_out, fields_in, info.spec));
        }
    }
    blocks
}

/// The key tables of an object type, one per direction it has keys in.
fn object_tables(fields_out: &[FieldInfo], fields_in: &[FieldInfo], spec: &str) -> Vec<String> {
    let mut blocks = Vec::new();
    if !fields_out.is_empty() {
        blocks.push("#### Out: browser → gateway".to_owned());
        blocks.push(field_table(fields_out, spec));
    }
    if !fields_in.is_empty() {
        blocks.push("#### In: gateway → browser".to_owned());
        blocks.push(field_table(fields_in, spec));
    }
    if blocks.is_empty() {
        blocks.push("No keys.".to_owned());
    }
    blocks
}

/// One table of every hook, so reviewers see at a glance where logic lives outside specs.
fn hooks_section(events: &[EventInfo]) -> Vec<String> {
    let rows: Vec<[String; 3]> = events
        .iter()
        .flat_map(|event| {
            event
                .hooks
                .iter()
                .map(|(kind, path)| [event_link(event.name), code(kind), code(path)])
        })
        .collect();
    let body = if rows.is_empty() {
        "No event calls a runtime hook.".to_owned()
    } else {
        table(&["event", "kind", "path"], rows)
    };
    vec!["## Runtime hooks".to_owned(), body]
}

// ---------------------------------------------------------------------------------------
// Markdown primitives
// ---------------------------------------------------------------------------------------

fn table<const N: usize>(
    header: &[&str; N],
    rows: impl IntoIterator<Item = [String; N]>,
) -> String {
    let mut lines = vec![
        format!("| {} |", header.join(" | ")),
        format!("|{}", " --- |".repeat(N)),
    ];
    lines.extend(rows.into_iter().map(|row| {
        // GFM splits rows on `|` before it parses code spans, so escape them all.
        let cells: Vec<String> = row.iter().map(|cell| cell.replace('|', "\\|")).collect();
        format!("| {} |", cells.join(" | "))
    }));
    lines.join("\n")
}

/// Text fit for a table cell: a single line.
fn cell(text: &str) -> String {
    single_line(text)
}

fn doc_block(doc: &str) -> Option<String> {
    let doc = doc.trim();
    (!doc.is_empty()).then(|| doc.to_owned())
}

/// Inline code that survives backticks in the text itself.
fn code(text: &str) -> String {
    let text = single_line(text);
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

fn code_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|item| code(item))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A fenced block whose fence is longer than any backtick run in `body`.
fn code_block(lang: &str, body: &str) -> String {
    let longest = body.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest.max(2) + 1);
    format!("{fence}{lang}\n{}\n{fence}", body.trim_end())
}

/// The spec id, linked to its source when the catalogue has its header.
fn spec_ref(specs: &[SpecInfo], id: &str) -> String {
    match specs.iter().find(|spec| spec.id == id) {
        Some(spec) => spec_link(spec),
        None => code(id),
    }
}

fn spec_link(spec: &SpecInfo) -> String {
    if spec.source.is_empty() {
        code(spec.id)
    } else {
        format!("[{}]({})", code(spec.id), spec.source)
    }
}

/// Spec files are relative to the repository root and the manual lives in `docs/`.
fn file_link(file: &str) -> String {
    format!("[{}](../{file})", code(file))
}

fn event_link(name: &str) -> String {
    format!("[{}](#{})", code(name), event_anchor(name))
}

fn type_link(name: &str) -> String {
    format!("[{name}](#{})", type_anchor(name))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample::{self, MOOD_SPEC, ROSTER_ITEM, STATE, field};

    const CHAT: &str = "rfc6121-chat";
    const ROSTER: &str = "rfc6121-roster";
    const PRIORITY: TypeRef = TypeRef::Integer {
        min: -128,
        max: 127,
    };

    /// The manual shows a key's doc (escaped in tables), its XML path and, when `spec`
    /// is not the owner's, where it comes from; so here every key has all three.
    const fn key(spec: &'static str, base: FieldInfo) -> FieldInfo {
        FieldInfo {
            doc: "Some | doc.",
            xml_path: "@to",
            spec,
            ..base
        }
    }

    /// The sample events under spec ids of their own: the chat spec has a header, the
    /// roster spec has none.
    static EVENTS: [EventInfo; 2] = [
        EventInfo {
            spec: CHAT,
            spec_file: "specs/rfc6121-chat.toml",
            fields_out: &[
                key(CHAT, field("to", TypeRef::JidString, true)),
                FieldInfo {
                    many: true,
                    ..key(CHAT, field("priority", PRIORITY, false))
                },
                FieldInfo {
                    max_len: Some(10),
                    ..key(MOOD_SPEC, STATE)
                },
            ],
            fields_in: &[key(CHAT, field("from", TypeRef::Jid, true))],
            ..sample::CHAT_MESSAGE
        },
        EventInfo {
            spec: ROSTER,
            spec_file: "specs/rfc6121-roster.toml",
            result: ResultInfo::List(&[key(
                ROSTER,
                field("item", TypeRef::Named(&ROSTER_ITEM), true),
            )]),
            ..sample::ROSTER_GET
        },
    ];

    static CATALOG: Catalog = sample::catalog(&EVENTS);

    fn examples() -> Vec<Example> {
        vec![
            Example {
                xml: Some("<message to='juliet@example.com'/>".into()),
                ..sample::example(
                    Direction::Out,
                    "xep-9999/grumpy",
                    "{\n  \"to\": \"juliet@example.com\"\n}",
                )
            },
            sample::refused(),
            sample::example(Direction::In, "chat/incoming", "{}"),
        ]
    }

    fn manual() -> String {
        render(&CATALOG, &examples())
    }

    #[test]
    fn starts_with_title_and_regeneration_hint() {
        let text = manual();
        assert!(text.starts_with("# XMPP-FTW events\n\n"));
        assert!(text.contains("UPDATE_GENERATED=1 cargo test -p xmpp-ftw-tests --test generated"));
        assert!(text.ends_with('\n') && !text.ends_with("\n\n"));
    }

    #[test]
    fn spec_table_links_source_and_file() {
        let text = manual();
        assert!(text.contains(
            "| [`xep-9999`](https://xmpp.org/extensions/xep-9999.html) | User Mood \
             | 2.1 | [`specs/xep-9999-mood.toml`](../specs/xep-9999-mood.toml) \
             | `urn:example:mood` |"
        ));
    }

    #[test]
    fn contents_group_events_by_spec() {
        let text = manual();
        assert!(text.contains(
            "- [`rfc6121-chat`](https://www.rfc-editor.org/rfc/rfc6121) Chat\n  \
             - [`xmpp.chat.message`](#event-xmpp-chat-message)\n"
        ));
        assert!(text.contains("  - adds keys to [`xmpp.chat.message`](#event-xmpp-chat-message)"));
        // The roster spec has no header, yet its event must still be listed.
        assert!(
            text.contains("- `rfc6121-roster`\n  - [`xmpp.roster.get`](#event-xmpp-roster-get)")
        );
    }

    #[test]
    fn event_section_lists_facts() {
        let text = manual();
        assert!(text.contains("<a id=\"event-xmpp-chat-message\"></a>\n## `xmpp.chat.message`"));
        assert!(text.contains("- Callback: none — fire and forget"));
        assert!(text.contains(
            "- Callback: required — without one the request fails with `Missing callback`"
        ));
        assert!(text.contains("- IQ type: `get`"));
        assert!(text.contains("#### Result\n\nNone: the event is fire and forget."));
        assert!(text.contains("- Aliases: `xmpp.chat.msg`"));
        assert!(text.contains("  - `outgoing` → `crate::hooks::chat::stamp`"));
        assert!(text.contains(
            "  - `content`: at least one of `body`, `state`, otherwise the request fails with \
             `Message has no content`"
        ));
    }

    #[test]
    fn key_table_renders_types_readably() {
        let text = manual();
        assert!(text.contains("| key | type | required | default | description |"));
        assert!(text.contains("| `to` | JID string | yes |  | Some \\| doc. XML: `@to`. |"));
        assert!(text.contains("| `priority` | array of integer (−128..127) | no |"));
        assert!(text.contains(
            "| `state` | one of: `happy`, `grumpy` ([mood](#type-mood)) | no \
             | `\"happy\"` | Some \\| doc. At most 10 characters. XML: `@to`. (from xep-9999) |"
        ));
    }

    #[test]
    fn result_list_gets_a_table() {
        let text = manual();
        assert!(text.contains(
            "#### Result\n\nOn success the callback receives an array of objects, one per item:\n\n\
             | key | type |"
        ));
        assert!(text.contains("| `item` | object [roster_item](#type-roster_item) | yes |"));
    }

    #[test]
    fn examples_follow_their_direction() {
        let text = manual();
        let example = "#### Example: xep-9999/grumpy\n\n```json\n{\n  \"to\": \
                       \"juliet@example.com\"\n}\n```\n\n```xml\n<message \
                       to='juliet@example.com'/>\n```";
        assert!(text.contains(example));
        assert!(text.contains("The request fails with `Message has no content`."));
        let incoming = text.find("### In: gateway → browser").unwrap_or(0);
        assert!(text.find("#### Example: chat/incoming").unwrap_or(0) > incoming);
        assert!(text.find("#### Example: chat/empty").unwrap_or(usize::MAX) < incoming);
    }

    #[test]
    fn types_and_hooks_sections() {
        let text = manual();
        assert!(text.contains("<a id=\"type-mood\"></a>\n### `mood`"));
        assert!(text.contains(
            "- Spec: [`xep-9999`](https://xmpp.org/extensions/xep-9999.html)\n- Kind: element name"
        ));
        assert!(text.contains("- Kind: element name in namespace `urn:example:mood`"));
        assert!(text.contains("#### In: gateway → browser\n\n| key |"));
        assert!(text.contains(
            "## Runtime hooks\n\n| event | kind | path |\n| --- | --- | --- |\n\
             | [`xmpp.chat.message`](#event-xmpp-chat-message) | `outgoing` \
             | `crate::hooks::chat::stamp` |"
        ));
    }

    #[test]
    fn fence_outgrows_backticks_in_body() {
        assert_eq!(code_block("xml", "a ``` b"), "````xml\na ``` b\n````");
        assert_eq!(code("a`b"), "`` a`b ``");
    }

    #[test]
    fn output_is_stable() {
        assert_eq!(manual(), manual());
    }
}
