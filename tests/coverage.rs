//! The coverage guard: every event direction the specs define has at least one
//! stanza fixture, every IQ event has a reply fixture, and every fixture folder
//! belongs to a spec.

use std::collections::BTreeSet;
use xmpp_ftw_runtime::registry::CATALOG;
use xmpp_ftw_tests::fixture::{all_fixtures, uncovered};

/// `(spec folder, event, direction)` of every fixture.
fn fixtures() -> Vec<(String, Option<String>, String)> {
    all_fixtures()
        .iter()
        .map(|f| {
            (
                f.spec().to_owned(),
                f.event().map(str::to_owned),
                f.direction().to_owned(),
            )
        })
        .collect()
}

#[test]
fn every_event_direction_has_a_fixture() {
    let missing = uncovered(&CATALOG, &all_fixtures());
    assert!(
        missing.is_empty(),
        "event directions without a fixture:\n{}",
        missing.join("\n")
    );
}

#[test]
fn every_spec_has_fixtures_and_every_folder_a_spec() {
    let folders: BTreeSet<String> = fixtures().into_iter().map(|(s, _, _)| s).collect();
    let specs: BTreeSet<String> = CATALOG.specs.iter().map(|s| s.id.to_owned()).collect();
    let without: Vec<&String> = specs.difference(&folders).collect();
    let orphans: Vec<&String> = folders.difference(&specs).collect();
    assert!(without.is_empty(), "specs without fixtures: {without:?}");
    assert!(
        orphans.is_empty(),
        "fixture folders of no spec: {orphans:?}"
    );
}

#[test]
fn fixture_directions_are_known() {
    for (spec, event, dir) in fixtures() {
        assert!(
            matches!(dir.as_str(), "out" | "in" | "result"),
            "{spec}: {event:?} has direction {dir:?}"
        );
        if let Some(event) = event {
            let known = CATALOG
                .events
                .iter()
                .any(|e| e.name == event || e.aliases.contains(&event.as_str()));
            assert!(known, "{spec}: unknown event {event}");
        }
    }
}
