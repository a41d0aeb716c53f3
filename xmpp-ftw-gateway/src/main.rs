//! The XMPP-FTW gateway: the server people deploy.
//!
//! Browsers connect over WebSocket and exchange JSON events; the gateway keeps
//! one XMPP client session per browser and translates in both directions with
//! the registry generated in `xmpp-ftw-runtime` from the specs in `specs/`.
//! The network side (XMPP connections, the WebSocket endpoint, configuration,
//! metrics) is the subject of the gateway issue; until then this binary only
//! reports what it would serve: the events and disco features the specs define.

use clap::Parser;
use xmpp_ftw_gateway::config::{Config, Flags};
use xmpp_ftw_runtime::catalog::Direction;
use xmpp_ftw_runtime::registry::{CATALOG, FEATURES};

fn main() -> std::process::ExitCode {
    let flags = Flags::parse();
    let config = match Config::load(&flags) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("xmpp-ftw-gateway: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    let count = |d: Direction| {
        CATALOG
            .events
            .iter()
            .filter(|e| e.directions.contains(&d))
            .count()
    };
    println!(
        "xmpp-ftw-gateway {}: {} specs, {} events ({} browser→XMPP, {} XMPP→browser), {} disco features",
        env!("CARGO_PKG_VERSION"),
        CATALOG.specs.len(),
        CATALOG.events.len(),
        count(Direction::Out),
        count(Direction::In),
        FEATURES.len()
    );
    println!(
        "configured to listen on {}; the WebSocket server itself is not implemented yet (gateway issue).",
        config.listen
    );
    std::process::ExitCode::SUCCESS
}
