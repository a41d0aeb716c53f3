//! The committed manual, JSON Schema, examples and TypeScript declarations (in
//! `docs/` and the JS client's `clients/js/src/events.d.ts`) must be what
//! the specs and fixtures generate now. Regenerate them with
//! `UPDATE_GENERATED=1 cargo test -p xmpp-ftw-tests --test generated`.

use serde_json::Value;
use std::path::{Path, PathBuf};
use xmpp_ftw_runtime::catalog::{self, Example};
use xmpp_ftw_runtime::registry::CATALOG;
use xmpp_ftw_tests::fixture::{all_fixtures, fixtures_dir};
use xmpp_ftw_tests::manual::manual_examples;

fn examples() -> Vec<Example> {
    manual_examples(&all_fixtures())
}

fn docs_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs")
}

fn check(file: &str, generated: &str) {
    if let Some(private) = option_env!("XMPP_FTW_SPECS") {
        // Built with a deployer's own specs: the committed documents describe the
        // project's specs only, so the deployer's manual goes to target/ instead.
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/private-docs");
        std::fs::create_dir_all(&dir).expect("target/private-docs");
        std::fs::write(dir.join(file), generated).expect("write the private manual");
        eprintln!("XMPP_FTW_SPECS={private}: wrote target/private-docs/{file}");
        return;
    }
    let path = docs_dir().join(file);
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, generated).expect("write generated file");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/{file} is stale: regenerate it with `UPDATE_GENERATED=1 cargo test -p xmpp-ftw-tests --test generated` and commit the result"
    );
}

#[test]
fn manual_is_up_to_date() {
    check(
        "events.md",
        &catalog::markdown::render(&CATALOG, &examples()),
    );
}

#[test]
fn json_schema_is_up_to_date() {
    check(
        "events.schema.json",
        &catalog::schema::render(&CATALOG, &examples()),
    );
}

#[test]
fn typescript_declarations_are_up_to_date() {
    check(
        "xmpp-ftw-events.d.ts",
        &catalog::typescript::render(&CATALOG),
    );
}

/// The gateway embeds the examples to show them in `/manual` and `/demo`.
#[test]
fn examples_are_up_to_date() {
    check(
        "events.examples.json",
        &catalog::examples::render(&examples()),
    );
}

/// The JS client ships the same declarations, so a typo in an event name or key is a
/// compile error in the browser code too.
#[test]
fn js_client_declarations_are_up_to_date() {
    let generated = catalog::typescript::render(&CATALOG);
    if option_env!("XMPP_FTW_SPECS").is_some() {
        return;
    }
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../clients/js/src/events.d.ts");
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        std::fs::write(&path, &generated).expect("write clients/js/src/events.d.ts");
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "clients/js/src/events.d.ts is stale: regenerate it with `UPDATE_GENERATED=1 cargo test -p xmpp-ftw-tests --test generated` and commit the result"
    );
}

#[test]
fn the_schema_is_valid_json_naming_every_event() {
    let text = catalog::schema::render(&CATALOG, &examples());
    let schema: Value = serde_json::from_str(&text).expect("the schema is JSON");
    for event in CATALOG.events {
        for d in event.directions {
            let key = format!("{}.{}", event.name, d.as_str());
            assert!(schema["$defs"].get(&key).is_some(), "no schema for {key}");
        }
    }
}

/// `docs/compatibility.md` cites fixtures as evidence; each must exist.
#[test]
fn compatibility_notes_cite_existing_fixtures() {
    let text =
        std::fs::read_to_string(docs_dir().join("compatibility.md")).expect("compatibility.md");
    let mut cited = 0;
    for cell in text.split('`') {
        let Some((spec, _)) = cell.split_once('/') else {
            continue;
        };
        if !(spec.starts_with("rfc") || spec.starts_with("xep-")) || cell.contains(' ') {
            continue;
        }
        let path = fixtures_dir().join(format!("{cell}.json"));
        assert!(
            path.exists(),
            "compatibility.md cites missing fixture {cell}"
        );
        cited += 1;
    }
    assert!(
        cited >= 10,
        "expected the notes to cite fixtures, found {cited}"
    );
}
