//! One test per stanza fixture in `tests/fixtures/` (see its README).

use xmpp_ftw_tests::run_fixture;

xmpp_ftw_macros::fixture_tests!(dir = "fixtures", runner = run_fixture);
