//! The fixture runner: one call per `tests/fixtures/<spec>/<case>.json`, as
//! described in `tests/fixtures/README.md`.

use crate::xmlcmp::{compare, parse};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use xmpp_ftw_runtime::catalog::Direction;
use xmpp_ftw_runtime::error::ClientError;
use xmpp_ftw_runtime::session::Session;
use xmpp_ftw_runtime::translate::{Incoming, IqAnswer, Outgoing, PendingIq};
use xmpp_ftw_runtime::xml::Elem;

/// The entry points of one generated registry (the project's, or a test's own
/// `include_specs!`), so one runner serves both.
#[derive(Clone, Copy)]
pub struct Registry {
    pub outgoing: fn(&str, &Value, bool, &mut Session) -> Result<Outgoing, ClientError>,
    pub incoming: fn(Elem<'_>, &Session) -> Option<Incoming>,
    pub encode: fn(&str, Direction, &Value, &mut Session) -> Result<String, ClientError>,
    pub decode: fn(&str, Direction, Elem<'_>) -> Option<String>,
    pub pending_iq: fn(&str, &Value) -> Option<PendingIq>,
    /// Folder holding `<spec>/<case>.json`.
    pub fixtures: fn() -> PathBuf,
}

/// The [`Registry`] of a module that invoked `include_specs!`, with its fixture folder:
/// `registry_of!(examples, example_fixtures)`.
#[macro_export]
macro_rules! registry_of {
    ($($module:ident)::+, $fixtures:expr) => {
        $crate::Registry {
            outgoing: $($module)::+::outgoing,
            incoming: $($module)::+::incoming,
            encode: $($module)::+::encode,
            decode: $($module)::+::decode,
            pending_iq: $($module)::+::pending_iq,
            fixtures: $fixtures,
        }
    };
}

/// The project's registry and `tests/fixtures/`.
pub const PROJECT: Registry = registry_of!(xmpp_ftw_runtime::registry, fixtures_dir);

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures")
}

/// Every fixture under `dir`, as `<spec>/<case>` names, sorted.
pub fn fixture_names(dir: &Path) -> Vec<String> {
    let mut names = Vec::new();
    let specs = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for spec in specs
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.is_dir())
    {
        let spec_name = spec
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let cases = std::fs::read_dir(&spec).unwrap_or_else(|e| panic!("{}: {e}", spec.display()));
        for case in cases.filter_map(Result::ok).map(|e| e.path()) {
            if case.extension().is_some_and(|e| e == "json")
                && let Some(stem) = case.file_stem()
            {
                names.push(format!("{spec_name}/{}", stem.to_string_lossy()));
            }
        }
    }
    names.sort();
    names
}

/// Every fixture of the project, loaded, plus those of the spec folders the registry
/// was built with (see [`private_fixture_dirs`]).
pub fn all_fixtures() -> Vec<Fixture> {
    let mut all = Vec::new();
    for dir in std::iter::once(fixtures_dir()).chain(private_fixture_dirs()) {
        all.extend(fixture_names(&dir).iter().map(|n| Fixture::load(&dir, n)));
    }
    all
}

/// The `fixtures/` folders of the deployer's spec folders that `XMPP_FTW_SPECS`
/// named when this crate (and so the registry) was built
/// (`docs/writing-a-spec.md`).
pub fn private_fixture_dirs() -> Vec<PathBuf> {
    let Some(list) = option_env!("XMPP_FTW_SPECS") else {
        return Vec::new();
    };
    std::env::split_paths(list)
        .map(|dir| dir.join("fixtures"))
        .filter(|dir| dir.is_dir())
        .collect()
}

/// The coverage guard's rule: every event direction of `catalog` needs a fixture
/// (IQ requests also a `result` one). Returns what is missing, as
/// `event (spec file) direction`.
pub fn uncovered(
    catalog: &xmpp_ftw_runtime::catalog::Catalog,
    fixtures: &[Fixture],
) -> Vec<String> {
    let have: std::collections::BTreeSet<(&str, &str)> = fixtures
        .iter()
        .filter_map(|f| Some((f.event()?, f.direction())))
        .collect();
    let mut missing = Vec::new();
    for event in catalog.events {
        let mut needed: Vec<&str> = event.directions.iter().map(|d| d.as_str()).collect();
        if event.iq.is_some() {
            needed.push("result");
        }
        for &dir in &needed {
            let found = std::iter::once(event.name)
                .chain(event.aliases.iter().copied())
                .any(|name| have.contains(&(name, dir)));
            if !found {
                missing.push(format!("{} ({}) {dir}", event.name, event.spec_file));
            }
        }
        // Each mode is a shape of its own: a fixture whose payload (for results,
        // whose `request`) chooses it.
        for (key, mode) in event.modes {
            for &dir in &needed {
                let found = fixtures.iter().any(|f| {
                    let chooser = if dir == "result" {
                        f.json.get("request")
                    } else {
                        f.json.get("payload")
                    };
                    // A flag mode is chosen by `key: true`, a mode with a field of
                    // that name by the key being there; refusals cover nothing.
                    let value = chooser.and_then(|p| p.get(*key));
                    let chooses = if mode.fields_out.iter().any(|k| k.key == *key) {
                        value.is_some_and(|v| !v.is_null())
                    } else {
                        value == Some(&Value::Bool(true))
                    };
                    f.event() == Some(event.name)
                        && f.direction() == dir
                        && f.json.get("error").is_none()
                        && chooses
                });
                if !found {
                    missing.push(format!(
                        "{} with {key}: true ({}) {dir}",
                        event.name, event.spec_file
                    ));
                }
            }
        }
    }
    missing
}

/// A fixture file's contents.
pub struct Fixture {
    pub name: String,
    pub json: Value,
    pub xml: Option<String>,
}

impl Fixture {
    pub fn load(dir: &Path, name: &str) -> Fixture {
        let base = dir.join(name);
        let json_path = base.with_extension("json");
        let text = std::fs::read_to_string(&json_path)
            .unwrap_or_else(|e| panic!("{}: {e}", json_path.display()));
        let json: Value =
            serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", json_path.display()));
        let xml = std::fs::read_to_string(base.with_extension("xml")).ok();
        Fixture {
            name: name.to_owned(),
            json,
            xml,
        }
    }

    /// The spec folder the fixture is in.
    pub fn spec(&self) -> &str {
        self.name.split_once('/').map_or("", |(s, _)| s)
    }

    pub fn str(&self, key: &str) -> Option<&str> {
        self.json.get(key).and_then(Value::as_str)
    }

    pub fn event(&self) -> Option<&str> {
        self.str("event")
    }

    pub fn direction(&self) -> &str {
        self.str("direction").unwrap_or("")
    }

    pub fn payload(&self) -> &Value {
        self.json.get("payload").unwrap_or(&Value::Null)
    }

    /// What XML→JSON gives back.
    pub fn decoded(&self) -> &Value {
        self.json.get("decoded").unwrap_or_else(|| self.payload())
    }

    pub fn session(&self) -> Session {
        let mut s = Session::with_sequential_ids("id-");
        let cfg = self.json.get("session");
        let jid = cfg
            .and_then(|c| c.get("jid"))
            .and_then(Value::as_str)
            .unwrap_or("romeo@montague.lit/orchard");
        s.set_jid(jid);
        if let Some(rooms) = cfg.and_then(|c| c.get("rooms")).and_then(Value::as_object) {
            for (room, nick) in rooms {
                s.join_room(room, nick.as_str().unwrap_or("nick"), false);
            }
        }
        // Requests still waiting for their reply: `[{ "event", "to", "id" }]`.
        let queries = cfg.and_then(|c| c.get("queries")).and_then(Value::as_array);
        for q in queries.into_iter().flatten() {
            let field = |k: &str| q.get(k).and_then(Value::as_str).unwrap_or_default();
            s.note_query(field("event"), field("to"), field("id"));
        }
        s
    }

    fn expect_xml(&self) -> &str {
        self.xml
            .as_deref()
            .unwrap_or_else(|| panic!("{}: no .xml file", self.name))
    }
}

fn parse_json(name: &str, text: &str) -> Value {
    serde_json::from_str(text)
        .unwrap_or_else(|e| panic!("{name}: generated JSON is invalid ({e}): {text}"))
}

/// Long values (fixtures of maximum-length strings) are cut in messages.
fn clip(s: &str) -> String {
    if s.len() <= 400 {
        return s.to_owned();
    }
    let mut end = 400;
    while !s.is_char_boundary(end) {
        end -= 1;
    }
    format!("{}… ({} bytes)", &s[..end], s.len())
}

fn assert_json(name: &str, what: &str, got: &Value, want: &Value) {
    assert!(
        got == want,
        "{name}: {what}\n  got:  {}\n  want: {}",
        clip(&got.to_string()),
        clip(&want.to_string())
    );
}

fn assert_xml(name: &str, what: &str, got: &str, want: &str) {
    if let Err(e) = compare(got, want) {
        panic!(
            "{name}: {what}: {}\n  got:  {}\n  want: {}",
            clip(&e),
            clip(got),
            clip(want.trim())
        );
    }
}

/// Runs one fixture; panics with a precise message on any difference.
pub fn run_fixture(name: &str) {
    run_fixture_with(&PROJECT, name);
}

/// Runs one fixture against `registry`.
pub fn run_fixture_with(registry: &Registry, name: &str) {
    run_fixture_in(registry, &(registry.fixtures)(), name);
}

/// Runs the fixture `<dir>/<name>.json` against `registry`.
pub fn run_fixture_in(registry: &Registry, dir: &Path, name: &str) {
    let f = Fixture::load(dir, name);
    assert!(
        f.str("doc").is_some_and(|d| !d.is_empty()),
        "{name}: missing doc"
    );
    match f.direction() {
        "out" => run_out(registry, &f),
        "in" => run_in(registry, &f),
        "result" => run_result(registry, &f),
        other => panic!("{name}: unknown direction {other:?}"),
    }
}

fn run_out(registry: &Registry, f: &Fixture) {
    let name = &f.name;
    let event = f
        .event()
        .unwrap_or_else(|| panic!("{name}: out fixtures need an event"));
    let callback = f
        .json
        .get("callback")
        .and_then(Value::as_bool)
        .unwrap_or(true);
    let mut sess = f.session();
    let result = (registry.outgoing)(event, f.payload(), callback, &mut sess);
    if let Some(want) = f.str("error") {
        match result {
            Err(e) => assert_eq!(e.description, want, "{name}: client error"),
            Ok(o) => panic!("{name}: expected error {want:?}, got {}", o.stanza.xml),
        }
        return;
    }
    let out = result.unwrap_or_else(|e| panic!("{name}: refused: {}", e.description));
    let want_xml = f.expect_xml();
    assert_xml(name, "JSON→XML", &out.stanza.xml, want_xml);

    let tree = parse(want_xml);
    let decoded = (registry.decode)(event, Direction::Out, tree.root())
        .unwrap_or_else(|| panic!("{name}: XML→JSON gave nothing"));
    let decoded = parse_json(name, &decoded);
    assert_json(name, "XML→JSON", &decoded, f.decoded());

    let again = (registry.encode)(event, Direction::Out, &decoded, &mut f.session())
        .unwrap_or_else(|e| panic!("{name}: round trip refused: {}", e.description));
    assert_xml(name, "JSON→XML→JSON→XML", &again, want_xml);
}

fn run_in(registry: &Registry, f: &Fixture) {
    let name = &f.name;
    let want_xml = f.expect_xml();
    let tree = parse(want_xml);
    let sess = f.session();
    let got = (registry.incoming)(tree.root(), &sess);
    let Some(event) = f.event() else {
        if let Some(got) = got {
            panic!("{name}: expected no event, got {} {}", got.event, got.data);
        }
        return;
    };
    let got = got.unwrap_or_else(|| panic!("{name}: the stanza became no event"));
    assert_eq!(got.event, event, "{name}: event");
    let data = parse_json(name, &got.data);
    assert_json(name, "XML→JSON", &data, f.payload());
    if f.json
        .get("lossy")
        .and_then(Value::as_bool)
        .unwrap_or(false)
    {
        return;
    }
    let mut enc_sess = f.session();
    let xml = (registry.encode)(event, Direction::In, f.payload(), &mut enc_sess)
        .unwrap_or_else(|e| panic!("{name}: JSON→XML refused: {}", e.description));
    assert_xml(name, "JSON→XML", &xml, want_xml);
    let tree = parse(&xml);
    let back = (registry.decode)(event, Direction::In, tree.root())
        .unwrap_or_else(|| panic!("{name}: round trip gave nothing"));
    assert_json(
        name,
        "XML→JSON→XML→JSON",
        &parse_json(name, &back),
        f.payload(),
    );
}

fn run_result(registry: &Registry, f: &Fixture) {
    let name = &f.name;
    let event = f
        .event()
        .unwrap_or_else(|| panic!("{name}: result fixtures need an event"));
    // The request's payload picks the event's mode, and so how the reply is read.
    let request = f.json.get("request").cloned().unwrap_or(Value::Null);
    let pending = (registry.pending_iq)(event, &request)
        .unwrap_or_else(|| panic!("{name}: {event} sends no IQ"));
    let tree = parse(f.expect_xml());
    let got = match pending.answer(tree.root()) {
        IqAnswer::Data { data, rsm } => {
            let mut got = json!({ "error": null, "data": parse_json(name, &data) });
            if let Some(rsm) = rsm {
                got["rsm"] = parse_json(name, &rsm);
            }
            got
        }
        IqAnswer::Error(e) => json!({ "error": parse_json(name, &e), "data": null }),
    };
    assert_json(name, "IQ reply", &got, f.payload());
}
