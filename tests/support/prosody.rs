//! A private Prosody server for end-to-end tests.
//!
//! [`Prosody::start`] (or [`Prosody::builder`]) writes a temporary folder with
//! a `prosody.cfg.lua`, a data folder, a log file and (with TLS) a test CA and
//! a certificate for the domain, registers the users with `prosodyctl`, starts
//! Debian's `prosody` in the foreground on free loopback ports (c2s and HTTP
//! for `mod_websocket` and `mod_http_file_share`; s2s is disabled) and waits
//! until both ports are served. The process is killed, and the folder removed,
//! on drop; a test that panics keeps the folder and prints where it is.
//!
//! Prosody is installed by `scripts/setup`; without it [`Prosody::start`]
//! returns an error saying so, and tests must fail on it, never skip.

use std::fmt::Write as _;
use std::fs;
use std::io::{Read, Seek, SeekFrom};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// Modules loaded on every host (`modules_enabled`) unless the builder says
/// otherwise. `tls` is added when TLS is on.
pub const DEFAULT_MODULES: &[&str] = &[
    "roster",
    "saslauth",
    "disco",
    "carbons",
    "pep",
    "private",
    "bookmarks",
    "blocklist",
    "vcard4",
    "vcard_legacy",
    "version",
    "uptime",
    "time",
    "ping",
    "register",
    "mam",
    "websocket",
    "admin_adhoc",
    "admin_shell",
];

/// The log line prosody writes when it cannot bind a configured port; it keeps
/// running without it, so the harness looks for this line.
const PORT_FAILURE: &str = "Failed to open server port";
/// How many times [`ProsodyBuilder::start`] picks new ports when one was taken
/// between picking and binding.
const PORT_ATTEMPTS: usize = 3;

/// The password hash `mod_auth_internal_hashed` stores; it decides the one
/// SCRAM mechanism offered (Prosody 0.12 offers exactly one).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PasswordHash {
    /// SCRAM-SHA-1 (Prosody's default).
    Sha1,
    /// SCRAM-SHA-256 (`password_hash = "SHA-256"`); SCRAM-SHA-1 is then not
    /// offered.
    Sha256,
}

impl PasswordHash {
    fn config_value(self) -> &'static str {
        match self {
            PasswordHash::Sha1 => "SHA-1",
            PasswordHash::Sha256 => "SHA-256",
        }
    }
}

/// Options of a private Prosody; [`ProsodyBuilder::start`] starts it.
#[derive(Clone, Debug)]
pub struct ProsodyBuilder {
    domain: String,
    users: Vec<(String, String)>,
    tls: bool,
    require_encryption: bool,
    allow_unencrypted_plain: bool,
    password_hash: PasswordHash,
    modules: Vec<String>,
    muc: bool,
    pubsub: bool,
    file_share: bool,
    log_level: String,
    extra_config: String,
    start_timeout: Duration,
}

impl Default for ProsodyBuilder {
    fn default() -> Self {
        ProsodyBuilder {
            domain: "localhost".to_owned(),
            users: Vec::new(),
            tls: false,
            require_encryption: false,
            allow_unencrypted_plain: false,
            password_hash: PasswordHash::Sha1,
            modules: DEFAULT_MODULES.iter().map(|m| (*m).to_owned()).collect(),
            muc: true,
            pubsub: true,
            file_share: true,
            log_level: "debug".to_owned(),
            extra_config: String::new(),
            start_timeout: Duration::from_secs(10),
        }
    }
}

impl ProsodyBuilder {
    /// The VirtualHost; components are `conference.`, `pubsub.` and `upload.`
    /// under it. Default `localhost`.
    pub fn domain(mut self, domain: &str) -> Self {
        domain.clone_into(&mut self.domain);
        self
    }

    /// An account created with `prosodyctl register` before the start.
    pub fn user(mut self, name: &str, password: &str) -> Self {
        self.users.push((name.to_owned(), password.to_owned()));
        self
    }

    /// Several accounts, as (name, password).
    pub fn users<'a>(mut self, users: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        for (name, password) in users {
            self = self.user(name, password);
        }
        self
    }

    /// Generate a test CA and a certificate for the domain (and `*.domain`),
    /// load `mod_tls` and offer STARTTLS; [`Prosody::ca_file`] is then the CA
    /// to trust. Off by default.
    pub fn tls(mut self, on: bool) -> Self {
        self.tls = on;
        self
    }

    /// `c2s_require_encryption`: refuse to authenticate before STARTTLS.
    /// Off by default (loopback tests in plain text); needs [`Self::tls`].
    pub fn require_encryption(mut self, on: bool) -> Self {
        self.require_encryption = on;
        self
    }

    /// `allow_unencrypted_plain_auth`: offer SASL PLAIN without TLS too.
    /// Off by default (then an unencrypted stream offers only SCRAM).
    pub fn allow_unencrypted_plain(mut self, on: bool) -> Self {
        self.allow_unencrypted_plain = on;
        self
    }

    /// Which SCRAM hash the accounts are stored with. Default SHA-1.
    pub fn password_hash(mut self, hash: PasswordHash) -> Self {
        self.password_hash = hash;
        self
    }

    /// Replace the module list (default [`DEFAULT_MODULES`]).
    pub fn modules<S: AsRef<str>>(mut self, modules: impl IntoIterator<Item = S>) -> Self {
        self.modules = modules.into_iter().map(|m| m.as_ref().to_owned()).collect();
        self
    }

    /// Add one module to the list.
    pub fn add_module(mut self, module: &str) -> Self {
        if !self.modules.iter().any(|m| m == module) {
            self.modules.push(module.to_owned());
        }
        self
    }

    /// Remove one module from the list.
    pub fn remove_module(mut self, module: &str) -> Self {
        self.modules.retain(|m| m != module);
        self
    }

    /// The MUC component `conference.<domain>` (with `muc_mam`). On by default.
    pub fn muc(mut self, on: bool) -> Self {
        self.muc = on;
        self
    }

    /// The pubsub component `pubsub.<domain>`. On by default.
    pub fn pubsub(mut self, on: bool) -> Self {
        self.pubsub = on;
        self
    }

    /// The `http_file_share` component `upload.<domain>`. On by default.
    pub fn file_share(mut self, on: bool) -> Self {
        self.file_share = on;
        self
    }

    /// The least level written to the log file: `debug` (default, logs every
    /// stanza), `info`, `warn` or `error`.
    pub fn log_level(mut self, level: &str) -> Self {
        level.clone_into(&mut self.log_level);
        self
    }

    /// Lua appended to the global section of the config (before the hosts).
    pub fn extra_config(mut self, lua: &str) -> Self {
        self.extra_config.push_str(lua);
        self.extra_config.push('\n');
        self
    }

    /// How long to wait for the ports to be served. Default 10 s.
    pub fn start_timeout(mut self, timeout: Duration) -> Self {
        self.start_timeout = timeout;
        self
    }

    /// Write the folder, register the users and start the server.
    /// [`Self::start`] for tests: a failure panics with the reason (and the hint to
    /// run `scripts/setup`), and the start time and port go to stderr.
    pub fn start_for_test(self) -> Prosody {
        let started = std::time::Instant::now();
        let prosody = self.start().unwrap_or_else(|e| {
            panic!("private prosody starts (run scripts/setup if it is missing): {e}")
        });
        eprintln!(
            "prosody started in {:?} on c2s {}",
            started.elapsed(),
            prosody.c2s_port()
        );
        prosody
    }

    pub fn start(self) -> Result<Prosody, String> {
        find_prosody()?;
        if self.require_encryption && !self.tls {
            return Err("prosody: require_encryption needs tls(true)".to_owned());
        }
        let dir = TempDir::new()?;
        let ca_file = if self.tls {
            Some(make_certificates(dir.path(), &self.domain)?)
        } else {
            fs::create_dir_all(dir.path().join("certs"))
                .map_err(|e| format!("prosody: creating the certs folder: {e}"))?;
            None
        };
        fs::create_dir_all(dir.path().join("data"))
            .map_err(|e| format!("prosody: creating the data folder: {e}"))?;

        let [c2s_port, http_port] = free_ports()?;
        let mut prosody = Prosody {
            child: None,
            dir,
            options: self,
            c2s_port,
            http_port,
            ca_file,
        };
        prosody.write_config()?;
        for (name, password) in &prosody.options.users {
            prosody.register(name, password)?;
        }
        let mut attempt = 1;
        loop {
            match prosody.spawn_and_wait() {
                Ok(()) => return Ok(prosody),
                Err(StartError::PortTaken(e)) if attempt < PORT_ATTEMPTS => {
                    // Another process took a port between picking and binding.
                    eprintln!("prosody: a port was taken, picking new ones:\n{e}");
                    attempt += 1;
                    [prosody.c2s_port, prosody.http_port] = free_ports()?;
                    prosody.write_config()?;
                }
                Err(StartError::PortTaken(e)) => {
                    return Err(format!(
                        "prosody: a port was taken {PORT_ATTEMPTS} times in a row:\n{e}"
                    ));
                }
                Err(StartError::Other(e)) => return Err(e),
            }
        }
    }
}

/// A running private Prosody; killed on drop.
pub struct Prosody {
    child: Option<Child>,
    dir: TempDir,
    options: ProsodyBuilder,
    c2s_port: u16,
    http_port: u16,
    ca_file: Option<PathBuf>,
}

enum StartError {
    PortTaken(String),
    Other(String),
}

impl Prosody {
    /// Options to start one with.
    pub fn builder() -> ProsodyBuilder {
        ProsodyBuilder::default()
    }

    /// Start one with the defaults: domain `localhost`, no users, no TLS.
    pub fn start() -> Result<Prosody, String> {
        ProsodyBuilder::default().start()
    }

    pub fn domain(&self) -> &str {
        &self.options.domain
    }

    /// `user@domain`.
    pub fn jid(&self, user: &str) -> String {
        format!("{user}@{}", self.options.domain)
    }

    /// The users given to the builder, as (name, password).
    pub fn users(&self) -> &[(String, String)] {
        &self.options.users
    }

    /// The loopback address the servers listen on (IPv4 only: connect to
    /// this, not to `localhost`, which may resolve to `::1` first).
    pub fn host(&self) -> Ipv4Addr {
        Ipv4Addr::LOCALHOST
    }

    pub fn c2s_port(&self) -> u16 {
        self.c2s_port
    }

    pub fn c2s_addr(&self) -> SocketAddr {
        SocketAddr::from((Ipv4Addr::LOCALHOST, self.c2s_port))
    }

    /// The HTTP port: `mod_websocket` at `/xmpp-websocket`, file share at
    /// `/file_share/`.
    pub fn http_port(&self) -> u16 {
        self.http_port
    }

    pub fn http_addr(&self) -> SocketAddr {
        SocketAddr::from((Ipv4Addr::LOCALHOST, self.http_port))
    }

    /// `ws://127.0.0.1:<http_port>/xmpp-websocket` (RFC 7395, subprotocol
    /// `xmpp`).
    pub fn websocket_url(&self) -> String {
        format!("ws://127.0.0.1:{}/xmpp-websocket", self.http_port)
    }

    /// `conference.<domain>`, when the MUC component is on.
    pub fn muc_domain(&self) -> Option<String> {
        self.options
            .muc
            .then(|| format!("conference.{}", self.options.domain))
    }

    /// `pubsub.<domain>`, when the pubsub component is on.
    pub fn pubsub_domain(&self) -> Option<String> {
        self.options
            .pubsub
            .then(|| format!("pubsub.{}", self.options.domain))
    }

    /// `upload.<domain>`, when the file share component is on.
    pub fn upload_domain(&self) -> Option<String> {
        self.options
            .file_share
            .then(|| format!("upload.{}", self.options.domain))
    }

    /// The PEM file of the test CA that signed the domain's certificate, when
    /// TLS is on.
    pub fn ca_file(&self) -> Option<&Path> {
        self.ca_file.as_deref()
    }

    /// The temporary folder (config, `data/`, `prosody.log`, `console.log`).
    pub fn dir(&self) -> &Path {
        self.dir.path()
    }

    pub fn config_path(&self) -> PathBuf {
        self.dir.path().join("prosody.cfg.lua")
    }

    pub fn log_path(&self) -> PathBuf {
        self.dir.path().join("prosody.log")
    }

    /// The modules in `modules_enabled`.
    pub fn modules(&self) -> &[String] {
        &self.options.modules
    }

    /// The process id, while running.
    pub fn pid(&self) -> Option<u32> {
        self.child.as_ref().map(Child::id)
    }

    /// Whether the process is still alive.
    pub fn is_running(&mut self) -> bool {
        match self.child.as_mut() {
            Some(child) => matches!(child.try_wait(), Ok(None)),
            None => false,
        }
    }

    /// The last `lines` lines of the log file and of the console output.
    pub fn log_tail(&self, lines: usize) -> String {
        let mut out = String::new();
        for name in ["prosody.log", "console.log"] {
            let path = self.dir.path().join(name);
            let text = read_tail(&path, 64 * 1024);
            let tail: Vec<&str> = text.lines().rev().take(lines).collect();
            let _ = writeln!(out, "--- last {} lines of {}", tail.len(), path.display());
            for line in tail.into_iter().rev() {
                out.push_str(line);
                out.push('\n');
            }
        }
        out
    }

    /// The log lines at level `error` or `warn`.
    pub fn log_problems(&self) -> Vec<String> {
        let text = fs::read_to_string(self.log_path()).unwrap_or_default();
        text.lines()
            .filter(|l| l.contains("\terror\t") || l.contains("\twarn\t"))
            .map(str::to_owned)
            .collect()
    }

    /// Create an account (`prosodyctl register`), before or while running.
    pub fn register(&self, user: &str, password: &str) -> Result<(), String> {
        let out = self.prosodyctl(&["register", user, &self.options.domain, password])?;
        if out.status.success() {
            Ok(())
        } else {
            Err(format!(
                "prosody: prosodyctl register {user} {} failed ({}):\n{}{}",
                self.options.domain,
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ))
        }
    }

    /// Run one admin console command (`prosodyctl shell <command>`, needs
    /// `admin_shell` in the modules) on the running server; its output.
    pub fn shell(&self, command: &str) -> Result<String, String> {
        let out = self.prosodyctl(&["shell", command])?;
        let text = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        if out.status.success() {
            Ok(text)
        } else {
            Err(format!(
                "prosody: prosodyctl shell {command:?} failed ({}):\n{text}",
                out.status
            ))
        }
    }

    /// SIGKILL the server, for "the server dies mid-session" tests. Ports and
    /// data are kept for [`Self::restart`].
    pub fn kill(&mut self) -> Result<(), String> {
        if let Some(mut child) = self.child.take() {
            child
                .kill()
                .map_err(|e| format!("prosody: killing pid {}: {e}", child.id()))?;
            child
                .wait()
                .map_err(|e| format!("prosody: waiting for pid {}: {e}", child.id()))?;
        }
        Ok(())
    }

    /// Kill the server if it runs, and start it again with the same config,
    /// ports and data; waits until the ports are served.
    pub fn restart(&mut self) -> Result<(), String> {
        self.kill()?;
        match self.spawn_and_wait() {
            Ok(()) => Ok(()),
            Err(StartError::PortTaken(e) | StartError::Other(e)) => Err(e),
        }
    }

    fn prosodyctl(&self, args: &[&str]) -> Result<std::process::Output, String> {
        let config = self.config_path();
        Command::new("prosodyctl")
            .arg("--config")
            .arg(&config)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("prosody: running prosodyctl: {e} (run scripts/setup)"))
    }

    fn write_config(&self) -> Result<(), String> {
        let path = self.config_path();
        fs::write(&path, self.config_text())
            .map_err(|e| format!("prosody: writing {}: {e}", path.display()))
    }

    fn config_text(&self) -> String {
        let o = &self.options;
        let dir = self.dir.path();
        let path = |name: &str| lua_str(&dir.join(name).to_string_lossy());
        let mut modules = o.modules.clone();
        if o.tls && !modules.iter().any(|m| m == "tls") {
            modules.push("tls".to_owned());
        }
        let modules = modules
            .iter()
            .map(|m| lua_str(m))
            .collect::<Vec<_>>()
            .join(", ");
        let domain = &o.domain;
        let mut c = String::new();
        let _ = writeln!(c, "-- Written by tests/support/prosody.rs");
        let _ = writeln!(c, "run_as_root = true");
        let _ = writeln!(c, "pidfile = {}", path("prosody.pid"));
        let _ = writeln!(c, "data_path = {}", path("data"));
        let _ = writeln!(c, "certificates = {}", path("certs"));
        let _ = writeln!(c, "admin_socket = {}", path("admin.sock"));
        let _ = writeln!(
            c,
            "log = {{ {} = {} }}",
            lua_ident(&o.log_level),
            path("prosody.log")
        );
        let _ = writeln!(c, "interfaces = {{ \"127.0.0.1\" }}");
        let _ = writeln!(c, "c2s_interfaces = {{ \"127.0.0.1\" }}");
        let _ = writeln!(c, "c2s_ports = {{ {} }}", self.c2s_port);
        let _ = writeln!(c, "c2s_direct_tls_ports = {{ }}");
        let _ = writeln!(c, "legacy_ssl_ports = {{ }}");
        let _ = writeln!(c, "http_interfaces = {{ \"127.0.0.1\" }}");
        let _ = writeln!(c, "http_ports = {{ {} }}", self.http_port);
        let _ = writeln!(c, "https_ports = {{ }}");
        let _ = writeln!(c, "http_default_host = {}", lua_str(domain));
        let _ = writeln!(c, "modules_enabled = {{ {modules} }}");
        let _ = writeln!(c, "modules_disabled = {{ \"s2s\", \"s2s_auth_certs\" }}");
        let _ = writeln!(c, "authentication = \"internal_hashed\"");
        let _ = writeln!(
            c,
            "password_hash = {}",
            lua_str(o.password_hash.config_value())
        );
        let _ = writeln!(c, "storage = \"internal\"");
        let _ = writeln!(c, "c2s_require_encryption = {}", o.require_encryption);
        let _ = writeln!(
            c,
            "allow_unencrypted_plain_auth = {}",
            o.allow_unencrypted_plain
        );
        let _ = writeln!(c, "allow_registration = true");
        // In-band registration from one address is rate limited by default.
        let _ = writeln!(c, "min_seconds_between_registrations = 0");
        let _ = writeln!(c, "registration_throttle_max = 1000");
        let _ = writeln!(c, "consider_websocket_secure = true");
        // Deprecated in 0.12 (logged at info): CORS is on for any origin anyway.
        let _ = writeln!(c, "cross_domain_websocket = true");
        if o.tls {
            let _ = writeln!(
                c,
                "ssl = {{ certificate = {}, key = {} }}",
                path(&format!("certs/{domain}.crt")),
                path(&format!("certs/{domain}.key"))
            );
        }
        c.push_str(&o.extra_config);
        let _ = writeln!(c, "\nVirtualHost {}", lua_str(domain));
        if o.muc {
            let _ = writeln!(
                c,
                "\nComponent {} \"muc\"",
                lua_str(&format!("conference.{domain}"))
            );
            let _ = writeln!(c, "  modules_enabled = {{ \"muc_mam\" }}");
            let _ = writeln!(c, "  restrict_room_creation = false");
        }
        if o.pubsub {
            let _ = writeln!(
                c,
                "\nComponent {} \"pubsub\"",
                lua_str(&format!("pubsub.{domain}"))
            );
        }
        if o.file_share {
            let _ = writeln!(
                c,
                "\nComponent {} \"http_file_share\"",
                lua_str(&format!("upload.{domain}"))
            );
            // Serve it on the main HTTP host, and hand out URLs that reach
            // this loopback port whatever the Host header.
            let _ = writeln!(c, "  http_host = {}", lua_str(domain));
            let _ = writeln!(
                c,
                "  http_external_url = {}",
                lua_str(&format!("http://127.0.0.1:{}/", self.http_port))
            );
        }
        c
    }

    fn spawn_and_wait(&mut self) -> Result<(), StartError> {
        let dir = self.dir.path().to_owned();
        let log = dir.join("prosody.log");
        let log_start = fs::metadata(&log).map(|m| m.len()).unwrap_or(0);
        let console = fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(dir.join("console.log"))
            .map_err(|e| StartError::Other(format!("prosody: opening console.log: {e}")))?;
        let console_err = console
            .try_clone()
            .map_err(|e| StartError::Other(format!("prosody: opening console.log: {e}")))?;
        let child = Command::new("prosody")
            .arg("--config")
            .arg(self.config_path())
            .arg("-F")
            .current_dir(&dir)
            .stdin(Stdio::null())
            .stdout(console)
            .stderr(console_err)
            .spawn()
            .map_err(|e| {
                StartError::Other(format!(
                    "prosody: cannot run prosody: {e}; run scripts/setup to install it"
                ))
            })?;
        self.child = Some(child);

        let started = Instant::now();
        let deadline = started + self.options.start_timeout;
        let want = [
            format!("Activated service 'c2s' on [127.0.0.1]:{}", self.c2s_port),
            format!("Activated service 'http' on [127.0.0.1]:{}", self.http_port),
        ];
        loop {
            let exited = match self.child.as_mut().map(Child::try_wait) {
                Some(Ok(None)) => None,
                Some(Ok(Some(status))) => Some(format!("exited with {status}")),
                Some(Err(e)) => Some(format!("cannot be waited for: {e}")),
                None => Some("is gone".to_owned()),
            };
            if let Some(how) = exited {
                self.child = None;
                return Err(StartError::Other(format!(
                    "prosody {how} while starting\n{}",
                    self.log_tail(40)
                )));
            }
            let text = read_from(&log, log_start);
            if text.contains(PORT_FAILURE) {
                let tail = self.log_tail(20);
                let _ = self.kill();
                return Err(StartError::PortTaken(tail));
            }
            if want.iter().all(|w| text.contains(w.as_str()))
                && connects(self.c2s_addr())
                && connects(self.http_addr())
            {
                return Ok(());
            }
            if Instant::now() >= deadline {
                let tail = self.log_tail(40);
                let _ = self.kill();
                return Err(StartError::Other(format!(
                    "prosody: ports {} (c2s) and {} (http) not served after {:?}\n{tail}",
                    self.c2s_port,
                    self.http_port,
                    started.elapsed()
                )));
            }
            std::thread::sleep(Duration::from_millis(20));
        }
    }
}

impl Drop for Prosody {
    fn drop(&mut self) {
        let _ = self.kill();
        if std::thread::panicking() {
            self.dir.keep = true;
            eprintln!(
                "prosody: test panicked; config, data and logs kept in {}",
                self.dir.path().display()
            );
        }
    }
}

/// Whether a TCP connection to `addr` opens within 200 ms.
fn connects(addr: SocketAddr) -> bool {
    TcpStream::connect_timeout(&addr, Duration::from_millis(200)).is_ok()
}

/// An error telling to run `scripts/setup` when prosody is not installed.
fn find_prosody() -> Result<(), String> {
    let found = std::env::var_os("PATH").is_some_and(|paths| {
        std::env::split_paths(&paths)
            .any(|p| p.join("prosody").is_file() && p.join("prosodyctl").is_file())
    });
    if found {
        Ok(())
    } else {
        Err("prosody and prosodyctl are not on PATH: run scripts/setup \
             (it installs Debian's prosody package)"
            .to_owned())
    }
}

/// `N` distinct free loopback ports, held at once while picked.
fn free_ports<const N: usize>() -> Result<[u16; N], String> {
    let mut listeners = Vec::with_capacity(N);
    let mut ports = [0u16; N];
    for port in &mut ports {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
            .map_err(|e| format!("prosody: picking a free port: {e}"))?;
        *port = listener
            .local_addr()
            .map_err(|e| format!("prosody: picking a free port: {e}"))?
            .port();
        listeners.push(listener);
    }
    Ok(ports)
}

/// A test CA and a certificate for `domain` and `*.domain` signed by it, in
/// `<dir>/certs/`; returns the CA file. P-256 keys, valid 30 days.
fn make_certificates(dir: &Path, domain: &str) -> Result<PathBuf, String> {
    let certs = dir.join("certs");
    fs::create_dir_all(&certs)
        .map_err(|e| format!("prosody: creating {}: {e}", certs.display()))?;
    let ca_key = certs.join("ca.key");
    let ca = certs.join("ca.pem");
    let key = certs.join(format!("{domain}.key"));
    let csr = certs.join(format!("{domain}.csr"));
    let crt = certs.join(format!("{domain}.crt"));
    let ext = certs.join("ext.cnf");
    fs::write(
        &ext,
        format!(
            "basicConstraints = critical, CA:FALSE\n\
             keyUsage = critical, digitalSignature, keyEncipherment\n\
             extendedKeyUsage = serverAuth, clientAuth\n\
             subjectAltName = DNS:{domain}, DNS:*.{domain}, IP:127.0.0.1\n"
        ),
    )
    .map_err(|e| format!("prosody: writing {}: {e}", ext.display()))?;
    let p = |p: &Path| p.to_string_lossy().into_owned();
    let cn = format!("/CN={domain}");
    openssl(&[
        "req",
        "-x509",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        &p(&ca_key),
        "-out",
        &p(&ca),
        "-days",
        "30",
        "-subj",
        "/CN=xmpp-ftw test CA",
        "-addext",
        "basicConstraints = critical, CA:TRUE",
        "-addext",
        "keyUsage = critical, keyCertSign, cRLSign",
    ])?;
    openssl(&[
        "req",
        "-new",
        "-newkey",
        "ec",
        "-pkeyopt",
        "ec_paramgen_curve:prime256v1",
        "-nodes",
        "-keyout",
        &p(&key),
        "-out",
        &p(&csr),
        "-subj",
        &cn,
    ])?;
    openssl(&[
        "x509",
        "-req",
        "-in",
        &p(&csr),
        "-CA",
        &p(&ca),
        "-CAkey",
        &p(&ca_key),
        "-set_serial",
        &unique_number().to_string(),
        "-days",
        "30",
        "-extfile",
        &p(&ext),
        "-out",
        &p(&crt),
    ])?;
    Ok(ca)
}

fn openssl(args: &[&str]) -> Result<(), String> {
    let out = Command::new("openssl")
        .args(args)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| format!("prosody: running openssl: {e} (run scripts/setup)"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "prosody: openssl {} failed ({}):\n{}",
            args.join(" "),
            out.status,
            String::from_utf8_lossy(&out.stderr)
        ))
    }
}

/// A Lua string literal.
fn lua_str(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for ch in s.chars() {
        match ch {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            _ => out.push(ch),
        }
    }
    out.push('"');
    out
}

/// A Lua table key: a plain identifier, else a `["..."]` key.
fn lua_ident(s: &str) -> String {
    if !s.is_empty()
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
        && !s.starts_with(|c: char| c.is_ascii_digit())
    {
        s.to_owned()
    } else {
        format!("[{}]", lua_str(s))
    }
}

/// The file's text from byte `start` on (empty when missing).
fn read_from(path: &Path, start: u64) -> String {
    let mut text = String::new();
    if let Ok(mut file) = fs::File::open(path)
        && file.seek(SeekFrom::Start(start)).is_ok()
    {
        let mut bytes = Vec::new();
        let _ = file.read_to_end(&mut bytes);
        text = String::from_utf8_lossy(&bytes).into_owned();
    }
    text
}

/// At most the last `max` bytes of the file (empty when missing).
fn read_tail(path: &Path, max: u64) -> String {
    let len = fs::metadata(path).map(|m| m.len()).unwrap_or(0);
    read_from(path, len.saturating_sub(max))
}

fn unique_number() -> u64 {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.subsec_nanos())
        .unwrap_or(0);
    ((u64::from(std::process::id()) << 32) | u64::from(nanos))
        ^ COUNTER.fetch_add(1, Ordering::Relaxed)
}

/// A folder under the system temp folder, removed on drop unless `keep`.
struct TempDir {
    path: PathBuf,
    keep: bool,
}

impl TempDir {
    fn new() -> Result<TempDir, String> {
        static COUNTER: AtomicU64 = AtomicU64::new(0);
        let base = std::env::temp_dir();
        for _ in 0..100 {
            let path = base.join(format!(
                "xmpp-ftw-prosody-{}-{}-{}",
                std::process::id(),
                COUNTER.fetch_add(1, Ordering::Relaxed),
                unique_number() % 1_000_000
            ));
            match fs::create_dir(&path) {
                Ok(()) => return Ok(TempDir { path, keep: false }),
                Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
                Err(e) => return Err(format!("prosody: creating {}: {e}", path.display())),
            }
        }
        Err(format!(
            "prosody: no free temporary folder name under {}",
            base.display()
        ))
    }

    fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        if !self.keep {
            let _ = fs::remove_dir_all(&self.path);
        }
    }
}
