//! Renders the catalogue as the HTML manual the gateway serves at `/manual`.
//!
//! It says what the Markdown manual says, grouped by spec (XEP or RFC section): each
//! event with its keys, types, required flags and docs, and each fixture example with
//! its JSON beside the XML it becomes. The page is one self-contained document (inline
//! style and a small filter script) so it works offline and from any gateway path.

use super::common::{
    answer_text, callback_word, contributes_to, direction_heading, direction_label, event_anchor,
    examples_for, exclusive_error, mode_chooser, orphan_specs, plain_type_text, single_line,
    spec_only_share, type_anchor,
};
use super::{
    Callback, Catalog, Direction, EventInfo, Example, FieldInfo, ResultInfo, SpecInfo, TypeInfo,
    TypeKind, TypeRef,
};
use std::fmt::Write;

const STYLE: &str = include_str!("manual.css");
const SCRIPT: &str = include_str!("manual.js");

/// The whole manual as an HTML document; `examples` are fixtures, shown under their
/// event and direction.
pub fn render(catalog: &Catalog, examples: &[Example]) -> String {
    let mut out = String::new();
    out.push_str("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.push_str("<title>XMPP-FTW manual</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>\n");
    out.push_str(STYLE);
    out.push_str("</style>\n</head>\n<body>\n");
    header(&mut out, catalog);
    out.push_str("<div class=\"layout\">\n");
    nav(&mut out, catalog);
    out.push_str("<main>\n");
    for spec in catalog.specs {
        spec_section(&mut out, catalog, spec.id, Some(spec), examples);
    }
    for spec_id in orphan_specs(catalog) {
        spec_section(&mut out, catalog, spec_id, None, examples);
    }
    types_section(&mut out, catalog);
    out.push_str("</main>\n</div>\n<script>\n");
    out.push_str(SCRIPT);
    out.push_str("</script>\n</body>\n</html>\n");
    out
}

fn header(out: &mut String, catalog: &Catalog) {
    let (spec_only, total, percent) = spec_only_share(catalog);
    let _ = write!(
        out,
        "<header>\n<h1>XMPP-FTW events</h1>\n<p>{total} events from {specs} spec files, \
         generated from the same specs as the gateway's translators. <em>Out</em> events \
         travel from the browser to the gateway (JSON in, XML stanza out), <em>in</em> \
         events from the gateway to the browser. A JID is a string such as \
         <code>juliet@example.com/balcony</code> going out and an object \
         <code>{{user, domain, resource}}</code> coming in. {spec_only} of {total} events \
         ({percent}%) are translated by their specs alone. Try them in the \
         <a href=\"demo\">demo</a>.</p>\n\
         <input id=\"filter\" type=\"search\" placeholder=\"Filter events, e.g. muc.join\" \
         autocomplete=\"off\" aria-label=\"Filter events\">\n</header>\n",
        specs = catalog.specs.len(),
    );
}

fn nav(out: &mut String, catalog: &Catalog) {
    out.push_str("<nav>\n");
    let mut groups: Vec<(String, &str)> = catalog
        .specs
        .iter()
        .map(|spec| (format!("{} {}", spec.id, single_line(spec.title)), spec.id))
        .collect();
    groups.extend(
        orphan_specs(catalog)
            .into_iter()
            .map(|id| (id.to_owned(), id)),
    );
    for (label, id) in groups {
        let _ = writeln!(
            out,
            "<h2><a href=\"#spec-{id}\">{}</a></h2>\n<ul>",
            esc(&label),
            id = esc(id)
        );
        for event in catalog.events.iter().filter(|e| e.spec == id) {
            let _ = writeln!(
                out,
                "<li data-event=\"{name}\"><a href=\"#{anchor}\">{name}</a></li>",
                name = esc(event.name),
                anchor = event_anchor(event.name)
            );
        }
        out.push_str("</ul>\n");
    }
    out.push_str("<h2><a href=\"#types\">Types</a></h2>\n</nav>\n");
}

fn spec_section(
    out: &mut String,
    catalog: &Catalog,
    id: &str,
    spec: Option<&SpecInfo>,
    examples: &[Example],
) {
    let _ = writeln!(out, "<section class=\"spec\" id=\"spec-{}\">", esc(id));
    match spec {
        Some(spec) => {
            let _ = writeln!(
                out,
                "<h2>{} <span class=\"title\">{}</span></h2>",
                spec_link(spec),
                esc(&single_line(spec.title))
            );
            let mut facts = Vec::new();
            if !spec.version.is_empty() {
                facts.push(format!("version {}", esc(spec.version)));
            }
            facts.push(format!("<code>{}</code>", esc(spec.file)));
            if !spec.features.is_empty() {
                facts.push(format!("features {}", code_list(spec.features)));
            }
            let _ = writeln!(out, "<p class=\"facts\">{}</p>", facts.join(" · "));
        }
        None => {
            let _ = writeln!(out, "<h2><code>{}</code></h2>", esc(id));
        }
    }
    let extended: Vec<String> = catalog
        .events
        .iter()
        .filter(|event| event.spec != id && contributes_to(id, event))
        .map(|event| event_link(event.name))
        .collect();
    if !extended.is_empty() {
        let _ = writeln!(out, "<p>Adds keys to {}.</p>", extended.join(", "));
    }
    for event in catalog.events.iter().filter(|e| e.spec == id) {
        event_section(out, event, examples);
    }
    out.push_str("</section>\n");
}

fn event_section(out: &mut String, event: &EventInfo, examples: &[Example]) {
    let _ = writeln!(
        out,
        "<article class=\"event\" id=\"{}\" data-event=\"{}\">\n<h3><code>{}</code></h3>",
        event_anchor(event.name),
        esc(event.name),
        esc(event.name)
    );
    if !event.doc.trim().is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(event.doc.trim()));
    }
    out.push_str("<dl class=\"facts\">\n");
    let directions: Vec<&str> = event
        .directions
        .iter()
        .map(|&d| direction_label(d))
        .collect();
    fact(out, "Directions", &esc(&directions.join(", ")));
    fact(out, "Stanzas", &code_list(event.stanzas));
    if let Some(iq) = event.iq {
        fact(out, "IQ type", &code(iq));
    }
    fact(out, "Callback", &callback_text(event.callback));
    if let Some(answer) = &event.answer {
        fact(out, "Answer", &answer_text(answer, code, event_link));
    }
    if !event.aliases.is_empty() {
        fact(out, "Aliases", &code_list(event.aliases));
    }
    if !event.hooks.is_empty() {
        let hooks: Vec<String> = event
            .hooks
            .iter()
            .map(|(kind, path)| format!("{} → {}", code(kind), code(path)))
            .collect();
        fact(out, "Hooks", &hooks.join(", "));
    }
    for group in event.groups {
        fact(
            out,
            "At least one of",
            &format!(
                "{}, otherwise the request fails with {}",
                code_list(group.keys),
                code(group.error)
            ),
        );
    }
    for keys in event.exclusive {
        fact(
            out,
            "At most one of",
            &format!(
                "{}, otherwise the request fails with {}",
                code_list(keys),
                code(&exclusive_error(keys))
            ),
        );
    }
    out.push_str("</dl>\n");
    for &direction in event.directions {
        direction_section(out, event, direction, "h4", examples);
    }
    for (key, mode) in event.modes {
        let _ = writeln!(
            out,
            "<h4>With <code>{}</code></h4>",
            esc(&mode_chooser(key, mode))
        );
        let _ = writeln!(out, "<p>{}</p>", esc(mode.doc.trim()));
        for &direction in mode.directions {
            direction_section(out, mode, direction, "h5", &[]);
        }
    }
    out.push_str("</article>\n");
}

/// The keys of one direction under a `<tag>` heading (`h5` in a mode), the result
/// going out, and the examples.
fn direction_section(
    out: &mut String,
    event: &EventInfo,
    direction: Direction,
    tag: &str,
    examples: &[Example],
) {
    let _ = writeln!(out, "<{tag}>{}</{tag}>", direction_heading(direction));
    let fields = match direction {
        Direction::Out => event.fields_out,
        Direction::In => event.fields_in,
    };
    field_table(out, fields, event.spec);
    if direction == Direction::Out {
        result_section(out, event);
    }
    for example in examples_for(event, direction, examples) {
        example_block(out, example);
    }
}

fn fact(out: &mut String, term: &str, html: &str) {
    let _ = writeln!(out, "<dt>{term}</dt><dd>{html}</dd>");
}

fn callback_text(callback: Callback) -> String {
    let why = match callback {
        Callback::Required => "without one the request fails with <code>Missing callback</code>",
        Callback::Optional => {
            "it receives errors and the result; without one, errors are emitted as \
             <code>xmpp.error.client</code>"
        }
        Callback::None => "fire and forget, a callback is ignored",
    };
    format!("{} — {why}", callback_word(callback))
}

fn result_section(out: &mut String, event: &EventInfo) {
    let text = match event.result {
        ResultInfo::Nothing if event.callback == Callback::None => return,
        ResultInfo::Nothing => "The callback receives no result data.",
        ResultInfo::True => "On success the callback receives <code>true</code>.",
        ResultInfo::StanzaId => {
            "On success the callback receives <code>{id}</code>, the id of the stanza that \
             was sent."
        }
        ResultInfo::Object(_) => "On success the callback receives an object:",
        ResultInfo::List(_) => {
            "On success the callback receives an array of objects, one per item:"
        }
        ResultInfo::Value(_) => "On success the callback receives one value:",
    };
    let _ = writeln!(
        out,
        "<p class=\"result\"><strong>Result.</strong> {text}</p>"
    );
    match event.result {
        ResultInfo::Object(fields) | ResultInfo::List(fields) => {
            field_table(out, fields, event.spec);
        }
        ResultInfo::Value(field) => field_table(out, std::slice::from_ref(field), event.spec),
        _ => {}
    }
}

fn example_block(out: &mut String, example: &Example) {
    let _ = writeln!(
        out,
        "<div class=\"example\">\n<h5>Example: {}</h5>\n<div class=\"pair\">\n\
         <pre class=\"json\">{}</pre>",
        esc(&example.name),
        esc(example.json.trim_end())
    );
    if let Some(xml) = &example.xml {
        let _ = writeln!(out, "<pre class=\"xml\">{}</pre>", esc(xml.trim_end()));
    }
    out.push_str("</div>\n");
    if let Some(error) = &example.error {
        let _ = writeln!(
            out,
            "<p class=\"refused\">The request fails with {}.</p>",
            code(error)
        );
    }
    out.push_str("</div>\n");
}

fn field_table(out: &mut String, fields: &[FieldInfo], owner_spec: &str) {
    if fields.is_empty() {
        out.push_str("<p>No keys.</p>\n");
        return;
    }
    out.push_str(
        "<table>\n<thead><tr><th>key</th><th>type</th><th>required</th><th>default</th>\
         <th>description</th></tr></thead>\n<tbody>\n",
    );
    for field in fields {
        let mut description = Vec::new();
        if !field.doc.trim().is_empty() {
            description.push(esc(&single_line(field.doc)));
        }
        if let Some(max) = field.max_len {
            description.push(format!("At most {max} characters."));
        }
        if !field.xml_path.is_empty() {
            description.push(format!("XML: {}.", code(field.xml_path)));
        }
        if field.spec != owner_spec {
            description.push(format!(
                "<span class=\"from\">(from {})</span>",
                esc(field.spec)
            ));
        }
        let ty = type_html(field.ty);
        let ty = if field.many {
            format!("array of {ty}")
        } else {
            ty
        };
        let _ = writeln!(
            out,
            "<tr><td><code>{}</code></td><td>{ty}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
            esc(field.key),
            if field.required { "yes" } else { "no" },
            field.default.map(code).unwrap_or_default(),
            description.join(" ")
        );
    }
    out.push_str("</tbody>\n</table>\n");
}

/// A field's type in words without markup (`one of: chat, normal`, `array of JID`), for
/// pages that show keys outside the manual, such as the demo's key list.
pub fn type_words(field: &FieldInfo) -> String {
    let words = match field.ty {
        TypeRef::Named(info) => match &info.kind {
            TypeKind::Enum { values } | TypeKind::ElementName { values, .. } => {
                format!("one of: {}", values.join(", "))
            }
            TypeKind::Object { .. } => format!("object {}", info.name),
        },
        other => plain_type_text(other),
    };
    if field.many {
        format!("array of {words}")
    } else {
        words
    }
}

fn type_html(ty: TypeRef) -> String {
    let TypeRef::Named(info) = ty else {
        return esc(&plain_type_text(ty));
    };
    let link = format!(
        "<a href=\"#{}\">{}</a>",
        type_anchor(info.name),
        esc(info.name)
    );
    match &info.kind {
        TypeKind::Enum { values } | TypeKind::ElementName { values, .. } => {
            format!("one of: {} ({link})", code_list(values))
        }
        TypeKind::Object { .. } => format!("object {link}"),
    }
}

fn types_section(out: &mut String, catalog: &Catalog) {
    out.push_str("<section class=\"types\" id=\"types\">\n<h2>Types</h2>\n");
    for info in catalog.types {
        type_section(out, catalog.specs, info);
    }
    out.push_str("</section>\n");
}

fn type_section(out: &mut String, specs: &[SpecInfo], info: &TypeInfo) {
    let _ = writeln!(
        out,
        "<article class=\"type\" id=\"{}\">\n<h3><code>{}</code></h3>",
        type_anchor(info.name),
        esc(info.name)
    );
    if !info.doc.trim().is_empty() {
        let _ = writeln!(out, "<p>{}</p>", esc(info.doc.trim()));
    }
    let spec = match specs.iter().find(|spec| spec.id == info.spec) {
        Some(spec) => spec_link(spec),
        None => code(info.spec),
    };
    out.push_str("<dl class=\"facts\">\n");
    fact(out, "Spec", &spec);
    match &info.kind {
        TypeKind::Enum { values } => {
            fact(out, "Kind", "enum");
            fact(out, "Values", &code_list(values));
            out.push_str("</dl>\n");
        }
        TypeKind::ElementName { ns, values } => {
            fact(
                out,
                "Kind",
                &format!("element name in namespace {}", code(ns)),
            );
            fact(out, "Values", &code_list(values));
            out.push_str("</dl>\n");
        }
        TypeKind::Object {
            fields_out,
            fields_in,
        } => {
            fact(out, "Kind", "object");
            out.push_str("</dl>\n");
            for (direction, fields) in [(Direction::Out, fields_out), (Direction::In, fields_in)] {
                if !fields.is_empty() {
                    let _ = writeln!(out, "<h4>{}</h4>", direction_heading(direction));
                    field_table(out, fields, info.spec);
                }
            }
        }
    }
    out.push_str("</article>\n");
}

fn spec_link(spec: &SpecInfo) -> String {
    if spec.source.is_empty() {
        code(spec.id)
    } else {
        format!("<a href=\"{}\">{}</a>", esc(spec.source), code(spec.id))
    }
}

fn event_link(name: &str) -> String {
    format!("<a href=\"#{}\">{}</a>", event_anchor(name), code(name))
}

fn code(text: &str) -> String {
    format!("<code>{}</code>", esc(&single_line(text)))
}

fn code_list(items: &[&str]) -> String {
    items
        .iter()
        .map(|item| code(item))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Escapes text for element content and double-quoted attributes.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample::{self, MOOD_SPEC, STATE};

    static EVENTS: [EventInfo; 2] = [
        EventInfo {
            spec: "rfc6121-chat",
            fields_out: &[STATE],
            ..sample::CHAT_MESSAGE
        },
        sample::ROSTER_GET,
    ];

    static CATALOG: Catalog = sample::catalog(&EVENTS);

    fn manual() -> String {
        let examples = vec![
            Example {
                xml: Some("<message to='a@b'><body>&lt;script&gt;</body></message>".into()),
                ..sample::example(
                    Direction::Out,
                    "chat/<hostile>",
                    "{\"content\": \"<script>\"}",
                )
            },
            sample::refused(),
        ];
        render(&CATALOG, &examples)
    }

    #[test]
    fn is_one_document_grouped_by_spec() {
        let text = manual();
        assert!(text.starts_with("<!doctype html>\n"));
        assert!(text.ends_with("</html>\n"));
        let chat = text
            .find("id=\"spec-rfc6121-chat\"")
            .expect("chat spec section");
        let event = text.find("id=\"event-xmpp-chat-message\"").expect("event");
        assert!(chat < event);
        // The roster event's spec has no header, yet it still gets a section.
        assert!(text.contains("<section class=\"spec\" id=\"spec-rfc6121\">"));
        assert!(text.contains("<li data-event=\"xmpp.roster.get\">"));
        assert!(!text.contains("http://") && !text.contains("src=\"http"));
    }

    #[test]
    fn keys_show_type_required_default_and_origin() {
        let text = manual();
        assert!(text.contains(
            "<tr><td><code>state</code></td><td>one of: <code>happy</code>, <code>grumpy</code> \
             (<a href=\"#type-mood\">mood</a>)</td><td>no</td><td><code>&quot;happy&quot;</code></td>"
        ));
        assert!(text.contains(&format!("(from {MOOD_SPEC})")));
        assert!(text.contains("Adds keys to <a href=\"#event-xmpp-chat-message\">"));
        assert!(text.contains("<dt>Callback</dt><dd>required — without one"));
    }

    #[test]
    fn examples_put_json_beside_escaped_xml() {
        let text = manual();
        assert!(text.contains(
            "<h5>Example: chat/&lt;hostile&gt;</h5>\n<div class=\"pair\">\n\
             <pre class=\"json\">{&quot;content&quot;: &quot;&lt;script&gt;&quot;}</pre>\n\
             <pre class=\"xml\">&lt;message to=&#39;a@b&#39;&gt;&lt;body&gt;&amp;lt;script&amp;gt;"
        ));
        assert!(!text.contains("<script>\"}"));
        assert!(text.contains("The request fails with <code>Message has no content</code>."));
    }

    #[test]
    fn output_is_stable() {
        assert_eq!(manual(), manual());
    }
}
