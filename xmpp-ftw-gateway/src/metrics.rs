//! The gateway's Prometheus metrics, served as OpenMetrics text on `GET /metrics`.
//!
//! | metric | kind | meaning |
//! | --- | --- | --- |
//! | `xmpp_ftw_sessions` | gauge | open browser WebSockets |
//! | `xmpp_ftw_logins_total` | counter | login attempts (`xmpp.login`, `xmpp.login.anonymous`) |
//! | `xmpp_ftw_logins_failed_total` | counter | logins that ended in `xmpp.error` |
//! | `xmpp_ftw_stanzas_in_total` | counter | stanzas received from XMPP servers |
//! | `xmpp_ftw_stanzas_out_total` | counter | stanzas sent to XMPP servers |
//! | `xmpp_ftw_client_errors_total` | counter | client errors sent to browsers |
//! | `xmpp_ftw_frames_rejected_total{reason}` | counter | browser frames refused: `malformed`, `binary`, `too_large`, `rate_limited` |
//! | `xmpp_ftw_iq_timeouts_total` | counter | IQ requests that got no reply in time |
//! | `xmpp_ftw_iq_latency_seconds` | histogram | time from an IQ request to its reply |
//!
//! Nothing here is global: the server owns one [`Metrics`] and hands it to each session.

use prometheus_client::encoding::text::encode;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::{Histogram, exponential_buckets};
use prometheus_client::registry::Registry;

/// Why a browser frame was refused (the `reason` label).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rejected {
    Malformed,
    Binary,
    TooLarge,
    RateLimited,
}

impl Rejected {
    const ALL: [Rejected; 4] = [
        Rejected::Malformed,
        Rejected::Binary,
        Rejected::TooLarge,
        Rejected::RateLimited,
    ];

    fn label(self) -> [(&'static str, &'static str); 1] {
        let reason = match self {
            Rejected::Malformed => "malformed",
            Rejected::Binary => "binary",
            Rejected::TooLarge => "too_large",
            Rejected::RateLimited => "rate_limited",
        };
        [("reason", reason)]
    }
}

/// The counters, gauges and histogram of one gateway.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    pub sessions: Gauge,
    /// Resumable sessions whose browser is away (counted in `sessions` too).
    pub sessions_detached: Gauge,
    pub resumptions: Counter,
    pub logins: Counter,
    pub logins_failed: Counter,
    pub stanzas_in: Counter,
    pub stanzas_out: Counter,
    pub client_errors: Counter,
    pub iq_timeouts: Counter,
    pub iq_latency: Histogram,
    frames_rejected: Family<[(&'static str, &'static str); 1], Counter>,
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix("xmpp_ftw");
        let sessions = Gauge::default();
        let sessions_detached = Gauge::default();
        let resumptions = Counter::default();
        let logins = Counter::default();
        let logins_failed = Counter::default();
        let stanzas_in = Counter::default();
        let stanzas_out = Counter::default();
        let client_errors = Counter::default();
        let iq_timeouts = Counter::default();
        // 5 ms .. ~41 s.
        let iq_latency = Histogram::new(exponential_buckets(0.005, 2.0, 14));
        let frames_rejected = Family::<[(&'static str, &'static str); 1], Counter>::default();
        for r in Rejected::ALL {
            // Listed at zero from the start, so dashboards see every reason.
            let _ = frames_rejected.get_or_create(&r.label());
        }
        registry.register(
            "sessions",
            "Open browser WebSocket sessions",
            sessions.clone(),
        );
        registry.register(
            "sessions_detached",
            "Resumable sessions waiting for their browser to come back",
            sessions_detached.clone(),
        );
        registry.register(
            "resumptions",
            "Sessions resumed by a new browser connection",
            resumptions.clone(),
        );
        registry.register("logins", "Login attempts", logins.clone());
        registry.register(
            "logins_failed",
            "Login attempts that failed",
            logins_failed.clone(),
        );
        registry.register(
            "stanzas_in",
            "Stanzas received from XMPP servers",
            stanzas_in.clone(),
        );
        registry.register(
            "stanzas_out",
            "Stanzas sent to XMPP servers",
            stanzas_out.clone(),
        );
        registry.register(
            "client_errors",
            "Client errors sent to browsers",
            client_errors.clone(),
        );
        registry.register(
            "frames_rejected",
            "Browser frames refused, by reason",
            frames_rejected.clone(),
        );
        registry.register(
            "iq_timeouts",
            "IQ requests that got no reply in time",
            iq_timeouts.clone(),
        );
        registry.register(
            "iq_latency_seconds",
            "Time from an IQ request to its reply",
            iq_latency.clone(),
        );
        Metrics {
            registry,
            sessions,
            sessions_detached,
            resumptions,
            logins,
            logins_failed,
            stanzas_in,
            stanzas_out,
            client_errors,
            iq_timeouts,
            iq_latency,
            frames_rejected,
        }
    }

    pub fn frame_rejected(&self, reason: Rejected) {
        self.frames_rejected.get_or_create(&reason.label()).inc();
    }

    /// The OpenMetrics text exposition.
    pub fn encode(&self) -> String {
        let mut out = String::new();
        // Writing into a String cannot fail.
        let _ = encode(&mut out, &self.registry);
        out
    }
}

/// The `Content-Type` of [`Metrics::encode`]'s output.
pub const CONTENT_TYPE: &str = "application/openmetrics-text; version=1.0.0; charset=utf-8";

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_is_exposed() {
        let m = Metrics::new();
        m.logins.inc();
        m.frame_rejected(Rejected::Binary);
        m.iq_latency.observe(0.02);
        let text = m.encode();
        for name in [
            "xmpp_ftw_sessions ",
            "xmpp_ftw_logins_total 1",
            "xmpp_ftw_logins_failed_total 0",
            "xmpp_ftw_stanzas_in_total",
            "xmpp_ftw_stanzas_out_total",
            "xmpp_ftw_client_errors_total",
            "xmpp_ftw_frames_rejected_total{reason=\"binary\"} 1",
            "xmpp_ftw_frames_rejected_total{reason=\"rate_limited\"} 0",
            "xmpp_ftw_iq_timeouts_total",
            "xmpp_ftw_iq_latency_seconds_count 1",
        ] {
            assert!(text.contains(name), "{name} missing from\n{text}");
        }
        assert!(text.ends_with("# EOF\n"));
    }
}
