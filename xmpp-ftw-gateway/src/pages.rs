//! The pages the gateway serves to people: `/manual` (every event of the specs, with
//! the fixtures' examples), `/demo` (a console to log in and send any event), the JS
//! client at `/client.js` and the chat example under `/examples/chat/`.
//!
//! Everything is in the binary: the manual and the demo's event list are rendered once
//! from [`registry::CATALOG`] and the examples the generated-docs test writes to
//! `docs/events.examples.json`, and the static files are embedded, so the pages work
//! offline and always describe exactly the events this build translates.

use http_body_util::Full;
use hyper::body::Bytes;
use hyper::header::{self, HeaderValue};
use hyper::{Response, StatusCode};
use serde_json::{Value, json};
use std::sync::OnceLock;
use xmpp_ftw_runtime::catalog::{self, Callback, Catalog, Direction, Example, FieldInfo};
use xmpp_ftw_runtime::registry::CATALOG;

const EXAMPLES: &str = include_str!("../../docs/events.examples.json");

/// Inline style and script are the manual's own (it is one self-contained document).
const MANUAL_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; \
     script-src 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'";
/// Pages whose scripts only come from the gateway and only talk to it.
const APP_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
     connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'";

const HTML: &str = "text/html; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const JSON: &str = "application/json";

struct Asset {
    path: &'static str,
    content_type: &'static str,
    body: &'static str,
}

const ASSETS: &[Asset] = &[
    Asset {
        path: "/demo",
        content_type: HTML,
        body: include_str!("../static/demo.html"),
    },
    Asset {
        path: "/demo.js",
        content_type: JS,
        body: include_str!("../static/demo.js"),
    },
    Asset {
        path: "/demo.css",
        content_type: CSS,
        body: include_str!("../static/demo.css"),
    },
    Asset {
        path: "/client.js",
        content_type: JS,
        body: include_str!("../../clients/js/src/index.js"),
    },
    Asset {
        path: "/examples/chat/",
        content_type: HTML,
        body: include_str!("../../examples/chat/index.html"),
    },
    Asset {
        path: "/examples/chat/chat.js",
        content_type: JS,
        body: include_str!("../../examples/chat/chat.js"),
    },
    Asset {
        path: "/examples/chat/chat.css",
        content_type: CSS,
        body: include_str!("../../examples/chat/chat.css"),
    },
];

struct Rendered {
    manual: String,
    events: String,
}

fn rendered() -> &'static Rendered {
    static RENDERED: OnceLock<Rendered> = OnceLock::new();
    RENDERED.get_or_init(|| {
        // The file is generated and checked by the tests; should it ever be unreadable
        // the pages still describe every event, only without examples.
        let examples = catalog::examples::parse(EXAMPLES).unwrap_or_else(|e| {
            tracing::warn!(error = %e, "docs/events.examples.json unreadable; pages without examples");
            Vec::new()
        });
        Rendered {
            manual: catalog::html::render(&CATALOG, &examples),
            events: events_json(&CATALOG, &examples).to_string(),
        }
    })
}

/// Whether `path` is one of the pages (GET only).
pub fn serves(path: &str) -> bool {
    matches!(path, "/" | "/manual" | "/events.json" | "/examples/chat")
        || ASSETS.iter().any(|asset| asset.path == path)
}

/// The response for a path [`serves`] said yes to (404 otherwise).
pub fn respond(path: &str) -> Response<Full<Bytes>> {
    match path {
        "/" => redirect("/demo"),
        "/examples/chat" => redirect("/examples/chat/"),
        "/manual" => page(HTML, MANUAL_POLICY, rendered().manual.clone()),
        "/events.json" => page(JSON, APP_POLICY, rendered().events.clone()),
        _ => match ASSETS.iter().find(|asset| asset.path == path) {
            Some(asset) => page(asset.content_type, APP_POLICY, asset.body),
            None => {
                let mut response = Response::new(Full::new(Bytes::from_static(b"not found")));
                *response.status_mut() = StatusCode::NOT_FOUND;
                response
            }
        },
    }
}

fn page(
    content_type: &'static str,
    policy: &'static str,
    body: impl Into<Bytes>,
) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(body.into()));
    let headers = response.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(policy),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    response
}

fn redirect(to: &'static str) -> Response<Full<Bytes>> {
    let mut response = Response::new(Full::new(Bytes::new()));
    *response.status_mut() = StatusCode::FOUND;
    response
        .headers_mut()
        .insert(header::LOCATION, HeaderValue::from_static(to));
    response
}

/// What the demo needs to offer every event: its doc, callback rule, keys and examples.
pub fn events_json(catalog: &Catalog, examples: &[Example]) -> Value {
    let events: Vec<Value> = catalog
        .events
        .iter()
        .map(|event| {
            let mine = |example: &&Example| {
                example.event == event.name || event.aliases.contains(&example.event.as_str())
            };
            let examples: Vec<Value> = examples
                .iter()
                .filter(mine)
                .map(|example| {
                    json!({
                        "direction": example.direction.as_str(),
                        "name": example.name,
                        "json": example.json,
                        "xml": example.xml,
                        "error": example.error,
                    })
                })
                .collect();
            json!({
                "name": event.name,
                "spec": event.spec,
                "doc": event.doc.split_whitespace().collect::<Vec<_>>().join(" "),
                "aliases": event.aliases,
                "directions": event.directions.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
                "callback": match event.callback {
                    Callback::Required => "required",
                    Callback::Optional => "optional",
                    Callback::None => "none",
                },
                "keys": if event.directions.contains(&Direction::Out) {
                    keys(event.fields_out)
                } else {
                    Vec::new()
                },
                "examples": examples,
            })
        })
        .collect();
    json!({ "events": events })
}

fn keys(fields: &[FieldInfo]) -> Vec<Value> {
    fields
        .iter()
        .map(|field| {
            json!({
                "key": field.key,
                "type": catalog::html::type_words(field),
                "required": field.required,
                "doc": field.doc.split_whitespace().collect::<Vec<_>>().join(" "),
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embedded_examples_parse() {
        let examples = catalog::examples::parse(EXAMPLES).expect("docs/events.examples.json");
        assert!(examples.len() > 20);
    }

    #[test]
    fn every_outgoing_event_is_offered_with_its_keys() {
        let examples = catalog::examples::parse(EXAMPLES).expect("examples");
        let value = events_json(&CATALOG, &examples);
        let events = value["events"].as_array().expect("events");
        assert_eq!(events.len(), CATALOG.events.len());
        for (event, info) in events.iter().zip(CATALOG.events) {
            assert_eq!(event["name"], info.name);
            if info.directions.contains(&Direction::Out) {
                assert_eq!(
                    event["keys"].as_array().map(Vec::len),
                    Some(info.fields_out.len())
                );
            }
        }
    }

    #[test]
    fn pages_are_served_with_a_policy() {
        for path in [
            "/manual",
            "/demo",
            "/demo.js",
            "/client.js",
            "/events.json",
            "/examples/chat/",
        ] {
            assert!(serves(path), "{path}");
            let response = respond(path);
            assert_eq!(response.status(), StatusCode::OK, "{path}");
            assert!(
                response
                    .headers()
                    .contains_key(header::CONTENT_SECURITY_POLICY)
            );
        }
        assert!(!serves("/etc/passwd"));
        assert!(!serves("/examples/chat/../../Cargo.toml"));
        assert_eq!(respond("/").status(), StatusCode::FOUND);
    }
}
