//! Renders the catalogue as the JSON Schema `docs/events.schema.json` (draft 2020-12).
//!
//! Every event direction is a `$defs` entry (`xmpp.chat.message.out` / `.in`), named
//! types are shared `$defs` (`type.user_mood`, `type.roster_item.in`) reached through
//! `$ref`, and callback results get `<event>.result`. The top-level `x-events` array
//! keeps the catalogue's event order, which JSON object keys cannot.

use serde_json::{Map, Value, json};

use super::common::mode_has_key;
use super::{
    Callback, Catalog, Direction, EventInfo, Example, FieldInfo, GroupInfo, ResultInfo, TypeInfo,
    TypeKind, TypeRef,
};

const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

const GENERATED: &str = "Generated from the specs in specs/ by \
     xmpp_ftw_runtime::catalog::schema: do not edit by hand. Regenerate with \
     `UPDATE_GENERATED=1 cargo test -p xmpp-ftw-tests --test generated`.";

/// Renders the schema as pretty-printed JSON with a trailing newline.
pub fn render(catalog: &Catalog, examples: &[Example]) -> String {
    let mut defs = Map::new();
    for event in catalog.events {
        insert_event_defs(&mut defs, event, examples);
    }
    for info in catalog.types {
        insert_type_defs(&mut defs, info);
    }
    let mut document = json!({
        "$schema": DIALECT,
        "$comment": GENERATED,
        "title": "XMPP-FTW events",
        "description": "Payloads of the events browsers exchange with the XMPP-FTW gateway: \
                        `<event>.out` is what the browser sends, `<event>.in` what it \
                        receives and `<event>.result` what an acknowledgement callback \
                        receives on success.",
        "x-events": catalog.events.iter().map(event_summary).collect::<Vec<_>>(),
        "$defs": defs,
    });
    // Sorted keys whether or not some other crate of the build turns on serde_json's
    // `preserve_order`: the committed file must not depend on feature unification.
    document.sort_all_objects();
    serde_json::to_string_pretty(&document).expect("a serde_json::Value always serialises") + "\n"
}

// ---------------------------------------------------------------------------------------
// Events
// ---------------------------------------------------------------------------------------

/// `<event>.out`, `.in`, `.rsm`, `.result`; a mode's are `<event>[<key>].out`… and
/// its `.out` requires `<key>: true`.
fn insert_event_defs(defs: &mut Map<String, Value>, event: &EventInfo, examples: &[Example]) {
    insert_shape_defs(defs, event, event.name, None, examples);
    for (key, mode) in event.modes {
        let stem = format!("{}[{key}]", event.name);
        insert_shape_defs(defs, mode, &stem, Some(key), &[]);
    }
}

fn insert_shape_defs(
    defs: &mut Map<String, Value>,
    event: &EventInfo,
    stem: &str,
    mode: Option<&str>,
    examples: &[Example],
) {
    for &direction in event.directions {
        let name = format!("{stem}.{}", direction.as_str());
        let mut schema = event_schema(event, direction, examples);
        let flagged = mode.filter(|key| !mode_has_key(key, event));
        if let (Some(key), Value::Object(o)) = (flagged, &mut schema) {
            let flag = json!({ "const": true, "type": "boolean" });
            if let Some(Value::Object(props)) = o.get_mut("properties") {
                props.insert(key.to_owned(), flag);
            }
            if direction == Direction::Out {
                match o.get_mut("required") {
                    Some(Value::Array(required)) => required.push(json!(key)),
                    _ => {
                        o.insert("required".into(), json!([key]));
                    }
                }
            }
        }
        if let (Some(_), Value::Object(o)) = (mode, &mut schema) {
            o.insert(
                "title".into(),
                json!(format!("{stem} ({})", direction.as_str())),
            );
        }
        defs.insert(name, schema);
    }
    if let Some(rsm) = event.rsm {
        let description = format!(
            "The third argument of the `{stem}` callback on success: {}",
            rsm.doc
        );
        let schema = with_description(value_schema(rsm.ty, Direction::In), &description);
        defs.insert(format!("{stem}.rsm"), schema);
    }
    if let Some(error) = event.result_error {
        let description = format!(
            "The first argument of the `{}` callback when a successful reply carries an error instead of data. {}",
            event.name, error.doc
        );
        let schema = with_description(value_schema(error.ty, Direction::In), &description);
        defs.insert(format!("{stem}.resultError"), schema);
    }
    if let Some(result) = result_schema(event) {
        defs.insert(format!("{stem}.result"), result);
    }
}

fn event_schema(event: &EventInfo, direction: Direction, examples: &[Example]) -> Value {
    let fields = match direction {
        Direction::Out => event.fields_out,
        Direction::In => event.fields_in,
    };
    let mut schema = object_schema(fields, direction);
    schema.insert(
        "title".into(),
        json!(format!("{} ({})", event.name, direction.as_str())),
    );
    insert_description(&mut schema, event.doc);
    // Groups only constrain what the browser sends; the gateway checks them on the way out.
    if direction == Direction::Out && !(event.groups.is_empty() && event.exclusive.is_empty()) {
        let rules = event
            .groups
            .iter()
            .map(group_schema)
            .chain(event.exclusive.iter().map(|keys| exclusive_schema(keys)));
        schema.insert("allOf".into(), rules.collect());
    }
    let examples = example_values(event, direction, examples);
    if !examples.is_empty() {
        schema.insert("examples".into(), Value::Array(examples));
    }
    Value::Object(schema)
}

/// "At most one of these keys": no two of them together.
fn exclusive_schema(keys: &[&str]) -> Value {
    let mut pairs = Vec::new();
    for (i, a) in keys.iter().enumerate() {
        for b in &keys[i + 1..] {
            pairs.push(json!({ "required": [a, b] }));
        }
    }
    json!({ "not": { "anyOf": pairs } })
}

/// "At least one of these keys", with the gateway's error text for tooling to show.
fn group_schema(group: &GroupInfo) -> Value {
    let alternatives: Vec<Value> = group
        .keys
        .iter()
        .map(|key| json!({ "required": [key] }))
        .collect();
    json!({
        "title": group.name,
        "description": group.error,
        "anyOf": alternatives,
    })
}

/// Parsed payloads of the event's successful fixtures; unparsable ones are left out
/// rather than failing the whole document.
fn example_values(event: &EventInfo, direction: Direction, examples: &[Example]) -> Vec<Value> {
    examples
        .iter()
        .filter(|example| {
            let named =
                example.event == event.name || event.aliases.contains(&example.event.as_str());
            named && example.direction == direction
        })
        .filter(|example| example.error.is_none())
        .filter_map(|example| serde_json::from_str(&example.json).ok())
        .collect()
}

/// What the callback receives; results are built from a stanza, so JIDs are objects.
fn result_schema(event: &EventInfo) -> Option<Value> {
    let description = format!("What the `{}` callback receives on success.", event.name);
    let schema = match event.result {
        ResultInfo::Nothing => return None,
        ResultInfo::True => json!({ "const": true, "type": "boolean" }),
        ResultInfo::StanzaId => json!({
            "type": "object",
            "properties": { "id": { "type": "string", "description": "Id of the stanza that was sent." } },
            "required": ["id"],
            "additionalProperties": true,
        }),
        ResultInfo::Object(fields) => Value::Object(object_schema(fields, Direction::In)),
        ResultInfo::List(fields) => json!({
            "type": "array",
            "items": object_schema(fields, Direction::In),
        }),
        ResultInfo::Value(field) => value_schema(field.ty, Direction::In),
    };
    Some(with_description(schema, &description))
}

fn event_summary(event: &EventInfo) -> Value {
    let directions: Vec<&str> = event.directions.iter().map(|d| d.as_str()).collect();
    let mut summary = json!({
        "name": event.name,
        "spec": event.spec,
        "directions": directions,
        "callback": callback_rule(event.callback),
        "result": result_kind(&event.result),
        "aliases": event.aliases,
    });
    if let Some(answer) = &event.answer {
        let copy: serde_json::Map<String, Value> = answer
            .copy
            .iter()
            .map(|(to, from)| ((*to).to_owned(), Value::from(*from)))
            .collect();
        summary["answer"] = json!({ "event": answer.event, "key": answer.key, "copy": copy });
    }
    summary
}

fn callback_rule(callback: Callback) -> &'static str {
    match callback {
        Callback::Required => "required",
        Callback::Optional => "optional",
        Callback::None => "none",
    }
}

fn result_kind(result: &ResultInfo) -> &'static str {
    match result {
        ResultInfo::Nothing => "nothing",
        ResultInfo::True => "true",
        ResultInfo::StanzaId => "stanza-id",
        ResultInfo::Object(_) => "object",
        ResultInfo::List(_) => "list",
        ResultInfo::Value(_) => "value",
    }
}

// ---------------------------------------------------------------------------------------
// Named types
// ---------------------------------------------------------------------------------------

/// Enums get one definition; objects one per direction, because a JID key is a string
/// in the browser's requests and an object in what it receives.
fn insert_type_defs(defs: &mut Map<String, Value>, info: &TypeInfo) {
    match &info.kind {
        TypeKind::Enum { values } | TypeKind::ElementName { values, .. } => {
            let schema = json!({ "title": info.name, "type": "string", "enum": values });
            defs.insert(
                type_def_name(info, None),
                with_description(schema, info.doc),
            );
        }
        TypeKind::Object {
            fields_out,
            fields_in,
        } => {
            for (direction, fields) in [(Direction::Out, fields_out), (Direction::In, fields_in)] {
                let mut schema = object_schema(fields, direction);
                schema.insert("title".into(), json!(info.name));
                insert_description(&mut schema, info.doc);
                defs.insert(type_def_name(info, Some(direction)), Value::Object(schema));
            }
        }
    }
}

/// `type.<name>` for enums, `type.<name>.<direction>` for objects.
fn type_def_name(info: &TypeInfo, direction: Option<Direction>) -> String {
    match direction {
        Some(direction) => format!("type.{}.{}", info.name, direction.as_str()),
        None => format!("type.{}", info.name),
    }
}

fn type_ref(info: &TypeInfo, direction: Direction) -> Value {
    let direction = matches!(info.kind, TypeKind::Object { .. }).then_some(direction);
    // `/` and `~` would break the JSON Pointer, so escape them as RFC 6901 says.
    let pointer = type_def_name(info, direction)
        .replace('~', "~0")
        .replace('/', "~1");
    json!({ "$ref": format!("#/$defs/{pointer}") })
}

// ---------------------------------------------------------------------------------------
// Objects and fields
// ---------------------------------------------------------------------------------------

/// Unknown keys are ignored by the gateway and may be added later, hence
/// `additionalProperties: true` in both directions.
///
/// A key several fields share (variants map one key per variant) is any of their
/// schemas, and required only when all of them are.
fn object_schema(fields: &[FieldInfo], direction: Direction) -> Map<String, Value> {
    let mut keys: Vec<&str> = Vec::new();
    for field in fields {
        if !keys.contains(&field.key) {
            keys.push(field.key);
        }
    }
    let mut properties = Map::new();
    let mut required: Vec<&str> = Vec::new();
    for key in keys {
        let same: Vec<&FieldInfo> = fields.iter().filter(|f| f.key == key).collect();
        let mut schemas: Vec<Value> = Vec::new();
        for field in &same {
            let schema = field_schema(field, direction);
            if !schemas.contains(&schema) {
                schemas.push(schema);
            }
        }
        let schema = match <[Value; 1]>::try_from(schemas) {
            Ok([one]) => one,
            Err(many) => json!({ "anyOf": many }),
        };
        properties.insert(key.to_owned(), schema);
        if same.iter().all(|f| f.required) {
            required.push(key);
        }
    }
    let mut schema = Map::new();
    schema.insert("type".into(), json!("object"));
    schema.insert("properties".into(), Value::Object(properties));
    if !required.is_empty() {
        schema.insert("required".into(), json!(required));
    }
    schema.insert("additionalProperties".into(), json!(true));
    schema
}

fn field_schema(field: &FieldInfo, direction: Direction) -> Value {
    let mut item = value_schema(field.ty, direction);
    if let (Some(max), Value::Object(map)) = (field.max_len, &mut item) {
        map.insert("maxLength".into(), json!(max));
    }
    let mut schema = if field.many {
        json!({ "type": "array", "items": item })
    } else {
        item
    };
    if let Value::Object(map) = &mut schema {
        insert_description(map, field.doc);
        // A default that is not valid JSON is a spec bug the macro reports; skip it here.
        if let Some(default) = field
            .default
            .and_then(|text| serde_json::from_str(text).ok())
        {
            map.insert("default".into(), default);
        }
    }
    schema
}

fn value_schema(ty: TypeRef, direction: Direction) -> Value {
    match ty {
        TypeRef::String | TypeRef::JidString | TypeRef::Resource => json!({ "type": "string" }),
        TypeRef::Integer { min, max } => {
            json!({ "type": "integer", "minimum": min, "maximum": max })
        }
        TypeRef::Boolean => json!({ "type": "boolean" }),
        TypeRef::Flag => json!({ "type": "boolean", "const": true }),
        TypeRef::Jid => jid_schema(direction),
        TypeRef::DateTime => json!({ "type": "string", "format": "date-time" }),
        TypeRef::Xhtml => json!({ "type": "string", "contentMediaType": "application/xhtml+xml" }),
        TypeRef::RawXml => json!({ "type": "string", "contentMediaType": "application/xml" }),
        TypeRef::LangMap => {
            json!({ "type": "object", "additionalProperties": { "type": "string" } })
        }
        TypeRef::DataForm => data_form_schema(direction),
        TypeRef::Json => json!({}),
        TypeRef::Named(info) => type_ref(info, direction),
        TypeRef::NamedOrString(info, _) => match direction {
            Direction::Out => json!({ "anyOf": [{ "type": "string" }, type_ref(info, direction)] }),
            Direction::In => type_ref(info, direction),
        },
    }
}

/// XEP-0004 forms: the browser submits a list of fields and receives a whole form.
fn data_form_schema(direction: Direction) -> Value {
    let scalar = json!({ "type": ["string", "number", "boolean"] });
    match direction {
        Direction::Out => json!({
            "type": "array",
            "items": {
                "type": "object",
                "properties": {
                    "var": { "type": "string", "minLength": 1 },
                    "value": { "anyOf": [scalar, { "type": "array", "items": scalar }] },
                    "type": { "type": "string" },
                    "label": { "type": "string" },
                },
                "required": ["var", "value"],
            },
        }),
        Direction::In => {
            let field = json!({
                "type": "object",
                "properties": {
                    "var": { "type": "string" },
                    "type": { "type": "string" },
                    "label": { "type": "string" },
                    "required": { "const": true },
                    "description": { "type": "string" },
                    "options": {
                        "type": "array",
                        "items": {
                            "type": "object",
                            "properties": { "value": { "type": "string" }, "label": { "type": "string" } },
                            "required": ["value"],
                        },
                    },
                    "value": { "anyOf": [
                        { "type": ["string", "boolean"] },
                        { "type": "array", "items": { "type": "string" } },
                    ] },
                },
            });
            json!({
                "type": "object",
                "properties": {
                    "title": { "type": "string" },
                    "instructions": { "type": "string" },
                    "fields": { "type": "array", "items": field },
                    "reported": { "type": "array", "items": field },
                    "items": { "type": "array", "items": { "type": "array", "items": field } },
                },
                "required": ["items"],
            })
        }
    }
}

/// The browser writes JIDs as strings; the gateway hands them over already split.
fn jid_schema(direction: Direction) -> Value {
    match direction {
        Direction::Out => json!({ "type": "string" }),
        Direction::In => json!({
            "type": "object",
            "properties": {
                "user": { "type": "string" },
                "domain": { "type": "string" },
                "resource": { "type": "string" },
            },
            "required": ["domain"],
        }),
    }
}

fn with_description(mut schema: Value, doc: &str) -> Value {
    if let Value::Object(map) = &mut schema {
        insert_description(map, doc);
    }
    schema
}

fn insert_description(schema: &mut Map<String, Value>, doc: &str) {
    let doc = doc.trim();
    if !doc.is_empty() {
        schema.insert("description".into(), json!(doc));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample::{self, CONTENT, SHOW, field};

    /// The sample events with a key of every shape the schema distinguishes, and the
    /// alias on the roster request instead of the message.
    static EVENTS: [EventInfo; 2] = [
        EventInfo {
            aliases: &[],
            fields_out: &[
                FieldInfo {
                    doc: "A key.",
                    ..field("to", TypeRef::Jid, true)
                },
                FieldInfo {
                    max_len: Some(20),
                    ..field("body", TypeRef::String, false)
                },
                FieldInfo {
                    default: Some("\"away\""),
                    ..field("show", TypeRef::Named(&SHOW), false)
                },
                FieldInfo {
                    many: true,
                    ..field("level", TypeRef::Integer { min: -1, max: 9 }, false)
                },
                field("urgent", TypeRef::Flag, false),
                field("subject", TypeRef::LangMap, false),
            ],
            groups: &[GroupInfo {
                keys: &["body", "subject"],
                ..CONTENT
            }],
            ..sample::CHAT_MESSAGE
        },
        EventInfo {
            aliases: &["xmpp.roster.fetch"],
            ..sample::ROSTER_GET
        },
    ];

    static CATALOG: Catalog = sample::catalog(&EVENTS);

    fn schema() -> Value {
        let examples = [
            sample::example(
                Direction::Out,
                "chat/hello",
                "{\"to\": \"juliet@example.com\", \"body\": \"hi\"}",
            ),
            sample::refused(),
            sample::example(Direction::Out, "chat/broken", "{"),
        ];
        let text = render(&CATALOG, &examples);
        assert!(text.ends_with("}\n"));
        serde_json::from_str(&text).expect("the rendered schema is JSON")
    }

    #[test]
    fn document_header() {
        let doc = schema();
        assert_eq!(doc["$schema"], DIALECT);
        assert_eq!(doc["title"], "XMPP-FTW events");
    }

    #[test]
    fn outgoing_event_properties() {
        let doc = schema();
        let out = &doc["$defs"]["xmpp.chat.message.out"];
        assert_eq!(out["type"], "object");
        assert_eq!(out["required"], json!(["to"]));
        assert_eq!(out["additionalProperties"], true);
        let props = &out["properties"];
        assert_eq!(
            props["to"],
            json!({ "type": "string", "description": "A key." })
        );
        assert_eq!(props["body"]["maxLength"], 20);
        assert_eq!(props["show"]["$ref"], "#/$defs/type.show");
        assert_eq!(props["show"]["default"], "away");
        assert_eq!(props["level"]["type"], "array");
        assert_eq!(
            props["level"]["items"],
            json!({ "type": "integer", "minimum": -1, "maximum": 9 })
        );
        assert_eq!(props["urgent"]["const"], true);
        assert_eq!(
            props["subject"]["additionalProperties"],
            json!({ "type": "string" })
        );
        assert_eq!(
            out["allOf"][0]["anyOf"],
            json!([{ "required": ["body"] }, { "required": ["subject"] }])
        );
    }

    #[test]
    fn only_parsable_successful_examples_are_kept() {
        let doc = schema();
        let examples = &doc["$defs"]["xmpp.chat.message.out"]["examples"];
        assert_eq!(
            examples,
            &json!([{ "to": "juliet@example.com", "body": "hi" }])
        );
        assert!(
            doc["$defs"]["xmpp.chat.message.in"]
                .get("examples")
                .is_none()
        );
    }

    #[test]
    fn incoming_jid_is_an_object() {
        let doc = schema();
        let from = &doc["$defs"]["xmpp.chat.message.in"]["properties"]["from"];
        assert_eq!(from["type"], "object");
        assert_eq!(from["required"], json!(["domain"]));
        assert_eq!(
            doc["$defs"]["xmpp.chat.message.in"]["required"],
            json!(["from"])
        );
    }

    #[test]
    fn named_types_and_result() {
        let doc = schema();
        let defs = &doc["$defs"];
        assert_eq!(defs["type.show"]["enum"], json!(["away", "dnd"]));
        assert_eq!(
            defs["type.contact.out"]["properties"]["jid"]["type"],
            "string"
        );
        assert_eq!(
            defs["type.contact.in"]["properties"]["jid"]["type"],
            "object"
        );
        let result = &defs["xmpp.roster.get.result"];
        assert_eq!(result["type"], "array");
        assert_eq!(
            result["items"]["properties"]["contact"]["$ref"],
            "#/$defs/type.contact.in"
        );
        assert!(defs.get("xmpp.chat.message.result").is_none());
    }

    #[test]
    fn event_summaries_keep_catalogue_order() {
        let doc = schema();
        assert_eq!(
            doc["x-events"],
            json!([
                {
                    "name": "xmpp.chat.message", "spec": "rfc6121", "directions": ["out", "in"],
                    "callback": "none", "result": "nothing", "aliases": []
                },
                {
                    "name": "xmpp.roster.get", "spec": "rfc6121", "directions": ["out"],
                    "callback": "required", "result": "list", "aliases": ["xmpp.roster.fetch"]
                }
            ])
        );
    }

    #[test]
    fn output_is_stable() {
        assert_eq!(render(&CATALOG, &[]), render(&CATALOG, &[]));
    }
}
