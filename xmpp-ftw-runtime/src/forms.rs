//! The `data_form` built-in type: XEP-0004 data forms in the original XMPP-FTW's
//! two JSON shapes.
//!
//! - What the browser *submits* (outgoing fields): `[{var, value, type?, label?}]`,
//!   written as `<x type='submit'>` (or `form`/`cancel`, as the spec says) with the
//!   hidden `FORM_TYPE` the spec chooses, values typed by their JSON type.
//! - What the browser *receives* (incoming fields and IQ results): `{title?,
//!   instructions?, fields?, reported?, items}`, values typed by the field's type;
//!   `FORM_TYPE` is never reported.
//!
//! A data form is a structure of a fixed shape whose value types depend on an
//! attribute of each field: a generic spec construct for that would be as large as
//! this file, so the type is built in (like `xhtml`). The form's namespace comes
//! from the spec path the field sits at, and every child is in it.

use crate::error::ClientError;
use crate::json_in::{Key, Map, check_text};
use crate::json_out::JsonWriter;
use crate::xml::{Elem, XmlWriter};
use serde_json::Value;

/// The hidden field naming the form's purpose (XEP-0068).
const FORM_TYPE: &str = "FORM_TYPE";

/// The client-error text of the original for a form of the wrong shape.
pub const BADLY_FORMATTED: &str = "Badly formatted data form";

fn bad() -> ClientError {
    ClientError::new(BADLY_FORMATTED)
}

fn text<'v>(v: Option<&'v Value>, key: &Key<'_>) -> Result<Option<&'v str>, ClientError> {
    match v {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => {
            check_text(s, key, None)?;
            Ok(Some(s))
        }
        Some(_) => Err(bad()),
    }
}

/// One submitted value as text: strings as they are, numbers and booleans spelt out.
fn value_text(v: &Value, key: &Key<'_>) -> Result<String, ClientError> {
    match v {
        Value::String(s) => {
            check_text(s, key, None)?;
            Ok(s.clone())
        }
        Value::Bool(b) => Ok(b.to_string()),
        Value::Number(n) => Ok(n.to_string()),
        _ => Err(bad()),
    }
}

/// Checks a submitted form: an array of `{var, value, type?, label?}` objects.
pub fn submitted<'v>(v: &'v Value, key: &Key<'_>) -> Result<&'v [Value], ClientError> {
    let items = v.as_array().ok_or_else(bad)?;
    for item in items {
        let field = item.as_object().ok_or_else(bad)?;
        let var = text(field.get("var"), key)?.ok_or_else(bad)?;
        if var.is_empty() {
            return Err(bad());
        }
        text(field.get("type"), key)?;
        text(field.get("label"), key)?;
        match field.get("value") {
            None | Some(Value::Null) => return Err(bad()),
            Some(Value::Array(values)) => {
                for v in values {
                    value_text(v, key)?;
                }
            }
            Some(v) => {
                value_text(v, key)?;
            }
        }
    }
    Ok(items)
}

fn write_hidden_form_type<'a>(w: &mut XmlWriter<'a>, ns: &'a str, form_type: Option<&str>) {
    if let Some(form_type) = form_type {
        w.start("field", ns);
        w.attr("var", FORM_TYPE);
        w.attr("type", "hidden");
        w.start("value", ns);
        w.text(form_type);
        w.end();
        w.end();
    }
}

/// Writes the content of `<x type=x_type>` for a form [`submitted`] accepted. The
/// caller has started the element (its name and namespace come from the spec).
pub fn write_submitted<'a>(
    items: &[Value],
    ns: &'a str,
    x_type: &str,
    form_type: Option<&str>,
    key: &Key<'_>,
    w: &mut XmlWriter<'a>,
) -> Result<(), ClientError> {
    w.attr("type", x_type);
    write_hidden_form_type(w, ns, form_type);
    for item in items {
        let Some(field) = item.as_object() else {
            return Err(bad());
        };
        w.start("field", ns);
        if let Some(var) = text(field.get("var"), key)? {
            w.attr("var", var);
        }
        if let Some(t) = text(field.get("type"), key)? {
            w.attr("type", t);
        }
        if let Some(label) = text(field.get("label"), key)? {
            w.attr("label", label);
        }
        write_values(field.get("value"), ns, key, w)?;
        w.end();
    }
    Ok(())
}

/// A field's `<value/>` elements: one per item of an array, else one (none for no
/// value), each typed by [`value_text`].
fn write_values<'a>(
    value: Option<&Value>,
    ns: &'a str,
    key: &Key<'_>,
    w: &mut XmlWriter<'a>,
) -> Result<(), ClientError> {
    let values: Vec<String> = match value {
        Some(Value::Array(values)) => values
            .iter()
            .map(|v| value_text(v, key))
            .collect::<Result<_, _>>()?,
        Some(v) => vec![value_text(v, key)?],
        None => Vec::new(),
    };
    for v in &values {
        w.start("value", ns);
        w.text(v);
        w.end();
    }
    Ok(())
}

/// Writes payload keys a spec maps to fields of a submitted form (`form_keys`):
/// `(var, value)` for each key the browser gave, its value typed as in
/// [`write_submitted`]. Call inside `<x/>`, after [`write_submitted`].
///
/// `fields` are `(payload key, var, value)`; `submitted` is the form the browser
/// gave, if any: a var it already has is refused rather than written twice
/// (XEP-0004 §3.2: a field's var is unique).
pub fn write_keyed_fields<'a>(
    fields: &[(&str, &'a str, Option<&Value>)],
    submitted: &[Value],
    ns: &'a str,
    key: &Key<'_>,
    w: &mut XmlWriter<'a>,
) -> Result<(), ClientError> {
    for (name, var, value) in fields {
        if value.is_some()
            && submitted
                .iter()
                .any(|f| f.get("var").and_then(Value::as_str) == Some(var))
        {
            return Err(ClientError::new(format!(
                "'{name}' is given twice: as a key and in '{}'",
                key.name
            )));
        }
    }
    for (_, var, value) in fields {
        if value.is_none() {
            continue;
        }
        w.start("field", ns);
        w.attr("var", var);
        write_values(*value, ns, key, w)?;
        w.end();
    }
    Ok(())
}

fn values<'a>(field: Elem<'a>) -> impl Iterator<Item = std::borrow::Cow<'a, str>> {
    let ns = field.ns();
    field.children_named(ns, "value").map(|v| v.text())
}

fn is_form_type(field: Elem<'_>) -> bool {
    field.attr("var") == Some(FORM_TYPE)
}

/// A submitted form read back (tests, tools): `[{var, value, type?, label?}]`.
/// A boolean field's value is a boolean, a `*-multi` field's or a field with
/// several values an array, any other value a string.
pub fn decode_submitted(x: Elem<'_>, j: &mut JsonWriter) {
    let ns = x.ns();
    j.begin_array();
    for field in x.children_named(ns, "field").filter(|f| !is_form_type(*f)) {
        j.begin_object();
        if let Some(var) = field.attr("var") {
            j.key("var");
            j.string(var);
        }
        let ty = field.attr("type");
        if let Some(t) = ty {
            j.key("type");
            j.string(t);
        }
        if let Some(label) = field.attr("label") {
            j.key("label");
            j.string(label);
        }
        let all: Vec<_> = values(field).collect();
        j.key("value");
        match (ty, all.as_slice()) {
            (Some("boolean"), [one]) => j.boolean(matches!(one.trim(), "true" | "1")),
            (Some(t), _) if t.ends_with("-multi") => string_array(j, &all),
            (_, [one]) => j.string(one),
            _ => string_array(j, &all),
        }
        j.end_object();
    }
    j.end_array();
}

fn string_array(j: &mut JsonWriter, all: &[std::borrow::Cow<'_, str>]) {
    j.begin_array();
    for v in all {
        j.string(v);
    }
    j.end_array();
}

/// One `<field/>` as the original's parsed field: `{var?, type?, label?,
/// required?, description?, options?, value?}`.
fn decode_field(field: Elem<'_>, j: &mut JsonWriter) {
    let ns = field.ns();
    j.begin_object();
    for attr in ["var", "type", "label"] {
        if let Some(v) = field.attr(attr) {
            j.key(attr);
            j.string(v);
        }
    }
    if field.child(ns, "required").is_some() {
        j.key("required");
        j.boolean(true);
    }
    if let Some(desc) = field.child(ns, "desc") {
        j.key("description");
        j.string(&desc.text());
    }
    let mut options = field.children_named(ns, "option").peekable();
    if options.peek().is_some() {
        j.key("options");
        j.begin_array();
        for option in options {
            j.begin_object();
            j.key("value");
            j.string(
                &option
                    .child(ns, "value")
                    .map(|v| v.text())
                    .unwrap_or_default(),
            );
            if let Some(label) = option.attr("label") {
                j.key("label");
                j.string(label);
            }
            j.end_object();
        }
        j.end_array();
    }
    let all: Vec<_> = values(field).collect();
    match (field.attr("type"), all.as_slice()) {
        (_, []) => {}
        (Some("boolean"), [first, ..]) => {
            j.key("value");
            j.boolean(matches!(first.trim(), "true" | "1"));
        }
        (Some(t), _) if t.ends_with("-multi") => {
            j.key("value");
            string_array(j, &all);
        }
        (_, [first, ..]) => {
            j.key("value");
            j.string(first);
        }
    }
    j.end_object();
}

fn decode_fields<'a>(fields: impl Iterator<Item = Elem<'a>>, j: &mut JsonWriter) {
    j.begin_array();
    for field in fields.filter(|f| !is_form_type(*f)) {
        decode_field(field, j);
    }
    j.end_array();
}

/// A form as the browser receives it: `{title?, instructions?, fields?, reported?,
/// items}`. Only an `<x/>` element is a form (`false` otherwise, nothing written).
pub fn decode_received(x: Elem<'_>, j: &mut JsonWriter) -> bool {
    if x.name() != "x" {
        return false;
    }
    let ns = x.ns();
    j.begin_object();
    for name in ["title", "instructions"] {
        if let Some(t) = x.child(ns, name) {
            j.key(name);
            j.string(&t.text());
        }
    }
    let mut fields = x
        .children_named(ns, "field")
        .filter(|f| !is_form_type(*f))
        .peekable();
    if fields.peek().is_some() {
        j.key("fields");
        decode_fields(fields, j);
    }
    if let Some(reported) = x.child(ns, "reported") {
        j.key("reported");
        decode_fields(reported.children_named(ns, "field"), j);
    }
    j.key("items");
    j.begin_array();
    for item in x.children_named(ns, "item") {
        decode_fields(item.children_named(ns, "field"), j);
    }
    j.end_array();
    j.end_object();
    true
}

/// Checks a received form's JSON shape (encoding an incoming payload back: tests, tools).
pub fn received(v: &Value) -> Result<&Map, ClientError> {
    v.as_object().ok_or_else(bad)
}

fn write_field<'a>(
    field: &Value,
    ns: &'a str,
    key: &Key<'_>,
    w: &mut XmlWriter<'a>,
) -> Result<(), ClientError> {
    let field = field.as_object().ok_or_else(bad)?;
    w.start("field", ns);
    for attr in ["var", "type", "label"] {
        if let Some(v) = text(field.get(attr), key)? {
            w.attr(attr, v);
        }
    }
    if let Some(d) = text(field.get("description"), key)? {
        w.start("desc", ns);
        w.text(d);
        w.end();
    }
    if field.get("required") == Some(&Value::Bool(true)) {
        w.start("required", ns);
        w.end();
    }
    let values: Vec<String> = match field.get("value") {
        None | Some(Value::Null) => Vec::new(),
        Some(Value::Array(a)) => a
            .iter()
            .map(|v| value_text(v, key))
            .collect::<Result<_, _>>()?,
        Some(v) => vec![value_text(v, key)?],
    };
    for v in &values {
        w.start("value", ns);
        w.text(v);
        w.end();
    }
    if let Some(options) = field.get("options") {
        for option in options.as_array().ok_or_else(bad)? {
            let option = option.as_object().ok_or_else(bad)?;
            w.start("option", ns);
            if let Some(label) = text(option.get("label"), key)? {
                w.attr("label", label);
            }
            w.start("value", ns);
            w.text(&value_text(option.get("value").ok_or_else(bad)?, key)?);
            w.end();
            w.end();
        }
    }
    w.end();
    Ok(())
}

fn write_fields<'a>(
    fields: Option<&Value>,
    ns: &'a str,
    key: &Key<'_>,
    w: &mut XmlWriter<'a>,
) -> Result<(), ClientError> {
    if let Some(fields) = fields {
        for field in fields.as_array().ok_or_else(bad)? {
            write_field(field, ns, key, w)?;
        }
    }
    Ok(())
}

/// Writes the content of a received form (encoding an incoming payload back): type
/// `result` when it has `reported` or `items`, else `form`; the spec's `FORM_TYPE`.
pub fn write_received<'a>(
    form: &Map,
    ns: &'a str,
    form_type: Option<&str>,
    key: &Key<'_>,
    w: &mut XmlWriter<'a>,
) -> Result<(), ClientError> {
    let non_empty = |k: &str| {
        form.get(k)
            .and_then(Value::as_array)
            .is_some_and(|a| !a.is_empty())
    };
    let tabular = form.contains_key("reported") || non_empty("items");
    w.attr("type", if tabular { "result" } else { "form" });
    for name in ["title", "instructions"] {
        if let Some(t) = text(form.get(name), key)? {
            w.start(name, ns);
            w.text(t);
            w.end();
        }
    }
    write_hidden_form_type(w, ns, form_type);
    write_fields(form.get("fields"), ns, key, w)?;
    if let Some(reported) = form.get("reported") {
        w.start("reported", ns);
        write_fields(Some(reported), ns, key, w)?;
        w.end();
    }
    if let Some(items) = form.get("items") {
        for item in items.as_array().ok_or_else(bad)? {
            w.start("item", ns);
            write_fields(Some(item), ns, key, w)?;
            w.end();
        }
    }
    Ok(())
}
