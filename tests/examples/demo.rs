//! The quick start: a private Prosody with two demo users and a MUC service,
//! and the gateway in front of it (with its manual, demo console and the chat
//! example), until Ctrl-C.
//!
//! ```sh
//! scripts/demo            # or: cargo run -p xmpp-ftw-tests --example demo -- [PORT]
//! ```

use std::sync::Arc;
use xmpp_ftw_gateway::config::{Config, FileConfig, Flags};
use xmpp_ftw_gateway::connector::RealConnector;
use xmpp_ftw_gateway::server::Server;
use xmpp_ftw_tests::prosody::Prosody;

const USERS: [(&str, &str); 2] = [("romeo", "romeo"), ("juliet", "juliet")];

#[tokio::main]
async fn main() -> Result<(), String> {
    let port: u16 = match std::env::args().nth(1) {
        Some(p) => p.parse().map_err(|_| format!("not a port: {p}"))?,
        None => 3000,
    };
    let prosody = Prosody::builder().users(USERS).muc(true).start()?;
    let mut config = Config::resolve(&Flags::default(), &FileConfig::default());
    config.listen = std::net::SocketAddr::from(([127, 0, 0, 1], port));
    config.allow_loopback = true;
    let connector = Arc::new(RealConnector::new(&config));
    let server = Server::bind(config, connector)
        .await
        .map_err(|e| format!("cannot listen on 127.0.0.1:{port}: {e}"))?;
    let ws = format!("ws://{}/ws", server.local_addr());
    println!(
        "Prosody (domain {}) on 127.0.0.1:{}",
        prosody.domain(),
        prosody.c2s_port()
    );
    println!(
        "Gateway: {ws}   (metrics: http://{}/metrics)",
        server.local_addr()
    );
    for (user, password) in USERS {
        println!(
            "  log in: {{\"event\":\"xmpp.login\",\"data\":{{\"jid\":\"{}\",\"password\":\"{password}\",\"host\":\"127.0.0.1\",\"port\":{}}}}}",
            prosody.jid(user),
            prosody.c2s_port()
        );
    }
    if let Some(muc) = prosody.muc_domain() {
        println!("  rooms: <name>@{muc}");
    }
    let http = format!("http://{}", server.local_addr());
    println!("Manual:       {http}/manual");
    println!(
        "Demo console: {http}/demo   (host 127.0.0.1, port {})",
        prosody.c2s_port()
    );
    for (user, password) in USERS {
        println!(
            "Chat example: {http}/examples/chat/?jid={}&password={password}&host=127.0.0.1&port={}",
            prosody.jid(user),
            prosody.c2s_port()
        );
    }
    println!("Ctrl-C stops both.");
    let stop = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    server.run_until(stop).await.map_err(|e| e.to_string())?;
    drop(prosody);
    Ok(())
}
