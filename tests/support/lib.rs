//! Test support shared by the integration tests: the fixture runner and a
//! namespace-aware XML comparison.

pub mod fixture;
pub mod xmlcmp;

pub use fixture::run_fixture;
