//! One test per stanza fixture in `tests/fixtures/` (see its README), and one test
//! running the fixtures of the deployer's own spec folders when the registry was
//! built with `XMPP_FTW_SPECS` (`docs/writing-a-spec.md`).

use xmpp_ftw_tests::run_fixture;

xmpp_ftw_macros::fixture_tests!(dir = "fixtures", runner = run_fixture);

/// Every case of every private folder, each reported by name when it fails. Only
/// compiled when `XMPP_FTW_SPECS` is set (`tests/build.rs` sets the cfg).
#[cfg(private_specs)]
#[test]
fn private_spec_folders() {
    use xmpp_ftw_tests::fixture::{PROJECT, fixture_names, private_fixture_dirs, run_fixture_in};
    let mut ran = 0;
    let mut failed = Vec::new();
    for dir in private_fixture_dirs() {
        for name in fixture_names(&dir) {
            eprintln!("private fixture {}/{name}", dir.display());
            ran += 1;
            let outcome = std::panic::catch_unwind(|| run_fixture_in(&PROJECT, &dir, &name));
            if outcome.is_err() {
                failed.push(format!("{}/{name}", dir.display()));
            }
        }
    }
    assert!(
        ran > 0,
        "XMPP_FTW_SPECS names no folder with fixtures/<spec>/<case>.json"
    );
    assert!(failed.is_empty(), "failing private fixtures: {failed:#?}");
}
