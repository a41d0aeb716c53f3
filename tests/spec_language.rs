//! The spec-language reference `docs/spec-language.md` and its examples.

use std::path::{Path, PathBuf};

mod examples {
    xmpp_ftw_macros::include_specs!(dir = "spec-language", hooks = crate::example_hooks);
}

mod example_hooks {
    pub mod demo {}
}

fn example_fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("spec-language/fixtures")
}

const EXAMPLES: xmpp_ftw_tests::Registry = xmpp_ftw_tests::Registry {
    outgoing: examples::outgoing,
    incoming: examples::incoming,
    encode: examples::encode,
    decode: examples::decode,
    pending_iq: examples::pending_iq,
    fixtures: example_fixtures,
};

fn run_example(name: &str) {
    xmpp_ftw_tests::run_fixture_with(&EXAMPLES, name)
}

xmpp_ftw_macros::fixture_tests!(dir = "spec-language/fixtures", runner = run_example);
