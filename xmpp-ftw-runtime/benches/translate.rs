//! Translation throughput: XML text → JSON text and JSON text → XML text for four
//! typical stanzas, each beside a "limit" that does only the unavoidable library work
//! on the same bytes (see BENCHMARKS.md for what every number includes).
//!
//! `cargo bench -p xmpp-ftw-runtime --bench translate`
//!
//! Groups are `<case>/<direction>`; in each, `ours` is the gateway's full path and
//! `limit` the lower bound it is compared with. Criterion reports stanzas/s
//! (`Throughput::Elements(1)`).

use std::hint::black_box;
use std::time::Duration;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quick_xml::Writer;
use quick_xml::events::Event;
use quick_xml::name::ResolveResult;
use quick_xml::reader::{NsReader, Reader};
use serde_json::Value;
use xmpp_ftw_runtime::registry;
use xmpp_ftw_runtime::session::Session;
use xmpp_ftw_runtime::translate::IqAnswer;
use xmpp_ftw_runtime::xml::{Limits, NS_CLIENT, Tree};

const OWN_JID: &str = "romeo@montague.lit/orchard";

// ---------------------------------------------------------------------------------
// Stanzas (as cut from a `jabber:client` stream: no xmlns on the root) and payloads.
// They live in `fixtures/` because protocol namespaces belong to specs and fixtures,
// never to Rust source (tests/spec_only.rs).

const CHAT_XML: &str = include_str!("fixtures/chat.xml");
const CHAT_JSON: &str = include_str!("fixtures/chat.json");
const CAPS_XML: &str = include_str!("fixtures/presence-caps.xml");
const CAPS_JSON: &str = include_str!("fixtures/presence-caps.json");
const MUC_XML: &str = include_str!("fixtures/muc-presence.xml");
const MUC_JOIN_JSON: &str = include_str!("fixtures/muc-join.json");
const ROSTER_ADD_JSON: &str = include_str!("fixtures/roster-add.json");
/// `<iq type='result'><query xmlns=…>`, which [`roster_xml`] fills with items.
const ROSTER_OPEN_XML: &str = include_str!("fixtures/roster-result-open.xml");

/// A roster result of `n` items: every subscription state, some pending requests,
/// names on most items and zero to two groups.
fn roster_xml(n: usize) -> String {
    let subs = ["both", "to", "from", "none"];
    let mut s = String::from(ROSTER_OPEN_XML);
    for i in 0..n {
        s.push_str(&format!("<item jid='contact{i}@example.org'"));
        if i % 5 != 4 {
            s.push_str(&format!(" name='Contact Number {i}'"));
        }
        s.push_str(&format!(" subscription='{}'", subs[i % 4]));
        if i % 7 == 3 {
            s.push_str(" ask='subscribe'");
        }
        match i % 3 {
            0 => s.push_str("/>"),
            1 => s.push_str("><group>Friends</group></item>"),
            _ => s.push_str("><group>Work</group><group>Verona</group></item>"),
        }
    }
    s.push_str("</query></iq>");
    s
}

// ---------------------------------------------------------------------------------
// The measured paths.

/// XML text → stanza tree → incoming dispatch → JSON text.
fn ours_incoming(xml: &str, sess: &Session) -> String {
    let tree = Tree::parse(xml, NS_CLIENT, &Limits::default()).expect("parses");
    registry::incoming(tree.root(), sess)
        .expect("translates")
        .data
}

/// XML text → stanza tree → the roster request's result decoder → JSON text.
fn ours_roster_result(xml: &str) -> String {
    let tree = Tree::parse(xml, NS_CLIENT, &Limits::default()).expect("parses");
    let pending =
        registry::pending_iq("xmpp.roster.get", &Value::Null).expect("roster.get sends an IQ");
    match pending.answer(tree.root()) {
        IqAnswer::Data { data, .. } => data,
        IqAnswer::Error(e) => panic!("roster result decoded as error {e}"),
    }
}

/// JSON text → `Value` → outgoing translation → XML text.
fn ours_outgoing(event: &str, json: &str, sess: &mut Session) -> String {
    let value: Value = serde_json::from_str(json).expect("valid JSON");
    registry::outgoing(event, &value, true, sess)
        .expect("translates")
        .stanza
        .xml
}

/// The XML→JSON limit: quick-xml's `NsReader` over the same bytes, touching every
/// event (element namespaces resolved, every attribute read and its namespace
/// resolved, text read), then `serde_json::to_string` of the finished JSON value.
fn limit_xml_to_json(xml: &str, json: &Value) -> String {
    reader_only(xml);
    serde_json::to_string(json).expect("serialises")
}

fn reader_only(xml: &str) {
    let mut reader = NsReader::from_str(xml);
    loop {
        let (ns, event) = reader.read_resolved_event().expect("well-formed");
        match event {
            Event::Start(e) | Event::Empty(e) => {
                black_box((&ns, e.local_name()));
                for a in e.attributes().with_checks(false) {
                    let a = a.expect("well-formed attribute");
                    let (ns, local) = reader.resolver().resolve_attribute(a.key);
                    black_box((matches!(ns, ResolveResult::Bound(_)), local, &a.value));
                }
            }
            Event::Text(t) => {
                black_box(&t);
            }
            Event::Eof => break,
            other => {
                black_box(&other);
            }
        }
    }
}

/// The JSON→XML limit: `serde_json::from_str::<Value>` of the same JSON, then the
/// stanza's events (built beforehand, text already escaped) written with quick-xml's
/// `Writer` into a `Vec` and turned into a `String`.
fn limit_json_to_xml(json: &str, events: &[Event<'static>]) -> String {
    let value: Value = serde_json::from_str(json).expect("valid JSON");
    black_box(&value);
    let mut w = Writer::new(Vec::with_capacity(256));
    for e in events {
        w.write_event(e.borrow()).expect("writes to a Vec");
    }
    String::from_utf8(w.into_inner()).expect("UTF-8")
}

/// The events of an XML document, for the writer limit.
fn events_of(xml: &str) -> Vec<Event<'static>> {
    let mut reader = Reader::from_str(xml);
    let mut out = Vec::new();
    loop {
        match reader.read_event().expect("well-formed") {
            Event::Eof => break,
            e => out.push(e.into_owned()),
        }
    }
    out
}

fn session() -> Session {
    let mut s = Session::with_sequential_ids("bench");
    s.set_jid(OWN_JID);
    s
}

// ---------------------------------------------------------------------------------
// Benchmarks.

fn config() -> Criterion {
    Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .sample_size(30)
}

fn bench_xml_to_json(
    c: &mut Criterion,
    name: &str,
    xml: &str,
    expect_event: &str,
    ours: impl Fn(&str) -> String,
) {
    // Check once that the path does what the case claims, and capture its output.
    let json_text = ours(xml);
    let json: Value = serde_json::from_str(&json_text).expect("ours wrote valid JSON");
    if !expect_event.is_empty() {
        let tree = Tree::parse(xml, NS_CLIENT, &Limits::default()).expect("parses");
        let event = registry::incoming(tree.root(), &session()).map(|i| i.event);
        assert_eq!(event, Some(expect_event), "{name}");
    }
    // serde_json sorts keys here (no `preserve_order`): same value, same length.
    let limit_text = limit_xml_to_json(xml, &json);
    assert_eq!(limit_text.len(), json_text.len(), "{name}: same JSON size");
    let limit_value: Value = serde_json::from_str(&limit_text).expect("valid JSON");
    assert_eq!(limit_value, json, "{name}: same JSON");

    let mut g = c.benchmark_group(format!("{name}/xml_to_json"));
    g.throughput(Throughput::Elements(1));
    g.bench_function("ours", |b| b.iter(|| ours(black_box(xml))));
    g.bench_function("limit", |b| {
        b.iter(|| limit_xml_to_json(black_box(xml), &json))
    });
    g.finish();
}

fn bench_json_to_xml(c: &mut Criterion, name: &str, event: &str, json: &str) {
    let mut sess = session();
    let xml = ours_outgoing(event, json, &mut sess);
    let events = events_of(&xml);
    assert_eq!(limit_json_to_xml(json, &events), xml, "{name}: same XML");

    let mut g = c.benchmark_group(format!("{name}/json_to_xml"));
    g.throughput(Throughput::Elements(1));
    g.bench_function("ours", |b| {
        b.iter(|| ours_outgoing(event, black_box(json), &mut sess))
    });
    g.bench_function("limit", |b| {
        b.iter(|| limit_json_to_xml(black_box(json), &events))
    });
    g.finish();
}

fn chat(c: &mut Criterion) {
    let sess = session();
    bench_xml_to_json(c, "chat", CHAT_XML, "xmpp.chat.message", |x| {
        ours_incoming(x, &sess)
    });
    bench_json_to_xml(c, "chat", "xmpp.chat.message", CHAT_JSON);

    // Where the time of the chat message's XML→JSON path goes.
    let tree = Tree::parse(CHAT_XML, NS_CLIENT, &Limits::default()).expect("parses");
    let mut g = c.benchmark_group("chat/xml_to_json_parts");
    g.throughput(Throughput::Elements(1));
    g.bench_function("tree_parse", |b| {
        b.iter(|| Tree::parse(black_box(CHAT_XML), NS_CLIENT, &Limits::default()))
    });
    g.bench_function("translate", |b| {
        b.iter(|| registry::incoming(black_box(tree.root()), &sess))
    });
    g.bench_function("limit_reader", |b| {
        b.iter(|| reader_only(black_box(CHAT_XML)))
    });
    g.finish();

    // And of its JSON→XML path: the JSON parse both sides share, and the translation.
    let value: Value = serde_json::from_str(CHAT_JSON).expect("valid JSON");
    let mut sess = session();
    let mut g = c.benchmark_group("chat/json_to_xml_parts");
    g.throughput(Throughput::Elements(1));
    g.bench_function("json_parse", |b| {
        b.iter(|| serde_json::from_str::<Value>(black_box(CHAT_JSON)))
    });
    g.bench_function("translate", |b| {
        b.iter(|| {
            registry::outgoing("xmpp.chat.message", black_box(&value), true, &mut sess)
                .map(|o| o.stanza.xml)
        })
    });
    g.finish();
}

fn presence_caps(c: &mut Criterion) {
    let sess = session();
    bench_xml_to_json(c, "presence_caps", CAPS_XML, "xmpp.presence", |x| {
        ours_incoming(x, &sess)
    });
    bench_json_to_xml(c, "presence_caps", "xmpp.presence", CAPS_JSON);
}

fn roster(c: &mut Criterion) {
    let xml = roster_xml(200);
    let items = serde_json::from_str::<Value>(&ours_roster_result(&xml))
        .ok()
        .and_then(|v| v.as_array().map(Vec::len));
    assert_eq!(items, Some(200), "roster result of 200 items");
    bench_xml_to_json(c, "roster200", &xml, "", ours_roster_result);
    // The browser never sends a roster: its JSON→XML case is one `xmpp.roster.add`.
    bench_json_to_xml(c, "roster_add", "xmpp.roster.add", ROSTER_ADD_JSON);
}

fn muc(c: &mut Criterion) {
    let sess = session();
    bench_xml_to_json(c, "muc_presence", MUC_XML, "xmpp.muc.roster", |x| {
        ours_incoming(x, &sess)
    });
    bench_json_to_xml(c, "muc_join", "xmpp.muc.join", MUC_JOIN_JSON);
}

criterion_group! {
    name = benches;
    config = config();
    targets = chat, presence_caps, roster, muc
}
criterion_main!(benches);
