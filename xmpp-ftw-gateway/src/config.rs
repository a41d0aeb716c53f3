//! Gateway configuration: command-line flags, each also settable in a TOML file
//! (`--config gateway.toml`); a flag given on the command line wins.
//!
//! The defaults are the safe ones: TLS to remote servers, no connections to
//! private or link-local addresses, loopback XMPP servers only while the gateway
//! itself listens on loopback (so `--listen 127.0.0.1:3000` works against a
//! local Prosody out of the box, and a public gateway is not an open relay into
//! its host's network).

use clap::Parser;
use serde::Deserialize;
use std::net::{IpAddr, SocketAddr};
use std::path::{Path, PathBuf};

/// Command-line flags; every one has a TOML twin of the same name (with `_`).
#[derive(Debug, Clone, Parser, Default)]
#[command(
    name = "xmpp-ftw-gateway",
    version,
    about = "XMPP for the web: JSON events over WebSocket, XMPP to any server"
)]
pub struct Flags {
    /// Address to listen on for HTTP and WebSocket (`/ws`, `/healthz`, `/metrics`).
    #[arg(long, env = "XMPP_FTW_LISTEN")]
    pub listen: Option<SocketAddr>,
    /// A TOML file with any of these options.
    #[arg(long, env = "XMPP_FTW_CONFIG")]
    pub config: Option<PathBuf>,
    /// XMPP domains users may log in to (repeatable); none means any public domain.
    #[arg(long = "allow-domain")]
    pub allowed_domains: Vec<String>,
    /// Hosts or IP addresses the gateway may connect to even though they are
    /// private, link-local or loopback (repeatable), e.g. `10.0.0.5` or `xmpp.lan`.
    #[arg(long = "allow-host")]
    pub allowed_hosts: Vec<String>,
    /// Allow loopback XMPP servers; by default only while listening on loopback.
    #[arg(long)]
    pub allow_loopback: Option<bool>,
    /// An extra CA certificate file (PEM) trusted for XMPP servers, beside the system roots.
    #[arg(long)]
    pub ca_file: Option<PathBuf>,
    /// Browser origins allowed to open `/ws` (repeatable); none means any origin.
    #[arg(long = "allow-origin")]
    pub allowed_origins: Vec<String>,
    /// Largest WebSocket frame accepted from a browser, in bytes.
    #[arg(long)]
    pub max_frame_bytes: Option<usize>,
    /// Most concurrent browser sessions.
    #[arg(long)]
    pub max_sessions: Option<usize>,
    /// Most events per second one session may send (a burst of twice this is allowed).
    #[arg(long)]
    pub stanza_rate: Option<u32>,
    /// Seconds to wait for an IQ reply before failing the callback.
    #[arg(long)]
    pub iq_timeout_secs: Option<u64>,
    /// Seconds a resumable session (`gateway.resumable`) stays online after its
    /// browser's connection drops, waiting for `gateway.resume`; 0 disables resumption.
    #[arg(long)]
    pub resume_grace_secs: Option<u64>,
    /// Most bytes of frames a resumable session keeps for its browser to resume.
    #[arg(long)]
    pub resume_buffer_bytes: Option<usize>,
}

/// The same options as read from the TOML file.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FileConfig {
    pub listen: Option<SocketAddr>,
    #[serde(default)]
    pub allowed_domains: Vec<String>,
    #[serde(default)]
    pub allowed_hosts: Vec<String>,
    pub allow_loopback: Option<bool>,
    pub ca_file: Option<PathBuf>,
    #[serde(default)]
    pub allowed_origins: Vec<String>,
    pub max_frame_bytes: Option<usize>,
    pub max_sessions: Option<usize>,
    pub stanza_rate: Option<u32>,
    pub iq_timeout_secs: Option<u64>,
    pub resume_grace_secs: Option<u64>,
    pub resume_buffer_bytes: Option<usize>,
}

/// The effective configuration.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Config {
    pub listen: SocketAddr,
    pub allowed_domains: Vec<String>,
    pub allowed_hosts: Vec<String>,
    pub allow_loopback: bool,
    pub ca_file: Option<PathBuf>,
    pub allowed_origins: Vec<String>,
    pub max_frame_bytes: usize,
    pub max_sessions: usize,
    pub stanza_rate: u32,
    pub iq_timeout_secs: u64,
    pub resume_grace_secs: u64,
    pub resume_buffer_bytes: usize,
}

pub const DEFAULT_LISTEN: &str = "127.0.0.1:3000";

impl Config {
    /// Flags over file over defaults.
    pub fn resolve(flags: &Flags, file: &FileConfig) -> Config {
        let listen = flags
            .listen
            .or(file.listen)
            .unwrap_or_else(|| SocketAddr::from(([127, 0, 0, 1], 3000)));
        let pick =
            |a: &Vec<String>, b: &Vec<String>| if a.is_empty() { b.clone() } else { a.clone() };
        Config {
            listen,
            allowed_domains: pick(&flags.allowed_domains, &file.allowed_domains)
                .into_iter()
                .map(|d| d.to_lowercase())
                .collect(),
            allowed_hosts: pick(&flags.allowed_hosts, &file.allowed_hosts),
            allow_loopback: flags
                .allow_loopback
                .or(file.allow_loopback)
                .unwrap_or(listen.ip().is_loopback()),
            ca_file: flags.ca_file.clone().or_else(|| file.ca_file.clone()),
            allowed_origins: pick(&flags.allowed_origins, &file.allowed_origins),
            max_frame_bytes: flags
                .max_frame_bytes
                .or(file.max_frame_bytes)
                .unwrap_or(64 * 1024),
            max_sessions: flags.max_sessions.or(file.max_sessions).unwrap_or(10_000),
            stanza_rate: flags.stanza_rate.or(file.stanza_rate).unwrap_or(50),
            iq_timeout_secs: flags.iq_timeout_secs.or(file.iq_timeout_secs).unwrap_or(30),
            resume_grace_secs: flags
                .resume_grace_secs
                .or(file.resume_grace_secs)
                .unwrap_or(60),
            resume_buffer_bytes: flags
                .resume_buffer_bytes
                .or(file.resume_buffer_bytes)
                .unwrap_or(256 * 1024),
        }
    }

    /// Reads the flags' `--config` file (if any) and resolves.
    pub fn load(flags: &Flags) -> Result<Config, String> {
        let file = match &flags.config {
            Some(path) => read_file(path)?,
            None => FileConfig::default(),
        };
        Ok(Config::resolve(flags, &file))
    }

    /// Whether users may log in to `domain`.
    pub fn domain_allowed(&self, domain: &str) -> bool {
        self.allowed_domains.is_empty()
            || self
                .allowed_domains
                .iter()
                .any(|d| d.eq_ignore_ascii_case(domain))
    }

    /// Whether the gateway may open a connection to `ip` (reached through
    /// `host`, the name it was resolved from, if any).
    pub fn address_allowed(&self, ip: IpAddr, host: Option<&str>) -> bool {
        let listed = self.allowed_hosts.iter().any(|h| {
            h.parse::<IpAddr>().is_ok_and(|a| a == ip)
                || host.is_some_and(|n| h.eq_ignore_ascii_case(n))
        });
        if listed {
            return true;
        }
        if ip.is_loopback() {
            return self.allow_loopback;
        }
        is_public(ip)
    }

    /// Whether a browser page from `origin` may connect (`None`: no Origin header,
    /// i.e. not a browser).
    pub fn origin_allowed(&self, origin: Option<&str>) -> bool {
        match origin {
            _ if self.allowed_origins.is_empty() => true,
            None => true,
            Some(o) => self.allowed_origins.iter().any(|a| a == o),
        }
    }
}

fn read_file(path: &Path) -> Result<FileConfig, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
}

/// Globally routable: not private, loopback, link-local, unspecified,
/// documentation, shared (CGNAT) or unique-local space.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => {
            let [a, b, ..] = v4.octets();
            !(v4.is_private()
                || v4.is_loopback()
                || v4.is_link_local()
                || v4.is_unspecified()
                || v4.is_broadcast()
                || v4.is_documentation()
                || v4.is_multicast()
                || a == 0
                || (a == 100 && (64..128).contains(&b)))
        }
        IpAddr::V6(v6) => {
            if let Some(v4) = v6.to_ipv4_mapped() {
                return is_public(IpAddr::V4(v4));
            }
            let first = v6.segments()[0];
            !(v6.is_loopback()
                || v6.is_unspecified()
                || v6.is_multicast()
                || (first & 0xfe00) == 0xfc00
                || (first & 0xffc0) == 0xfe80
                || first == 0x2001 && v6.segments()[1] == 0x0db8)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn config(args: &[&str]) -> Config {
        let flags =
            Flags::parse_from(std::iter::once("xmpp-ftw-gateway").chain(args.iter().copied()));
        Config::resolve(&flags, &FileConfig::default())
    }

    #[test]
    fn defaults_are_safe() {
        let c = config(&[]);
        assert_eq!(c.listen.to_string(), DEFAULT_LISTEN);
        assert!(
            c.allow_loopback,
            "loopback gateway may reach a local server"
        );
        assert!(c.address_allowed("93.184.216.34".parse().expect("ip"), None));
        assert!(!c.address_allowed("10.1.2.3".parse().expect("ip"), None));
        assert!(!c.address_allowed("192.168.0.1".parse().expect("ip"), None));
        assert!(!c.address_allowed("169.254.169.254".parse().expect("ip"), None));
        assert!(!c.address_allowed("fe80::1".parse().expect("ip"), None));
        assert!(!c.address_allowed("::ffff:10.0.0.1".parse().expect("ip"), None));
        assert_eq!(c.max_frame_bytes, 65_536);
    }

    #[test]
    fn a_public_gateway_does_not_reach_loopback_unless_listed() {
        let c = config(&["--listen", "0.0.0.0:3000"]);
        assert!(!c.allow_loopback);
        assert!(!c.address_allowed("127.0.0.1".parse().expect("ip"), None));
        let c = config(&["--listen", "0.0.0.0:3000", "--allow-host", "127.0.0.1"]);
        assert!(c.address_allowed("127.0.0.1".parse().expect("ip"), None));
        let c = config(&["--listen", "0.0.0.0:3000", "--allow-host", "xmpp.lan"]);
        assert!(c.address_allowed("10.0.0.7".parse().expect("ip"), Some("XMPP.lan")));
    }

    #[test]
    fn domains_and_origins_can_be_restricted() {
        let c = config(&[
            "--allow-domain",
            "Example.org",
            "--allow-origin",
            "https://chat.example.org",
        ]);
        assert!(c.domain_allowed("example.org"));
        assert!(!c.domain_allowed("evil.example"));
        assert!(c.origin_allowed(Some("https://chat.example.org")));
        assert!(!c.origin_allowed(Some("https://evil.example")));
    }

    #[test]
    fn flags_override_the_file() {
        let file: FileConfig = toml::from_str(
            "listen = \"127.0.0.1:4000\"\nmax_sessions = 5\nallowed_domains = [\"a.example\"]",
        )
        .expect("valid TOML");
        let flags = Flags::parse_from(["xmpp-ftw-gateway", "--max-sessions", "7"]);
        let c = Config::resolve(&flags, &file);
        assert_eq!(c.listen.port(), 4000);
        assert_eq!(c.max_sessions, 7);
        assert_eq!(c.allowed_domains, ["a.example"]);
    }

    #[test]
    fn unknown_file_options_are_errors() {
        assert!(toml::from_str::<FileConfig>("max_session = 5").is_err());
    }
}
