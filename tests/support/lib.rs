//! Test support shared by the integration tests: the fixture runner, a
//! namespace-aware XML comparison, the Prosody harness and a browser stand-in that
//! drives the gateway over real WebSockets.

pub mod browser;
pub mod fixture;
pub mod manual;
pub mod prosody;
pub mod xmlcmp;

pub use fixture::{PROJECT, Registry, run_fixture, run_fixture_with};
