//! Test support shared by the integration tests: the fixture runner and a
//! namespace-aware XML comparison.

pub mod fixture;
pub mod prosody;
pub mod xmlcmp;

pub use fixture::{PROJECT, Registry, run_fixture, run_fixture_with};
