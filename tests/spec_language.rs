//! The spec-language reference `docs/spec-language.md` and its examples.
//!
//! The example specs in `tests/spec-language/*.toml` are compiled into their own
//! registry (module `examples`), their fixtures in `tests/spec-language/fixtures/`
//! become one test each, and the tests in `reference` check that the page quotes
//! them exactly: every TOML block is an excerpt of an example spec, every JSON/XML
//! pair is a fixture, every example spec is shown, and every construct section
//! has an example.

use std::path::{Path, PathBuf};

mod examples {
    xmpp_ftw_macros::include_specs!(dir = "spec-language", hooks = crate::example_hooks);
}

/// The hooks `tests/spec-language/hooks.toml` names, as `demo::<function>`.
mod example_hooks {
    pub mod demo {
        use serde_json::Value;
        use xmpp_ftw_runtime::error::ClientError;
        use xmpp_ftw_runtime::json_in::Map;
        use xmpp_ftw_runtime::json_out::split_jid;
        use xmpp_ftw_runtime::session::Session;
        use xmpp_ftw_runtime::xml::Elem;

        /// `after_send`: remember the room and nickname just entered.
        pub fn remember_room(session: &mut Session, data: &Map) {
            let room = data.get("room").and_then(Value::as_str);
            let nick = data.get("nick").and_then(Value::as_str);
            if let (Some(room), Some(nick)) = (room, nick) {
                session.join_room(room, nick, false);
            }
        }

        /// `before_send`: refuse rooms not entered, and sign with the nickname used there.
        pub fn sign_with_nick(session: &mut Session, data: &mut Map) -> Result<(), ClientError> {
            let Some(room) = data.get("room").and_then(Value::as_str) else {
                return Ok(()); // the generated check reports the missing key
            };
            let nick = session
                .room(room)
                .ok_or_else(ClientError::not_in_room)?
                .nick
                .clone();
            data.insert("nick".to_owned(), Value::String(nick));
            Ok(())
        }

        /// `guard`: only stanzas from a room the user is in.
        pub fn from_joined_room(session: &Session, stanza: Elem<'_>) -> bool {
            stanza
                .attr("from")
                .is_some_and(|from| session.room(split_jid(from).bare(from)).is_some())
        }
    }
}

fn example_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("spec-language/fixtures")
}

const EXAMPLES: xmpp_ftw_tests::Registry = xmpp_ftw_tests::registry_of!(examples, example_fixtures);

fn run_example(name: &str) {
    xmpp_ftw_tests::run_fixture_with(&EXAMPLES, name)
}

xmpp_ftw_macros::fixture_tests!(dir = "spec-language/fixtures", runner = run_example);

/// The example registry's own coverage guard, as `tests/coverage.rs` is the project's.
mod coverage {
    use super::{example_fixtures, examples};
    use std::collections::BTreeSet;
    use xmpp_ftw_tests::fixture::{Fixture, fixture_names, uncovered};

    fn fixtures() -> Vec<Fixture> {
        let dir = example_fixtures();
        fixture_names(&dir)
            .iter()
            .map(|n| Fixture::load(&dir, n))
            .collect()
    }

    #[test]
    fn every_example_event_direction_has_a_fixture() {
        let missing = uncovered(&examples::CATALOG, &fixtures());
        assert!(missing.is_empty(), "without a fixture: {missing:?}");
    }

    #[test]
    fn fixture_folders_are_example_spec_ids() {
        let folders: BTreeSet<String> = fixtures().iter().map(|f| f.spec().to_owned()).collect();
        let specs: BTreeSet<String> = examples::CATALOG
            .specs
            .iter()
            .map(|s| s.id.to_owned())
            .collect();
        assert_eq!(
            folders, specs,
            "fixture folders and example spec ids differ"
        );
    }
}

/// Behaviour the fixture format cannot show: acknowledgements, IQ replies to
/// pushes, hooks across requests, and what the catalogue and manual say.
mod behaviour {
    use super::examples;
    use serde_json::json;
    use xmpp_ftw_runtime::session::Session;
    use xmpp_ftw_runtime::translate::Reply;

    fn session() -> Session {
        let mut s = Session::with_sequential_ids("id-");
        s.set_jid("romeo@montague.lit/orchard");
        s
    }

    fn reply(event: &str, data: serde_json::Value, callback: bool) -> Reply {
        examples::outgoing(event, &data, callback, &mut session())
            .unwrap_or_else(|e| panic!("{event}: {}", e.description))
            .reply
    }

    #[test]
    fn callbacks_receive_what_ack_says() {
        let to = json!({ "to": "juliet@capulet.lit", "hand": "left" });
        assert!(matches!(
            reply("example.events.wave", to, true),
            Reply::Nothing
        ));
        let post = json!({ "to": "juliet@capulet.lit", "text": "Hi" });
        assert!(matches!(
            reply("example.events.post", post.clone(), true),
            Reply::StanzaId
        ));
        assert!(matches!(
            reply("example.events.post", post, false),
            Reply::StanzaId
        ));
        let slot = json!({ "to": "juliet@capulet.lit", "slot": "10:00" });
        assert!(matches!(
            reply("example.events.confirm", slot, true),
            Reply::True
        ));
        let time = json!({ "to": "juliet@capulet.lit/balcony" });
        assert!(matches!(reply("example.iq.time", time, true), Reply::Iq(_)));
        // The same IQ event asks (and waits) or answers (and is done once sent).
        let ask = json!({ "to": "juliet@capulet.lit/balcony", "text": "Wherefore?" });
        assert!(matches!(
            reply("example.answers.question", ask, true),
            Reply::Iq(_)
        ));
        let answer = json!({ "to": "juliet@capulet.lit/balcony", "type": "result", "id": "q1" });
        assert!(matches!(
            reply("example.answers.question", answer, true),
            Reply::True
        ));
    }

    #[test]
    fn reply_result_acknowledges_a_push_at_once() {
        let push = r#"<iq xmlns="jabber:client" type="set" id="s1" from="romeo@montague.lit"><setting xmlns="urn:example:settings" name="theme">dark</setting></iq>"#;
        let tree = xmpp_ftw_tests::xmlcmp::parse(push);
        let got = examples::incoming(tree.root(), &session()).expect("the push is an event");
        let answer = got.reply.expect("reply = \"result\" answers");
        xmpp_ftw_tests::xmlcmp::compare(
            &answer,
            r#"<iq type="result" id="s1" to="romeo@montague.lit"/>"#,
        )
        .unwrap_or_else(|e| panic!("{e}: {answer}"));
        let note = r#"<message xmlns="jabber:client" from="juliet@capulet.lit"><note xmlns="urn:example:note">Hi</note></message>"#;
        let tree = xmpp_ftw_tests::xmlcmp::parse(note);
        let got = examples::incoming(tree.root(), &session()).expect("a note");
        assert_eq!(got.reply, None, "only reply = \"result\" answers");
    }

    #[test]
    fn after_send_state_reaches_the_next_request() {
        let mut sess = session();
        let shout = json!({ "room": "coven@chat.shakespeare.lit", "text": "Double, double" });
        let refused = examples::outgoing("example.hooks.shout", &shout, false, &mut sess);
        assert_eq!(
            refused.map(|o| o.stanza.xml).map_err(|e| e.description),
            Err("Not registered with this room".to_owned())
        );
        let enter = json!({ "room": "coven@chat.shakespeare.lit", "nick": "thirdwitch" });
        examples::outgoing("example.hooks.enter", &enter, false, &mut sess).expect("enters");
        let out = examples::outgoing("example.hooks.shout", &shout, false, &mut sess)
            .expect("the room is remembered");
        assert!(
            out.stanza.xml.contains(r#"by="thirdwitch""#),
            "{}",
            out.stanza.xml
        );
    }

    #[test]
    fn the_catalogue_and_manual_list_hooks_features_and_aliases() {
        let event = |name: &str| {
            examples::CATALOG
                .events
                .iter()
                .find(|e| e.name == name)
                .unwrap_or_else(|| panic!("no event {name}"))
        };
        assert_eq!(
            event("example.hooks.shout").hooks,
            &[
                ("before_send", "demo::sign_with_nick"),
                ("guard", "demo::from_joined_room")
            ]
        );
        assert_eq!(
            event("example.events.post").aliases,
            &["example.events.publish"]
        );
        assert_eq!(examples::FEATURES, &["urn:example:ping"]);
        let manual = xmpp_ftw_runtime::catalog::markdown::render(&examples::CATALOG, &[]);
        assert!(manual.contains("## Runtime hooks"));
        for hook in [
            "demo::remember_room",
            "demo::sign_with_nick",
            "demo::from_joined_room",
        ] {
            assert!(manual.contains(hook), "the manual does not list {hook}");
        }
    }

    /// The browser's answer to `example.answered.request`, built as the gateway builds
    /// it, is the `approve` fixture's stanza; the catalogue and manual say so.
    #[test]
    fn an_answer_becomes_the_named_outgoing_event() {
        let dir = super::example_fixtures().join("example-answered");
        let read = |name: &str| {
            std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
        };
        let tree = xmpp_ftw_tests::xmlcmp::parse(&read("request.xml"));
        let got = examples::incoming(tree.root(), &session()).expect("the request is an event");
        let answer = got.answer.expect("the request is answered");
        assert_eq!(answer.event, "example.answered.approve");
        let payload = answer.payload(json!(true));
        assert_eq!(
            payload,
            json!({ "to": "approvals.shakespeare.lit", "id": "req1", "approved": true })
        );
        let out = examples::outgoing(answer.event, &payload, false, &mut session())
            .unwrap_or_else(|e| panic!("{}", e.description));
        xmpp_ftw_tests::xmlcmp::compare(&out.stanza.xml, &read("approve.xml"))
            .unwrap_or_else(|e| panic!("{e}: {}", out.stanza.xml));
        // Events without `answer` carry none.
        let note = r#"<message xmlns="jabber:client" from="juliet@capulet.lit"><note xmlns="urn:example:note">Hi</note></message>"#;
        let tree = xmpp_ftw_tests::xmlcmp::parse(note);
        let got = examples::incoming(tree.root(), &session()).expect("a note");
        assert_eq!(got.answer, None);

        let info = examples::CATALOG
            .events
            .iter()
            .find(|e| e.name == "example.answered.request")
            .and_then(|e| e.answer.as_ref())
            .expect("the catalogue knows the answer");
        assert_eq!(
            (info.event, info.key, info.copy),
            (
                "example.answered.approve",
                "approved",
                &[("to", "from"), ("id", "id")][..]
            )
        );
        let manual = xmpp_ftw_runtime::catalog::markdown::render(&examples::CATALOG, &[]);
        assert!(
            manual.contains(
                "- Answer: the browser answers with [`example.answered.approve`](#event-example-answered-approve)"
            ),
            "the manual does not say how the browser answers"
        );
    }

    #[test]
    fn extensions_are_listed_under_the_extended_event_with_their_spec() {
        let note = examples::CATALOG
            .events
            .iter()
            .find(|e| e.name == "example.note")
            .expect("the tour's note");
        let added = note
            .fields_out
            .iter()
            .find(|f| f.key == "important")
            .expect("the extension's key");
        assert_eq!(added.spec, "example-extend");
        assert_eq!(note.spec, "example-tour");
    }
}

/// Checks of `docs/spec-language.md` against the example specs and fixtures.
mod reference {
    use super::example_fixtures;
    use std::collections::BTreeSet;
    use std::path::{Path, PathBuf};
    use xmpp_ftw_tests::fixture::Fixture;

    /// Sections that describe rather than show: no example spec of their own.
    const DESCRIPTIVE: &[&str] = &["Contents", "Compile-time errors", "Generated documentation"];

    fn repo() -> PathBuf {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
    }

    /// One piece of the page that the checks look at, with its 1-based line.
    #[derive(Debug)]
    enum Item {
        Heading(String),
        Code { lang: String, body: Vec<String> },
        Fixture(String),
        Text(String),
    }

    fn page() -> Vec<(usize, Item)> {
        let path = repo().join("docs/spec-language.md");
        let text =
            std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        let mut items = Vec::new();
        let mut lines = text.lines().enumerate();
        while let Some((i, line)) = lines.next() {
            let n = i + 1;
            if let Some(lang) = line.strip_prefix("```") {
                let mut body = Vec::new();
                loop {
                    let (_, l) = lines
                        .next()
                        .unwrap_or_else(|| panic!("line {n}: unclosed code block"));
                    if l == "```" {
                        break;
                    }
                    body.push(l.to_owned());
                }
                let lang = lang.to_owned();
                items.push((n, Item::Code { lang, body }));
            } else if let Some(title) = line.strip_prefix("## ") {
                items.push((n, Item::Heading(title.to_owned())));
            } else if let Some(rest) = line.strip_prefix("<!-- fixture: ") {
                let name = rest
                    .strip_suffix(" -->")
                    .unwrap_or_else(|| panic!("line {n}: malformed fixture comment"));
                items.push((n, Item::Fixture(name.to_owned())));
            } else if !line.trim().is_empty() {
                items.push((n, Item::Text(line.to_owned())));
            }
        }
        items
    }

    /// `# file: <path>` / `// file: <path>` on a block's first line.
    fn quoted_file(body: &[String]) -> Option<&str> {
        let first = body.first()?;
        first
            .strip_prefix("# file: ")
            .or_else(|| first.strip_prefix("// file: "))
    }

    fn is_excerpt(excerpt: &[String], file: &str) -> bool {
        let trimmed = |s: &str| s.trim().to_owned();
        let want: Vec<String> = excerpt.iter().map(|l| trimmed(l)).collect();
        let have: Vec<String> = file.lines().map(trimmed).collect();
        !want.is_empty() && have.windows(want.len()).any(|w| w == want.as_slice())
    }

    #[test]
    fn code_blocks_quote_their_files() {
        let mut checked = 0;
        for (n, item) in page() {
            let Item::Code { lang, body } = item else {
                continue;
            };
            let Some(file) = quoted_file(&body) else {
                assert!(
                    lang != "toml",
                    "line {n}: a toml block must start with `# file: …`"
                );
                continue;
            };
            if lang == "toml" {
                assert!(
                    file.starts_with("tests/spec-language/") && file.ends_with(".toml"),
                    "line {n}: toml blocks quote example specs, not {file}"
                );
            }
            let text = std::fs::read_to_string(repo().join(file))
                .unwrap_or_else(|e| panic!("line {n}: {file}: {e}"));
            assert!(
                is_excerpt(&body[1..], &text),
                "line {n}: the block is not a contiguous excerpt of {file}"
            );
            checked += 1;
        }
        assert!(checked > 0, "no quoted files");
    }

    fn next_code(items: &mut std::slice::Iter<'_, (usize, Item)>, at: usize, lang: &str) -> String {
        match items.next() {
            Some((_, Item::Code { lang: l, body })) if l == lang => body.join("\n"),
            other => panic!("line {at}: expected a ```{lang} block, found {other:?}"),
        }
    }

    #[test]
    fn json_and_xml_blocks_are_fixtures() {
        let dir = example_fixtures();
        let items = page();
        let mut shown = 0;
        let mut iter = items.iter();
        while let Some((n, item)) = iter.next() {
            match item {
                Item::Fixture(name) => {
                    let f = Fixture::load(&dir, name);
                    let xml = || f.xml.as_deref().map(str::trim).unwrap_or_default();
                    if f.event().is_none() {
                        assert_eq!(next_code(&mut iter, *n, "xml"), xml(), "line {n}: {name}");
                    } else {
                        let json = serde_json::to_string_pretty(f.payload()).expect("JSON");
                        assert_eq!(next_code(&mut iter, *n, "json"), json, "line {n}: {name}");
                        match f.str("error") {
                            Some(error) => match iter.next() {
                                Some((_, Item::Text(t))) => {
                                    assert_eq!(*t, format!("Refused with `{error}`"), "line {n}")
                                }
                                other => panic!("line {n}: expected `Refused with`, {other:?}"),
                            },
                            None => {
                                assert_eq!(
                                    next_code(&mut iter, *n, "xml"),
                                    xml(),
                                    "line {n}: {name}"
                                )
                            }
                        }
                    }
                    shown += 1;
                }
                Item::Code { lang, .. } => assert!(
                    lang != "json" && lang != "xml",
                    "line {n}: a ```{lang} block that is not a fixture"
                ),
                _ => {}
            }
        }
        assert!(shown > 0, "no fixtures shown");
    }

    #[test]
    fn every_example_spec_is_shown() {
        let shown: BTreeSet<String> = page()
            .into_iter()
            .filter_map(|(_, item)| match item {
                Item::Code { lang, body } if lang == "toml" => {
                    quoted_file(&body).map(str::to_owned)
                }
                _ => None,
            })
            .collect();
        let dir = repo().join("tests/spec-language");
        let mut missing = Vec::new();
        for entry in std::fs::read_dir(&dir).expect("tests/spec-language") {
            let path = entry.expect("entry").path();
            if path.extension().is_some_and(|e| e == "toml") {
                let name = path.file_name().expect("name").to_string_lossy();
                let quoted = format!("tests/spec-language/{name}");
                if !shown.contains(&quoted) {
                    missing.push(quoted);
                }
            }
        }
        assert!(missing.is_empty(), "example specs not shown: {missing:?}");
    }

    /// Sections, each with the number of toml blocks it shows.
    fn sections() -> Vec<(usize, String, usize)> {
        let mut out: Vec<(usize, String, usize)> = Vec::new();
        for (n, item) in page() {
            match item {
                Item::Heading(title) => out.push((n, title, 0)),
                Item::Code { lang, .. } if lang == "toml" => {
                    if let Some(last) = out.last_mut() {
                        last.2 += 1;
                    }
                }
                _ => {}
            }
        }
        out
    }

    #[test]
    fn every_construct_section_has_an_example() {
        assert!(DESCRIPTIVE.len() <= 4, "keep the descriptive sections few");
        let sections = sections();
        for title in DESCRIPTIVE {
            assert!(
                sections.iter().any(|(_, t, _)| t == title),
                "no section {title:?}"
            );
        }
        for (n, title, examples) in &sections {
            if !DESCRIPTIVE.contains(&title.as_str()) {
                assert!(
                    *examples > 0,
                    "line {n}: section {title:?} shows no example spec"
                );
            }
        }
    }

    /// GitHub's heading anchors: lower case, spaces to hyphens, other punctuation dropped.
    fn anchor(title: &str) -> String {
        title
            .to_lowercase()
            .chars()
            .filter_map(|c| match c {
                ' ' => Some('-'),
                c if c.is_alphanumeric() || c == '-' || c == '_' => Some(c),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn contents_lists_every_section_and_links_resolve() {
        let items = page();
        let sections: Vec<String> = sections()
            .into_iter()
            .map(|(_, t, _)| t)
            .filter(|t| t != "Contents")
            .collect();
        let mut in_contents = false;
        let mut listed = Vec::new();
        for (_, item) in &items {
            match item {
                Item::Heading(t) => in_contents = t == "Contents",
                Item::Text(t) if in_contents => listed.push(t.clone()),
                _ => {}
            }
        }
        let want: Vec<String> = sections
            .iter()
            .map(|t| format!("- [{t}](#{})", anchor(t)))
            .collect();
        assert_eq!(listed, want, "the contents list");
        // Every in-page link names a heading.
        let anchors: BTreeSet<String> = sections.iter().map(|t| anchor(t)).collect();
        for (n, item) in &items {
            let Item::Text(t) = item else { continue };
            for part in t.split("](#").skip(1) {
                let target = part.split(')').next().unwrap_or_default();
                assert!(
                    anchors.contains(target),
                    "line {n}: no heading for #{target}"
                );
            }
        }
    }
}
