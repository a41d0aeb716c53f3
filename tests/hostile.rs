//! Hostile strings in every text field of every outgoing event: each must be
//! refused with a client error, or be written so that reading the stanza back
//! gives exactly the same string (no injection, no loss).

use serde_json::Value;
use xmpp_ftw_runtime::catalog::{Direction, TypeRef};
use xmpp_ftw_runtime::registry::{self, CATALOG};
use xmpp_ftw_runtime::session::Session;
use xmpp_ftw_tests::fixture::all_fixtures;
use xmpp_ftw_tests::xmlcmp::parse;

fn hostile_strings() -> Vec<String> {
    let mut v: Vec<String> = [
        "<",
        "&",
        "&amp;",
        "]]>",
        "\"'",
        "<evil/>",
        "</body><body>x",
        "<![CDATA[x]]>",
        "\u{0}",
        "\u{1}",
        "\u{1b}[31m",
        "\u{b}",
        "\u{fffe}",
        "a\r\nb",
        "\r",
        "\t\n",
        " leading and trailing ",
        "😀🧙‍♀️ ÇÅ 日本",
        "\u{202e}rtl",
        "&lt;script&gt;",
        "<script>alert(1)</script>",
        "x\u{7f}y",
        "\u{85}\u{2028}",
    ]
    .iter()
    .map(|s| (*s).to_owned())
    .collect();
    v.push("x".repeat(100_000));
    v.push("<&>".repeat(10_000));
    v
}

/// A payload the event accepts, from its first successful `out` fixture.
fn base_payload(event: &str) -> Option<(Value, Session)> {
    all_fixtures().into_iter().find_map(|f| {
        (f.event() == Some(event) && f.direction() == "out" && f.str("error").is_none())
            .then(|| (f.payload().clone(), f.session()))
    })
}

#[test]
fn hostile_text_is_refused_or_round_trips() {
    let mut checked = 0usize;
    let mut refused = 0usize;
    for event in CATALOG
        .events
        .iter()
        .filter(|e| e.directions.contains(&Direction::Out))
    {
        let Some((base, session)) = base_payload(event.name) else {
            panic!("{}: no successful out fixture to start from", event.name);
        };
        for field in event.fields_out {
            if !matches!(field.ty, TypeRef::String) || field.many || field.xml_path.is_empty() {
                continue;
            }
            for s in hostile_strings() {
                let mut payload = base.clone();
                payload[field.key] = Value::String(s.clone());
                let mut sess = Session::with_sequential_ids("h");
                for room in [
                    "coven@chat.shakespeare.lit",
                    "darkcave@chat.shakespeare.lit",
                ] {
                    if session.room(room).is_some() {
                        sess.join_room(room, "thirdwitch", false);
                    }
                }
                let what = format!("{} {} = {:?}", event.name, field.key, clip(&s));
                match registry::outgoing(event.name, &payload, true, &mut sess) {
                    Err(e) => {
                        assert!(!e.description.is_empty(), "{what}: empty error");
                        refused += 1;
                    }
                    Ok(out) => {
                        let tree = parse(&out.stanza.xml);
                        let back = registry::decode(event.name, Direction::Out, tree.root())
                            .unwrap_or_else(|| {
                                panic!("{what}: the written stanza reads as nothing")
                            });
                        let back: Value = serde_json::from_str(&back).expect("JSON");
                        assert_eq!(
                            back.get(field.key).and_then(Value::as_str),
                            Some(s.as_str()).filter(|s| !s.is_empty()),
                            "{what}: read back differently from {}",
                            clip(&out.stanza.xml)
                        );
                        checked += 1;
                    }
                }
            }
        }
    }
    assert!(
        checked > 100 && refused > 20,
        "checked {checked}, refused {refused}"
    );
}

fn clip(s: &str) -> String {
    s.chars().take(80).collect()
}
