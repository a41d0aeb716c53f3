//! Unit tests of the parts that need no server (the end-to-end tests against Prosody are
//! in `tests/client_login.rs`).

use super::negotiate::{stanza_error, stream_error, stream_header};
use super::*;
use crate::xml::{Limits, Tree};

fn opts(jid: &str) -> LoginOptions {
    LoginOptions {
        jid: jid.to_owned(),
        password: Password::new("s3cret"),
        ..LoginOptions::default()
    }
}

#[test]
fn passwords_stay_out_of_debug_output() {
    let o = opts("romeo@montague.lit");
    let text = format!("{o:?}");
    assert!(!text.contains("s3cret"), "{text}");
    assert!(text.contains("***"), "{text}");
}

#[test]
fn logins_are_normalised() {
    let l = Login::parse(&opts("Romeo@Montague.LIT/orchard")).expect("valid");
    assert_eq!(l.node.as_deref(), Some("romeo"));
    assert_eq!(l.domain, "montague.lit");
    assert_eq!(l.resource.as_deref(), Some("orchard"));
    assert_eq!(l.bare(), "romeo@montague.lit");

    let mut o = opts("romeo");
    o.host = Some("montague.lit".into());
    o.resource = Some("balcony".into());
    let l = Login::parse(&o).expect("local part + host");
    assert_eq!(l.bare(), "romeo@montague.lit");
    assert_eq!(l.resource.as_deref(), Some("balcony"));

    let mut o = opts("montague.lit");
    o.anonymous = true;
    let l = Login::parse(&o).expect("anonymous");
    assert_eq!(l.node, None);
    assert_eq!(l.bare(), "montague.lit");

    assert!(matches!(
        Login::parse(&opts("romeo")),
        Err(ConnectError::InvalidLogin(_))
    ));
    assert!(matches!(
        Login::parse(&opts("ro meo@montague.lit")),
        Err(ConnectError::InvalidLogin(_))
    ));
}

#[test]
fn the_stream_header_is_escaped_and_left_open() {
    let h = stream_header("montague.lit", None).expect("header");
    assert_eq!(
        h,
        "<?xml version='1.0'?><stream:stream xmlns=\"jabber:client\" \
         xmlns:stream=\"http://etherx.jabber.org/streams\" to=\"montague.lit\" \
         version=\"1.0\" xml:lang=\"en\">"
    );
    let h = stream_header("a'b\"<", Some("r@x")).expect("header");
    assert!(h.contains("to=\"a&apos;b&quot;&lt;\""), "{h}");
    assert!(h.contains("from=\"r@x\""), "{h}");
}

#[test]
fn errors_are_read_with_their_text() {
    let tree = Tree::parse(
        "<stream:error xmlns:stream='http://etherx.jabber.org/streams'>\
         <conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>\
         <text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Replaced</text></stream:error>",
        crate::xml::NS_CLIENT,
        &Limits::default(),
    )
    .expect("xml");
    assert_eq!(
        stream_error(tree.root()),
        ("conflict".to_owned(), Some("Replaced".to_owned()))
    );
    let tree = Tree::parse(
        "<iq type='error' id='x'><error type='cancel'>\
         <conflict xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>\
         <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>Taken</text></error></iq>",
        crate::xml::NS_CLIENT,
        &Limits::default(),
    )
    .expect("xml");
    assert_eq!(stanza_error(tree.root()), "conflict: Taken");
}

#[test]
fn the_connect_future_and_the_connection_can_move_between_threads() {
    fn send<T: Send>(_: &T) {}
    fn send_static<T: Send + Sync + 'static>() {}
    let opts = LoginOptions::default();
    let policy = ConnectPolicy::allow_all();
    let future = connect(&opts, &policy);
    send(&future);
    send_static::<Connection>();
    send_static::<ConnectPolicy>();
    send_static::<ConnectError>();
}

#[test]
fn close_reasons_read_well() {
    let r = CloseReason::StreamError {
        condition: "system-shutdown".into(),
        text: None,
    };
    assert_eq!(
        r.to_string(),
        "stream error from the server: system-shutdown"
    );
    assert_eq!(ConnectError::AuthFailed.kind(), "auth");
}

// ---------------------------------------------------------------------------------
// The channel tasks over a loopback socket whose far end the test plays as the server.

mod tasks {
    use super::super::tls::Transport;
    use super::super::*;
    use crate::stream::{StreamConfig, StreamEvent, StreamReader};
    use std::time::Duration;
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    use tokio::net::{TcpListener, TcpStream};

    const SERVER_HEADER: &str = "<stream:stream xmlns='jabber:client' \
         xmlns:stream='http://etherx.jabber.org/streams' from='localhost' id='s1' version='1.0'>";

    /// A connection as `connect` leaves it (header read), and the server's socket.
    async fn pair() -> (Connection, TcpStream) {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let (client, server) = tokio::join!(TcpStream::connect(addr), listener.accept());
        let client = client.expect("connect");
        let (server, _) = server.expect("accept");
        let mut reader = StreamReader::new(StreamConfig::default());
        reader.push(SERVER_HEADER.as_bytes()).expect("push");
        assert!(matches!(
            reader.next_event(),
            Ok(Some(StreamEvent::Open(_)))
        ));
        let conn = Connection {
            jid: "alice@localhost/res".to_owned(),
            mechanism: "SCRAM-SHA-1",
            transport: Transport::Plain(client),
            reader,
            early: Vec::new(),
        };
        (conn, server)
    }

    /// Reads from the server socket until `needle` has arrived.
    async fn read_until(server: &mut TcpStream, needle: &str) -> String {
        let mut got = Vec::new();
        let mut buf = [0u8; 1024];
        while !String::from_utf8_lossy(&got).contains(needle) {
            let n = tokio::time::timeout(Duration::from_secs(5), server.read(&mut buf))
                .await
                .expect("data in time")
                .expect("read");
            assert!(
                n > 0,
                "closed before {needle:?}: {}",
                String::from_utf8_lossy(&got)
            );
            got.extend_from_slice(&buf[..n]);
        }
        String::from_utf8_lossy(&got).into_owned()
    }

    async fn next(events: &mut tokio::sync::mpsc::Receiver<ClientEvent>) -> ClientEvent {
        tokio::time::timeout(Duration::from_secs(5), events.recv())
            .await
            .expect("an event in time")
            .expect("an event")
    }

    #[tokio::test]
    async fn stanzas_in_and_out_then_logout() {
        let (conn, mut server) = pair().await;
        let (tx, mut events) = conn.into_channels(2);
        tx.send("<presence/>".to_owned()).await.expect("send");
        read_until(&mut server, "<presence/>").await;
        server
            .write_all(b"<r xmlns='urn:xmpp:sm:3'/><message from='b@x'><body>hi</body></message>")
            .await
            .expect("write");
        match next(&mut events).await {
            ClientEvent::Stanza(el) => assert!(el.root().is(crate::xml::NS_CLIENT, "message")),
            other => panic!("{other:?}"),
        }
        drop(tx);
        read_until(&mut server, "</stream:stream>").await;
        server.write_all(b"</stream:stream>").await.expect("write");
        match next(&mut events).await {
            ClientEvent::Closed(reason) => assert_eq!(reason, CloseReason::LoggedOut),
            other => panic!("{other:?}"),
        }
        assert!(events.recv().await.is_none());
    }

    #[tokio::test]
    async fn a_stream_error_from_the_server_is_the_close_reason() {
        let (conn, mut server) = pair().await;
        let (_tx, mut events) = conn.into_channels(2);
        server
            .write_all(
                b"<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>\
                  <text xmlns='urn:ietf:params:xml:ns:xmpp-streams'>Replaced</text>\
                  </stream:error></stream:stream>",
            )
            .await
            .expect("write");
        match next(&mut events).await {
            ClientEvent::Closed(reason) => assert_eq!(
                reason,
                CloseReason::StreamError {
                    condition: "conflict".to_owned(),
                    text: Some("Replaced".to_owned())
                }
            ),
            other => panic!("{other:?}"),
        }
        read_until(&mut server, "</stream:stream>").await;
    }

    #[tokio::test]
    async fn broken_xml_is_answered_with_a_stream_error() {
        let (conn, mut server) = pair().await;
        let (_tx, mut events) = conn.into_channels(2);
        server
            .write_all(b"<message><a></b></message>")
            .await
            .expect("write");
        match next(&mut events).await {
            ClientEvent::Closed(CloseReason::ProtocolError { condition, .. }) => {
                assert_eq!(condition, "not-well-formed");
            }
            other => panic!("{other:?}"),
        }
        let sent = read_until(&mut server, "</stream:stream>").await;
        assert!(sent.contains("<not-well-formed"), "{sent}");
    }

    #[tokio::test]
    async fn a_vanished_server_is_connection_lost() {
        let (conn, server) = pair().await;
        let (_tx, mut events) = conn.into_channels(2);
        drop(server);
        match next(&mut events).await {
            ClientEvent::Closed(CloseReason::ConnectionLost(_)) => {}
            other => panic!("{other:?}"),
        }
    }

    #[tokio::test]
    async fn dropping_the_receiver_ends_the_session() {
        let (conn, mut server) = pair().await;
        let (_tx, events) = conn.into_channels(2);
        drop(events);
        read_until(&mut server, "</stream:stream>").await;
    }

    #[tokio::test]
    async fn a_full_receiver_stops_reading_the_socket() {
        let (conn, mut server) = pair().await;
        let (_tx, mut events) = conn.into_channels(1);
        let mut stanza = b"<message><body>".to_vec();
        stanza.extend(std::iter::repeat_n(b'x', 4000));
        stanza.extend_from_slice(b"</body></message>");
        // Write until the socket pushes back: the reader holds one stanza in the channel,
        // one in its hands, and then lets the kernel buffers fill.
        let mut written = 0usize;
        while let Ok(result) =
            tokio::time::timeout(Duration::from_millis(300), server.write_all(&stanza)).await
        {
            result.expect("write");
            written += 1;
            assert!(written < 1_000_000, "no backpressure");
        }
        // Everything written arrives once the receiver drains.
        let mut received = 0usize;
        while received < written {
            match next(&mut events).await {
                ClientEvent::Stanza(_) => received += 1,
                other => panic!("{other:?} after {received} of {written}"),
            }
        }
    }

    #[tokio::test(start_paused = true)]
    async fn an_idle_stream_gets_whitespace_keepalives() {
        let (conn, mut server) = pair().await;
        let (_tx, _events) = conn.into_channels(2);
        let mut buf = [0u8; 8];
        let n = server.read(&mut buf).await.expect("read");
        assert_eq!(&buf[..n], b" ");
    }
}
