//! The runtime's XMPP client against a real private Prosody: SCRAM-SHA-1 and
//! SCRAM-SHA-256 logins, STARTTLS with the test CA (and without it), wrong passwords,
//! in-band registration, anonymous logins, the address policy, unreachable servers,
//! stanzas through the channels, and the server dying mid-session. Every test that
//! needs a server starts its own, and fails (never skips) when prosody is not
//! installed: run `scripts/setup`.

use std::net::IpAddr;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use tokio::sync::mpsc;
use xmpp_ftw_runtime::client::{
    ClientEvent, CloseReason, ConnectError, ConnectPolicy, Connection, LoginOptions, Password,
    connect,
};
use xmpp_ftw_runtime::stream::StreamElement;
use xmpp_ftw_runtime::xml::{NS_CLIENT, XmlWriter};
use xmpp_ftw_tests::prosody::{PasswordHash, Prosody, ProsodyBuilder};

/// Deadline of every step a test waits for.
const STEP: Duration = Duration::from_secs(15);
/// A namespace no spec owns: XEP-0092 software version, answered by mod_version.
const NS_VERSION: &str = "jabber:iq:version";

fn start(builder: ProsodyBuilder) -> Prosody {
    builder.start_for_test()
}

/// Loopback servers may skip TLS; everything else allowed.
fn loopback_policy() -> ConnectPolicy {
    ConnectPolicy {
        allow_plain_tcp_to_loopback: true,
        timeout: STEP,
        ..ConnectPolicy::allow_all()
    }
}

/// TLS required, the harness CA trusted when given.
fn tls_policy(prosody: &Prosody, trust_test_ca: bool) -> ConnectPolicy {
    ConnectPolicy {
        extra_ca: if trust_test_ca {
            Some(prosody.ca_file().expect("a CA with tls(true)").to_owned())
        } else {
            None
        },
        allow_plain_tcp_to_loopback: false,
        timeout: STEP,
        ..ConnectPolicy::allow_all()
    }
}

/// An address the policy was asked about, with the host name it came from.
type Asked = (IpAddr, Option<String>);

/// A loopback policy deciding with `allow` and recording every question.
fn recording_policy(allow: fn(IpAddr) -> bool) -> (ConnectPolicy, Arc<Mutex<Vec<Asked>>>) {
    let asked: Arc<Mutex<Vec<Asked>>> = Arc::default();
    let seen = asked.clone();
    let policy = ConnectPolicy {
        allow_address: Arc::new(move |ip, name| {
            seen.lock()
                .expect("lock")
                .push((ip, name.map(str::to_owned)));
            allow(ip)
        }),
        ..loopback_policy()
    };
    (policy, asked)
}

fn login(prosody: &Prosody, user: &str, password: &str) -> LoginOptions {
    LoginOptions {
        jid: prosody.jid(user),
        password: Password::new(password),
        host: Some(prosody.host().to_string()),
        port: Some(prosody.c2s_port()),
        resource: Some("res".to_owned()),
        ..LoginOptions::default()
    }
}

/// Prosody logged no warning or error about what the client did.
fn assert_clean_log(prosody: &Prosody) {
    let problems = prosody.log_problems();
    assert!(
        problems.is_empty(),
        "warnings or errors in the log:\n{}",
        problems.join("\n")
    );
}

async fn timed_connect(
    opts: &LoginOptions,
    policy: &ConnectPolicy,
) -> (Result<Connection, ConnectError>, Duration) {
    let started = Instant::now();
    let result = tokio::time::timeout(STEP + Duration::from_secs(5), connect(opts, policy))
        .await
        .expect("connect keeps its own deadline");
    let took = started.elapsed();
    match &result {
        Ok(c) => eprintln!(
            "connected as {} with {} in {took:?}",
            c.jid(),
            c.mechanism()
        ),
        Err(e) => eprintln!("connect failed in {took:?}: {e}"),
    }
    (result, took)
}

async fn connect_ok(opts: &LoginOptions, policy: &ConnectPolicy) -> Connection {
    match timed_connect(opts, policy).await.0 {
        Ok(c) => c,
        Err(e) => panic!("login as {} failed: {e}", opts.jid),
    }
}

/// `<iq type='get' id='…' to='…'><query xmlns='jabber:iq:version'/></iq>`.
fn version_query(id: &str, to: &str) -> String {
    let mut w = XmlWriter::new(NS_CLIENT);
    w.start("iq", NS_CLIENT);
    w.attr("type", "get");
    w.attr("id", id);
    w.attr("to", to);
    w.start("query", NS_VERSION);
    w.end();
    w.end();
    w.into_string()
}

async fn next_event(events: &mut mpsc::Receiver<ClientEvent>) -> ClientEvent {
    tokio::time::timeout(STEP, events.recv())
        .await
        .expect("an event in time")
        .expect("the channel ends only after Closed")
}

/// Sends a version query through the channels and returns the answer.
async fn version_round_trip(
    to_server: &mpsc::Sender<String>,
    events: &mut mpsc::Receiver<ClientEvent>,
    id: &str,
) -> StreamElement {
    to_server
        .send(version_query(id, "localhost"))
        .await
        .expect("the writer runs");
    loop {
        match next_event(events).await {
            ClientEvent::Stanza(el) if el.root().attr("id") == Some(id) => return el,
            ClientEvent::Stanza(el) => eprintln!("other stanza: {}", el.raw),
            ClientEvent::Closed(reason) => panic!("closed before the answer: {reason}"),
        }
    }
}

#[tokio::test]
async fn scram_sha1_login_on_plain_loopback() {
    let prosody = start(Prosody::builder().user("alice", "alice-secret"));
    let conn = connect_ok(
        &login(&prosody, "alice", "alice-secret"),
        &loopback_policy(),
    )
    .await;
    assert_eq!(conn.jid(), "alice@localhost/res");
    assert_eq!(conn.mechanism(), "SCRAM-SHA-1");
    assert!(!conn.is_encrypted());
}

#[tokio::test]
async fn scram_sha256_login() {
    let prosody = start(
        Prosody::builder()
            .password_hash(PasswordHash::Sha256)
            .user("alice", "alice-secret"),
    );
    let conn = connect_ok(
        &login(&prosody, "alice", "alice-secret"),
        &loopback_policy(),
    )
    .await;
    assert_eq!(conn.jid(), "alice@localhost/res");
    assert_eq!(conn.mechanism(), "SCRAM-SHA-256");
}

#[tokio::test]
async fn starttls_with_the_test_ca_then_stanzas_over_tls() {
    let prosody = start(
        Prosody::builder()
            .tls(true)
            .require_encryption(true)
            .user("alice", "alice-secret"),
    );
    let conn = connect_ok(
        &login(&prosody, "alice", "alice-secret"),
        &tls_policy(&prosody, true),
    )
    .await;
    assert_eq!(conn.jid(), "alice@localhost/res");
    assert!(conn.is_encrypted());
    assert!(
        conn.mechanism().starts_with("SCRAM-SHA-"),
        "{}",
        conn.mechanism()
    );

    let (to_server, mut events) = conn.into_channels(8);
    let answer = version_round_trip(&to_server, &mut events, "v-tls").await;
    assert_eq!(answer.root().attr("type"), Some("result"), "{}", answer.raw);
    drop(to_server);
    match next_event(&mut events).await {
        ClientEvent::Closed(reason) => assert_eq!(reason, CloseReason::LoggedOut),
        ClientEvent::Stanza(el) => panic!("unexpected stanza: {}", el.raw),
    }
    assert_clean_log(&prosody);
}

#[tokio::test]
async fn starttls_without_the_test_ca_is_refused() {
    let prosody = start(
        Prosody::builder()
            .tls(true)
            .require_encryption(true)
            .user("alice", "alice-secret"),
    );
    let (result, _) = timed_connect(
        &login(&prosody, "alice", "alice-secret"),
        &tls_policy(&prosody, false),
    )
    .await;
    match result {
        Err(ConnectError::Tls(why)) => assert!(
            why.contains("UnknownIssuer") || why.contains("certificate"),
            "{why}"
        ),
        other => panic!("expected a TLS error, got {other:?}"),
    }
}

#[tokio::test]
async fn tls_is_required_off_loopback_rules() {
    // A plain server on loopback, but a policy that does not let loopback skip TLS.
    let prosody = start(Prosody::builder().user("alice", "alice-secret"));
    let policy = ConnectPolicy {
        allow_plain_tcp_to_loopback: false,
        timeout: STEP,
        ..ConnectPolicy::allow_all()
    };
    let (result, _) = timed_connect(&login(&prosody, "alice", "alice-secret"), &policy).await;
    match result {
        Err(ConnectError::Tls(why)) => assert!(why.contains("STARTTLS"), "{why}"),
        other => panic!("expected a TLS error, got {other:?}"),
    }
}

#[tokio::test]
async fn wrong_password_is_auth_failed() {
    let prosody = start(Prosody::builder().user("alice", "alice-secret"));
    let (result, _) = timed_connect(&login(&prosody, "alice", "wrong"), &loopback_policy()).await;
    assert_eq!(result.err(), Some(ConnectError::AuthFailed));
}

#[tokio::test]
async fn registration_creates_the_account_once() {
    let prosody = start(Prosody::builder().user("alice", "alice-secret"));
    let mut opts = login(&prosody, "newbie", "newbie-secret");
    opts.register = true;
    let conn = connect_ok(&opts, &loopback_policy()).await;
    assert_eq!(conn.jid(), "newbie@localhost/res");
    drop(conn);

    // The account exists: a plain login works, with a server-assigned resource.
    let mut again = login(&prosody, "newbie", "newbie-secret");
    again.resource = None;
    let conn = connect_ok(&again, &loopback_policy()).await;
    let resource = conn
        .jid()
        .strip_prefix("newbie@localhost/")
        .expect("bound to the new account");
    assert!(!resource.is_empty(), "{}", conn.jid());

    // Registering an existing name fails.
    let mut taken = login(&prosody, "alice", "other-secret");
    taken.register = true;
    let (result, _) = timed_connect(&taken, &loopback_policy()).await;
    match result {
        Err(ConnectError::RegistrationFailed(why)) => {
            assert!(why.contains("conflict"), "{why}");
        }
        other => panic!("expected RegistrationFailed, got {other:?}"),
    }
}

#[tokio::test]
async fn anonymous_login() {
    let prosody = start(Prosody::builder().extra_config("authentication = \"anonymous\""));
    let opts = LoginOptions {
        jid: prosody.domain().to_owned(),
        host: Some(prosody.host().to_string()),
        port: Some(prosody.c2s_port()),
        anonymous: true,
        ..LoginOptions::default()
    };
    let conn = connect_ok(&opts, &loopback_policy()).await;
    assert_eq!(conn.mechanism(), "ANONYMOUS");
    let (node, rest) = conn.jid().split_once('@').expect("a generated local part");
    assert!(!node.is_empty(), "{}", conn.jid());
    assert!(rest.starts_with("localhost/"), "{}", conn.jid());
}

#[tokio::test]
async fn the_policy_is_asked_and_a_refused_address_is_never_connected_to() {
    let prosody = start(Prosody::builder().user("alice", "alice-secret"));
    let (policy, asked) = recording_policy(|ip| !ip.is_loopback());
    let (result, took) = timed_connect(&login(&prosody, "alice", "alice-secret"), &policy).await;
    match result {
        Err(ConnectError::NotAllowed(why)) => {
            let addr = prosody.c2s_addr().to_string();
            assert!(why.contains(&addr), "names {addr}: {why}");
        }
        other => panic!("expected NotAllowed, got {other:?}"),
    }
    assert!(took < Duration::from_secs(2), "{took:?}");
    assert_eq!(
        *asked.lock().expect("lock"),
        vec![(IpAddr::from([127, 0, 0, 1]), None)]
    );
    // Prosody logs every c2s connection; there was none. A permitted login shows the
    // line does appear when a client connects.
    let log = || std::fs::read_to_string(prosody.log_path()).unwrap_or_default();
    assert!(!log().contains("Client connected"), "a connection was made");
    connect_ok(
        &login(&prosody, "alice", "alice-secret"),
        &loopback_policy(),
    )
    .await;
    assert!(
        log().contains("Client connected"),
        "the log shows connections"
    );
}

#[tokio::test]
async fn an_unreachable_port_fails_fast() {
    let port = {
        let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
        listener.local_addr().expect("addr").port()
    };
    let opts = LoginOptions {
        jid: "alice@localhost".to_owned(),
        password: Password::new("x"),
        host: Some("127.0.0.1".to_owned()),
        port: Some(port),
        ..LoginOptions::default()
    };
    let (result, took) = timed_connect(&opts, &loopback_policy()).await;
    assert!(
        matches!(result, Err(ConnectError::Unreachable(_))),
        "{result:?}"
    );
    assert!(took < Duration::from_secs(2), "{took:?}");
}

#[tokio::test]
async fn stanzas_go_through_the_channels_and_logout_closes() {
    let prosody = start(Prosody::builder().user("alice", "alice-secret"));
    let conn = connect_ok(
        &login(&prosody, "alice", "alice-secret"),
        &loopback_policy(),
    )
    .await;
    let (to_server, mut events) = conn.into_channels(4);

    let started = Instant::now();
    let answer = version_round_trip(&to_server, &mut events, "r1").await;
    eprintln!("IQ round trip in {:?}", started.elapsed());
    let root = answer.root();
    assert_eq!(root.attr("type"), Some("result"), "{}", answer.raw);
    assert!(root.child(NS_VERSION, "query").is_some(), "{}", answer.raw);

    // Several at once (more than the channel holds) all get answers.
    for i in 0..10 {
        to_server
            .send(version_query(&format!("many-{i}"), "localhost"))
            .await
            .expect("the writer runs");
    }
    let mut answered = 0;
    while answered < 10 {
        match next_event(&mut events).await {
            ClientEvent::Stanza(el) => {
                if el
                    .root()
                    .attr("id")
                    .is_some_and(|id| id.starts_with("many-"))
                {
                    answered += 1;
                }
            }
            ClientEvent::Closed(reason) => panic!("closed early: {reason}"),
        }
    }

    drop(to_server);
    let started = Instant::now();
    match next_event(&mut events).await {
        ClientEvent::Closed(reason) => assert_eq!(reason, CloseReason::LoggedOut),
        ClientEvent::Stanza(el) => panic!("unexpected stanza: {}", el.raw),
    }
    eprintln!("logout closed in {:?}", started.elapsed());
    assert!(events.recv().await.is_none());
    assert_clean_log(&prosody);
}

#[tokio::test]
async fn a_dying_server_closes_the_session() {
    let mut prosody = start(Prosody::builder().user("alice", "alice-secret"));
    let conn = connect_ok(
        &login(&prosody, "alice", "alice-secret"),
        &loopback_policy(),
    )
    .await;
    let (_to_server, mut events) = conn.into_channels(4);
    version_round_trip(&_to_server, &mut events, "before-kill").await;

    let started = Instant::now();
    prosody.kill().expect("kill prosody");
    let event = tokio::time::timeout(Duration::from_secs(5), events.recv())
        .await
        .expect("Closed within 5 s of the kill");
    let took = started.elapsed();
    eprintln!("closed {took:?} after the kill: {event:?}");
    match event {
        Some(ClientEvent::Closed(CloseReason::ConnectionLost(_) | CloseReason::ServerClosed)) => {}
        other => panic!("expected Closed, got {other:?}"),
    }
}

#[tokio::test]
async fn a_host_name_is_resolved_and_each_address_checked() {
    let prosody = start(Prosody::builder().user("alice", "alice-secret"));
    let (policy, asked) = recording_policy(|_| true);
    let mut opts = login(&prosody, "alice", "alice-secret");
    opts.host = Some("localhost".to_owned());
    let conn = connect_ok(&opts, &policy).await;
    assert_eq!(conn.jid(), "alice@localhost/res");
    let asked = asked.lock().expect("lock");
    eprintln!("policy asked about {asked:?}");
    assert!(asked.contains(&(IpAddr::from([127, 0, 0, 1]), Some("localhost".to_owned()))));
}

#[tokio::test]
async fn without_host_or_port_the_domain_is_resolved_on_5222() {
    // `_xmpp-client._tcp.localhost` has no SRV record, so the domain itself is used on
    // the default port. The policy refuses everything: nothing is connected to.
    let (policy, asked) = recording_policy(|_| false);
    let opts = LoginOptions {
        jid: "alice@localhost".to_owned(),
        password: Password::new("x"),
        ..LoginOptions::default()
    };
    let (result, _) = timed_connect(&opts, &policy).await;
    match result {
        Err(ConnectError::NotAllowed(why)) => assert!(why.contains("127.0.0.1:5222"), "{why}"),
        other => panic!("expected NotAllowed, got {other:?}"),
    }
    let asked = asked.lock().expect("lock");
    assert!(asked.contains(&(IpAddr::from([127, 0, 0, 1]), Some("localhost".to_owned()))));
}
