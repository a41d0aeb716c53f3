//! The test harness's private Prosody works: stream features and SASL
//! mechanisms on c2s, accounts from `prosodyctl`, the modules and components
//! loaded, the WebSocket endpoint, STARTTLS with the test CA, and kill then
//! restart on the same ports with the same data. Fails (never skips) when
//! prosody is not installed: run `scripts/setup`.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};
use xmpp_ftw_tests::prosody::{DEFAULT_MODULES, PasswordHash, Prosody};

const TIMEOUT: Duration = Duration::from_secs(5);

fn start_two_users() -> Prosody {
    let started = Instant::now();
    let prosody = Prosody::builder()
        .users([("alice", "alice-secret"), ("bob", "bob secret \"quoted\"")])
        .start()
        .expect("private prosody starts (run scripts/setup if it is missing)");
    eprintln!(
        "prosody started in {:?} on c2s {} and http {}",
        started.elapsed(),
        prosody.c2s_port(),
        prosody.http_port()
    );
    prosody
}

/// Read from `stream` until the text read contains `needle`; everything read.
fn read_until(stream: &mut TcpStream, needle: &str) -> String {
    stream
        .set_read_timeout(Some(TIMEOUT))
        .expect("set read timeout");
    let mut bytes = Vec::new();
    let mut buf = [0u8; 4096];
    let deadline = Instant::now() + TIMEOUT;
    while !String::from_utf8_lossy(&bytes).contains(needle) {
        assert!(
            Instant::now() < deadline,
            "no {needle:?} within {TIMEOUT:?}; got: {}",
            String::from_utf8_lossy(&bytes)
        );
        match stream.read(&mut buf) {
            Ok(0) => panic!(
                "connection closed before {needle:?}; got: {}",
                String::from_utf8_lossy(&bytes)
            ),
            Ok(n) => bytes.extend_from_slice(&buf[..n]),
            Err(e) => panic!(
                "reading before {needle:?}: {e}; got: {}",
                String::from_utf8_lossy(&bytes)
            ),
        }
    }
    String::from_utf8_lossy(&bytes).into_owned()
}

/// Open a client stream to `domain` and read its features.
fn open_stream(addr: SocketAddr, domain: &str) -> (TcpStream, String) {
    let mut stream = TcpStream::connect_timeout(&addr, TIMEOUT).expect("connect to c2s");
    write!(
        stream,
        "<?xml version='1.0'?><stream:stream to='{domain}' xmlns='jabber:client' \
         xmlns:stream='http://etherx.jabber.org/streams' version='1.0'>"
    )
    .expect("send stream header");
    let features = read_until(&mut stream, "</stream:features>");
    (stream, features)
}

/// The `<mechanism>` names in a features reply.
fn mechanisms(features: &str) -> Vec<String> {
    features
        .split("<mechanism>")
        .skip(1)
        .filter_map(|s| s.split("</mechanism>").next())
        .map(str::to_owned)
        .collect()
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let b = [
            chunk[0],
            chunk.get(1).copied().unwrap_or(0),
            chunk.get(2).copied().unwrap_or(0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(char::from(ALPHABET[(n >> (18 - 6 * i)) as usize & 63]));
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// Authenticate with SASL PLAIN on a fresh stream; the server's answer.
fn plain_auth(addr: SocketAddr, domain: &str, user: &str, password: &str) -> String {
    let (mut stream, features) = open_stream(addr, domain);
    assert!(
        mechanisms(&features).iter().any(|m| m == "PLAIN"),
        "PLAIN offered: {features}"
    );
    let token = base64(format!("\0{user}\0{password}").as_bytes());
    write!(
        stream,
        "<auth xmlns='urn:ietf:params:xml:ns:xmpp-sasl' mechanism='PLAIN'>{token}</auth>"
    )
    .expect("send auth");
    read_until(&mut stream, "/>")
}

#[test]
fn c2s_offers_scram_and_the_modules_load() {
    let prosody = start_two_users();
    let (_stream, features) = open_stream(prosody.c2s_addr(), prosody.domain());
    assert!(features.contains("<stream:features"), "{features}");
    let mechs = mechanisms(&features);
    eprintln!("SASL mechanisms on an unencrypted stream: {mechs:?}");
    assert!(mechs.iter().any(|m| m == "SCRAM-SHA-1"), "{features}");
    eprintln!(
        "SCRAM-SHA-256 offered by default: {}",
        mechs.iter().any(|m| m == "SCRAM-SHA-256")
    );
    assert!(
        features.contains("http://jabber.org/features/iq-register"),
        "in-band registration offered: {features}"
    );
    assert!(
        !features.contains("urn:ietf:params:xml:ns:xmpp-tls"),
        "no STARTTLS without tls(true): {features}"
    );

    let users = prosody
        .shell(&format!("user:list('{}')", prosody.domain()))
        .expect("admin shell lists users");
    for user in ["alice", "bob"] {
        assert!(users.contains(&prosody.jid(user)), "{user} in: {users}");
    }

    let loaded = prosody
        .shell(&format!("module:list('{}')", prosody.domain()))
        .expect("admin shell lists modules");
    for module in DEFAULT_MODULES.iter().filter(|m| **m != "admin_shell") {
        assert!(
            loaded
                .lines()
                .any(|l| l.trim_start_matches('|').trim() == *module),
            "module {module} loaded on {}: {loaded}",
            prosody.domain()
        );
    }
    for (host, module) in [
        (prosody.muc_domain(), "muc_mam"),
        (prosody.pubsub_domain(), "pubsub"),
        (prosody.upload_domain(), "http_file_share"),
    ] {
        let host = host.expect("component on by default");
        let loaded = prosody
            .shell(&format!("module:list('{host}')"))
            .expect("admin shell lists modules");
        assert!(
            loaded
                .lines()
                .any(|l| l.trim_start_matches('|').trim() == module),
            "module {module} loaded on {host}: {loaded}"
        );
    }
    let problems = prosody.log_problems();
    assert!(
        problems.is_empty(),
        "warnings or errors in the log:\n{}",
        problems.join("\n")
    );
}

#[test]
fn password_hash_sha256_offers_scram_sha_256_only() {
    let prosody = Prosody::builder()
        .password_hash(PasswordHash::Sha256)
        .user("alice", "alice-secret")
        .start()
        .expect("private prosody starts");
    let (_stream, features) = open_stream(prosody.c2s_addr(), prosody.domain());
    let mechs = mechanisms(&features);
    eprintln!("SASL mechanisms with password_hash = SHA-256: {mechs:?}");
    assert!(mechs.iter().any(|m| m == "SCRAM-SHA-256"), "{features}");
    assert!(!mechs.iter().any(|m| m == "SCRAM-SHA-1"), "{features}");
}

#[test]
fn registered_users_log_in_and_registering_works_while_running() {
    let prosody = Prosody::builder()
        .allow_unencrypted_plain(true)
        .users([("alice", "alice-secret"), ("bob", "bob secret \"quoted\"")])
        .start()
        .expect("private prosody starts");
    let addr = prosody.c2s_addr();
    let domain = prosody.domain();
    let reply = plain_auth(addr, domain, "alice", "alice-secret");
    assert!(reply.contains("<success"), "alice logs in: {reply}");
    let reply = plain_auth(addr, domain, "bob", "bob secret \"quoted\"");
    assert!(reply.contains("<success"), "bob logs in: {reply}");
    let reply = plain_auth(addr, domain, "alice", "wrong");
    assert!(
        reply.contains("<failure") && !reply.contains("<success"),
        "wrong password refused: {reply}"
    );

    prosody
        .register("carol", "carol-secret")
        .expect("prosodyctl register while running");
    let reply = plain_auth(addr, domain, "carol", "carol-secret");
    assert!(reply.contains("<success"), "carol logs in: {reply}");
}

#[test]
fn websocket_endpoint_upgrades_and_speaks_xmpp() {
    let prosody = start_two_users();
    let mut stream =
        TcpStream::connect_timeout(&prosody.http_addr(), TIMEOUT).expect("connect to http");
    write!(
        stream,
        "GET /xmpp-websocket HTTP/1.1\r\nHost: 127.0.0.1:{}\r\nUpgrade: websocket\r\n\
         Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n\
         Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: xmpp\r\n\
         Origin: http://example.test\r\n\r\n",
        prosody.http_port()
    )
    .expect("send upgrade request");
    let head = read_until(&mut stream, "\r\n\r\n");
    assert!(head.starts_with("HTTP/1.1 101"), "{head}");
    assert!(
        head.contains("Sec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo="),
        "{head}"
    );
    assert!(head.contains("Sec-WebSocket-Protocol: xmpp"), "{head}");

    // One masked text frame (the zero mask leaves the payload as it is).
    let open = format!(
        "<open xmlns='urn:ietf:params:xml:ns:xmpp-framing' to='{}' version='1.0'/>",
        prosody.domain()
    );
    let len = u8::try_from(open.len()).expect("short frame");
    assert!(len < 126);
    let mut frame = vec![0x81, 0x80 | len, 0, 0, 0, 0];
    frame.extend_from_slice(open.as_bytes());
    stream.write_all(&frame).expect("send <open/>");
    // Server frames are unmasked; the raw bytes hold the XML as is.
    let reply = read_until(&mut stream, "</stream:features>");
    assert!(reply.contains("<open"), "{reply}");
    let mechs = mechanisms(&reply);
    eprintln!("SASL mechanisms over WebSocket (consider_websocket_secure): {mechs:?}");
    assert!(mechs.iter().any(|m| m == "SCRAM-SHA-1"), "{reply}");
}

#[test]
fn starttls_verifies_against_the_test_ca() {
    let prosody = Prosody::builder()
        .tls(true)
        .user("alice", "alice-secret")
        .start()
        .expect("private prosody with TLS starts");
    let ca = prosody.ca_file().expect("a CA file with tls(true)");
    let (_stream, features) = open_stream(prosody.c2s_addr(), prosody.domain());
    assert!(
        features.contains("<starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'"),
        "{features}"
    );

    let mut child = Command::new("openssl")
        .args(["s_client", "-brief", "-starttls", "xmpp", "-xmpphost"])
        .arg(prosody.domain())
        .arg("-connect")
        .arg(prosody.c2s_addr().to_string())
        .arg("-CAfile")
        .arg(ca)
        .args(["-verify_return_error", "-verify_hostname"])
        .arg(prosody.domain())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run openssl s_client (scripts/setup installs openssl)");
    let deadline = Instant::now() + TIMEOUT;
    while child.try_wait().expect("wait for openssl").is_none() {
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("openssl s_client did not finish within {TIMEOUT:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().expect("openssl output");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    eprintln!("openssl s_client -starttls xmpp:\n{text}");
    assert!(
        text.contains("Verification: OK"),
        "certificate verified: {text}"
    );
    let problems = prosody.log_problems();
    assert!(
        problems.is_empty(),
        "warnings or errors in the log:\n{}",
        problems.join("\n")
    );
}

#[test]
fn kill_then_restart_on_the_same_ports_with_the_same_data() {
    let mut prosody = Prosody::builder()
        .allow_unencrypted_plain(true)
        .user("alice", "alice-secret")
        .start()
        .expect("private prosody starts");
    let (c2s, http) = (prosody.c2s_port(), prosody.http_port());
    let (mut stream, _) = open_stream(prosody.c2s_addr(), prosody.domain());

    prosody.kill().expect("kill");
    assert!(!prosody.is_running());
    // The open session sees the connection end.
    stream
        .set_read_timeout(Some(TIMEOUT))
        .expect("set read timeout");
    let mut buf = [0u8; 1024];
    let end = loop {
        match stream.read(&mut buf) {
            Ok(0) => break Ok(0),
            Ok(_) => continue,
            Err(e) => break Err(e.kind()),
        }
    };
    assert!(
        matches!(end, Ok(0) | Err(std::io::ErrorKind::ConnectionReset)),
        "connection closed by the kill: {end:?}"
    );
    assert!(
        TcpStream::connect_timeout(&prosody.c2s_addr(), Duration::from_millis(500)).is_err(),
        "nothing listens on c2s after kill"
    );

    let started = Instant::now();
    prosody.restart().expect("restart");
    eprintln!("prosody restarted in {:?}", started.elapsed());
    assert!(prosody.is_running());
    assert_eq!((prosody.c2s_port(), prosody.http_port()), (c2s, http));
    let reply = plain_auth(
        prosody.c2s_addr(),
        prosody.domain(),
        "alice",
        "alice-secret",
    );
    assert!(
        reply.contains("<success"),
        "alice kept across restart: {reply}"
    );

    // Restart while running works too.
    prosody.restart().expect("restart while running");
    let (_stream, features) = open_stream(prosody.c2s_addr(), prosody.domain());
    assert!(features.contains("<stream:features"), "{features}");
}
