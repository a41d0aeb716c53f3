//! The servers under load: a private Prosody (the test harness's) with many accounts,
//! and the gateway as a process of its own, so that its CPU time and memory can be
//! read from `/proc` apart from the load tool's.

use std::fs;
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};
use xmpp_ftw_tests::prosody::{Prosody, ProsodyBuilder};

/// Every account's password (they differ only in name).
pub const PASSWORD: &str = "load-password";
/// Account names are this followed by a number from 0.
pub const USER_PREFIX: &str = "load";

/// The modules of the load Prosody: what a chat login needs, and the WebSocket
/// endpoint for the direct path. No `mam` (it would archive every message), no
/// `carbons`, and no `limits` (so no c2s rate limits).
pub const MODULES: &[&str] = &["roster", "saslauth", "disco", "ping", "websocket"];

/// The Lua appended to the load Prosody's global section.
///
/// Prosody 0.12's `net.server_epoll` turns Nagle's algorithm off only for
/// `nagle = false` (it has no `tcp_nodelay` option); left on, small stanzas wait
/// for the peer's delayed ACK under load.
pub const PROSODY_EXTRA_CONFIG: &str = "network_settings = { nagle = false }";

pub fn user(i: usize) -> String {
    format!("{USER_PREFIX}{i}")
}

/// Starts the load Prosody with `users` accounts, `tls` as asked.
///
/// Only the first account is made by the harness (`prosodyctl register`, about a
/// third of a second each); the others are copies of its account file: SCRAM keys
/// depend on the password, salt and iteration count, never on the name, so the copy
/// is a valid account for any name, and 10,000 of them take a fraction of a second.
pub fn start_prosody(users: usize, tls: bool) -> Result<Prosody, String> {
    let builder: ProsodyBuilder = Prosody::builder()
        .user(&user(0), PASSWORD)
        .modules(MODULES)
        .muc(false)
        .pubsub(false)
        .file_share(false)
        .tls(tls)
        .log_level("info")
        .extra_config(PROSODY_EXTRA_CONFIG)
        .start_timeout(Duration::from_secs(30));
    let prosody = builder.start()?;
    let accounts = accounts_dir(&prosody);
    let first = accounts.join(format!("{}.dat", user(0)));
    let text = fs::read(&first).map_err(|e| {
        format!(
            "reading the account {} made by prosodyctl: {e}",
            first.display()
        )
    })?;
    for i in 1..users {
        let path = accounts.join(format!("{}.dat", user(i)));
        fs::write(&path, &text).map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    Ok(prosody)
}

/// `data/<host>/accounts/`, the host name encoded as Prosody's datamanager does
/// (every byte that is not a Lua `%w` as `%xx`).
fn accounts_dir(prosody: &Prosody) -> PathBuf {
    let mut host = String::new();
    for b in prosody.domain().bytes() {
        if b.is_ascii_alphanumeric() {
            host.push(char::from(b));
        } else {
            host.push_str(&format!("%{b:02x}"));
        }
    }
    prosody.dir().join("data").join(host).join("accounts")
}

/// The gateway's options for a load run.
#[derive(Clone, Debug)]
pub struct GatewayOptions {
    /// The gateway binary; `None` runs the gateway's library in a child process of
    /// this tool (`xmpp-ftw-load serve-gateway`).
    pub binary: Option<PathBuf>,
    pub max_sessions: usize,
    pub stanza_rate: u32,
    pub ca_file: Option<PathBuf>,
    /// Where its log (stderr) goes.
    pub log: PathBuf,
}

/// A gateway process on a loopback port; killed on drop.
pub struct Gateway {
    child: Child,
    addr: SocketAddr,
}

impl Gateway {
    pub fn start(options: &GatewayOptions) -> Result<Gateway, String> {
        let port = free_port()?;
        let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let mut command = match &options.binary {
            Some(path) => Command::new(path),
            None => {
                let me =
                    std::env::current_exe().map_err(|e| format!("finding this executable: {e}"))?;
                let mut c = Command::new(me);
                c.arg("serve-gateway");
                c
            }
        };
        command
            .arg("--listen")
            .arg(addr.to_string())
            .arg("--max-sessions")
            .arg(options.max_sessions.to_string())
            .arg("--stanza-rate")
            .arg(options.stanza_rate.to_string());
        if let Some(ca) = &options.ca_file {
            command.arg("--ca-file").arg(ca);
        }
        let log = fs::File::create(&options.log)
            .map_err(|e| format!("creating {}: {e}", options.log.display()))?;
        let child = command
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(log)
            .spawn()
            .map_err(|e| format!("starting the gateway {command:?}: {e}"))?;
        let mut gateway = Gateway { child, addr };
        gateway.wait_listening(&options.log)?;
        Ok(gateway)
    }

    fn wait_listening(&mut self, log: &Path) -> Result<(), String> {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(format!(
                    "the gateway exited with {status} while starting:\n{}",
                    fs::read_to_string(log).unwrap_or_default()
                ));
            }
            if TcpStream::connect_timeout(&self.addr, Duration::from_millis(200)).is_ok() {
                return Ok(());
            }
            if Instant::now() >= deadline {
                return Err(format!(
                    "the gateway does not listen on {} after 20 s",
                    self.addr
                ));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    pub fn pid(&self) -> u32 {
        self.child.id()
    }

    pub fn ws_url(&self) -> String {
        format!("ws://{}/ws", self.addr)
    }

    /// Whether it is still running.
    pub fn is_running(&mut self) -> bool {
        matches!(self.child.try_wait(), Ok(None))
    }
}

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|e| format!("picking a free port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("picking a free port: {e}"))
}

/// `serve-gateway`: the gateway binary's server, in this process (the same library
/// code as `xmpp-ftw-gateway`'s `main`, built with this tool's profile). Stops on
/// SIGTERM or SIGINT.
pub fn serve_gateway(flags: &xmpp_ftw_gateway::config::Flags) -> Result<(), String> {
    use std::sync::Arc;
    use xmpp_ftw_gateway::config::Config;
    use xmpp_ftw_gateway::connector::RealConnector;
    use xmpp_ftw_gateway::server::Server;

    let config = Config::load(flags)?;
    let _ = tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info")),
        )
        .with_writer(std::io::stderr)
        .try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("starting the runtime: {e}"))?;
    runtime.block_on(async move {
        use tokio::signal::unix::{SignalKind, signal};
        let mut interrupt =
            signal(SignalKind::interrupt()).map_err(|e| format!("SIGINT handler: {e}"))?;
        let mut terminate =
            signal(SignalKind::terminate()).map_err(|e| format!("SIGTERM handler: {e}"))?;
        let connector = Arc::new(RealConnector::new(&config));
        let server = Server::bind(config, connector)
            .await
            .map_err(|e| format!("binding: {e}"))?;
        server
            .run_until(async move {
                tokio::select! {
                    _ = interrupt.recv() => {}
                    _ = terminate.recv() => {}
                }
            })
            .await
            .map_err(|e| format!("serving: {e}"))
    })
}
