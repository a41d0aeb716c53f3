//! Logging many sessions in, and relaying chat messages between pairs of them.
//!
//! Peers `2k` and `2k + 1` form a pair and send to each other. Every message's
//! content is `<sender index> <sequence> <send time>`, the send time in nanoseconds
//! since the run's clock started, in this process, so the receiver computes the
//! one-way latency (send call to frame read) without any clock synchronisation.

use crate::conn::{self, Incoming, MessageTemplate, Path, Peer, Target};
use futures_util::{SinkExt, StreamExt};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};
use tokio::sync::{Semaphore, watch};
use tokio::task::JoinSet;
use tokio_tungstenite::tungstenite::Message;

/// How long the messages still under way after the senders stop may take to arrive.
pub const DRAIN_TIMEOUT: Duration = Duration::from_secs(30);

/// The outcome of a batch of logins.
pub struct Logins {
    pub peers: Vec<Peer>,
    pub failures: Vec<String>,
    pub elapsed: Duration,
}

/// Logs in users `first..first + count` (at most `concurrency` at a time).
pub async fn login_many(
    path: Path,
    target: &Target,
    first: usize,
    count: usize,
    concurrency: usize,
) -> Logins {
    let started = Instant::now();
    let gate = Arc::new(Semaphore::new(concurrency.max(1)));
    let mut set = JoinSet::new();
    for i in first..first + count {
        let gate = gate.clone();
        let target = target.clone();
        set.spawn(async move {
            let _permit = gate.acquire_owned().await;
            let user = crate::servers::user(i);
            (
                i,
                conn::login(path, &target, &user, crate::servers::PASSWORD).await,
            )
        });
    }
    let mut ok = Vec::with_capacity(count);
    let mut failures = Vec::new();
    while let Some(joined) = set.join_next().await {
        match joined {
            Ok((i, Ok(peer))) => ok.push((i, peer)),
            Ok((_, Err(e))) => failures.push(e),
            Err(e) => failures.push(format!("login task: {e}")),
        }
    }
    let elapsed = started.elapsed();
    ok.sort_by_key(|(i, _)| *i);
    Logins {
        peers: ok.into_iter().map(|(_, p)| p).collect(),
        failures,
        elapsed,
    }
}

/// How the senders pace themselves.
#[derive(Clone, Copy, Debug)]
pub enum Pace {
    /// This many messages per second in all, spread evenly over the senders,
    /// whatever the answers (open loop).
    Rate(f64),
    /// Each sender keeps this many messages under way (closed loop): saturation.
    Window(usize),
}

/// What one run measured.
#[derive(Debug, Clone)]
pub struct RunOutcome {
    pub sent: u64,
    pub delivered: u64,
    pub errors: u64,
    pub first_error: Option<String>,
    /// Senders at least one of whose messages arrived, of `senders`.
    pub senders_heard: usize,
    pub senders: usize,
    /// From the first send to the last delivery.
    pub span: Duration,
    /// One-way latencies in nanoseconds, sorted.
    pub latencies_ns: Vec<u64>,
}

impl RunOutcome {
    pub fn per_second(&self) -> f64 {
        let s = self.span.as_secs_f64();
        if s > 0.0 {
            self.delivered as f64 / s
        } else {
            0.0
        }
    }

    /// The latency at quantile `q` (0..=1), in microseconds.
    pub fn quantile_us(&self, q: f64) -> f64 {
        if self.latencies_ns.is_empty() {
            return 0.0;
        }
        let last = self.latencies_ns.len() - 1;
        let i = ((last as f64) * q).round() as usize;
        self.latencies_ns[i.min(last)] as f64 / 1000.0
    }
}

struct Shared {
    clock: Instant,
    /// Messages of each sender that arrived.
    delivered: Vec<AtomicU64>,
    /// Room in each sender's window (closed loop only).
    windows: Vec<Semaphore>,
    last_delivery_ns: AtomicU64,
}

/// Relays for `duration` among `peers` (an even number; `2k` with `2k + 1`), then
/// waits for what is under way; gives the peers back for the next run.
pub async fn run(
    peers: Vec<Peer>,
    path: Path,
    pace: Pace,
    duration: Duration,
) -> (Vec<Peer>, RunOutcome) {
    let n = peers.len() - peers.len() % 2;
    let window = match pace {
        Pace::Window(w) => w.max(1),
        Pace::Rate(_) => 0,
    };
    let shared = Arc::new(Shared {
        clock: Instant::now(),
        delivered: (0..n).map(|_| AtomicU64::new(0)).collect(),
        windows: (0..n).map(|_| Semaphore::new(window)).collect(),
        last_delivery_ns: AtomicU64::new(0),
    });
    let jids: Vec<String> = peers.iter().map(|p| p.jid.clone()).collect();
    let (stop_tx, stop_rx) = watch::channel(false);
    let start_ns = now_ns(&shared);
    let end_ns = start_ns + duration.as_nanos() as u64;
    let end_at = tokio::time::Instant::now() + duration;
    let mut readers = Vec::with_capacity(n);
    let mut writers = Vec::with_capacity(n);
    for (i, peer) in peers.into_iter().enumerate() {
        let Peer { jid, sink, stream } = peer;
        let partner = i ^ 1;
        if i >= n {
            // An odd one out sits this run out.
            readers.push(tokio::spawn(async move { (stream, Vec::new(), 0, None) }));
            writers.push(tokio::spawn(async move { (jid, sink, 0) }));
            continue;
        }
        let template = MessageTemplate::new(path, &jids[partner]);
        readers.push(tokio::spawn(read_loop(
            stream,
            path,
            shared.clone(),
            stop_rx.clone(),
        )));
        let shared = shared.clone();
        writers.push(tokio::spawn(async move {
            let mut sink = sink;
            let mut seq = 0u64;
            let mut ticker = match pace {
                Pace::Rate(rate) => {
                    let period = Duration::from_secs_f64(n as f64 / rate.max(1e-9));
                    // Stagger the senders over one period.
                    let offset = period.mul_f64(i as f64 / n as f64);
                    let mut t =
                        tokio::time::interval_at(tokio::time::Instant::now() + offset, period);
                    t.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Burst);
                    Some(t)
                }
                Pace::Window(_) => None,
            };
            loop {
                match &mut ticker {
                    Some(t) => {
                        t.tick().await;
                    }
                    // Bounded by the run's end: a lost message must not stall
                    // its sender for ever.
                    None => {
                        match tokio::time::timeout_at(end_at, shared.windows[i].acquire()).await {
                            Ok(Ok(permit)) => permit.forget(),
                            _ => break,
                        }
                    }
                }
                let now = now_ns(&shared);
                if now >= end_ns {
                    break;
                }
                let frame = template.frame(&format!("{i} {seq} {now}"));
                if sink.send(Message::text(frame)).await.is_err() {
                    break;
                }
                seq += 1;
            }
            (jid, sink, seq)
        }));
    }

    let mut sent_by = vec![0u64; writers.len()];
    let mut sinks = Vec::with_capacity(writers.len());
    for (i, w) in writers.into_iter().enumerate() {
        match w.await {
            Ok((jid, sink, sent)) => {
                sent_by[i] = sent;
                sinks.push(Some((jid, sink)));
            }
            Err(_) => sinks.push(None),
        }
    }
    let sent: u64 = sent_by.iter().sum();
    let drain_deadline = Instant::now() + DRAIN_TIMEOUT;
    loop {
        let delivered: u64 = shared
            .delivered
            .iter()
            .map(|d| d.load(Ordering::Relaxed))
            .sum();
        if delivered >= sent || Instant::now() >= drain_deadline {
            break;
        }
        tokio::time::sleep(Duration::from_millis(5)).await;
    }
    let _ = stop_tx.send(true);

    let mut latencies = Vec::new();
    let mut errors = 0;
    let mut first_error = None;
    let mut peers = Vec::with_capacity(readers.len());
    for (r, s) in readers.into_iter().zip(sinks) {
        if let (Ok((stream, lat, errs, first)), Some((jid, sink))) = (r.await, s) {
            latencies.extend(lat);
            errors += errs;
            first_error = first_error.or(first);
            peers.push(Peer { jid, sink, stream });
        }
    }
    latencies.sort_unstable();
    let delivered = shared
        .delivered
        .iter()
        .map(|d| d.load(Ordering::Relaxed))
        .sum();
    let last = shared.last_delivery_ns.load(Ordering::Relaxed);
    let senders_heard = shared
        .delivered
        .iter()
        .filter(|d| d.load(Ordering::Relaxed) > 0)
        .count();
    let outcome = RunOutcome {
        sent,
        delivered,
        errors,
        first_error,
        senders_heard,
        senders: n,
        span: Duration::from_nanos(last.saturating_sub(start_ns)),
        latencies_ns: latencies,
    };
    (peers, outcome)
}

type ReadResult = (
    futures_util::stream::SplitStream<conn::Ws>,
    Vec<u64>,
    u64,
    Option<String>,
);

async fn read_loop(
    mut stream: futures_util::stream::SplitStream<conn::Ws>,
    path: Path,
    shared: Arc<Shared>,
    mut stop: watch::Receiver<bool>,
) -> ReadResult {
    let mut latencies = Vec::new();
    let mut errors = 0;
    let mut first_error = None;
    loop {
        let msg = tokio::select! {
            msg = stream.next() => msg,
            _ = stop.changed() => break,
        };
        let text = match msg {
            Some(Ok(Message::Text(t))) => t,
            Some(Ok(_)) => continue,
            Some(Err(e)) => {
                errors += 1;
                first_error.get_or_insert_with(|| format!("WebSocket error: {e}"));
                break;
            }
            None => {
                errors += 1;
                first_error.get_or_insert_with(|| "WebSocket closed".to_owned());
                break;
            }
        };
        match conn::classify(path, &text) {
            Incoming::Chat(content) => {
                let now = now_ns(&shared);
                let mut parts = content.split(' ');
                let sender = parts.next().and_then(|s| s.parse::<usize>().ok());
                let sent_at = parts.nth(1).and_then(|s| s.parse::<u64>().ok());
                match (sender, sent_at) {
                    (Some(sender), Some(sent_at)) if sender < shared.delivered.len() => {
                        latencies.push(now.saturating_sub(sent_at));
                        shared.delivered[sender].fetch_add(1, Ordering::Relaxed);
                        shared.windows[sender].add_permits(1);
                        shared.last_delivery_ns.fetch_max(now, Ordering::Relaxed);
                    }
                    _ => {
                        errors += 1;
                        first_error.get_or_insert_with(|| format!("foreign content {content:?}"));
                    }
                }
            }
            Incoming::Error(e) => {
                errors += 1;
                first_error.get_or_insert(e);
            }
            Incoming::Other => {}
        }
    }
    (stream, latencies, errors, first_error)
}

fn now_ns(shared: &Shared) -> u64 {
    shared.clock.elapsed().as_nanos() as u64
}

/// Closes the peers' sockets (best effort).
pub async fn close_all(peers: Vec<Peer>) {
    let mut set = JoinSet::new();
    for peer in peers {
        set.spawn(async move {
            let mut sink = peer.sink;
            let _ = sink.close().await;
        });
    }
    while set.join_next().await.is_some() {}
}
