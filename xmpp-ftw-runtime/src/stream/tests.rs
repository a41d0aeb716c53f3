use super::*;
use crate::xml::{NS_CLIENT, Tree};

const NS_TLS: &str = "urn:ietf:params:xml:ns:xmpp-tls";
const NS_SASL: &str = "urn:ietf:params:xml:ns:xmpp-sasl";
const NS_BIND: &str = "urn:ietf:params:xml:ns:xmpp-bind";
const NS_STREAMS_ERR: &str = "urn:ietf:params:xml:ns:xmpp-streams";

/// What a Prosody server sends a client from connection to close: STARTTLS, SASL, bind,
/// then some traffic. The stream restarts after `<proceed/>` and `<success/>`.
const TRANSCRIPT: &str = concat!(
    "<?xml version='1.0'?>",
    "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' ",
    "id='5f2c4a1e-0b9d' from='example.com' to='juliet@example.com' version='1.0' xml:lang='en'>",
    "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/></starttls>",
    "</stream:features>",
    "<proceed xmlns='urn:ietf:params:xml:ns:xmpp-tls'/>",
    "<?xml version='1.0'?>\n",
    "<stream:stream xmlns=\"jabber:client\" xmlns:stream=\"http://etherx.jabber.org/streams\" ",
    "id=\"7a3e-91\" from=\"example.com\" version=\"1.0\" xml:lang=\"en\">\n",
    "<stream:features><mechanisms xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>",
    "<mechanism>SCRAM-SHA-1</mechanism><mechanism>PLAIN</mechanism></mechanisms>",
    "</stream:features>",
    "<challenge xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>",
    "cj1meWtvK2QybGJiRmdPTlJ2OXFreGRhd0wzcmZjTkhZSlkxWlZ2V1ZzN2oscz1RU1hDUitRNnNlazhiZjkyLGk9NDA5Ng==",
    "</challenge>",
    "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'>dj1ybUY5cHFWOFM3c3VBb1pXamE0ZEpSa0ZzS1E9</success>",
    // Whitespace before the XML declaration is tolerated.
    "\n<?xml version='1.0' encoding='UTF-8'?>",
    "<stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' ",
    "id='c0ffee' from='example.com' version='1.0' xml:lang='en'>",
    "<stream:features><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'><required/></bind>",
    "<session xmlns='urn:ietf:params:xml:ns:xmpp-session'><optional/></session>",
    "<sm xmlns='urn:xmpp:sm:3'/></stream:features>",
    "<iq type='result' id='bind_1'><bind xmlns='urn:ietf:params:xml:ns:xmpp-bind'>",
    "<jid>juliet@example.com/balcony</jid></bind></iq>",
    "\n \t\r\n",
    "<message from='romeo@example.net/orchard' to='juliet@example.com/balcony' type='chat' ",
    "id='m&amp;1' xml:lang='en' note=\"a > b, c/>d, 'e'\">",
    "<body>Art thou &lt;not&gt; Romeo &amp; a Montague? &#x2764;&#65; \u{2603} \u{1F339}</body>",
    "<html xmlns='http://jabber.org/protocol/xhtml-im'><body xmlns='http://www.w3.org/1999/xhtml'>",
    "<p>Art thou <em>not</em>?</p></body></html>",
    "<x xmlns='urn:example:links'><desc><![CDATA[<b>bold</b> & ]] > </x> ]]]]><![CDATA[>]]></desc></x>",
    "<!-- a comment inside a stanza -->",
    "</message>",
    " ",
    "<!-- a comment between stanzas, with <tags> & 'quotes' -->",
    "<presence from='romeo@example.net/orchard'><show>away</show><status>Under the balcony</status>",
    "<c xmlns='urn:example:software' hash='sha-1' node='https://gajim.org' ver='q07IKJEyjvHSyhy//CH0CxmKi8w='/>",
    "</presence>",
    "<stream:error><conflict xmlns='urn:ietf:params:xml:ns:xmpp-streams'/>",
    "<text xmlns='urn:ietf:params:xml:ns:xmpp-streams' xml:lang='en'>Replaced by new connection</text>",
    "</stream:error>",
    "</stream:stream>",
    "\n",
);

/// One line per event, covering everything the events carry.
fn describe(event: &StreamEvent) -> String {
    match event {
        StreamEvent::Open(h) => format!("open {h:?}"),
        StreamEvent::Element(e) => {
            let root = e.root();
            format!(
                "element {{{}}}{} raw={} tree={}",
                root.ns(),
                root.name(),
                e.raw,
                root.to_xml()
            )
        }
        StreamEvent::Close => "close".into(),
    }
}

/// The connection's restart rule: after `<proceed/>` and `<success/>`.
fn restarts(event: &StreamEvent) -> bool {
    match event {
        StreamEvent::Element(e) => {
            e.root().is(NS_TLS, "proceed") || e.root().is(NS_SASL, "success")
        }
        _ => false,
    }
}

/// Takes out every event available; `false` after an error.
fn drain(r: &mut StreamReader, out: &mut Vec<String>) -> bool {
    loop {
        match r.next_event() {
            Ok(None) => return true,
            Ok(Some(event)) => {
                if restarts(&event) {
                    r.reset();
                }
                out.push(describe(&event));
            }
            Err(e) => {
                out.push(format!("error: {e}"));
                return false;
            }
        }
    }
}

fn feed<'a>(config: StreamConfig, chunks: impl IntoIterator<Item = &'a [u8]>) -> Vec<String> {
    let mut r = StreamReader::new(config);
    let mut out = Vec::new();
    for chunk in chunks {
        if let Err(e) = r.push(chunk) {
            out.push(format!("error: {e}"));
            return out;
        }
        if !drain(&mut r, &mut out) {
            return out;
        }
    }
    out
}

fn feed_all(input: &[u8]) -> Vec<String> {
    feed(StreamConfig::default(), [input])
}

fn feed_bytes(input: &[u8]) -> Vec<String> {
    feed(StreamConfig::default(), input.chunks(1))
}

/// A tiny deterministic generator (xorshift64), to avoid a dependency.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn random_chunks(input: &[u8], seed: u64, max: usize) -> Vec<&[u8]> {
    let mut rng = XorShift(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let mut chunks = Vec::new();
    let mut rest = input;
    while !rest.is_empty() {
        let n = (1 + rng.below(max)).min(rest.len());
        let (chunk, tail) = rest.split_at(n);
        chunks.push(chunk);
        rest = tail;
    }
    chunks
}

/// The first error of a feed, or a panic naming what came instead.
fn first_error(input: &[u8], config: StreamConfig) -> StreamError {
    let mut r = StreamReader::new(config);
    if let Err(e) = r.push(input) {
        return e;
    }
    loop {
        match r.next_event() {
            Err(e) => return e,
            Ok(Some(event)) => {
                if restarts(&event) {
                    r.reset();
                }
            }
            Ok(None) => panic!("no error for {:?}", String::from_utf8_lossy(input)),
        }
    }
}

const HEADER: &str = "<stream:stream xmlns='jabber:client' \
    xmlns:stream='http://etherx.jabber.org/streams' from='example.com' version='1.0'>";

fn after_header(body: &str) -> Vec<u8> {
    format!("{HEADER}{body}").into_bytes()
}

fn elements(input: &[u8]) -> Vec<StreamElement> {
    let mut r = StreamReader::default();
    r.push(input).unwrap();
    let mut out = Vec::new();
    while let Some(event) = r.next_event().unwrap() {
        if let StreamEvent::Element(e) = event {
            out.push(e);
        }
    }
    out
}

#[test]
fn transcript_events() {
    let events = feed_all(TRANSCRIPT.as_bytes());
    let kinds: Vec<&str> = events
        .iter()
        .map(|e| {
            if e.starts_with("open") {
                "open"
            } else if e == "close" {
                "close"
            } else if e.starts_with("element") {
                e.split(' ').nth(1).unwrap_or("?")
            } else {
                e.as_str()
            }
        })
        .collect();
    assert_eq!(
        kinds,
        [
            "open",
            "{http://etherx.jabber.org/streams}features",
            "{urn:ietf:params:xml:ns:xmpp-tls}proceed",
            "open",
            "{http://etherx.jabber.org/streams}features",
            "{urn:ietf:params:xml:ns:xmpp-sasl}challenge",
            "{urn:ietf:params:xml:ns:xmpp-sasl}success",
            "open",
            "{http://etherx.jabber.org/streams}features",
            "{jabber:client}iq",
            "{jabber:client}message",
            "{jabber:client}presence",
            "{http://etherx.jabber.org/streams}error",
            "close",
        ]
    );
}

#[test]
fn transcript_same_events_at_once_byte_by_byte_and_random_chunks() {
    let input = TRANSCRIPT.as_bytes();
    let whole = feed_all(input);
    assert!(whole.iter().all(|e| !e.starts_with("error")), "{whole:#?}");
    assert_eq!(feed_bytes(input), whole);
    for seed in 1..=64 {
        for max in [2, 7, 64, 700] {
            let chunks = random_chunks(input, seed, max);
            assert_eq!(
                feed(StreamConfig::default(), chunks),
                whole,
                "seed {seed}, max {max}"
            );
        }
    }
}

#[test]
fn transcript_content() {
    let mut r = StreamReader::default();
    r.push(TRANSCRIPT.as_bytes()).unwrap();
    let mut events = Vec::new();
    while let Some(event) = r.next_event().unwrap() {
        if restarts(&event) {
            r.reset();
        }
        events.push(event);
    }
    let StreamEvent::Open(h) = &events[0] else {
        panic!("{:?}", events[0])
    };
    assert_eq!(h.id.as_deref(), Some("5f2c4a1e-0b9d"));
    assert_eq!(h.from.as_deref(), Some("example.com"));
    assert_eq!(h.to.as_deref(), Some("juliet@example.com"));
    assert_eq!(h.version.as_deref(), Some("1.0"));
    assert_eq!(h.lang.as_deref(), Some("en"));
    assert_eq!(h.default_ns, NS_CLIENT);
    assert_eq!(h.prefixes, [("stream".to_owned(), NS_STREAM.to_owned())]);
    let StreamEvent::Open(h) = &events[3] else {
        panic!("{:?}", events[3])
    };
    assert_eq!(h.id.as_deref(), Some("7a3e-91"));
    assert_eq!(h.to, None);

    let element = |i: usize| match &events[i] {
        StreamEvent::Element(e) => e,
        other => panic!("{other:?}"),
    };
    let features = element(1).root();
    assert!(features.is(NS_STREAM, "features"));
    let starttls = features.child(NS_TLS, "starttls").unwrap();
    assert!(starttls.child(NS_TLS, "required").is_some());
    assert_eq!(
        element(1).raw,
        "<stream:features><starttls xmlns='urn:ietf:params:xml:ns:xmpp-tls'><required/>\
         </starttls></stream:features>"
    );

    let mechanisms: Vec<String> = element(4)
        .root()
        .child(NS_SASL, "mechanisms")
        .unwrap()
        .children_named(NS_SASL, "mechanism")
        .map(|m| m.text().into_owned())
        .collect();
    assert_eq!(mechanisms, ["SCRAM-SHA-1", "PLAIN"]);
    assert!(element(5).root().text().starts_with("cj1meWtvK2Qy"));

    let iq = element(9).root();
    assert_eq!(iq.attr("type"), Some("result"));
    let jid = iq
        .child(NS_BIND, "bind")
        .and_then(|b| b.child(NS_BIND, "jid"));
    assert_eq!(jid.unwrap().text(), "juliet@example.com/balcony");

    let message = element(10).root();
    assert_eq!(message.attr("id"), Some("m&1"));
    assert_eq!(message.attr("note"), Some("a > b, c/>d, 'e'"));
    assert_eq!(message.lang(), Some("en"));
    assert_eq!(
        message.child(NS_CLIENT, "body").unwrap().text(),
        "Art thou <not> Romeo & a Montague? \u{2764}A \u{2603} \u{1F339}"
    );
    let desc = message
        .child("urn:example:links", "x")
        .and_then(|x| x.child("urn:example:links", "desc"))
        .unwrap();
    assert_eq!(desc.text(), "<b>bold</b> & ]] > </x> ]]>");
    assert!(
        element(10)
            .raw
            .ends_with("<!-- a comment inside a stanza --></message>")
    );

    let presence = element(11).root();
    assert_eq!(presence.child(NS_CLIENT, "show").unwrap().text(), "away");

    let error = element(12).root();
    assert!(error.is(NS_STREAM, "error"));
    assert!(error.child(NS_STREAMS_ERR, "conflict").is_some());
    assert_eq!(
        error.child(NS_STREAMS_ERR, "text").unwrap().text(),
        "Replaced by new connection"
    );
    assert!(matches!(events[13], StreamEvent::Close));
    assert_eq!(events.len(), 14);
    assert_eq!(r.buffered_len(), 0);
}

#[test]
fn header_prefixes_stay_in_scope() {
    let input = "<s:stream xmlns='jabber:client' xmlns:s='http://etherx.jabber.org/streams' \
                 xmlns:db='jabber:server:dialback'>\
                 <s:features><db:errors/></s:features>\
                 <s:features xmlns:s='urn:other'><s:x/></s:features>\
                 <db:result from='a' to='b'>key</db:result>\
                 <message><body>stream:features s: db:</body></message>\
                 </s:stream>";
    let mut r = StreamReader::default();
    r.push(input.as_bytes()).unwrap();
    let Some(StreamEvent::Open(h)) = r.next_event().unwrap() else {
        panic!()
    };
    assert_eq!(
        h.prefixes,
        [
            ("s".to_owned(), NS_STREAM.to_owned()),
            ("db".to_owned(), "jabber:server:dialback".to_owned())
        ]
    );
    let mut roots = Vec::new();
    while let Some(event) = r.next_event().unwrap() {
        if let StreamEvent::Element(e) = event {
            let root = e.root();
            let child = root
                .children()
                .next()
                .map(|c| (c.ns().to_owned(), c.name().to_owned()));
            roots.push((
                root.ns().to_owned(),
                root.name().to_owned(),
                child,
                e.raw.clone(),
            ));
        }
    }
    assert_eq!(roots[0].0, NS_STREAM);
    assert_eq!(
        roots[0].2,
        Some(("jabber:server:dialback".into(), "errors".into()))
    );
    // A prefix redeclared on the element itself wins, and is not declared twice.
    assert_eq!(roots[1].0, "urn:other");
    assert_eq!(roots[1].2, Some(("urn:other".into(), "x".into())));
    assert_eq!(roots[2].0, "jabber:server:dialback");
    assert_eq!(roots[3].0, NS_CLIENT);
    // The raw text is what was received, without the injected declarations.
    assert_eq!(roots[0].3, "<s:features><db:errors/></s:features>");
}

#[test]
fn header_without_default_namespace_and_self_closed() {
    let input = "<stream:stream xmlns:stream='http://etherx.jabber.org/streams' id='x&amp;y'/>";
    let mut r = StreamReader::default();
    r.push(input.as_bytes()).unwrap();
    let Some(StreamEvent::Open(h)) = r.next_event().unwrap() else {
        panic!()
    };
    assert_eq!(h.default_ns, NS_CLIENT);
    assert_eq!(h.id.as_deref(), Some("x&y"));
    assert!(matches!(r.next_event().unwrap(), Some(StreamEvent::Close)));
    assert!(r.next_event().unwrap().is_none());
}

#[test]
fn header_namespace_and_name_checked() {
    let e = first_error(
        b"<stream:stream xmlns:stream='jabber:client'>",
        StreamConfig::default(),
    );
    assert!(matches!(e, StreamError::InvalidNamespace(_)), "{e}");
    assert_eq!(e.condition(), Some("invalid-namespace"));
    let e = first_error(b"<stream xmlns='jabber:client'>", StreamConfig::default());
    assert!(matches!(e, StreamError::InvalidNamespace(_)), "{e}");
    let e = first_error(
        b"<stream:flow xmlns:stream='http://etherx.jabber.org/streams'>",
        StreamConfig::default(),
    );
    assert!(matches!(e, StreamError::NotWellFormed(_)), "{e}");
    let e = first_error(
        b"<stream:stream xmlns='jabber:client'>",
        StreamConfig::default(),
    );
    assert!(
        matches!(e, StreamError::NotWellFormed(_)),
        "unbound prefix: {e}"
    );
    let e = first_error(
        b"<?xml version='1.0' encoding='ISO-8859-1'?><stream:stream/>",
        StreamConfig::default(),
    );
    assert!(e.to_string().contains("ISO-8859-1"), "{e}");
}

#[test]
fn close_and_what_may_follow_it() {
    let mut input = after_header("<presence/></stream:stream>\r\n ");
    let events = feed_all(&input);
    assert_eq!(events.len(), 3);
    assert_eq!(events[2], "close");
    input.extend_from_slice(b"<presence/>");
    let e = first_error(&input, StreamConfig::default());
    assert!(e.to_string().contains("after the end of the stream"), "{e}");
    let e = first_error(&after_header("</stream:streams>"), StreamConfig::default());
    assert!(matches!(e, StreamError::NotWellFormed(_)), "{e}");
    let e = first_error(&after_header("</stream>"), StreamConfig::default());
    assert!(matches!(e, StreamError::NotWellFormed(_)), "{e}");
    // Whitespace inside the closing tag is allowed.
    let events = feed_all(&after_header("</stream:stream \n>"));
    assert_eq!(events.last().map(String::as_str), Some("close"));
}

#[test]
fn whitespace_keepalives_and_comments_between_stanzas() {
    let body =
        "\n\n  <!-- ping --> \t<message><body>a</body></message><!----> \n<iq type='get' id='1'/>";
    let els = elements(&after_header(body));
    assert_eq!(els.len(), 2);
    assert_eq!(els[0].raw, "<message><body>a</body></message>");
    assert_eq!(els[1].raw, "<iq type='get' id='1'/>");
    // Keepalives are consumed as they arrive, not buffered.
    let mut r = StreamReader::default();
    r.push(HEADER.as_bytes()).unwrap();
    r.next_event().unwrap();
    for _ in 0..10_000 {
        r.push(b" ").unwrap();
        assert!(r.next_event().unwrap().is_none());
        assert_eq!(r.buffered_len(), 0);
    }
}

#[test]
fn comments_may_be_refused() {
    let config = StreamConfig {
        allow_comments: false,
        ..StreamConfig::default()
    };
    let e = first_error(&after_header("<!-- hi --><presence/>"), config.clone());
    assert!(matches!(e, StreamError::RestrictedXml(_)), "{e}");
    let e = first_error(&after_header("<presence><!-- hi --></presence>"), config);
    assert_eq!(e.condition(), Some("restricted-xml"));
    let e = first_error(&after_header("<!-- a -- b -->"), StreamConfig::default());
    assert!(matches!(e, StreamError::NotWellFormed(_)), "{e}");
}

#[test]
fn markup_characters_inside_values_cdata_and_comments() {
    let body = "<message a='>' b=\"/>\" c='/message>' d=\"'\" e='\"--&gt;'>\
                <body><![CDATA[</message> <message> <!-- ]]></body>\
                <!-- </message> <x> -->\
                </message>";
    let input = after_header(body);
    for events in [feed_all(&input), feed_bytes(&input)] {
        assert_eq!(events.len(), 2, "{events:#?}");
    }
    let els = elements(&input);
    let root = els[0].root();
    assert_eq!(root.attr("a"), Some(">"));
    assert_eq!(root.attr("b"), Some("/>"));
    assert_eq!(root.attr("c"), Some("/message>"));
    assert_eq!(root.attr("d"), Some("'"));
    assert_eq!(root.attr("e"), Some("\"-->"));
    // '<' is never allowed in a value: the scanner skips it, Tree::parse rejects it.
    let e = first_error(
        &after_header("<message a='</message>'/>"),
        StreamConfig::default(),
    );
    assert!(matches!(e, StreamError::NotWellFormed(_)), "{e}");
    assert_eq!(
        root.child(NS_CLIENT, "body").unwrap().text(),
        "</message> <message> <!-- "
    );
}

#[test]
fn self_closing_and_nested_same_name() {
    let body = "<iq type='set' id='1'><query xmlns='urn:example:contacts'><item jid='a@b'/>\
                <item jid='c@d'><group>x</group></item></query></iq>\
                <presence/><presence  type='unavailable' />";
    let els = elements(&after_header(body));
    assert_eq!(els.len(), 3);
    assert_eq!(els[1].raw, "<presence/>");
    assert_eq!(els[2].root().attr("type"), Some("unavailable"));
    let query = els[0]
        .root()
        .child("urn:example:contacts", "query")
        .unwrap();
    assert_eq!(query.children().count(), 2);
}

#[test]
fn oversized_stanza_is_cut_off_before_it_ends() {
    let config = StreamConfig {
        max_stanza_bytes: 1000,
        ..StreamConfig::default()
    };
    // Exactly at the limit is fine.
    let open = "<message><body>";
    let close = "</body></message>";
    let fill = "a".repeat(1000 - open.len() - close.len());
    let exact = after_header(&format!("{open}{fill}{close}"));
    let events = feed(config.clone(), exact.chunks(7));
    assert_eq!(events.len(), 2, "{events:?}");

    // One byte more, arriving in pieces: the error comes as soon as byte 1001 does,
    // without waiting for the end tag.
    let mut r = StreamReader::new(config.clone());
    r.push(HEADER.as_bytes()).unwrap();
    assert!(matches!(r.next_event(), Ok(Some(StreamEvent::Open(_)))));
    r.push(open.as_bytes()).unwrap();
    let mut sent = open.len();
    loop {
        r.push(b"a").unwrap();
        sent += 1;
        match r.next_event() {
            Ok(None) => assert!(sent <= 1000),
            Ok(Some(event)) => panic!("{event:?}"),
            Err(e) => {
                assert_eq!(sent, 1001);
                assert!(matches!(
                    e,
                    StreamError::PolicyViolation {
                        limit: Limit::StanzaBytes,
                        max: 1000
                    }
                ));
                assert_eq!(e.condition(), Some("policy-violation"));
                break;
            }
        }
    }
    // The reader stays failed.
    assert!(matches!(
        r.push(b"</body></message>"),
        Err(StreamError::PolicyViolation { .. })
    ));
    assert!(matches!(
        r.next_event(),
        Err(StreamError::PolicyViolation { .. })
    ));

    // Arriving at once, with the end far away.
    let big = after_header(&format!("{open}{}{close}", "a".repeat(5000)));
    let e = first_error(&big, config.clone());
    assert!(matches!(
        e,
        StreamError::PolicyViolation {
            limit: Limit::StanzaBytes,
            ..
        }
    ));
    // A never-ending comment or start tag is cut off too, and so is a huge header.
    let e = first_error(
        &after_header(&format!("<!--{}", "x".repeat(2000))),
        config.clone(),
    );
    assert!(matches!(
        e,
        StreamError::PolicyViolation {
            limit: Limit::StanzaBytes,
            ..
        }
    ));
    let e = first_error(
        &after_header(&format!("<message a='{}", "x".repeat(2000))),
        config.clone(),
    );
    assert!(matches!(
        e,
        StreamError::PolicyViolation {
            limit: Limit::StanzaBytes,
            ..
        }
    ));
    let e = first_error(
        format!("<stream:stream id='{}'>", "x".repeat(2000)).as_bytes(),
        config,
    );
    assert!(matches!(
        e,
        StreamError::PolicyViolation {
            limit: Limit::StanzaBytes,
            ..
        }
    ));
}

#[test]
fn depth_limit() {
    let nested = |n: usize| {
        let mut s = String::from("<message>");
        for _ in 1..n {
            s.push_str("<x>");
        }
        for _ in 1..n {
            s.push_str("</x>");
        }
        s.push_str("</message>");
        s
    };
    assert_eq!(elements(&after_header(&nested(48))).len(), 1);
    let e = first_error(&after_header(&nested(49)), StreamConfig::default());
    assert!(
        matches!(
            e,
            StreamError::PolicyViolation {
                limit: Limit::Depth,
                max: 48
            }
        ),
        "{e}"
    );
    // Byte by byte, the error comes at the 49th start tag.
    let events = feed_bytes(&after_header(&nested(49)));
    assert!(
        events.last().unwrap().contains("element depth limit of 48"),
        "{events:?}"
    );
}

#[test]
fn attribute_limit() {
    let with = |n: usize| {
        let attrs: String = (0..n).map(|i| format!(" a{i}='v=>{i}'")).collect();
        format!("<presence{attrs}/>")
    };
    assert_eq!(elements(&after_header(&with(64))).len(), 1);
    let e = first_error(&after_header(&with(65)), StreamConfig::default());
    assert!(
        matches!(
            e,
            StreamError::PolicyViolation {
                limit: Limit::Attributes,
                max: 64
            }
        ),
        "{e}"
    );
    // Namespace declarations count, as in Tree::parse.
    let e = first_error(
        &after_header(&with(64).replacen("<presence", "<presence xmlns:p='urn:p'", 1)),
        StreamConfig::default(),
    );
    assert!(matches!(e, StreamError::PolicyViolation { .. }), "{e}");
    // A header-prefixed element still gets its 64.
    let attrs: String = (0..64).map(|i| format!(" a{i}='{i}'")).collect();
    let els = elements(&after_header(&format!("<stream:features{attrs}/>")));
    assert_eq!(els[0].root().attrs().count(), 64);
}

#[test]
fn buffered_bytes_limit() {
    let config = StreamConfig {
        max_buffered_bytes: 100,
        ..StreamConfig::default()
    };
    let mut r = StreamReader::new(config);
    r.push(&[b' '; 100]).unwrap();
    assert!(r.next_event().unwrap().is_none());
    r.push(&[b' '; 60]).unwrap();
    let e = r.push(&[b' '; 41]).unwrap_err();
    assert!(matches!(
        e,
        StreamError::PolicyViolation {
            limit: Limit::BufferedBytes,
            max: 100
        }
    ));
}

#[test]
fn dtd_entities_and_processing_instructions_are_restricted() {
    let restricted = |input: &[u8]| {
        let e = first_error(input, StreamConfig::default());
        assert_eq!(e.condition(), Some("restricted-xml"), "{e}");
        // Split everywhere, the same verdict.
        let events = feed_bytes(input);
        assert!(
            events.last().unwrap().starts_with("error: restricted XML"),
            "{events:?}"
        );
    };
    restricted(b"<!DOCTYPE stream [<!ENTITY x 'y'>]><stream:stream/>");
    restricted(b"<?xml version='1.0'?><!DOCTYPE x><stream:stream/>");
    restricted(&after_header("<!ENTITY lol 'lol'>"));
    restricted(&after_header("<message><!ENTITY lol 'lol'></message>"));
    restricted(&after_header("<message><body>&lol;</body></message>"));
    restricted(&after_header("<message to='&xxe;'/>"));
    restricted(&after_header("<?php echo 1; ?>"));
    restricted(&after_header("<message><?pi x?></message>"));
    restricted(&after_header("<?xml version='1.0'?>"));
    restricted(b"<!-- hi --><?xml version='1.0'?><stream:stream/>");
    restricted(b"<?xml-stylesheet href='x'?><stream:stream/>");
    // The predefined entities and character references are fine, split or not.
    let input =
        after_header("<message to='&lt;&#x41;'><body>&amp;&quot;&apos;&gt;&#65;</body></message>");
    let whole = feed_all(&input);
    assert_eq!(whole.len(), 2, "{whole:?}");
    assert_eq!(feed_bytes(&input), whole);
    let els = elements(&input);
    assert_eq!(els[0].root().attr("to"), Some("<A"));
    assert_eq!(
        els[0].root().child(NS_CLIENT, "body").unwrap().text(),
        "&\"'>A"
    );
    // A bare '&' is not well-formed (Tree::parse says so).
    let e = first_error(
        &after_header("<message><body>a & b</body></message>"),
        StreamConfig::default(),
    );
    assert!(matches!(e, StreamError::NotWellFormed(_)), "{e}");
}

#[test]
fn utf8_split_across_chunks_and_invalid_utf8() {
    let input = after_header("<message><body>\u{2603}\u{1F339}\u{E9}</body></message>");
    // Every split point, including inside each multi-byte sequence.
    let whole = feed_all(&input);
    for cut in 0..input.len() {
        let (a, b) = input.split_at(cut);
        assert_eq!(feed(StreamConfig::default(), [a, b]), whole, "cut at {cut}");
    }
    let els = elements(&input);
    assert_eq!(
        els[0].root().child(NS_CLIENT, "body").unwrap().text(),
        "\u{2603}\u{1F339}\u{E9}"
    );

    for bad in [
        &b"\xff"[..],
        b"\xe2\x98",     // truncated sequence
        b"\xc0\xaf",     // overlong '/'
        b"\xed\xa0\x80", // surrogate
    ] {
        let mut input = after_header("<message><body>");
        input.extend_from_slice(bad);
        input.extend_from_slice(b"</body></message>");
        let e = first_error(&input, StreamConfig::default());
        assert!(matches!(e, StreamError::NotWellFormed(_)), "{e}");
        assert!(e.to_string().contains("UTF-8"), "{e}");
        let events = feed_bytes(&input);
        assert!(events.last().unwrap().contains("UTF-8"), "{events:?}");
    }
    // In the header and in a comment between stanzas too.
    let e = first_error(b"<stream:stream id='\xff'>", StreamConfig::default());
    assert!(e.to_string().contains("UTF-8"), "{e}");
    let mut input = after_header("<!-- ");
    input.extend_from_slice(b"\xfe -->");
    let e = first_error(&input, StreamConfig::default());
    assert!(e.to_string().contains("UTF-8"), "{e}");
}

#[test]
fn not_well_formed_input() {
    for body in [
        "hello",                                 // text between stanzas
        "<![CDATA[x]]>",                         // CDATA between stanzas
        "<message></presence>",                  // mismatched (Tree::parse)
        "<message a='1' a='2'/>",                // duplicate attribute (Tree::parse)
        "<message><body>\u{1}</body></message>", // forbidden character
        "<foo:message/>",                        // unbound prefix
        "< message/>",
        "<message <body/>>",
        "<message><body>]]></body></message>",
    ] {
        let e = first_error(&after_header(body), StreamConfig::default());
        assert!(matches!(e, StreamError::NotWellFormed(_)), "{body}: {e}");
        assert_eq!(e.condition(), Some("not-well-formed"));
    }
    let e = first_error(b"junk<stream:stream/>", StreamConfig::default());
    assert!(matches!(e, StreamError::NotWellFormed(_)), "{e}");
    let e = first_error(b"</stream:stream>", StreamConfig::default());
    assert!(matches!(e, StreamError::NotWellFormed(_)), "{e}");
}

#[test]
fn reset_keeps_bytes_already_received() {
    // The new header arrived in the same read as <success/>.
    let input = after_header(
        "<success xmlns='urn:ietf:params:xml:ns:xmpp-sasl'/>\
         <stream:stream xmlns='jabber:client' xmlns:stream='http://etherx.jabber.org/streams' id='2'>\
         <stream:features/>",
    );
    let mut r = StreamReader::default();
    r.push(&input).unwrap();
    assert!(matches!(
        r.next_event().unwrap(),
        Some(StreamEvent::Open(_))
    ));
    assert!(matches!(
        r.next_event().unwrap(),
        Some(StreamEvent::Element(_))
    ));
    assert!(r.buffered_len() > 0);
    r.reset();
    let Some(StreamEvent::Open(h)) = r.next_event().unwrap() else {
        panic!()
    };
    assert_eq!(h.id.as_deref(), Some("2"));
    let Some(StreamEvent::Element(e)) = r.next_event().unwrap() else {
        panic!()
    };
    assert!(e.root().is(NS_STREAM, "features"));
    assert_eq!(r.buffered_len(), 0);
    // Without the reset, a second header is an element of the first stream that never
    // ends; here it ends, and is parsed as a nested <stream:stream>.
    let mut r = StreamReader::default();
    r.push(&after_header("<stream:stream/>")).unwrap();
    r.next_event().unwrap();
    let Some(StreamEvent::Element(e)) = r.next_event().unwrap() else {
        panic!()
    };
    assert!(e.root().is(NS_STREAM, "stream"));
}

#[test]
fn mutated_transcripts_never_panic() {
    let base = TRANSCRIPT.as_bytes();
    let alphabet = b"<>/='\"!?-[]&;:x \n\xe2\x98\x83\xff";
    let mut rng = XorShift(0xDEAD_BEEF);
    for round in 0..1500 {
        let mut input = base.to_vec();
        for _ in 0..1 + rng.below(4) {
            let at = rng.below(input.len());
            match rng.below(3) {
                0 => input[at] = alphabet[rng.below(alphabet.len())],
                1 => input.insert(at, alphabet[rng.below(alphabet.len())]),
                _ => {
                    input.remove(at);
                }
            }
        }
        let config = StreamConfig {
            max_stanza_bytes: 64 + rng.below(400),
            max_depth: 1 + rng.below(4),
            ..StreamConfig::default()
        };
        let whole = feed(config.clone(), [&input[..]]);
        let split = feed(config, random_chunks(&input, round, 9));
        // Chunking never changes the outcome.
        assert_eq!(split, whole, "round {round}");
    }
}

#[test]
fn small_chunks_are_not_quadratic() {
    // 200 KiB of text in one element, fed a byte at a time: a rescanning reader would
    // do ~2·10^10 steps here.
    let body = "x".repeat(200 * 1024);
    let input = after_header(&format!("<message><body>{body}</body></message>"));
    let events = feed(StreamConfig::default(), input.chunks(1));
    assert_eq!(events.len(), 2);
}

#[tokio::test]
async fn async_over_a_byte_slice() {
    let mut src: &[u8] = TRANSCRIPT.as_bytes();
    let mut r = StreamReader::default();
    let mut out = Vec::new();
    loop {
        let event = r.read_event(&mut src).await.unwrap();
        if restarts(&event) {
            r.reset();
        }
        let done = matches!(event, StreamEvent::Close);
        out.push(describe(&event));
        if done {
            break;
        }
    }
    assert_eq!(out, feed_all(TRANSCRIPT.as_bytes()));
    // Past the end: the remaining "\n", then end of file.
    assert!(matches!(
        r.read_event(&mut src).await,
        Err(StreamError::Closed)
    ));
}

#[tokio::test]
async fn async_over_a_duplex_in_small_writes() {
    use tokio::io::AsyncWriteExt;
    let (mut client, mut server) = tokio::io::duplex(16);
    let writer = tokio::spawn(async move {
        for chunk in random_chunks(TRANSCRIPT.as_bytes(), 7, 40) {
            server.write_all(chunk).await.unwrap();
        }
    });
    let mut r = StreamReader::default();
    let mut out = Vec::new();
    loop {
        let event = r.read_event(&mut client).await.unwrap();
        if restarts(&event) {
            r.reset();
        }
        let done = matches!(event, StreamEvent::Close);
        out.push(describe(&event));
        if done {
            break;
        }
    }
    writer.await.unwrap();
    assert_eq!(out, feed_all(TRANSCRIPT.as_bytes()));
}

#[tokio::test]
async fn async_eof_mid_stanza_is_closed() {
    let input = after_header("<message><body>half a mess");
    let mut src: &[u8] = &input;
    let mut r = StreamReader::default();
    assert!(matches!(
        r.read_event(&mut src).await,
        Ok(StreamEvent::Open(_))
    ));
    let e = r.read_event(&mut src).await.unwrap_err();
    assert!(matches!(e, StreamError::Closed), "{e}");
    assert_eq!(e.condition(), None);
}

#[tokio::test]
async fn async_endless_element_is_cut_off() {
    use tokio::io::AsyncReadExt;
    let start = after_header("<message><body>");
    let mut src = (&start[..]).chain(tokio::io::repeat(b'a'));
    let mut r = StreamReader::default();
    assert!(matches!(
        r.read_event(&mut src).await,
        Ok(StreamEvent::Open(_))
    ));
    let e = r.read_event(&mut src).await.unwrap_err();
    assert!(
        matches!(
            e,
            StreamError::PolicyViolation {
                limit: Limit::StanzaBytes,
                ..
            }
        ),
        "{e}"
    );
    assert!(r.buffered_len() <= 256 * 1024 + 16 * 1024);
}

#[tokio::test]
async fn async_read_is_cancel_safe() {
    use tokio::io::AsyncWriteExt;
    let (mut client, mut server) = tokio::io::duplex(4096);
    let mut r = StreamReader::default();
    server.write_all(HEADER.as_bytes()).await.unwrap();
    assert!(matches!(
        r.read_event(&mut client).await,
        Ok(StreamEvent::Open(_))
    ));
    server.write_all(b"<message><bo").await.unwrap();
    // Lose a race while half an element is buffered and the read is pending.
    tokio::select! {
        biased;
        _ = r.read_event(&mut client) => panic!("nothing complete yet"),
        _ = tokio::task::yield_now() => {}
    }
    server.write_all(b"dy>hi</body></message>").await.unwrap();
    let Ok(StreamEvent::Element(e)) = r.read_event(&mut client).await else {
        panic!()
    };
    assert_eq!(e.raw, "<message><body>hi</body></message>");
}

/// Throughput of cutting and parsing a large transcript; run with
/// `cargo test --release -p xmpp-ftw-runtime stream::tests::throughput -- --ignored --nocapture`.
#[test]
#[ignore]
fn throughput() {
    let mut input = String::from(HEADER);
    let mut n = 0;
    while input.len() < 64 * 1024 * 1024 {
        input.push_str(&format!(
            "<message from='romeo@example.net/orchard' to='juliet@example.com/balcony' \
             type='chat' id='m{n}'><body>Art thou not Romeo, and a Montague? &lt;{n}&gt;</body>\
             <happy xmlns='urn:example:mood'/></message>\n\
             <presence from='nurse@example.com/kitchen'><show>away</show></presence>"
        ));
        n += 2;
    }
    input.push_str("</stream:stream>");
    let bytes = input.as_bytes();
    let mut best = f64::MAX;
    for chunk in [512 * 1024, 16 * 1024, 1500, 100] {
        let started = std::time::Instant::now();
        let mut r = StreamReader::default();
        let mut count = 0;
        for piece in bytes.chunks(chunk) {
            r.push(piece).unwrap();
            while let Some(event) = r.next_event().unwrap() {
                count += usize::from(matches!(event, StreamEvent::Element(_)));
            }
        }
        let secs = started.elapsed().as_secs_f64();
        best = best.min(secs);
        assert_eq!(count, n);
        println!(
            "reader, chunks of {chunk} B: {:.0} MB/s, {:.0} k elements/s",
            bytes.len() as f64 / secs / 1e6,
            n as f64 / secs / 1e3
        );
    }
    // How much of that is Tree::parse itself, on the same elements.
    let mut r = StreamReader::default();
    r.push(&bytes[..HEADER.len()]).unwrap();
    r.next_event().unwrap();
    let mut raws = Vec::with_capacity(n);
    for piece in bytes[HEADER.len()..].chunks(512 * 1024) {
        r.push(piece).unwrap();
        while let Some(event) = r.next_event().unwrap() {
            if let StreamEvent::Element(e) = event {
                raws.push(e.raw);
            }
        }
    }
    let started = std::time::Instant::now();
    for raw in &raws {
        Tree::parse(raw, NS_CLIENT, &Default::default()).unwrap();
    }
    let parse = started.elapsed().as_secs_f64();
    println!(
        "Tree::parse alone: {:.0} MB/s; so splitting costs {:.0}% of the reader's time \
         ({:.0} MB/s on its own)",
        bytes.len() as f64 / parse / 1e6,
        100.0 * (best - parse) / best,
        bytes.len() as f64 / (best - parse) / 1e6
    );
}
