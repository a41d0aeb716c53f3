//! The XMPP-FTW gateway: the server people deploy.
//!
//! Browsers connect over WebSocket and exchange JSON events; the gateway keeps one
//! XMPP client session per browser and translates in both directions with the
//! registry generated in `xmpp-ftw-runtime` from the specs in `specs/`.
//!
//! Logs go to stderr, filtered by `RUST_LOG` (default `info`). SIGINT or SIGTERM
//! shuts the server down gracefully: every browser gets a final `xmpp.error`
//! (`connection`/`shutdown`) before its socket is closed.
//!
//! Logins go to the runtime's XMPP client ([`RealConnector`]), under the address
//! policy of the configuration.

use clap::Parser;
use std::process::ExitCode;
use std::sync::Arc;
use tracing::{error, info};
use tracing_subscriber::EnvFilter;
use xmpp_ftw_gateway::config::{Config, Flags};
use xmpp_ftw_gateway::connector::RealConnector;
use xmpp_ftw_gateway::server::Server;
use xmpp_ftw_runtime::catalog::Direction;
use xmpp_ftw_runtime::registry::{CATALOG, FEATURES};

fn main() -> ExitCode {
    let flags = Flags::parse();
    let config = match Config::load(&flags) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("xmpp-ftw-gateway: {e}");
            return ExitCode::FAILURE;
        }
    };
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .init();
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(r) => r,
        Err(e) => {
            error!(error = %e, "cannot start the runtime");
            return ExitCode::FAILURE;
        }
    };
    match runtime.block_on(serve(config)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            error!(error = %e, "gateway failed");
            ExitCode::FAILURE
        }
    }
}

async fn serve(config: Config) -> std::io::Result<()> {
    let count = |d: Direction| {
        CATALOG
            .events
            .iter()
            .filter(|e| e.directions.contains(&d))
            .count()
    };
    info!(
        version = env!("CARGO_PKG_VERSION"),
        specs = CATALOG.specs.len(),
        events = CATALOG.events.len(),
        outgoing = count(Direction::Out),
        incoming = count(Direction::In),
        features = FEATURES.len(),
        "xmpp-ftw-gateway starting"
    );
    // Handlers first: a signal that comes once the server is listening is never missed.
    let shutdown = shutdown_signal()?;
    let connector = Arc::new(RealConnector::new(&config));
    let server = Server::bind(config, connector).await?;
    server.run_until(shutdown).await
}

/// Installs the SIGINT and SIGTERM handlers now; the future completes on either.
#[cfg(unix)]
fn shutdown_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    use tokio::signal::unix::{SignalKind, signal};
    let mut interrupt = signal(SignalKind::interrupt())?;
    let mut terminate = signal(SignalKind::terminate())?;
    Ok(async move {
        tokio::select! {
            _ = interrupt.recv() => info!("SIGINT received"),
            _ = terminate.recv() => info!("SIGTERM received"),
        }
    })
}

/// Ctrl-C where there are no Unix signals.
#[cfg(not(unix))]
fn shutdown_signal() -> std::io::Result<impl std::future::Future<Output = ()>> {
    Ok(async {
        if let Err(e) = tokio::signal::ctrl_c().await {
            error!(error = %e, "cannot listen for Ctrl-C");
            std::future::pending::<()>().await;
        }
        info!("Ctrl-C received");
    })
}
