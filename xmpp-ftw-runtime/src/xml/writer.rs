//! The escaping XML writer every outgoing stanza goes through.
//!
//! Callers hand over names, namespaces and plain strings; this module does all escaping
//! and namespace bookkeeping, and every tag goes out through `quick_xml::Writer`, so no
//! caller ever assembles markup by hand.

use std::borrow::Cow;

use quick_xml::Writer;
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesEnd, BytesStart, BytesText, Event};
use quick_xml::name::QName;

use super::NS_XML;
use super::tree::{Elem, Walk};

/// Writes XML through quick-xml's `Writer`. Text and attribute values are always escaped
/// here; callers never see markup. Namespaces: `start(name, ns)` emits `xmlns` only when
/// `ns` differs from the namespace in scope (the parent's, or `initial_ns` at top level).
pub struct XmlWriter<'a> {
    out: Writer<Vec<u8>>,
    initial_ns: &'a str,
    /// Open elements as (local name, namespace); the top is the namespace scope.
    open: Vec<(&'a str, &'a str)>,
    /// The start tag being assembled. Its buffer is reused for every element, and it is
    /// held back until we know whether the element is empty (`<x/>`) or not.
    tag: BytesStart<'static>,
    pending: bool,
    /// Scratch for prefixed attribute names (`xml:lang`, `ns1:foo`, `xmlns:ns1`).
    key: String,
    /// Namespaces given a generated prefix on the current tag, concatenated; prefix
    /// `ns{i+1}` belongs to `prefixed_ns[prefix_spans[i]]`.
    prefixed_ns: String,
    prefix_spans: Vec<(usize, usize)>,
}

impl<'a> XmlWriter<'a> {
    /// `initial_ns` is the namespace already in scope for the root. Stanzas pass
    /// `NS_CLIENT` (the stream's default namespace), so `<message>` gets no xmlns.
    pub fn new(initial_ns: &'a str) -> Self {
        Self {
            out: Writer::new(Vec::with_capacity(256)),
            initial_ns,
            open: Vec::new(),
            tag: BytesStart::new(String::with_capacity(64)),
            pending: false,
            key: String::new(),
            prefixed_ns: String::new(),
            prefix_spans: Vec::new(),
        }
    }

    fn scope(&self) -> &'a str {
        self.open.last().map_or(self.initial_ns, |&(_, ns)| ns)
    }

    /// Opens a start tag; attributes may follow.
    pub fn start(&mut self, name: &'a str, ns: &'a str) {
        self.flush();
        let scope = self.scope();
        self.open_tag(name, ns, scope);
        self.open.push((name, ns));
        self.pending = true;
    }

    /// Adds an un-namespaced attribute; only valid right after `start()`.
    pub fn attr(&mut self, name: &str, value: &str) {
        debug_assert!(self.pending, "XmlWriter::attr({name}) outside a start tag");
        if self.pending {
            self.push_attr(name, value);
        }
    }

    /// Adds a namespaced attribute: `NS_XML` gets the `xml:` prefix, other namespaces a
    /// generated prefix declared on the same element, `""` none.
    pub fn attr_ns(&mut self, ns: &str, name: &str, value: &str) {
        debug_assert!(
            self.pending,
            "XmlWriter::attr_ns({name}) outside a start tag"
        );
        if self.pending {
            self.push_attr_ns(ns, name, value);
        }
    }

    /// Escaped character data; empty text writes nothing.
    pub fn text(&mut self, text: &str) {
        if text.is_empty() {
            return;
        }
        self.flush();
        write(
            &mut self.out,
            Event::Text(BytesText::from_escaped(escape_text(text))),
        );
    }

    /// Closes the innermost element: `/>` when nothing was written inside it.
    pub fn end(&mut self) {
        let Some((name, _)) = self.open.pop() else {
            debug_assert!(false, "XmlWriter::end() without an open element");
            return;
        };
        if self.pending {
            self.pending = false;
            write(&mut self.out, Event::Empty(self.tag.borrow()));
        } else {
            write(&mut self.out, Event::End(BytesEnd::new(name)));
        }
    }

    /// Copies a parsed subtree (names, namespaces, attributes, text). xmlns is written
    /// only where the namespace changes relative to what is in scope at that point.
    pub fn element(&mut self, elem: Elem<'_>) {
        self.flush();
        let scope = self.scope();
        for step in elem.walk() {
            match step {
                Walk::Start(e) => {
                    let parent_ns = match e.parent() {
                        Some(p) if !e.same(elem) => p.ns(),
                        _ => scope,
                    };
                    self.open_tag(e.name(), e.ns(), parent_ns);
                    for a in e.attrs() {
                        self.push_attr_ns(a.ns, a.name, a.value);
                    }
                    let event = if e.is_empty() {
                        Event::Empty(self.tag.borrow())
                    } else {
                        Event::Start(self.tag.borrow())
                    };
                    write(&mut self.out, event);
                }
                Walk::Text(t) => write(
                    &mut self.out,
                    Event::Text(BytesText::from_escaped(escape_text(t))),
                ),
                Walk::End(e) => {
                    if !e.is_empty() {
                        write(&mut self.out, Event::End(BytesEnd::new(e.name())));
                    }
                }
            }
        }
    }

    /// The serialised XML. Panics in debug builds if elements are still open; release
    /// builds close them so the output is at least well-formed.
    pub fn into_string(mut self) -> String {
        debug_assert!(
            self.open.is_empty(),
            "XmlWriter::into_string with open elements: {:?}",
            self.open
        );
        while !self.open.is_empty() {
            self.end();
        }
        let bytes = self.out.into_inner();
        // Only `&str` data is ever written, so this is always valid UTF-8.
        String::from_utf8(bytes)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }

    /// Emits a held-back start tag now that content follows.
    fn flush(&mut self) {
        if self.pending {
            self.pending = false;
            write(&mut self.out, Event::Start(self.tag.borrow()));
        }
    }

    fn open_tag(&mut self, name: &str, ns: &str, scope: &str) {
        self.tag.clear_attributes();
        self.tag.set_name(name);
        self.prefixed_ns.clear();
        self.prefix_spans.clear();
        if ns != scope {
            self.tag.push_attribute(Attribute {
                key: QName("xmlns"),
                value: escape_attr(ns),
            });
        }
    }

    fn push_attr(&mut self, name: &str, value: &str) {
        self.tag.push_attribute(Attribute {
            key: QName(name),
            value: escape_attr(value),
        });
    }

    fn push_attr_ns(&mut self, ns: &str, name: &str, value: &str) {
        if ns.is_empty() {
            return self.push_attr(name, value);
        }
        self.key.clear();
        if ns == NS_XML {
            // The `xml` prefix is bound by definition and must not be declared.
            self.key.push_str("xml:");
        } else {
            let known = self
                .prefix_spans
                .iter()
                .position(|&(s, e)| self.prefixed_ns.get(s..e) == Some(ns));
            let n = match known {
                Some(i) => i + 1,
                None => {
                    let start = self.prefixed_ns.len();
                    self.prefixed_ns.push_str(ns);
                    self.prefix_spans.push((start, self.prefixed_ns.len()));
                    let n = self.prefix_spans.len();
                    self.key.push_str("xmlns:ns");
                    push_decimal(&mut self.key, n);
                    self.tag.push_attribute(Attribute {
                        key: QName(&self.key),
                        value: escape_attr(ns),
                    });
                    self.key.clear();
                    n
                }
            };
            self.key.push_str("ns");
            push_decimal(&mut self.key, n);
            self.key.push(':');
        }
        self.key.push_str(name);
        self.tag.push_attribute(Attribute {
            key: QName(&self.key),
            value: escape_attr(value),
        });
    }
}

fn write(out: &mut Writer<Vec<u8>>, event: Event<'_>) {
    // Writing into a Vec cannot fail.
    let _ = out.write_event(event);
}

fn push_decimal(out: &mut String, mut n: usize) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        out.push(char::from(d));
    }
}

/// Escapes character data: `&`, `<`, `>` and `\r` (as `&#xD;`, which a parser's line-end
/// normalisation would otherwise turn into `\n`), so parsers give back exactly `s`.
/// Characters XML 1.0 cannot carry at all are replaced by U+FFFD.
pub fn escape_text(s: &str) -> Cow<'_, str> {
    escape(s, false)
}

/// Escapes an attribute value: `&`, `<`, `>`, `"`, `'`, and `\t`, `\n`, `\r` as character
/// references (literal ones would be normalised to spaces by the parser). Characters XML
/// 1.0 cannot carry at all are replaced by U+FFFD.
pub fn escape_attr(s: &str) -> Cow<'_, str> {
    escape(s, true)
}

/// The XML 1.0 `Char` production.
pub fn is_xml_char(c: char) -> bool {
    matches!(c,
        '\u{9}' | '\u{A}' | '\u{D}'
        | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}' | '\u{10000}'..='\u{10FFFF}')
}

fn escape(s: &str, attr: bool) -> Cow<'_, str> {
    let bytes = s.as_bytes();
    let special = |i: usize, b: u8| match b {
        b'&' | b'<' | b'>' | b'\r' => true,
        b'"' | b'\'' | b'\t' | b'\n' => attr,
        0..=0x1F => true,
        // U+FFFE and U+FFFF are EF BF BE / EF BF BF; other EF sequences are fine.
        0xEF => bytes.get(i + 1) == Some(&0xBF) && matches!(bytes.get(i + 2), Some(0xBE | 0xBF)),
        _ => false,
    };
    let Some(first) = bytes.iter().enumerate().position(|(i, &b)| special(i, b)) else {
        return Cow::Borrowed(s);
    };
    let (clean, rest) = s.split_at(first);
    let mut out = String::with_capacity(s.len() + 16);
    out.push_str(clean);
    for c in rest.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\r' => out.push_str("&#xD;"),
            '"' if attr => out.push_str("&quot;"),
            '\'' if attr => out.push_str("&apos;"),
            '\t' if attr => out.push_str("&#x9;"),
            '\n' if attr => out.push_str("&#xA;"),
            c if !is_xml_char(c) => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::super::{Limits, NS_CLIENT, Tree};
    use super::*;

    fn parse(xml: &str) -> Tree {
        let limits = Limits {
            max_bytes: 1 << 20,
            ..Limits::default()
        };
        match Tree::parse(xml, NS_CLIENT, &limits) {
            Ok(t) => t,
            Err(e) => panic!("{} should parse: {e}", short(xml)),
        }
    }

    /// Keeps failure messages readable when the input is one of the long strings.
    fn short(s: &str) -> String {
        let head: String = s.chars().take(200).collect();
        format!("{head:?} ({} bytes)", s.len())
    }

    #[test]
    fn empty_and_non_empty_elements() {
        let mut w = XmlWriter::new(NS_CLIENT);
        w.start("message", NS_CLIENT);
        w.attr("to", "a@b");
        w.start("happy", "urn:example:mood");
        w.end();
        w.start("body", NS_CLIENT);
        w.text("hi");
        w.end();
        w.start("thread", NS_CLIENT);
        w.text("");
        w.end();
        w.end();
        assert_eq!(
            w.into_string(),
            "<message to=\"a@b\"><happy xmlns=\"urn:example:mood\"/>\
             <body>hi</body><thread/></message>"
        );
    }

    #[test]
    fn namespace_scope() {
        let mut w = XmlWriter::new(NS_CLIENT);
        w.start("iq", NS_CLIENT);
        w.start("query", "urn:example:contacts");
        w.start("item", "urn:example:contacts");
        w.start("none", "");
        w.start("deeper", "");
        w.end();
        w.end();
        w.start("back", NS_CLIENT);
        w.end();
        w.end();
        w.end();
        w.start("sibling", NS_CLIENT);
        w.end();
        w.end();
        assert_eq!(
            w.into_string(),
            "<iq><query xmlns=\"urn:example:contacts\"><item><none xmlns=\"\"><deeper/></none>\
             <back xmlns=\"jabber:client\"/></item></query><sibling/></iq>"
        );
        let mut w = XmlWriter::new("");
        w.start("a", "urn:a");
        w.end();
        assert_eq!(w.into_string(), "<a xmlns=\"urn:a\"/>");
    }

    #[test]
    fn namespaced_attributes() {
        let mut w = XmlWriter::new(NS_CLIENT);
        w.start("message", NS_CLIENT);
        w.attr_ns(NS_XML, "lang", "en");
        w.attr_ns("urn:p", "a", "1");
        w.attr_ns("urn:q", "b", "2");
        w.attr_ns("urn:p", "c", "3");
        w.attr_ns("", "d", "4");
        w.start("x", NS_CLIENT);
        w.attr_ns("urn:q", "e", "5");
        w.end();
        w.end();
        let xml = w.into_string();
        assert_eq!(
            xml,
            "<message xml:lang=\"en\" xmlns:ns1=\"urn:p\" ns1:a=\"1\" xmlns:ns2=\"urn:q\" \
             ns2:b=\"2\" ns1:c=\"3\" d=\"4\"><x xmlns:ns1=\"urn:q\" ns1:e=\"5\"/></message>"
        );
        let t = parse(&xml);
        let m = t.root();
        assert_eq!(m.lang(), Some("en"));
        assert_eq!(m.attr_ns("urn:p", "a"), Some("1"));
        assert_eq!(m.attr_ns("urn:q", "b"), Some("2"));
        assert_eq!(m.attr_ns("urn:p", "c"), Some("3"));
        assert_eq!(m.attr("d"), Some("4"));
        assert_eq!(
            m.children().next().and_then(|x| x.attr_ns("urn:q", "e")),
            Some("5")
        );
    }

    #[test]
    fn escaping_rules() {
        assert!(matches!(
            escape_text("plain ünïcödé 😀 \" ' \t\n"),
            Cow::Borrowed(_)
        ));
        assert!(matches!(
            escape_attr("plain ünïcödé 😀 \u{FEFF}\u{FF21}"),
            Cow::Borrowed(_)
        ));
        assert_eq!(
            escape_text("a&b<c>d\re\"f'g\th\ni"),
            "a&amp;b&lt;c&gt;d&#xD;e\"f'g\th\ni"
        );
        assert_eq!(
            escape_attr("a&b<c>d\re\"f'g\th\ni"),
            "a&amp;b&lt;c&gt;d&#xD;e&quot;f&apos;g&#x9;h&#xA;i"
        );
        assert_eq!(escape_text("]]>"), "]]&gt;");
        assert_eq!(
            escape_text("x\u{0}y\u{1B}z\u{FFFE}\u{FFFF}"),
            "x\u{FFFD}y\u{FFFD}z\u{FFFD}\u{FFFD}"
        );
        assert_eq!(escape_attr("\u{8}"), "\u{FFFD}");
    }

    #[test]
    fn xml_chars() {
        for c in [
            '\t',
            '\n',
            '\r',
            ' ',
            '\u{D7FF}',
            '\u{E000}',
            '\u{FFFD}',
            '\u{10000}',
            '\u{10FFFF}',
        ] {
            assert!(is_xml_char(c), "{c:?}");
        }
        for c in [
            '\u{0}', '\u{8}', '\u{B}', '\u{C}', '\u{1F}', '\u{FFFE}', '\u{FFFF}',
        ] {
            assert!(!is_xml_char(c), "{c:?}");
        }
    }

    fn hostile_strings() -> Vec<String> {
        let mut v: Vec<String> = [
            "",
            " ",
            "  leading and trailing  ",
            "<",
            ">",
            "&",
            "&amp;",
            "&lt;",
            "&#60;",
            "&#x3C;",
            "]]>",
            "]]]]>>",
            "<![CDATA[x]]>",
            "\"",
            "'",
            "\"'\"'",
            "`",
            "\r",
            "\n",
            "\r\n",
            "\n\r",
            "\r\r\n\n",
            "\t",
            " \t\r\n ",
            "a\tb\nc\rd\r\ne",
            "<a href='x'>y</a>",
            "<!-- c -->",
            "<?pi?>",
            "<!DOCTYPE x>",
            "&nbsp;",
            "&",
            "&&&;;;",
            "x=\"1\" y='2'",
            "xmlns='urn:evil'",
            "\u{FEFF}",
            "\u{FFFD}",
            "\u{D7FF}\u{E000}",
            "\u{10FFFF}",
            "😀👩‍👩‍👧",
            "ünïcödé",
            "日本語テキスト",
            "עברית",
            "\u{85}\u{2028}\u{2029}",
            "\u{7F}\u{80}\u{9F}",
            "Ω≈ç√∫",
            "</body></message><message>",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        v.push("<&>\"'\r\n\t".repeat(2000));
        v.push("x".repeat(100_000));
        v.push((0x20u32..0x3000).filter_map(char::from_u32).collect());
        v
    }

    #[test]
    fn text_round_trips() {
        for s in hostile_strings() {
            let mut w = XmlWriter::new(NS_CLIENT);
            w.start("body", NS_CLIENT);
            w.text(&s);
            w.end();
            let xml = w.into_string();
            let t = parse(&xml);
            assert!(
                t.root().text() == s.as_str(),
                "{} via {}",
                short(&s),
                short(&xml)
            );
        }
    }

    #[test]
    fn attribute_round_trips() {
        for s in hostile_strings() {
            let mut w = XmlWriter::new(NS_CLIENT);
            w.start("x", NS_CLIENT);
            w.attr("v", &s);
            w.attr_ns("urn:p", "v", &s);
            w.attr_ns(NS_XML, "lang", &s);
            w.end();
            let xml = w.into_string();
            let t = parse(&xml);
            let root = t.root();
            let want = Some(s.as_str());
            let ok =
                root.attr("v") == want && root.attr_ns("urn:p", "v") == want && root.lang() == want;
            assert!(ok, "{} via {}", short(&s), short(&xml));
        }
    }

    #[test]
    fn forbidden_characters_still_give_well_formed_output() {
        let mut w = XmlWriter::new(NS_CLIENT);
        w.start("body", NS_CLIENT);
        w.attr("a", "\u{0}");
        w.text("x\u{1}y");
        w.end();
        let xml = w.into_string();
        let t = parse(&xml);
        assert_eq!(t.root().text(), "x\u{FFFD}y");
        assert_eq!(t.root().attr("a"), Some("\u{FFFD}"));
    }

    #[test]
    fn copies_parsed_subtrees() {
        let t = parse(
            "<message to='a@b' xml:lang='en'><body>x &amp; y</body>\
             <event xmlns='urn:example:event' xmlns:p='urn:p'>\
             <items node='n' p:x='1'><item id='1'><entry xmlns='urn:example:entry'>\
             <title>t</title></entry></item></items></event><empty xmlns=''/></message>",
        );
        let mut w = XmlWriter::new(NS_CLIENT);
        w.start("message", NS_CLIENT);
        w.attr("id", "1");
        for child in t.root().children() {
            w.element(child);
        }
        w.end();
        assert_eq!(
            w.into_string(),
            "<message id=\"1\"><body>x &amp; y</body>\
             <event xmlns=\"urn:example:event\">\
             <items node=\"n\" xmlns:ns1=\"urn:p\" ns1:x=\"1\"><item id=\"1\">\
             <entry xmlns=\"urn:example:entry\"><title>t</title></entry></item>\
             </items></event><empty xmlns=\"\"/></message>"
        );
        // Into a scope with another namespace, the copy declares its own.
        let mut w = XmlWriter::new("urn:other");
        w.element(t.root().children().next().expect("body"));
        assert_eq!(
            w.into_string(),
            "<body xmlns=\"jabber:client\">x &amp; y</body>"
        );
        // to_xml starts from no namespace, so the root always says where it lives.
        assert_eq!(
            t.root().child(NS_CLIENT, "body").map(|b| b.to_xml()),
            Some("<body xmlns=\"jabber:client\">x &amp; y</body>".to_owned())
        );
    }

    #[test]
    fn element_after_pending_start_and_text() {
        let t = parse("<x a='1'/>");
        let mut w = XmlWriter::new(NS_CLIENT);
        w.start("wrap", NS_CLIENT);
        w.element(t.root());
        w.text("<");
        w.element(t.root());
        w.end();
        assert_eq!(w.into_string(), "<wrap><x a=\"1\"/>&lt;<x a=\"1\"/></wrap>");
    }

    #[test]
    fn reuses_the_tag_buffer_across_elements() {
        let mut w = XmlWriter::new("");
        for i in 0..3 {
            w.start("aaaaaaaaaaaa", "");
            w.attr("long-attribute-name", "value");
            w.end();
            w.start("b", "");
            if i == 1 {
                w.attr("c", "d");
            }
            w.end();
        }
        assert_eq!(
            w.into_string(),
            "<aaaaaaaaaaaa long-attribute-name=\"value\"/><b/>\
             <aaaaaaaaaaaa long-attribute-name=\"value\"/><b c=\"d\"/>\
             <aaaaaaaaaaaa long-attribute-name=\"value\"/><b/>"
        );
    }

    #[test]
    fn decimal_prefixes() {
        let mut s = String::new();
        for n in [0, 7, 10, 123, usize::MAX] {
            s.clear();
            push_decimal(&mut s, n);
            assert_eq!(s, n.to_string());
        }
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "open elements")]
    fn into_string_with_open_elements_panics_in_debug() {
        let mut w = XmlWriter::new("");
        w.start("a", "");
        let _ = w.into_string();
    }
}
