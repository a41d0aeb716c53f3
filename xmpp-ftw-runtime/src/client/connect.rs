//! Finding the server (RFC 6120 §3.2: SRV, then the domain on 5222), the address
//! policy, and the TCP connection.

use std::collections::hash_map::RandomState;
use std::hash::{BuildHasher, Hasher};
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

use hickory_resolver::TokioResolver;
use hickory_resolver::proto::rr::RData;
use tokio::net::TcpStream;

use super::{ConnectError, ConnectPolicy, DEFAULT_PORT, Login, LoginOptions};

/// Longest wait for one TCP connection before the next address is tried.
const ATTEMPT_TIMEOUT: Duration = Duration::from_secs(10);

/// One address to try, with the host name it came from (`None` for an IP literal).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Candidate {
    pub(crate) addr: SocketAddr,
    pub(crate) name: Option<String>,
}

/// Resolves, filters through the policy and connects to the first address that answers.
pub(crate) async fn open(
    login: &Login,
    opts: &LoginOptions,
    policy: &ConnectPolicy,
    stage: &mut &'static str,
) -> Result<(TcpStream, SocketAddr), ConnectError> {
    let candidates = resolve(login, opts).await?;
    let (allowed, refused) = apply_policy(candidates, policy);
    if allowed.is_empty() {
        return Err(ConnectError::NotAllowed(format!(
            "connecting to {} for {} is not allowed",
            join(&refused),
            login.domain
        )));
    }
    *stage = "connecting";
    let mut failures = Vec::new();
    for candidate in &allowed {
        tracing::debug!(addr = %candidate.addr, host = ?candidate.name, "connecting");
        match tokio::time::timeout(ATTEMPT_TIMEOUT, TcpStream::connect(candidate.addr)).await {
            Ok(Ok(tcp)) => {
                if let Err(e) = tcp.set_nodelay(true) {
                    tracing::debug!(error = %e, "TCP_NODELAY could not be set");
                }
                return Ok((tcp, candidate.addr));
            }
            Ok(Err(e)) => failures.push(format!("{}: {e}", candidate.addr)),
            Err(_) => failures.push(format!(
                "{}: no answer within {ATTEMPT_TIMEOUT:?}",
                candidate.addr
            )),
        }
    }
    let mut why = format!(
        "cannot connect to {}: {}",
        login.domain,
        failures.join("; ")
    );
    if !refused.is_empty() {
        why.push_str(" (not allowed: ");
        why.push_str(&join(&refused));
        why.push(')');
    }
    Err(ConnectError::Unreachable(why))
}

/// Splits candidates into allowed and refused, asking the policy about every one.
pub(crate) fn apply_policy(
    candidates: Vec<Candidate>,
    policy: &ConnectPolicy,
) -> (Vec<Candidate>, Vec<SocketAddr>) {
    let mut allowed = Vec::with_capacity(candidates.len());
    let mut refused = Vec::new();
    for c in candidates {
        if (policy.allow_address)(c.addr.ip(), c.name.as_deref()) {
            allowed.push(c);
        } else {
            tracing::info!(addr = %c.addr, host = ?c.name, "address refused by the connect policy");
            refused.push(c.addr);
        }
    }
    (allowed, refused)
}

fn join(addrs: &[SocketAddr]) -> String {
    addrs
        .iter()
        .map(SocketAddr::to_string)
        .collect::<Vec<_>>()
        .join(", ")
}

/// Every address to try, in order, IPv4-mapped IPv6 addresses canonicalised.
async fn resolve(login: &Login, opts: &LoginOptions) -> Result<Vec<Candidate>, ConnectError> {
    let explicit = opts.host.is_some() || opts.port.is_some();
    let host = opts.host.as_deref().map(str::trim).unwrap_or(&login.domain);
    if let Some(ip) = ip_literal(host) {
        let port = opts.port.unwrap_or(DEFAULT_PORT);
        return Ok(vec![Candidate {
            addr: SocketAddr::new(ip.to_canonical(), port),
            name: None,
        }]);
    }
    let resolver = TokioResolver::builder_tokio()
        .map_err(|e| ConnectError::Unreachable(format!("DNS is not configured: {e}")))?
        .build()
        .map_err(|e| ConnectError::Unreachable(format!("DNS is not configured: {e}")))?;
    let mut problems = Vec::new();
    let mut out = Vec::new();
    if !explicit {
        let query = srv_name(&login.domain);
        match resolver.srv_lookup(query.as_str()).await {
            Ok(lookup) => {
                let records: Vec<SrvRecord> = lookup
                    .answers()
                    .iter()
                    .filter_map(|r| match &r.data {
                        RData::SRV(srv) => Some(SrvRecord {
                            priority: srv.priority,
                            weight: srv.weight,
                            port: srv.port,
                            target: srv.target.to_utf8().trim_end_matches('.').to_owned(),
                        }),
                        _ => None,
                    })
                    .collect();
                if records.len() == 1 && records[0].target.is_empty() {
                    return Err(ConnectError::Unreachable(format!(
                        "{} says it offers no XMPP client service (SRV target \".\")",
                        login.domain
                    )));
                }
                for record in order_srv(records, &mut random_u64) {
                    if record.target.is_empty() {
                        continue;
                    }
                    match lookup_ips(&resolver, &record.target).await {
                        Ok(ips) => out.extend(ips.into_iter().map(|ip| Candidate {
                            addr: SocketAddr::new(ip, record.port),
                            name: Some(record.target.clone()),
                        })),
                        Err(e) => problems.push(format!("{}: {e}", record.target)),
                    }
                }
            }
            Err(e) => tracing::debug!(%query, error = %e, "no SRV records; using the domain"),
        }
    }
    if out.is_empty() {
        let port = opts.port.unwrap_or(DEFAULT_PORT);
        match lookup_ips(&resolver, host).await {
            Ok(ips) => out.extend(ips.into_iter().map(|ip| Candidate {
                addr: SocketAddr::new(ip, port),
                name: Some(host.to_owned()),
            })),
            Err(e) => problems.push(format!("{host}: {e}")),
        }
    }
    if out.is_empty() {
        return Err(ConnectError::Unreachable(format!(
            "no address found for {}: {}",
            login.domain,
            problems.join("; ")
        )));
    }
    Ok(out)
}

async fn lookup_ips(resolver: &TokioResolver, host: &str) -> Result<Vec<IpAddr>, String> {
    let mut name = host.to_owned();
    if !name.ends_with('.') {
        name.push('.');
    }
    let found = resolver
        .lookup_ip(name.as_str())
        .await
        .map_err(|e| e.to_string())?;
    let mut ips: Vec<IpAddr> = Vec::new();
    for ip in found.iter().map(|ip| ip.to_canonical()) {
        if !ips.contains(&ip) {
            ips.push(ip);
        }
    }
    if ips.is_empty() {
        Err("no A or AAAA record".to_owned())
    } else {
        Ok(ips)
    }
}

/// `_xmpp-client._tcp.<domain>.`
fn srv_name(domain: &str) -> String {
    let mut s = String::with_capacity(domain.len() + 20);
    s.push_str("_xmpp-client._tcp.");
    s.push_str(domain.trim_end_matches('.'));
    s.push('.');
    s
}

/// An IP address literal, with or without IPv6 brackets.
fn ip_literal(host: &str) -> Option<IpAddr> {
    let inner = host
        .strip_prefix('[')
        .and_then(|h| h.strip_suffix(']'))
        .unwrap_or(host);
    inner.parse().ok()
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SrvRecord {
    pub(crate) priority: u16,
    pub(crate) weight: u16,
    pub(crate) port: u16,
    /// Without the trailing dot; empty for the root (".").
    pub(crate) target: String,
}

/// RFC 2782 order: by priority, and within one priority by a weighted random draw
/// repeated until the group is used up (zero weights drawn first only by chance).
pub(crate) fn order_srv(
    mut records: Vec<SrvRecord>,
    random: &mut dyn FnMut() -> u64,
) -> Vec<SrvRecord> {
    records.sort_by_key(|r| (r.priority, r.weight));
    let mut out = Vec::with_capacity(records.len());
    let mut rest = records.as_slice();
    while let Some(first) = rest.first() {
        let len = rest
            .iter()
            .position(|r| r.priority != first.priority)
            .unwrap_or(rest.len());
        let (group, tail) = rest.split_at(len);
        let mut group: Vec<SrvRecord> = group.to_vec();
        while !group.is_empty() {
            let total: u64 = group.iter().map(|r| u64::from(r.weight)).sum();
            let pick = if total == 0 {
                usize::try_from(random() % group.len() as u64).unwrap_or(0)
            } else {
                let mut point = random() % (total + 1);
                let mut chosen = group.len() - 1;
                for (i, r) in group.iter().enumerate() {
                    let w = u64::from(r.weight);
                    if point <= w && (w > 0 || point == 0) {
                        chosen = i;
                        break;
                    }
                    point = point.saturating_sub(w);
                }
                chosen
            };
            out.push(group.remove(pick.min(group.len() - 1)));
        }
        rest = tail;
    }
    out
}

/// A random number from the standard library's per-process hash keys: good enough to
/// spread load over SRV targets, and no extra dependency.
fn random_u64() -> u64 {
    let mut h = RandomState::new().build_hasher();
    h.write_u64(0x9e37_79b9_7f4a_7c15);
    h.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(priority: u16, weight: u16, target: &str) -> SrvRecord {
        SrvRecord {
            priority,
            weight,
            port: 5222,
            target: target.to_owned(),
        }
    }

    #[test]
    fn srv_records_go_by_priority_then_weight() {
        let records = vec![
            rec(20, 0, "c"),
            rec(10, 1, "b"),
            rec(10, 100, "a"),
            rec(5, 0, "z"),
        ];
        let mut counts = [0u32; 2];
        let mut seed = 1u64;
        for _ in 0..2000 {
            let mut rng = || {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                seed >> 33
            };
            let order = order_srv(records.clone(), &mut rng);
            let names: Vec<&str> = order.iter().map(|r| r.target.as_str()).collect();
            assert_eq!(names.len(), 4);
            assert_eq!(names[0], "z");
            assert_eq!(names[3], "c");
            if names[1] == "a" {
                counts[0] += 1;
            } else {
                counts[1] += 1;
            }
        }
        // Weight 100 against 1: "a" comes first nearly always, "b" sometimes.
        assert!(counts[0] > 1800, "{counts:?}");
        assert!(counts[1] > 0, "{counts:?}");
    }

    #[test]
    fn ip_literals_and_srv_names() {
        assert_eq!(ip_literal("127.0.0.1"), Some(IpAddr::from([127, 0, 0, 1])));
        assert_eq!(
            ip_literal("[::1]"),
            Some(IpAddr::from([0, 0, 0, 0, 0, 0, 0, 1u16]))
        );
        assert_eq!(ip_literal("example.org"), None);
        assert_eq!(srv_name("example.org"), "_xmpp-client._tcp.example.org.");
    }

    #[test]
    fn the_policy_sees_every_address() {
        let policy = ConnectPolicy {
            allow_address: std::sync::Arc::new(|ip, _| !ip.is_loopback()),
            ..ConnectPolicy::allow_all()
        };
        let candidates = vec![
            Candidate {
                addr: "127.0.0.1:5222".parse().expect("addr"),
                name: Some("x".into()),
            },
            Candidate {
                addr: "192.0.2.1:5222".parse().expect("addr"),
                name: Some("x".into()),
            },
        ];
        let (allowed, refused) = apply_policy(candidates, &policy);
        assert_eq!(allowed.len(), 1);
        assert_eq!(
            refused,
            vec!["127.0.0.1:5222".parse::<SocketAddr>().expect("addr")]
        );
    }
}
