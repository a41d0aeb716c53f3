//! `xmpp-ftw-load`: load on the gateway, beside the same load without it.
//!
//! The tool starts its own private Prosody (the test harness's
//! [`xmpp_ftw_tests::prosody`], Nagle off, no rate limits, one account per session)
//! and, for the gateway path, the gateway as a separate process
//! (`--gateway-bin target/release/xmpp-ftw-gateway`, or this tool's own copy of the
//! gateway's server), so that the gateway's CPU time and resident memory can be read
//! from `/proc` around each phase. Then, all on loopback:
//!
//! 1. **Direct path** (the no-gateway baseline): `2 × pairs` clients speak XMPP over
//!    WebSocket (RFC 7395) straight to Prosody's `mod_websocket`, and relay chat
//!    messages in pairs: a fixed offered rate, then saturation (each sender keeps
//!    `--window` messages under way).
//! 2. **Gateway path**: `--idle-sessions` browser sockets log in through the gateway
//!    (`xmpp.login`; logins per second), the gateway's memory per idle session is
//!    read, the same relay runs go through it (`xmpp.chat.message`), and then more
//!    sessions log in until `--max-sessions` are held at once or logins fail; every
//!    pair of them relays to show the sessions are alive.
//! 3. **TLS**: the idle-session memory again, with STARTTLS between the gateway and
//!    a second Prosody.
//!
//! Latency is one-way, from the sender's `send` to the receiver's frame read, both in
//! this process (the send time travels in the message). The CPU per relayed message
//! is the gateway's CPU time over the run divided by the messages delivered; each
//! passes the gateway twice (in from one browser, out to another).
//!
//! The figures are printed, and written as JSON with `--json`. Every loop is bounded
//! in count and time, and every connection goes to 127.0.0.1.

mod conn;
mod procfs;
mod relay;
mod servers;

use clap::{Parser, Subcommand, ValueEnum};
use conn::{Path, Target};
use relay::{Pace, RunOutcome};
use serde_json::{Value, json};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

#[derive(Parser, Debug)]
#[command(
    name = "xmpp-ftw-load",
    version,
    about = "Relays chat messages between pairs of sessions through the XMPP-FTW gateway \
             and straight to Prosody, and reports throughput, latency, CPU and memory",
    args_conflicts_with_subcommands = true
)]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
    #[command(flatten)]
    run: RunArgs,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Run the gateway's server in this process (what the tool starts when no
    /// `--gateway-bin` is given); takes the gateway's flags.
    #[command(hide = true)]
    ServeGateway(xmpp_ftw_gateway::config::Flags),
}

#[derive(clap::Args, Debug, Clone)]
struct RunArgs {
    /// Pairs of sessions relaying messages to each other in the relay runs.
    #[arg(long, default_value_t = 50)]
    pairs: usize,
    /// Offered rate of the fixed-rate run, messages per second for all pairs together.
    #[arg(long, default_value_t = 2000.0)]
    rate: f64,
    /// Length of each relay run, in seconds.
    #[arg(long, default_value_t = 10.0)]
    duration: f64,
    /// Messages each sender keeps under way in the saturation run.
    #[arg(long, default_value_t = 8)]
    window: usize,
    /// Idle gateway sessions for the memory per session (plain TCP to Prosody).
    #[arg(long, default_value_t = 1000)]
    idle_sessions: usize,
    /// Sessions the gateway should hold at once in the scale run; 0 skips it.
    #[arg(long, default_value_t = 10_000)]
    max_sessions: usize,
    /// Idle gateway sessions over STARTTLS for the memory per TLS session; 0 skips it.
    #[arg(long, default_value_t = 1000)]
    tls_idle_sessions: usize,
    /// Logins under way at once.
    #[arg(long, default_value_t = 64)]
    login_concurrency: usize,
    /// Which paths to load.
    #[arg(long, value_enum, default_value_t = Paths::Both)]
    paths: Paths,
    /// The gateway binary, e.g. `target/release/xmpp-ftw-gateway`; without it the
    /// tool runs its own copy of the gateway's server in a child process.
    #[arg(long)]
    gateway_bin: Option<PathBuf>,
    /// Write the figures here as JSON.
    #[arg(long)]
    json: Option<PathBuf>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Paths {
    Gateway,
    Direct,
    Both,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Some(Command::ServeGateway(flags)) => servers::serve_gateway(&flags),
        None => run(&cli.run),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("xmpp-ftw-load: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &RunArgs) -> Result<(), String> {
    if args.pairs == 0 {
        return Err("--pairs must be at least 1".to_owned());
    }
    if !(args.rate > 0.0 && args.duration > 0.0) {
        return Err("--rate and --duration must be positive".to_owned());
    }
    let relay_sessions = 2 * args.pairs;
    let idle = args.idle_sessions.max(relay_sessions);
    let users = idle.max(args.max_sessions);
    // The gateway holds two sockets per session, this tool one, Prosody one.
    let nofile = procfs::raise_nofile((2 * users + 4096) as u64)?;
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|e| format!("starting the runtime: {e}"))?;
    let work = std::env::temp_dir().join(format!("xmpp-ftw-load-{}", std::process::id()));
    std::fs::create_dir_all(&work).map_err(|e| format!("creating {}: {e}", work.display()))?;
    let result = runtime.block_on(run_all(args, idle, users, nofile, &work));
    let _ = std::fs::remove_dir_all(&work);
    let report = result?;
    if let Some(path) = &args.json {
        let text = serde_json::to_string_pretty(&report).map_err(|e| e.to_string())?;
        std::fs::write(path, text).map_err(|e| format!("writing {}: {e}", path.display()))?;
    }
    Ok(())
}

async fn run_all(
    args: &RunArgs,
    idle: usize,
    users: usize,
    nofile: u64,
    work: &std::path::Path,
) -> Result<Value, String> {
    let duration = Duration::from_secs_f64(args.duration);
    let relay_sessions = 2 * args.pairs;
    say(&format!(
        "starting Prosody with {users} accounts (open-file limit {nofile})"
    ));
    let prosody = servers::start_prosody(users, false)?;
    let prosody_pid = prosody
        .pid()
        .ok_or_else(|| "Prosody has no process id".to_owned())?;
    let config = std::fs::read_to_string(prosody.config_path()).unwrap_or_default();
    let mut report = json!({
        "machine": machine(),
        "gateway": match &args.gateway_bin {
            Some(p) => p.display().to_string(),
            None => "xmpp-ftw-load serve-gateway (the gateway's server in a child process)".to_owned(),
        },
        "settings": {
            "pairs": args.pairs,
            "rate": args.rate,
            "duration_s": args.duration,
            "window": args.window,
            "idle_sessions": idle,
            "max_sessions": args.max_sessions,
            "tls_idle_sessions": args.tls_idle_sessions,
            "login_concurrency": args.login_concurrency,
            "open_file_limit": nofile,
        },
        "prosody_config": config,
    });

    if args.paths != Paths::Gateway {
        let target = Target {
            url: prosody.websocket_url(),
            domain: prosody.domain().to_owned(),
            c2s_host: prosody.host().to_string(),
            c2s_port: prosody.c2s_port(),
        };
        say(&format!(
            "direct: logging in {relay_sessions} sessions to {}",
            target.url
        ));
        let logins = relay::login_many(
            Path::Direct,
            &target,
            0,
            relay_sessions,
            args.login_concurrency,
        )
        .await;
        check_logins(&logins, relay_sessions, "direct")?;
        let mut peers = logins.peers;
        let mut runs = serde_json::Map::new();
        for (name, pace, length) in relay_plan(args, duration) {
            let (back, figures) =
                measured_run(peers, Path::Direct, pace, length, None, prosody_pid).await?;
            peers = back;
            say(&format!("direct {name}: {}", summary(&figures)));
            runs.insert(name.to_owned(), figures);
        }
        relay::close_all(peers).await;
        report["direct"] = Value::Object(runs);
    }

    if args.paths != Paths::Direct {
        report["gateway_path"] =
            gateway_path(args, &prosody, prosody_pid, idle, duration, work).await?;
        if args.tls_idle_sessions > 0 {
            drop(prosody);
            report["gateway_tls"] = tls_memory(args, work).await?;
        }
    }
    Ok(report)
}

/// The warm-up (at most 2 s) and the two measured runs.
fn relay_plan(args: &RunArgs, duration: Duration) -> Vec<(&'static str, Pace, Duration)> {
    vec![
        (
            "warm_up",
            Pace::Window(1),
            duration.min(Duration::from_secs(2)),
        ),
        ("fixed_rate", Pace::Rate(args.rate), duration),
        ("saturation", Pace::Window(args.window), duration),
    ]
}

async fn gateway_path(
    args: &RunArgs,
    prosody: &xmpp_ftw_tests::prosody::Prosody,
    prosody_pid: u32,
    idle: usize,
    duration: Duration,
    work: &std::path::Path,
) -> Result<Value, String> {
    let relay_sessions = 2 * args.pairs;
    let mut gateway = servers::Gateway::start(&servers::GatewayOptions {
        binary: args.gateway_bin.clone(),
        max_sessions: args.max_sessions.max(idle) + 16,
        stanza_rate: 1_000_000,
        ca_file: None,
        log: work.join("gateway.log"),
    })?;
    let gw = gateway.pid();
    let target = Target {
        url: gateway.ws_url(),
        domain: prosody.domain().to_owned(),
        c2s_host: prosody.host().to_string(),
        c2s_port: prosody.c2s_port(),
    };
    let (logins_figures, mut peers, memory) =
        idle_sessions(&target, gw, idle, args.login_concurrency, "gateway").await?;
    let mut out = json!({ "logins": logins_figures, "idle_memory": memory });

    let mut relaying: Vec<conn::Peer> = peers.drain(..relay_sessions).collect();
    let mut runs = serde_json::Map::new();
    for (name, pace, length) in relay_plan(args, duration) {
        let (back, figures) =
            measured_run(relaying, Path::Gateway, pace, length, Some(gw), prosody_pid).await?;
        relaying = back;
        say(&format!("gateway {name}: {}", summary(&figures)));
        runs.insert(name.to_owned(), figures);
    }
    out["runs"] = Value::Object(runs);
    peers.splice(0..0, relaying);

    if args.max_sessions > peers.len() {
        out["scale"] = scale(args, &target, gw, peers, &mut gateway, duration).await?;
    }
    Ok(out)
}

/// Logs `count` sessions in on a fresh gateway and reads its memory before and after.
async fn idle_sessions(
    target: &Target,
    gw: u32,
    count: usize,
    concurrency: usize,
    label: &str,
) -> Result<(Value, Vec<conn::Peer>, Value), String> {
    settle().await;
    let before = procfs::sample(gw)?;
    say(&format!("{label}: logging in {count} sessions"));
    let logins = relay::login_many(Path::Gateway, target, 0, count, concurrency).await;
    check_logins(&logins, count, label)?;
    let after_login = procfs::sample(gw)?;
    settle().await;
    let after = procfs::sample(gw)?;
    let per_second = count as f64 / logins.elapsed.as_secs_f64();
    let cpu_per_login = (after_login.cpu - before.cpu).as_secs_f64() * 1e6 / count as f64;
    let per_session = (after.rss_kib as f64 - before.rss_kib as f64) / count as f64;
    say(&format!(
        "{label}: {count} logins in {:.2} s ({per_second:.0}/s, gateway CPU {cpu_per_login:.0} µs each); \
         RSS {} → {} KiB: {per_session:.1} KiB per idle session",
        logins.elapsed.as_secs_f64(),
        before.rss_kib,
        after.rss_kib
    ));
    Ok((
        json!({
            "count": count,
            "seconds": logins.elapsed.as_secs_f64(),
            "per_second": per_second,
            "gateway_cpu_us_per_login": cpu_per_login,
        }),
        logins.peers,
        json!({
            "sessions": count,
            "rss_kib_before": before.rss_kib,
            "rss_kib_after": after.rss_kib,
            "kib_per_session": per_session,
        }),
    ))
}

/// Logs in more sessions, 1,000 at a time, until `--max-sessions` are held or a
/// batch fails; then every pair relays for a while to show they are all alive.
async fn scale(
    args: &RunArgs,
    target: &Target,
    gw: u32,
    mut peers: Vec<conn::Peer>,
    gateway: &mut servers::Gateway,
    duration: Duration,
) -> Result<Value, String> {
    let started = Instant::now();
    let mut failure = None;
    while peers.len() < args.max_sessions {
        let batch = (args.max_sessions - peers.len()).min(1000);
        let logins = relay::login_many(
            Path::Gateway,
            target,
            peers.len(),
            batch,
            args.login_concurrency,
        )
        .await;
        peers.extend(logins.peers);
        say(&format!("scale: {} sessions held", peers.len()));
        if let Some(first) = logins.failures.first() {
            failure = Some(format!(
                "{} logins failed, first: {first}",
                logins.failures.len()
            ));
            break;
        }
        if !gateway.is_running() {
            failure = Some("the gateway exited".to_owned());
            break;
        }
    }
    let held = peers.len();
    settle().await;
    let memory = procfs::sample(gw)?;
    let seconds = started.elapsed().as_secs_f64();
    let (peers, outcome, cpu) = {
        let before = procfs::sample(gw)?;
        let (peers, outcome) = relay::run(
            peers,
            Path::Gateway,
            Pace::Window(1),
            duration.min(Duration::from_secs(5)),
        )
        .await;
        let after = procfs::sample(gw)?;
        (peers, outcome, after.cpu - before.cpu)
    };
    say(&format!(
        "scale: {held} sessions, RSS {} KiB; all pairs relaying: {} of {} senders heard, {}",
        memory.rss_kib,
        outcome.senders_heard,
        outcome.senders,
        summary(&run_figures(&outcome, Some(cpu), None))
    ));
    relay::close_all(peers).await;
    Ok(json!({
        "sessions_held": held,
        "failure": failure,
        "seconds_to_log_in": seconds,
        "rss_kib": memory.rss_kib,
        "all_pairs_run": run_figures(&outcome, Some(cpu), None),
    }))
}

async fn tls_memory(args: &RunArgs, work: &std::path::Path) -> Result<Value, String> {
    let count = args.tls_idle_sessions;
    say(&format!(
        "TLS: starting a Prosody with STARTTLS and {count} accounts"
    ));
    let prosody = servers::start_prosody(count, true)?;
    let ca = prosody
        .ca_file()
        .ok_or_else(|| "the TLS Prosody has no CA file".to_owned())?
        .to_owned();
    let gateway = servers::Gateway::start(&servers::GatewayOptions {
        binary: args.gateway_bin.clone(),
        max_sessions: count + 16,
        stanza_rate: 1_000_000,
        ca_file: Some(ca),
        log: work.join("gateway-tls.log"),
    })?;
    let target = Target {
        url: gateway.ws_url(),
        domain: prosody.domain().to_owned(),
        c2s_host: prosody.host().to_string(),
        c2s_port: prosody.c2s_port(),
    };
    let (logins, peers, memory) =
        idle_sessions(&target, gateway.pid(), count, args.login_concurrency, "TLS").await?;
    relay::close_all(peers).await;
    Ok(json!({ "logins": logins, "idle_memory": memory }))
}

/// One relay run with the CPU time of the gateway (if any), Prosody and this tool
/// read around it.
async fn measured_run(
    peers: Vec<conn::Peer>,
    path: Path,
    pace: Pace,
    duration: Duration,
    gateway: Option<u32>,
    prosody: u32,
) -> Result<(Vec<conn::Peer>, Value), String> {
    let me = std::process::id();
    let gw_before = gateway.map(procfs::sample).transpose()?;
    let prosody_before = procfs::sample(prosody)?;
    let me_before = procfs::sample(me)?;
    let (peers, outcome) = relay::run(peers, path, pace, duration).await;
    let gw_cpu = match (gateway, gw_before) {
        (Some(pid), Some(before)) => Some(procfs::sample(pid)?.cpu - before.cpu),
        _ => None,
    };
    let prosody_cpu = procfs::sample(prosody)?.cpu - prosody_before.cpu;
    let me_cpu = procfs::sample(me)?.cpu - me_before.cpu;
    let mut figures = run_figures(&outcome, gw_cpu, Some(prosody_cpu));
    figures["load_tool_cpu_us_per_message"] = json!(per_message_us(me_cpu, outcome.delivered));
    if let Pace::Rate(r) = pace {
        figures["offered_per_second"] = json!(r);
    }
    if let Pace::Window(w) = pace {
        figures["window"] = json!(w);
    }
    Ok((peers, figures))
}

fn run_figures(
    outcome: &RunOutcome,
    gateway_cpu: Option<Duration>,
    prosody_cpu: Option<Duration>,
) -> Value {
    json!({
        "sent": outcome.sent,
        "delivered": outcome.delivered,
        "lost": outcome.sent.saturating_sub(outcome.delivered),
        "errors": outcome.errors,
        "first_error": outcome.first_error,
        "senders": outcome.senders,
        "senders_heard": outcome.senders_heard,
        "seconds": outcome.span.as_secs_f64(),
        "per_second": outcome.per_second(),
        "latency_us": {
            "p50": outcome.quantile_us(0.5),
            "p90": outcome.quantile_us(0.9),
            "p99": outcome.quantile_us(0.99),
            "max": outcome.quantile_us(1.0),
        },
        "gateway_cpu_us_per_message": gateway_cpu.map(|c| per_message_us(c, outcome.delivered)),
        "prosody_cpu_us_per_message": prosody_cpu.map(|c| per_message_us(c, outcome.delivered)),
    })
}

fn per_message_us(cpu: Duration, messages: u64) -> f64 {
    if messages == 0 {
        return 0.0;
    }
    cpu.as_secs_f64() * 1e6 / messages as f64
}

fn summary(f: &Value) -> String {
    let num = |v: &Value| v.as_f64().unwrap_or(f64::NAN);
    let mut s = format!(
        "{} of {} delivered ({} errors) at {:.0}/s; latency p50 {:.0} µs, p99 {:.0} µs",
        f["delivered"],
        f["sent"],
        f["errors"],
        num(&f["per_second"]),
        num(&f["latency_us"]["p50"]),
        num(&f["latency_us"]["p99"]),
    );
    if let Some(c) = f["gateway_cpu_us_per_message"].as_f64() {
        s.push_str(&format!("; gateway CPU {c:.1} µs/message"));
    }
    if let Some(c) = f["prosody_cpu_us_per_message"].as_f64() {
        s.push_str(&format!("; Prosody CPU {c:.1} µs/message"));
    }
    if let Some(e) = f["first_error"].as_str() {
        s.push_str(&format!("; first error: {e}"));
    }
    s
}

fn check_logins(logins: &relay::Logins, wanted: usize, label: &str) -> Result<(), String> {
    match logins.failures.first() {
        None if logins.peers.len() == wanted => Ok(()),
        None => Err(format!(
            "{label}: {} of {wanted} logged in",
            logins.peers.len()
        )),
        Some(first) => Err(format!(
            "{label}: {} of {wanted} logins failed, the first: {first}",
            logins.failures.len()
        )),
    }
}

/// Lets sockets, allocators and timers come to rest before memory is read.
async fn settle() {
    tokio::time::sleep(Duration::from_secs(2)).await;
}

fn say(line: &str) {
    println!("{line}");
}

fn machine() -> Value {
    let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
    let model = cpuinfo
        .lines()
        .find_map(|l| l.strip_prefix("model name"))
        .map(|m| m.trim_start_matches([' ', '\t', ':']).to_owned());
    json!({
        "cpu": model,
        "cores": std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0),
        "kernel": std::fs::read_to_string("/proc/sys/kernel/osrelease").map(|s| s.trim().to_owned()).ok(),
        "profile": if cfg!(debug_assertions) { "debug" } else { "release" },
    })
}
