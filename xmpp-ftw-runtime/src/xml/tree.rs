//! Namespace-aware trees for single stanzas, tokenized by quick-xml's `Reader`.
//!
//! A [`Tree`] is an arena: element and text records in one `Vec`, attributes in another,
//! one `String` holding a copy of the input (names, plain values and plain text runs are
//! spans of it) followed by whatever had to be rewritten (unescaped values, text with
//! references or line ends), and namespaces interned in a short list. Parsing a chat message therefore costs a handful of allocations no
//! matter how many nodes it has, and [`Elem`] is a `Copy` handle (tree reference + index).
//!
//! The parser is the gateway's first line of defence against whatever arrives from the
//! network, so it rejects everything a stanza has no business containing (DTDs, custom
//! entities, forbidden characters) and enforces [`Limits`] before doing any real work.

use std::borrow::Cow;
use std::fmt;

use quick_xml::XmlVersion;
use quick_xml::errors::{Error as QxError, IllFormedError};
use quick_xml::escape::{EscapeError, resolve_xml_entity};
use quick_xml::events::attributes::Attribute;
use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::name::{DEFAULT_MAX_NAMESPACE_BINDINGS, NamespaceError, PrefixDeclaration, QName};
use quick_xml::reader::Reader;

use super::{NS_XML, XmlWriter, is_xml_char};

/// Bounds applied to untrusted input before and while parsing.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest accepted input, in bytes; checked before parsing starts.
    pub max_bytes: usize,
    /// Deepest accepted element nesting; the root is at depth 1.
    pub max_depth: usize,
    /// Most attributes (namespace declarations included) on a single element.
    pub max_attributes: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_bytes: 256 * 1024,
            max_depth: 48,
            max_attributes: 64,
        }
    }
}

/// Why a document was rejected: a short English sentence saying what and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XmlError(pub(crate) String);

impl XmlError {
    /// Wraps a message; lets code outside this module report errors of the same type.
    pub fn new(message: impl Into<String>) -> Self {
        Self(message.into())
    }

    /// The message, as also produced by `Display`.
    pub fn message(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for XmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for XmlError {}

/// An attribute of a parsed element. Namespace declarations are not attributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Attr<'a> {
    /// Namespace URI, `""` for unprefixed attributes.
    pub ns: &'a str,
    /// Local name.
    pub name: &'a str,
    /// Value with references resolved and whitespace normalised.
    pub value: &'a str,
}

/// A child of an element, in document order.
#[derive(Debug, Clone, Copy)]
pub enum Node<'a> {
    Element(Elem<'a>),
    /// Character data; CDATA sections and references are already merged in.
    Text(&'a str),
}

/// Marks "no node" in the sibling/child/parent links.
const NONE: u32 = u32::MAX;
/// The `ns` value of a text record (elements store a namespace index there).
const TEXT: u32 = u32::MAX;
/// Arena offsets are `u32` to keep records small; this keeps every offset representable
/// even after namespaces are interned on top of the copied input.
const MAX_INPUT: usize = (u32::MAX / 4) as usize;

#[derive(Debug, Clone, Copy)]
struct Span {
    start: u32,
    end: u32,
}

#[derive(Debug, Clone, Copy)]
struct NodeRec {
    /// Namespace index for elements, [`TEXT`] for text runs.
    ns: u32,
    /// Local name of an element, or the content of a text run.
    span: Span,
    attr_start: u32,
    attr_end: u32,
    first_child: u32,
    next_sibling: u32,
    parent: u32,
}

#[derive(Debug, Clone, Copy)]
struct AttrRec {
    ns: u32,
    name: Span,
    value: Span,
}

/// One parsed element and its subtree, stored as an arena. `Send + Sync`.
#[derive(Debug, Clone)]
pub struct Tree {
    buf: String,
    nodes: Vec<NodeRec>,
    attrs: Vec<AttrRec>,
    /// Interned namespace URIs; index 0 is always `""`.
    namespaces: Vec<Span>,
}

impl Tree {
    /// Parses exactly one element (leading/trailing whitespace, comments, PIs and an XML
    /// declaration allowed and ignored). Unprefixed elements with no xmlns in scope get
    /// `default_ns` (a stanza cut from a `jabber:client` stream has no xmlns of its own).
    /// Rejects: DOCTYPE, undefined entity references (only the five predefined and
    /// character references), unbound prefixes, mismatched end tags, text outside the root,
    /// more than `max_bytes` input, deeper than `max_depth`, more than `max_attributes` on
    /// one element, duplicate attributes, characters XML 1.0 forbids.
    pub fn parse(xml: &str, default_ns: &str, limits: &Limits) -> Result<Tree, XmlError> {
        if xml.len() > limits.max_bytes {
            return Err(XmlError(format!(
                "input of {} bytes exceeds the limit of {} bytes",
                xml.len(),
                limits.max_bytes
            )));
        }
        if xml.len() > MAX_INPUT {
            return Err(XmlError(format!(
                "input of {} bytes is too large to parse",
                xml.len()
            )));
        }
        // One pass over the raw bytes covers text, attribute values, names, comments, PIs
        // and CDATA at once; only character references need checking later.
        check_chars(xml)?;

        // quick-xml's plain `Reader` tokenizes and checks well-formedness (including end
        // tag names); namespaces are resolved here with a small binding stack, which is
        // much cheaper than `NsReader`'s resolver for stanza-sized documents.
        let mut reader = Reader::from_str(xml);
        reader.config_mut().check_comments = true;

        let mut b = Builder::new(xml, default_ns, limits);
        let mut at_start = true;
        loop {
            let event = match reader.read_event() {
                Ok(v) => v,
                Err(e) => return Err(reader_error(e, reader.error_position())),
            };
            match event {
                Event::Start(e) => b.start(&e, false, reader.buffer_position())?,
                Event::Empty(e) => b.start(&e, true, reader.buffer_position())?,
                Event::End(_) => b.end()?,
                Event::Text(t) => b.text(&t)?,
                Event::CData(c) => {
                    if b.depth == 0 {
                        return Err(XmlError("CDATA section outside the root element".into()));
                    }
                    b.append_text(&c)?;
                }
                Event::GeneralRef(r) => b.reference(&r)?,
                Event::Comment(_) => {}
                Event::PI(pi) => {
                    // `<?xml?>`-like targets that quick-xml did not take for a declaration.
                    if pi.target().eq_ignore_ascii_case("xml") {
                        return Err(XmlError(
                            "reserved processing instruction target 'xml'".into(),
                        ));
                    }
                }
                Event::Decl(d) => {
                    if !at_start {
                        return Err(XmlError(
                            "XML declaration is only allowed at the very start".into(),
                        ));
                    }
                    let version = d
                        .version()
                        .map_err(|e| XmlError(format!("malformed XML declaration: {e}")))?;
                    if !is_xml1_version(&version) {
                        return Err(XmlError(format!("unsupported XML version '{version}'")));
                    }
                }
                Event::DocType(_) => {
                    return Err(XmlError("DOCTYPE declarations are not allowed".into()));
                }
                Event::Eof => break,
            }
            at_start = false;
        }
        b.finish()
    }

    /// The root element.
    #[inline]
    pub fn root(&self) -> Elem<'_> {
        Elem { tree: self, idx: 0 }
    }

    #[inline]
    fn str(&self, span: Span) -> &str {
        // Spans are produced by the builder and always valid; `get` keeps a bug from
        // turning into a panic on the network path.
        self.buf
            .get(span.start as usize..span.end as usize)
            .unwrap_or("")
    }

    /// Whether the span holds exactly `s`; lengths are compared before any bytes.
    #[inline(always)]
    fn eq(&self, span: Span, s: &str) -> bool {
        (span.end.wrapping_sub(span.start)) as usize == s.len()
            && self
                .buf
                .as_bytes()
                .get(span.start as usize..span.end as usize)
                .is_some_and(|b| same_bytes(b, s.as_bytes()))
    }

    #[inline]
    fn ns_str(&self, ns: u32) -> &str {
        match self.namespaces.get(ns as usize) {
            Some(&span) => self.str(span),
            None => "",
        }
    }

    #[inline(always)]
    fn ns_eq(&self, ns: u32, uri: &str) -> bool {
        match self.namespaces.get(ns as usize) {
            Some(&span) => self.eq(span, uri),
            None => uri.is_empty(),
        }
    }
}

/// The namespace the `xmlns` prefix is bound to; no other prefix may use it.
const NS_XMLNS: &str = "http://www.w3.org/2000/xmlns/";

/// Byte equality without a `memcmp` call for the short names and namespaces lookups
/// compare all the time: up to 16 bytes are compared as two overlapping words.
#[inline(always)]
fn same_bytes(a: &[u8], b: &[u8]) -> bool {
    let n = a.len();
    if n != b.len() {
        return false;
    }
    if (8..=16).contains(&n) {
        return load8(a, 0) == load8(b, 0) && load8(a, n - 8) == load8(b, n - 8);
    }
    if (4..8).contains(&n) {
        return load4(a, 0) == load4(b, 0) && load4(a, n - 4) == load4(b, n - 4);
    }
    if n < 4 {
        // First, middle and last cover every byte of 1 to 3.
        return a.first() == b.first() && a.get(n / 2) == b.get(n / 2) && a.last() == b.last();
    }
    a == b
}

#[inline(always)]
fn load4(bytes: &[u8], at: usize) -> Option<u32> {
    let chunk: [u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
    Some(u32::from_le_bytes(chunk))
}

#[inline(always)]
fn load8(bytes: &[u8], at: usize) -> Option<u64> {
    let chunk: [u8; 8] = bytes.get(at..at + 8)?.try_into().ok()?;
    Some(u64::from_le_bytes(chunk))
}

/// Most namespace bindings in scope at once (quick-xml's `NsReader` default), bounding
/// the cost of prefix lookups.
const MAX_BINDINGS: usize = DEFAULT_MAX_NAMESPACE_BINDINGS;

/// One `xmlns`/`xmlns:p` declaration in scope.
#[derive(Debug, Clone, Copy)]
struct Binding {
    /// The prefix (a span of the input copy); empty for a default namespace declaration.
    prefix: Span,
    /// Namespace index for a prefix; for a default declaration, the default namespace
    /// it replaced (restored when the declaring element closes).
    ns: u32,
    default: bool,
    /// Depth of the declaring element (the root is 1).
    level: u32,
}

/// Parser state that is not part of the finished tree.
struct Builder<'l> {
    tree: Tree,
    limits: &'l Limits,
    /// Address and length of the input, which is copied to the start of `tree.buf`: any
    /// slice quick-xml hands back from the input becomes a span without copying.
    base: usize,
    input_len: usize,
    /// The open element new nodes are appended to.
    cur: u32,
    /// Last child of `cur` (or the root once closed), for sibling linking and text merging.
    prev: u32,
    depth: usize,
    root_done: bool,
    bindings: Vec<Binding>,
    /// Namespace index of the default namespace in scope.
    default_ns: u32,
    /// Namespace index of `NS_XML`, interned on first use.
    xml_ns: u32,
}

impl<'l> Builder<'l> {
    fn new(xml: &str, default_ns: &str, limits: &'l Limits) -> Self {
        let mut buf = String::with_capacity(xml.len() + default_ns.len() + 64);
        buf.push_str(xml);
        let mut namespaces = Vec::with_capacity(4);
        namespaces.push(Span { start: 0, end: 0 });
        let mut default = 0;
        if !default_ns.is_empty() {
            // In range: the input is at most MAX_INPUT and so is the namespace (it
            // comes from configuration, but is checked anyway).
            let start = xml.len() as u32;
            buf.push_str(default_ns);
            if let Ok(end) = u32::try_from(buf.len()) {
                namespaces.push(Span { start, end });
                default = 1;
            }
        }
        Self {
            tree: Tree {
                buf,
                nodes: Vec::with_capacity((xml.len() / 24).clamp(2, 1024)),
                attrs: Vec::with_capacity((xml.len() / 32).clamp(4, 64)),
                namespaces,
            },
            limits,
            base: xml.as_ptr() as usize,
            input_len: xml.len(),
            cur: NONE,
            prev: NONE,
            depth: 0,
            root_done: false,
            bindings: Vec::new(),
            default_ns: default,
            xml_ns: NONE,
        }
    }

    fn offset(&self) -> Result<u32, XmlError> {
        u32::try_from(self.tree.buf.len()).map_err(|_| XmlError("document too large".into()))
    }

    fn push_str(&mut self, s: &str) -> Result<Span, XmlError> {
        let start = self.offset()?;
        self.tree.buf.push_str(s);
        Ok(Span {
            start,
            end: self.offset()?,
        })
    }

    /// Where `s` lies in the input, if it is a slice of it.
    #[inline]
    fn span_in_input(&self, s: &str) -> Option<Span> {
        let off = (s.as_ptr() as usize).wrapping_sub(self.base);
        if off <= self.input_len && s.len() <= self.input_len - off {
            // Both below MAX_INPUT.
            Some(Span {
                start: off as u32,
                end: (off + s.len()) as u32,
            })
        } else {
            None
        }
    }

    /// A span holding `s`: the input's copy when `s` is a slice of the input, else a copy.
    #[inline]
    fn span_of(&mut self, s: &str) -> Result<Span, XmlError> {
        match self.span_in_input(s) {
            Some(span) => Ok(span),
            None => self.push_str(s),
        }
    }

    /// Interns an already normalised namespace name.
    fn intern_ns(&mut self, uri: &str) -> Result<u32, XmlError> {
        // Most recent first: children usually share the namespace just interned.
        let tree = &self.tree;
        let known = tree.namespaces.iter().rposition(|&span| tree.eq(span, uri));
        if let Some(i) = known {
            return u32::try_from(i).map_err(|_| XmlError("too many namespaces".into()));
        }
        let span = self.span_of(uri)?;
        let idx = u32::try_from(self.tree.namespaces.len())
            .map_err(|_| XmlError("too many namespaces".into()))?;
        self.tree.namespaces.push(span);
        Ok(idx)
    }

    fn xml_namespace(&mut self) -> Result<u32, XmlError> {
        if self.xml_ns == NONE {
            self.xml_ns = self.intern_ns(NS_XML)?;
        }
        Ok(self.xml_ns)
    }

    /// The namespace bound to `prefix` (a span of the buffer), if any.
    fn lookup(&mut self, prefix: Span) -> Result<Option<u32>, XmlError> {
        let tree = &self.tree;
        if tree.eq(prefix, "xml") {
            return self.xml_namespace().map(Some);
        }
        let p = tree.str(prefix);
        Ok(self
            .bindings
            .iter()
            .rev()
            .find(|b| !b.default && tree.eq(b.prefix, p))
            .map(|b| b.ns))
    }

    fn bind(&mut self, binding: Binding, pos: u64) -> Result<(), XmlError> {
        if self.bindings.len() >= MAX_BINDINGS {
            return Err(namespace_error(
                NamespaceError::TooManyBindings(MAX_BINDINGS),
                pos,
            ));
        }
        if self.bindings.capacity() == 0 {
            self.bindings.reserve(8);
        }
        self.bindings.push(binding);
        Ok(())
    }

    /// Drops the declarations of elements deeper than the current depth.
    fn unbind(&mut self) {
        while let Some(b) = self.bindings.last() {
            if b.level as usize <= self.depth {
                break;
            }
            if b.default {
                self.default_ns = b.ns;
            }
            self.bindings.pop();
        }
    }

    fn link(&mut self, idx: u32) {
        if self.prev != NONE {
            self.tree.nodes[self.prev as usize].next_sibling = idx;
        } else if self.cur != NONE {
            self.tree.nodes[self.cur as usize].first_child = idx;
        }
    }

    fn next_index(&self) -> Result<u32, XmlError> {
        u32::try_from(self.tree.nodes.len()).map_err(|_| XmlError("too many nodes".into()))
    }

    fn current_name(&self) -> &str {
        match self.tree.nodes.get(self.cur as usize) {
            Some(rec) => self.tree.str(rec.span),
            None => "",
        }
    }

    fn start(&mut self, e: &BytesStart<'_>, empty: bool, pos: u64) -> Result<(), XmlError> {
        let qname = e.name();
        let raw = qname.0;
        if self.root_done {
            return Err(XmlError(format!(
                "second root element <{raw}> after the first one closed"
            )));
        }
        if self.depth >= self.limits.max_depth {
            return Err(XmlError(format!(
                "element nesting deeper than {} at <{raw}>",
                self.limits.max_depth
            )));
        }
        let (local, prefix) = split_qname(raw);
        // Namespaces in XML forbids the `xmlns` prefix on elements.
        let bad_prefix = prefix.is_some_and(|p| p == "xmlns" || !is_ncname(p));
        if bad_prefix || !is_ncname(local) {
            return Err(XmlError(format!("invalid element name '{raw}'")));
        }
        let first_attr = self.tree.attrs.len();
        // Declarations on this element are in scope for its own name and attributes, so
        // all of them are read before any prefix is resolved.
        self.attributes(e, raw, pos)?;
        let ns = match prefix {
            None => self.default_ns,
            Some(p) => {
                let span = self.span_of(p)?;
                match self.lookup(span)? {
                    Some(ns) => ns,
                    None => {
                        return Err(XmlError(format!(
                            "unbound namespace prefix '{p}' on element <{raw}>"
                        )));
                    }
                }
            }
        };
        self.resolve_attributes(first_attr, raw)?;
        let span = self.span_of(local)?;
        let idx = self.next_index()?;
        self.tree.nodes.push(NodeRec {
            ns,
            span,
            attr_start: attr_index(first_attr)?,
            attr_end: attr_index(self.tree.attrs.len())?,
            first_child: NONE,
            next_sibling: NONE,
            parent: self.cur,
        });
        self.link(idx);
        if empty {
            self.prev = idx;
            if self.depth == 0 {
                self.root_done = true;
            }
            self.unbind();
        } else {
            self.cur = idx;
            self.prev = NONE;
            self.depth += 1;
        }
        Ok(())
    }

    /// Reads the attributes of a start tag: declarations are bound, the others are
    /// appended to the arena with `ns` holding the prefix length (0: none) and `name`
    /// the qualified name, for [`Self::resolve_attributes`] to finish.
    fn attributes(&mut self, e: &BytesStart<'_>, elem: &str, pos: u64) -> Result<(), XmlError> {
        let level = u32::try_from(self.depth + 1).unwrap_or(u32::MAX);
        let mut count = 0usize;
        let mut declarations = 0usize;
        // quick-xml's own duplicate check allocates per element and compares raw names;
        // the namespace-aware check in `resolve_attributes` is both cheaper and stricter.
        for attr in e.attributes().with_checks(false) {
            let attr = attr.map_err(|err| {
                XmlError(format!("malformed attribute on element <{elem}>: {err}"))
            })?;
            count += 1;
            if count > self.limits.max_attributes {
                return Err(XmlError(format!(
                    "more than {} attributes on element <{elem}>",
                    self.limits.max_attributes
                )));
            }
            let key = attr.key.0;
            // One scan decides whether the value needs any work; most values are plain.
            let value = if any_attr_work(&attr.value) {
                if attr.value.contains('<') {
                    return Err(XmlError(format!(
                        "'<' in the value of attribute '{key}' on element <{elem}>"
                    )));
                }
                normalize_attr(&attr.value).map_err(|m| {
                    XmlError(format!("{m} in attribute '{key}' on element <{elem}>"))
                })?
            } else {
                attr.value
            };
            match attr.key.as_namespace_binding() {
                Some(PrefixDeclaration::Default) => {
                    declarations += 1;
                    let ns = self.intern_ns(&value)?;
                    self.bind(
                        Binding {
                            prefix: Span { start: 0, end: 0 },
                            ns: self.default_ns,
                            default: true,
                            level,
                        },
                        pos,
                    )?;
                    self.default_ns = ns;
                    continue;
                }
                Some(PrefixDeclaration::Named(prefix)) => {
                    declarations += 1;
                    if prefix == "xml" {
                        if value != NS_XML {
                            let err = NamespaceError::InvalidXmlPrefixBind(value.into_owned());
                            return Err(namespace_error(err, pos));
                        }
                        continue;
                    }
                    if prefix == "xmlns" {
                        let err = NamespaceError::InvalidXmlnsPrefixBind(value.into_owned());
                        return Err(namespace_error(err, pos));
                    }
                    if !is_ncname(prefix) {
                        return Err(XmlError(format!(
                            "invalid namespace prefix '{prefix}' on element <{elem}>"
                        )));
                    }
                    if value.is_empty() {
                        return Err(XmlError(format!(
                            "empty namespace name for prefix '{prefix}' on element <{elem}>"
                        )));
                    }
                    if value == NS_XML {
                        let err = NamespaceError::InvalidPrefixForXml(prefix.to_owned());
                        return Err(namespace_error(err, pos));
                    }
                    if value == NS_XMLNS {
                        let err = NamespaceError::InvalidPrefixForXmlns(prefix.to_owned());
                        return Err(namespace_error(err, pos));
                    }
                    let ns = self.intern_ns(&value)?;
                    let prefix = self.span_of(prefix)?;
                    self.bind(
                        Binding {
                            prefix,
                            ns,
                            default: false,
                            level,
                        },
                        pos,
                    )?;
                    continue;
                }
                None => {}
            }
            let (local, prefix) = split_qname(key);
            if !is_ncname(local) || prefix.is_some_and(|p| !is_ncname(p)) {
                return Err(XmlError(format!(
                    "invalid attribute name '{key}' on element <{elem}>"
                )));
            }
            // Below MAX_INPUT.
            let prefix_len = prefix.map_or(0, |p| p.len() as u32);
            let name = self.span_of(key)?;
            let value = self.span_of(&value)?;
            self.tree.attrs.push(AttrRec {
                ns: prefix_len,
                name,
                value,
            });
        }
        if declarations > 1 {
            check_duplicate_declarations(e, elem)?;
        }
        Ok(())
    }

    /// Resolves the prefixes of the attributes read by [`Self::attributes`] and rejects
    /// duplicates (same namespace and local name).
    fn resolve_attributes(&mut self, first: usize, elem: &str) -> Result<(), XmlError> {
        for i in first..self.tree.attrs.len() {
            let rec = self.tree.attrs[i];
            let mut ns = 0;
            let mut name = rec.name;
            if rec.ns != 0 {
                let prefix = Span {
                    start: rec.name.start,
                    end: rec.name.start + rec.ns,
                };
                name.start = prefix.end + 1;
                ns = match self.lookup(prefix)? {
                    Some(ns) => ns,
                    None => {
                        return Err(XmlError(format!(
                            "unbound namespace prefix '{}' on attribute '{}' of element <{elem}>",
                            self.tree.str(prefix),
                            self.tree.str(rec.name)
                        )));
                    }
                };
            }
            let tree = &self.tree;
            let local = tree.str(name);
            let duplicate = tree.attrs[first..i]
                .iter()
                .any(|a| a.ns == ns && tree.eq(a.name, local));
            if duplicate {
                return Err(XmlError(format!(
                    "duplicate attribute '{}' on element <{elem}>",
                    tree.str(rec.name)
                )));
            }
            self.tree.attrs[i] = AttrRec {
                ns,
                name,
                value: rec.value,
            };
        }
        Ok(())
    }

    fn end(&mut self) -> Result<(), XmlError> {
        // quick-xml has already matched the end tag against the start tag.
        let Some(rec) = self.tree.nodes.get(self.cur as usize) else {
            return Err(XmlError("end tag without a start tag".into()));
        };
        self.prev = self.cur;
        self.cur = rec.parent;
        self.depth = self.depth.saturating_sub(1);
        if self.depth == 0 {
            self.root_done = true;
        }
        self.unbind();
        Ok(())
    }

    fn text(&mut self, raw: &str) -> Result<(), XmlError> {
        if self.depth == 0 {
            if raw
                .bytes()
                .all(|b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            {
                return Ok(());
            }
            return Err(XmlError("text outside the root element".into()));
        }
        // memchr for ']' first: the substring search is rarely needed.
        if raw.as_bytes().contains(&b']') && raw.contains("]]>") {
            return Err(XmlError(format!(
                "']]>' in text of element <{}>",
                self.current_name()
            )));
        }
        self.append_text(raw)
    }

    fn reference(&mut self, r: &BytesRef<'_>) -> Result<(), XmlError> {
        let name: &str = r;
        if self.depth == 0 {
            return Err(XmlError(format!(
                "reference &{name}; outside the root element"
            )));
        }
        let resolved = if r.is_char_ref() {
            match r.resolve_char_ref() {
                Ok(Some(c)) if is_xml_char(c) => c,
                _ => {
                    return Err(XmlError(format!(
                        "invalid character reference &{name}; in element <{}>",
                        self.current_name()
                    )));
                }
            }
        } else {
            match name {
                "amp" => '&',
                "lt" => '<',
                "gt" => '>',
                "quot" => '"',
                "apos" => '\'',
                _ => {
                    return Err(XmlError(format!(
                        "undefined entity &{name}; in element <{}>",
                        self.current_name()
                    )));
                }
            }
        };
        // Referenced characters are appended verbatim: `&#xD;` must stay a CR.
        self.append_run(|buf| buf.push(resolved))
    }

    /// Appends literal character data, normalising line ends as XML 1.0 §2.11 requires.
    fn append_text(&mut self, raw: &str) -> Result<(), XmlError> {
        if raw.is_empty() {
            return Ok(());
        }
        let starts_run = self
            .tree
            .nodes
            .get(self.prev as usize)
            .is_none_or(|rec| rec.ns != TEXT);
        if starts_run
            && !raw.as_bytes().contains(&b'\r')
            && let Some(span) = self.span_in_input(raw)
        {
            // The common case: a text run that is a plain slice of the input.
            return self.new_text(span);
        }
        self.append_run(|buf| push_normalized_eols(buf, raw))
    }

    /// Adds to the text run at the end of `cur`, or starts one. Consecutive text, CDATA
    /// and references (and text split by a comment) end up as one text node.
    fn append_run(&mut self, push: impl FnOnce(&mut String)) -> Result<(), XmlError> {
        let prev_text = match self.tree.nodes.get(self.prev as usize) {
            Some(rec) if rec.ns == TEXT => Some(rec.span),
            _ => None,
        };
        if let Some(span) = prev_text {
            let end = self.offset()?;
            if span.end != end {
                // The run so far is a slice of the input: move it to the end so the new
                // part can extend it.
                let start = end;
                self.tree
                    .buf
                    .extend_from_within(span.start as usize..span.end as usize);
                let end = self.offset()?;
                self.tree.nodes[self.prev as usize].span = Span { start, end };
            }
            push(&mut self.tree.buf);
            let end = self.offset()?;
            self.tree.nodes[self.prev as usize].span.end = end;
            return Ok(());
        }
        let start = self.offset()?;
        push(&mut self.tree.buf);
        let end = self.offset()?;
        self.new_text(Span { start, end })
    }

    fn new_text(&mut self, span: Span) -> Result<(), XmlError> {
        let idx = self.next_index()?;
        self.tree.nodes.push(NodeRec {
            ns: TEXT,
            span,
            attr_start: 0,
            attr_end: 0,
            first_child: NONE,
            next_sibling: NONE,
            parent: self.cur,
        });
        self.link(idx);
        self.prev = idx;
        Ok(())
    }

    fn finish(self) -> Result<Tree, XmlError> {
        if self.depth > 0 {
            return Err(XmlError(format!(
                "unexpected end of input inside element <{}>",
                self.current_name()
            )));
        }
        if !self.root_done {
            return Err(XmlError("no root element".into()));
        }
        Ok(self.tree)
    }
}

fn namespace_error(e: NamespaceError, pos: u64) -> XmlError {
    XmlError(format!("namespace error at byte {pos}: {e}"))
}

fn attr_index(n: usize) -> Result<u32, XmlError> {
    u32::try_from(n).map_err(|_| XmlError("too many attributes".into()))
}

/// Rejects `xmlns:p` (or `xmlns`) declared twice on one element; they are not stored as
/// attributes, so the arena check cannot see them. Only runs when an element has more
/// than one declaration, which is rare, hence the quadratic re-scan instead of a set.
fn check_duplicate_declarations(e: &BytesStart<'_>, elem: &str) -> Result<(), XmlError> {
    for (i, a) in e.attributes().with_checks(false).flatten().enumerate() {
        if a.key.as_namespace_binding().is_none() {
            continue;
        }
        let seen = e
            .attributes()
            .with_checks(false)
            .flatten()
            .take(i)
            .any(|b| b.key == a.key);
        if seen {
            return Err(XmlError(format!(
                "duplicate namespace declaration '{}' on element <{elem}>",
                a.key.0
            )));
        }
    }
    Ok(())
}

/// Splits a qualified name at its first colon into local name and prefix, as quick-xml's
/// `QName::decompose` does, with a byte loop instead of a general substring search
/// (names are short).
#[inline]
fn split_qname(qname: &str) -> (&str, Option<&str>) {
    match qname.bytes().position(|b| b == b':') {
        // A colon is ASCII, so both sides are on char boundaries.
        Some(i) => (
            qname.get(i + 1..).unwrap_or(""),
            Some(qname.get(..i).unwrap_or("")),
        ),
        None => (qname, None),
    }
}

/// Bytes that make an attribute value differ from its raw text (or make it invalid).
#[inline(always)]
fn needs_attr_work(b: u8) -> bool {
    matches!(b, b'<' | b'&' | b'\t' | b'\n' | b'\r')
}

/// Whether any byte of `value` needs attribute-value work. Branch-free so that it
/// vectorises: values are short and almost always plain.
#[inline]
fn any_attr_work(value: &str) -> bool {
    value.bytes().fold(false, |acc, b| acc | needs_attr_work(b))
}

/// Attribute-value normalisation (XML 1.0 §3.3.3) restricted to the predefined entities.
/// Literal tab/CR/LF become spaces; characters from references are kept as they are.
fn normalize_attr(raw: &str) -> Result<Cow<'_, str>, String> {
    let attr = Attribute {
        key: QName(""),
        value: Cow::Borrowed(raw),
    };
    // `resolve_xml_entity`, not `resolve_predefined_entity`: the latter turns into the
    // full HTML entity table when another crate enables quick-xml's `escape-html`.
    let value = attr
        .normalized_value_with(XmlVersion::Implicit1_0, 1, resolve_xml_entity)
        .map_err(|e| match e {
            QxError::Escape(EscapeError::UnrecognizedEntity(_, name)) => {
                format!("undefined entity &{name};")
            }
            QxError::Escape(EscapeError::UnterminatedEntity(_)) => {
                "unterminated entity reference".to_owned()
            }
            QxError::Escape(EscapeError::InvalidCharRef(_)) => {
                "invalid character reference".to_owned()
            }
            other => other.to_string(),
        })?;
    // Literal characters were checked up front, so anything forbidden here came from a
    // character reference.
    if raw.contains("&#")
        && let Some(c) = value.chars().find(|&c| !is_xml_char(c))
    {
        return Err(format!(
            "character reference to forbidden character U+{:04X}",
            u32::from(c)
        ));
    }
    Ok(value)
}

fn push_normalized_eols(buf: &mut String, mut rest: &str) {
    while let Some(i) = rest.find('\r') {
        buf.push_str(&rest[..i]);
        buf.push('\n');
        rest = &rest[i + 1..];
        if let Some(after) = rest.strip_prefix('\n') {
            rest = after;
        }
    }
    buf.push_str(rest);
}

/// Rejects literal characters outside the XML 1.0 `Char` production. In UTF-8 those are
/// the C0 controls other than tab/LF/CR and U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`);
/// surrogates cannot occur in a `&str`.
fn check_chars(xml: &str) -> Result<(), XmlError> {
    // Branch-free test per 16-byte block so the common all-clean case vectorises; only
    // blocks with a control byte (tab/LF/CR included) or an EF lead byte get a closer look.
    const BLOCK: usize = 16;
    let bytes = xml.as_bytes();
    let flagged = |b: u8| b < 0x20 || b == 0xEF;
    for (n, block) in bytes.chunks(BLOCK).enumerate() {
        if !block.iter().fold(false, |acc, &b| acc | flagged(b)) {
            continue;
        }
        for (i, &b) in block.iter().enumerate() {
            let at = n * BLOCK + i;
            if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') {
                return Err(XmlError(format!(
                    "forbidden character U+{b:04X} at byte {at}"
                )));
            }
            if b == 0xEF
                && bytes.get(at + 1) == Some(&0xBF)
                && let Some(&last @ (0xBE | 0xBF)) = bytes.get(at + 2)
            {
                let c = if last == 0xBE { 0xFFFE } else { 0xFFFF };
                return Err(XmlError(format!(
                    "forbidden character U+{c:04X} at byte {at}"
                )));
            }
        }
    }
    Ok(())
}

/// XML 1.0 (5th ed.) accepts any `1.x` version and processes it as 1.0.
fn is_xml1_version(v: &str) -> bool {
    v.strip_prefix("1.")
        .is_some_and(|minor| !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit()))
}

fn is_name_start_char(c: char) -> bool {
    matches!(c,
        'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

fn is_name_char(c: char) -> bool {
    is_name_start_char(c)
        || matches!(c,
            '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// `NCName` from Namespaces in XML: a `Name` without colons.
fn is_ncname(s: &str) -> bool {
    // Nearly every name on the wire is plain ASCII; skip char decoding for those. One
    // table look-up per byte, no branches in the loop.
    if let [first, rest @ ..] = s.as_bytes()
        && ASCII_NAME[usize::from(*first)] == 2
        && rest
            .iter()
            .fold(true, |ok, &b| ok & (ASCII_NAME[usize::from(b)] != 0))
    {
        return true;
    }
    let mut chars = s.chars();
    chars.next().is_some_and(is_name_start_char) && chars.all(is_name_char)
}

/// For each byte: 2 if it is an ASCII `NCName` start character, 1 if it may only follow,
/// 0 otherwise (non-ASCII bytes included: those names take the slow path).
static ASCII_NAME: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        table[b] = if c.is_ascii_alphabetic() || c == b'_' {
            2
        } else if c.is_ascii_digit() || c == b'-' || c == b'.' {
            1
        } else {
            0
        };
        b += 1;
    }
    table
};

fn reader_error(e: QxError, pos: u64) -> XmlError {
    let msg = match e {
        QxError::IllFormed(IllFormedError::MismatchedEndTag { expected, found }) => {
            format!("mismatched end tag </{found}>, expected </{expected}>")
        }
        QxError::IllFormed(IllFormedError::UnmatchedEndTag(name)) => {
            format!("end tag </{name}> without a start tag at byte {pos}")
        }
        QxError::IllFormed(IllFormedError::UnclosedReference) => {
            format!("'&' without a terminated reference at byte {pos}")
        }
        QxError::IllFormed(IllFormedError::DoubleHyphenInComment) => {
            format!("'--' inside a comment at byte {pos}")
        }
        QxError::IllFormed(IllFormedError::MissingEndTag(name)) => {
            format!("missing end tag </{name}>")
        }
        QxError::IllFormed(IllFormedError::MissingDoctypeName) => {
            "DOCTYPE declarations are not allowed".to_owned()
        }
        QxError::Syntax(s) => format!("{s} (at byte {pos})"),
        QxError::Namespace(n) => format!("namespace error at byte {pos}: {n}"),
        other => format!("malformed XML at byte {pos}: {other}"),
    };
    XmlError(msg)
}

/// A handle to one element of a [`Tree`].
#[derive(Clone, Copy)]
pub struct Elem<'a> {
    tree: &'a Tree,
    idx: u32,
}

impl fmt::Debug for Elem<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Elem")
            .field("ns", &self.ns())
            .field("name", &self.name())
            .finish_non_exhaustive()
    }
}

impl<'a> Elem<'a> {
    #[inline(always)]
    fn rec(self) -> &'a NodeRec {
        &self.tree.nodes[self.idx as usize]
    }

    /// Local name.
    #[inline]
    pub fn name(self) -> &'a str {
        self.tree.str(self.rec().span)
    }

    /// Namespace URI (`""` when none).
    #[inline]
    pub fn ns(self) -> &'a str {
        self.tree.ns_str(self.rec().ns)
    }

    #[inline]
    pub fn is(self, ns: &str, name: &str) -> bool {
        let rec = self.rec();
        // The name first: it is short and usually what differs.
        self.tree.eq(rec.span, name) && self.tree.ns_eq(rec.ns, ns)
    }

    /// Un-namespaced attribute, unescaped.
    #[inline]
    pub fn attr(self, name: &str) -> Option<&'a str> {
        let tree = self.tree;
        self.attr_recs()
            .iter()
            .find(|a| a.ns == 0 && tree.eq(a.name, name))
            .map(|a| tree.str(a.value))
    }

    /// Namespaced attribute (`xml:lang` is `attr_ns(NS_XML, "lang")`).
    #[inline]
    pub fn attr_ns(self, ns: &str, name: &str) -> Option<&'a str> {
        if ns.is_empty() {
            return self.attr(name);
        }
        let tree = self.tree;
        self.attr_recs()
            .iter()
            .find(|a| a.ns != 0 && tree.eq(a.name, name) && tree.ns_eq(a.ns, ns))
            .map(|a| tree.str(a.value))
    }

    #[inline(always)]
    fn attr_recs(self) -> &'a [AttrRec] {
        let rec = self.rec();
        self.tree
            .attrs
            .get(rec.attr_start as usize..rec.attr_end as usize)
            .unwrap_or_default()
    }

    /// Attributes in document order; xmlns declarations are not included.
    #[inline]
    pub fn attrs(self) -> impl Iterator<Item = Attr<'a>> {
        let tree = self.tree;
        self.attr_recs().iter().map(move |a| Attr {
            ns: tree.ns_str(a.ns),
            name: tree.str(a.name),
            value: tree.str(a.value),
        })
    }

    /// Own `xml:lang` only (not inherited).
    #[inline]
    pub fn lang(self) -> Option<&'a str> {
        self.attr_ns(NS_XML, "lang")
    }

    /// Element children in order.
    #[inline]
    pub fn children(self) -> impl Iterator<Item = Elem<'a>> {
        ChildElems {
            tree: self.tree,
            next: self.rec().first_child,
        }
    }

    #[inline]
    pub fn children_named(self, ns: &'a str, name: &'a str) -> impl Iterator<Item = Elem<'a>> {
        self.children().filter(move |e| e.is(ns, name))
    }

    /// First child with this namespace and name.
    #[inline]
    pub fn child(self, ns: &str, name: &str) -> Option<Elem<'a>> {
        let tree = self.tree;
        let mut idx = self.rec().first_child;
        while let Some(rec) = tree.nodes.get(idx as usize) {
            // Text records never match: their `ns` is out of the namespace table's range
            // only by convention, so test it explicitly.
            if rec.ns != TEXT && tree.eq(rec.span, name) && tree.ns_eq(rec.ns, ns) {
                return Some(Elem { tree, idx });
            }
            idx = rec.next_sibling;
        }
        None
    }

    /// Element and text children in document order.
    #[inline]
    pub fn nodes(self) -> impl Iterator<Item = Node<'a>> {
        Siblings {
            tree: self.tree,
            next: self.rec().first_child,
        }
    }

    /// Concatenation of the direct text children; borrowed unless there are several.
    #[inline]
    pub fn text(self) -> Cow<'a, str> {
        let tree = self.tree;
        let mut idx = self.rec().first_child;
        let mut first: Option<&'a str> = None;
        let mut all: Option<String> = None;
        while let Some(rec) = tree.nodes.get(idx as usize) {
            if rec.ns == TEXT {
                let t = tree.str(rec.span);
                match (&mut all, first) {
                    (Some(all), _) => all.push_str(t),
                    (None, None) => first = Some(t),
                    (None, Some(f)) => {
                        let mut s = String::with_capacity(f.len() + t.len());
                        s.push_str(f);
                        s.push_str(t);
                        all = Some(s);
                    }
                }
            }
            idx = rec.next_sibling;
        }
        match (all, first) {
            (Some(all), _) => Cow::Owned(all),
            (None, Some(f)) => Cow::Borrowed(f),
            (None, None) => Cow::Borrowed(""),
        }
    }

    /// No children and no text (text runs are never empty).
    #[inline]
    pub fn is_empty(self) -> bool {
        self.rec().first_child == NONE
    }

    /// Serialises the subtree; the root carries its xmlns.
    pub fn to_xml(self) -> String {
        let mut w = XmlWriter::new("");
        w.element(self);
        w.into_string()
    }

    /// The parent element, `None` for the root.
    pub(super) fn parent(self) -> Option<Elem<'a>> {
        let parent = self.rec().parent;
        (parent != NONE).then_some(Elem {
            tree: self.tree,
            idx: parent,
        })
    }

    pub(super) fn same(self, other: Elem<'_>) -> bool {
        std::ptr::eq(self.tree, other.tree) && self.idx == other.idx
    }

    /// Depth-first walk of the subtree (this element included) without a stack: the
    /// parent links say where to go after a last child.
    pub(super) fn walk(self) -> impl Iterator<Item = Walk<'a>> {
        Walker {
            tree: self.tree,
            root: self.idx,
            cur: Some((self.idx, true)),
        }
    }
}

/// Element children only, skipping text records without building `Node`s.
struct ChildElems<'a> {
    tree: &'a Tree,
    next: u32,
}

impl<'a> Iterator for ChildElems<'a> {
    type Item = Elem<'a>;

    #[inline]
    fn next(&mut self) -> Option<Elem<'a>> {
        loop {
            let idx = self.next;
            let rec = self.tree.nodes.get(idx as usize)?;
            self.next = rec.next_sibling;
            if rec.ns != TEXT {
                return Some(Elem {
                    tree: self.tree,
                    idx,
                });
            }
        }
    }
}

struct Siblings<'a> {
    tree: &'a Tree,
    next: u32,
}

impl<'a> Iterator for Siblings<'a> {
    type Item = Node<'a>;

    #[inline]
    fn next(&mut self) -> Option<Node<'a>> {
        let idx = self.next;
        let rec = self.tree.nodes.get(idx as usize)?;
        self.next = rec.next_sibling;
        Some(if rec.ns == TEXT {
            Node::Text(self.tree.str(rec.span))
        } else {
            Node::Element(Elem {
                tree: self.tree,
                idx,
            })
        })
    }
}

/// One step of [`Elem::walk`].
pub(super) enum Walk<'a> {
    Start(Elem<'a>),
    Text(&'a str),
    End(Elem<'a>),
}

struct Walker<'a> {
    tree: &'a Tree,
    root: u32,
    /// Next node and whether we are entering it (`false`: leaving an element).
    cur: Option<(u32, bool)>,
}

impl Walker<'_> {
    fn after(&self, idx: u32, rec: &NodeRec) -> Option<(u32, bool)> {
        if idx == self.root {
            None
        } else if rec.next_sibling != NONE {
            Some((rec.next_sibling, true))
        } else if rec.parent != NONE {
            Some((rec.parent, false))
        } else {
            None
        }
    }
}

impl<'a> Iterator for Walker<'a> {
    type Item = Walk<'a>;

    fn next(&mut self) -> Option<Walk<'a>> {
        let (idx, entering) = self.cur?;
        let tree = self.tree;
        let Some(rec) = tree.nodes.get(idx as usize) else {
            self.cur = None;
            return None;
        };
        let elem = Elem { tree, idx };
        if rec.ns == TEXT {
            self.cur = self.after(idx, rec);
            Some(Walk::Text(tree.str(rec.span)))
        } else if entering {
            self.cur = if rec.first_child != NONE {
                Some((rec.first_child, true))
            } else {
                Some((idx, false))
            };
            Some(Walk::Start(elem))
        } else {
            self.cur = self.after(idx, rec);
            Some(Walk::End(elem))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::NS_CLIENT;
    use super::*;

    fn parse(xml: &str) -> Result<Tree, XmlError> {
        Tree::parse(xml, NS_CLIENT, &Limits::default())
    }

    fn ok(xml: &str) -> Tree {
        match parse(xml) {
            Ok(t) => t,
            Err(e) => panic!("{xml:?} should parse: {e}"),
        }
    }

    fn err(xml: &str) -> String {
        match parse(xml) {
            Ok(t) => panic!("{xml:?} should fail, got {:?}", t.root().to_xml()),
            Err(e) => e.to_string(),
        }
    }

    fn assert_err(xml: &str, needle: &str) {
        let e = err(xml);
        assert!(
            e.contains(needle),
            "{xml:?}: error {e:?} should mention {needle:?}"
        );
    }

    #[test]
    fn tree_is_send_and_sync() {
        fn check<T: Send + Sync>() {}
        check::<Tree>();
        check::<XmlError>();
    }

    #[test]
    fn chat_message() {
        let t = ok("<message to='juliet@example.com' type='chat' id='m1'>\
             <body>Wherefore art thou?</body>\
             <happy xmlns='urn:example:mood'/></message>");
        let m = t.root();
        assert!(m.is(NS_CLIENT, "message"));
        assert_eq!(m.attr("to"), Some("juliet@example.com"));
        assert_eq!(m.attr("type"), Some("chat"));
        assert_eq!(m.attr("from"), None);
        let body = m.child(NS_CLIENT, "body").map(|b| b.text());
        assert_eq!(body.as_deref(), Some("Wherefore art thou?"));
        assert!(matches!(body, Some(Cow::Borrowed(_))));
        let happy = m.child("urn:example:mood", "happy");
        assert!(happy.is_some_and(|a| a.is_empty()));
        assert_eq!(m.children().count(), 2);
        assert!(!m.is_empty());
    }

    #[test]
    fn default_namespace_inheritance() {
        let t = ok("<iq type='result'><query xmlns='urn:example:contacts'>\
             <item jid='a@b'><group>Friends</group></item></query><x/></iq>");
        let iq = t.root();
        assert_eq!(iq.ns(), NS_CLIENT);
        let query = iq.child("urn:example:contacts", "query").expect("query");
        let item = query.child("urn:example:contacts", "item").expect("item");
        assert_eq!(item.attr("jid"), Some("a@b"));
        assert_eq!(
            item.child("urn:example:contacts", "group")
                .map(|g| g.text().into_owned()),
            Some("Friends".to_owned())
        );
        // The declaration on <query> does not leak to its following sibling.
        assert!(iq.child(NS_CLIENT, "x").is_some());
    }

    #[test]
    fn explicit_root_namespace_and_no_default() {
        let t = ok("<presence xmlns='jabber:server'/>");
        assert_eq!(t.root().ns(), "jabber:server");
        let t = Tree::parse("<a><b/></a>", "", &Limits::default()).expect("parses");
        assert_eq!(t.root().ns(), "");
        assert_eq!(t.root().children().next().map(|c| c.ns()), Some(""));
    }

    #[test]
    fn undeclared_default_namespace() {
        let t = ok("<message><x xmlns=''><y/></x></message>");
        let x = t.root().children().next().expect("x");
        assert_eq!(x.ns(), "");
        assert_eq!(x.children().next().map(|y| y.ns()), Some(""));
    }

    #[test]
    fn prefixes() {
        let t = ok("<message xmlns:p='urn:p' xmlns:q='urn:q'>\
             <p:x p:a='1' a='2' q:a='3'><p:y/><z/></p:x></message>");
        let m = t.root();
        assert_eq!(
            m.attrs().count(),
            0,
            "xmlns declarations are not attributes"
        );
        let x = m.child("urn:p", "x").expect("p:x");
        assert_eq!(x.name(), "x");
        assert_eq!(x.attr_ns("urn:p", "a"), Some("1"));
        assert_eq!(x.attr("a"), Some("2"));
        assert_eq!(x.attr_ns("urn:q", "a"), Some("3"));
        let attrs: Vec<_> = x.attrs().collect();
        assert_eq!(
            attrs,
            [
                Attr {
                    ns: "urn:p",
                    name: "a",
                    value: "1"
                },
                Attr {
                    ns: "",
                    name: "a",
                    value: "2"
                },
                Attr {
                    ns: "urn:q",
                    name: "a",
                    value: "3"
                },
            ]
        );
        let kids: Vec<_> = x.children().map(|c| (c.ns(), c.name())).collect();
        assert_eq!(kids, [("urn:p", "y"), (NS_CLIENT, "z")]);
    }

    #[test]
    fn prefixed_root_keeps_default_for_children() {
        let t = ok("<s:stream xmlns:s='http://etherx.jabber.org/streams'><features/></s:stream>");
        assert!(t.root().is("http://etherx.jabber.org/streams", "stream"));
        assert_eq!(t.root().children().next().map(|c| c.ns()), Some(NS_CLIENT));
    }

    #[test]
    fn xml_lang() {
        let t =
            ok("<message xml:lang='en'><body xml:lang='de'>Hallo</body><body>x</body></message>");
        let m = t.root();
        assert_eq!(m.lang(), Some("en"));
        assert_eq!(m.attr_ns(NS_XML, "lang"), Some("en"));
        assert_eq!(m.attr("lang"), None);
        let langs: Vec<_> = m
            .children_named(NS_CLIENT, "body")
            .map(|b| b.lang())
            .collect();
        assert_eq!(langs, [Some("de"), None], "lang() is not inherited");
    }

    #[test]
    fn entities_and_char_refs() {
        let t = ok(
            "<body a='&lt;&amp;&gt;&quot;&apos;&#65;&#x42;'>&lt;&amp;&gt;&quot;&apos;&#65;&#x42;&#x1F600;</body>",
        );
        assert_eq!(t.root().attr("a"), Some("<&>\"'AB"));
        assert_eq!(t.root().text(), "<&>\"'AB\u{1F600}");
        // References and literal text merge into one run.
        assert_eq!(t.root().nodes().count(), 1);
    }

    #[test]
    fn cdata_comments_and_pis() {
        let t = ok(
            "<?xml version='1.0' encoding='UTF-8'?>\n<!-- hi -->\n<?app data?>\
             <body>a<![CDATA[<b>&amp;]]>c<!-- skip --><?pi x?>d</body>\n<!-- bye -->\n",
        );
        let b = t.root();
        assert_eq!(b.text(), "a<b>&amp;cd");
        assert_eq!(b.nodes().count(), 1);
    }

    #[test]
    fn mixed_content() {
        let t = ok("<p>one <b>two</b> three<br/></p>");
        let p = t.root();
        let nodes: Vec<String> = p
            .nodes()
            .map(|n| match n {
                Node::Text(t) => format!("T:{t}"),
                Node::Element(e) => format!("E:{}", e.name()),
            })
            .collect();
        assert_eq!(nodes, ["T:one ", "E:b", "T: three", "E:br"]);
        let text = p.text();
        assert_eq!(text, "one  three");
        assert!(matches!(text, Cow::Owned(_)));
        assert_eq!(
            t.root().child(NS_CLIENT, "br").map(|b| b.text()),
            Some(Cow::Borrowed(""))
        );
    }

    #[test]
    fn whitespace_around_root_and_bom() {
        let t = ok(" \r\n\t<a> x </a>\n\n ");
        assert_eq!(t.root().text(), " x ");
        let t = ok("\u{FEFF}<?xml version='1.0'?><a/>");
        assert_eq!(t.root().name(), "a");
    }

    #[test]
    fn attribute_value_normalisation() {
        let t = ok("<a x='1\t2\n3\r4\r\n5' y='&#x9;&#xA;&#xD;&#x20;' z=' padded '/>");
        let a = t.root();
        assert_eq!(a.attr("x"), Some("1 2 3 4 5"));
        assert_eq!(a.attr("y"), Some("\t\n\r "));
        assert_eq!(a.attr("z"), Some(" padded "));
    }

    #[test]
    fn text_line_endings() {
        let t = ok("<a>1\r\n2\r3\n4&#xD;5&#13;&#10;6<![CDATA[7\r\n8\r]]></a>");
        assert_eq!(t.root().text(), "1\n2\n3\n4\r5\r\n67\n8\n");
    }

    #[test]
    fn escaped_namespace_name() {
        let t = ok("<a xmlns='urn:x?a=1&amp;b=2'><b/></a>");
        assert_eq!(t.root().ns(), "urn:x?a=1&b=2");
        assert_eq!(
            t.root().children().next().map(|b| b.ns()),
            Some("urn:x?a=1&b=2")
        );
    }

    #[test]
    fn rejects_doctype() {
        assert_err("<!DOCTYPE a><a/>", "DOCTYPE");
        assert_err("<!DOCTYPE a [<!ENTITY x 'y'>]><a>&x;</a>", "DOCTYPE");
        assert_err("<!DOCTYPE>", "DOCTYPE");
    }

    #[test]
    fn rejects_undefined_entities() {
        assert_err("<a>&foo;</a>", "undefined entity &foo;");
        assert_err("<a>&nbsp;</a>", "undefined entity &nbsp;");
        assert_err("<a b='&foo;'/>", "undefined entity &foo;");
        assert_err("<a>& b</a>", "'&'");
        assert_err("<a b='x & y'/>", "unterminated entity reference");
        assert_err("<a>&;</a>", "undefined entity &;");
    }

    #[test]
    fn rejects_bad_char_refs() {
        for bad in [
            "&#0;",
            "&#x0;",
            "&#1;",
            "&#x1F;",
            "&#xFFFE;",
            "&#xFFFF;",
            "&#xD800;",
            "&#x110000;",
            "&#-1;",
            "&#xZ;",
            "&#;",
            "&#99999999999;",
        ] {
            assert_err(&format!("<a>{bad}</a>"), "character reference");
            assert_err(&format!("<a b='{bad}'/>"), "character reference");
        }
    }

    #[test]
    fn rejects_forbidden_literal_characters() {
        for bad in [
            "\u{0}", "\u{1}", "\u{8}", "\u{B}", "\u{C}", "\u{1F}", "\u{FFFE}", "\u{FFFF}",
        ] {
            let e = err(&format!("<a>{bad}</a>"));
            assert!(e.starts_with("forbidden character U+"), "{e}");
            assert!(e.contains("at byte 3"), "{e}");
            assert_err(&format!("<a b='{bad}'/>"), "forbidden character");
            assert_err(&format!("<a>{bad}"), "forbidden character");
            assert_err(&format!("<a><!--{bad}--></a>"), "forbidden character");
        }
        // Characters sharing the EF lead byte are fine.
        let t = ok("<a>\u{FEFF}\u{FFFD}\u{F000}\u{FF21}</a>");
        assert_eq!(t.root().text(), "\u{FEFF}\u{FFFD}\u{F000}\u{FF21}");
        assert_eq!(
            err("<a>\u{FFFF}</a>"),
            "forbidden character U+FFFF at byte 3"
        );
    }

    #[test]
    fn rejects_unbound_prefixes() {
        assert_err("<p:a/>", "unbound namespace prefix 'p' on element <p:a>");
        assert_err("<a><p:b/></a>", "prefix 'p'");
        assert_err(
            "<a p:x='1'/>",
            "unbound namespace prefix 'p' on attribute 'p:x'",
        );
        // A declaration on a sibling is out of scope.
        assert_err("<a><b xmlns:p='urn:p'/><p:c/></a>", "prefix 'p'");
        assert_err("<a xmlns:p=''/>", "empty namespace name");
        assert_err("<a xmlns:xml='urn:other'/>", "namespace");
        assert_err("<a xmlns:xmlns='urn:other'/>", "namespace");
    }

    #[test]
    fn rejects_mismatched_end_tags() {
        assert_eq!(err("<a><b></a>"), "mismatched end tag </a>, expected </b>");
        assert_eq!(err("<a></b>"), "mismatched end tag </b>, expected </a>");
        assert_err(
            "<p:a xmlns:p='urn:p'></a>",
            "mismatched end tag </a>, expected </p:a>",
        );
        assert_err("</a>", "without a start tag");
        assert_err("<a/></a>", "without a start tag");
    }

    #[test]
    fn rejects_text_outside_root() {
        assert_err("x<a/>", "text outside the root element");
        assert_err("<a/>x", "text outside the root element");
        assert_err("<a/>&#32;", "outside the root element");
        assert_err("<a/>&amp;", "outside the root element");
        assert_err(
            "<![CDATA[ ]]><a/>",
            "CDATA section outside the root element",
        );
    }

    #[test]
    fn requires_exactly_one_root() {
        assert_err("", "no root element");
        assert_err("  \n ", "no root element");
        assert_err("<!-- only a comment -->", "no root element");
        assert_err("<a/><b/>", "second root element <b>");
        assert_err("<a></a><a></a>", "second root element <a>");
    }

    #[test]
    fn xml_declaration_only_at_start() {
        assert_err(" <?xml version='1.0'?><a/>", "XML declaration");
        assert_err("<a><?xml version='1.0'?></a>", "XML declaration");
        assert_err("<a/><?xml version='1.0'?>", "XML declaration");
        assert_err(
            "<?xml version='1.0'?><?xml version='1.0'?><a/>",
            "XML declaration",
        );
        assert_err("<?xml encoding='UTF-8'?><a/>", "malformed XML declaration");
        assert_err("<?xml version='2.0'?><a/>", "unsupported XML version");
        assert_err("<a><?XML x?></a>", "reserved");
        ok("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><a/>");
    }

    #[test]
    fn rejects_unterminated_input() {
        assert_err("<a>", "unexpected end of input inside element <a>");
        assert_err("<a><b>text", "unexpected end of input inside element <b>");
        assert_err("<a", "not closed");
        assert_err("<a b='1", "not closed");
        assert_err("<a><!-- x", "not closed");
        assert_err("<a><![CDATA[x", "not closed");
        assert_err("<a>&amp", "'&'");
    }

    #[test]
    fn rejects_malformed_markup() {
        assert_err("<a>]]></a>", "']]>' in text of element <a>");
        assert_err("<a b='<'/>", "'<' in the value of attribute 'b'");
        assert_err("<a b=1/>", "malformed attribute");
        assert_err("<a b/>", "malformed attribute");
        assert_err("<1a/>", "invalid element name '1a'");
        assert_err("< a/>", "invalid element name");
        assert_err("<a:b:c xmlns:a='urn:a'/>", "invalid element name");
        assert_err("<a 1b='x'/>", "invalid attribute name '1b'");
        assert_err("<xmlns:a/>", "invalid element name 'xmlns:a'");
        assert_err("<a><!-- a -- b --></a>", "'--' inside a comment");
        assert_err("<a><!x></a>", "at byte");
    }

    #[test]
    fn rejects_duplicate_attributes() {
        assert_err("<a b='1' b='2'/>", "duplicate attribute 'b' on element <a>");
        assert_err(
            "<a xml:lang='en' xml:lang='de'/>",
            "duplicate attribute 'xml:lang'",
        );
        // Different prefixes, same namespace: still the same attribute.
        assert_err(
            "<a xmlns:p='urn:x' xmlns:q='urn:x' p:b='1' q:b='2'/>",
            "duplicate attribute 'q:b'",
        );
        assert_err(
            "<a xmlns='urn:a' xmlns='urn:b'/>",
            "duplicate namespace declaration 'xmlns'",
        );
        assert_err(
            "<a xmlns:p='urn:a' xmlns:p='urn:a'/>",
            "duplicate namespace declaration 'xmlns:p'",
        );
        // Same local name in different namespaces is fine.
        let t = ok("<a xmlns:p='urn:p' b='1' p:b='2' xmlns='urn:d' xmlns:q='urn:q'/>");
        assert_eq!(t.root().attrs().count(), 2);
    }

    #[test]
    fn max_bytes_limit() {
        let limits = Limits {
            max_bytes: 10,
            ..Limits::default()
        };
        assert!(
            Tree::parse("<a>123</a>", "", &limits).is_ok(),
            "exactly at the limit"
        );
        let e = Tree::parse("<a>1234567</a>", "", &limits).expect_err("too big");
        assert_eq!(
            e.to_string(),
            "input of 14 bytes exceeds the limit of 10 bytes"
        );
        // The check runs before parsing: garbage over the limit reports the size.
        let e = Tree::parse("<<<<<<<<<<<<", "", &limits).expect_err("too big");
        assert!(e.to_string().contains("exceeds the limit"));
    }

    #[test]
    fn max_depth_limit() {
        let nested = |n: usize| "<a>".repeat(n) + &"</a>".repeat(n);
        assert!(parse(&nested(48)).is_ok());
        assert_eq!(err(&nested(49)), "element nesting deeper than 48 at <a>");
        assert!(
            err(&("<a>".repeat(48) + "<b/>" + &"</a>".repeat(48)))
                .starts_with("element nesting deeper than 48")
        );
        let limits = Limits {
            max_depth: 1,
            ..Limits::default()
        };
        assert!(Tree::parse("<a/>", "", &limits).is_ok());
        assert!(Tree::parse("<a><b/></a>", "", &limits).is_err());
        // Deep hostile nesting fails fast instead of recursing.
        assert!(err(&"<a>".repeat(50_000)).contains("deeper than 48"));
    }

    #[test]
    fn max_attributes_limit() {
        let with = |n: usize| {
            let attrs: String = (0..n).map(|i| format!(" a{i}='{i}'")).collect();
            format!("<a{attrs}/>")
        };
        assert_eq!(parse(&with(64)).map(|t| t.root().attrs().count()), Ok(64));
        assert_eq!(err(&with(65)), "more than 64 attributes on element <a>");
        let limits = Limits {
            max_attributes: 1,
            ..Limits::default()
        };
        assert!(
            Tree::parse("<a xmlns='urn:x' b='1'/>", "", &limits).is_err(),
            "declarations count"
        );
    }

    #[test]
    fn huge_attribute_counts_do_not_go_quadratic_before_the_limit() {
        let attrs: String = (0..20_000).map(|i| format!(" a{i}='{i}'")).collect();
        let limits = Limits {
            max_bytes: 1 << 20,
            ..Limits::default()
        };
        let e = Tree::parse(&format!("<a{attrs}/>"), "", &limits).expect_err("too many");
        assert!(e.to_string().starts_with("more than 64 attributes"));
    }

    #[test]
    fn round_trips_through_to_xml() {
        let src = "<message xmlns='jabber:client' to='a@b' xml:lang='en'>\
             <body>1 &lt; 2 &amp;&amp; &quot;q&quot;\r\n</body>\
             <x xmlns='urn:x' xmlns:p='urn:p' p:attr='v&#x9;' plain=\"it's\"><p:y/><z>t</z></x>\
             <html xmlns='http://jabber.org/protocol/xhtml-im'><body xmlns='http://www.w3.org/1999/xhtml'><p>hi <b>there</b></p></body></html>\
             <u xmlns=''/></message>";
        let t = ok(src);
        let xml = t.root().to_xml();
        let again = ok(&xml);
        assert_same(t.root(), again.root());
        assert_eq!(again.root().to_xml(), xml, "serialisation is a fixed point");
        assert!(
            xml.starts_with("<message xmlns=\"jabber:client\" to=\"a@b\" xml:lang=\"en\">"),
            "{xml}"
        );
        assert!(xml.contains("<u xmlns=\"\"/>"), "{xml}");
        assert!(xml.contains("<b>there</b>"), "{xml}");
    }

    fn assert_same(a: Elem<'_>, b: Elem<'_>) {
        assert_eq!((a.ns(), a.name()), (b.ns(), b.name()));
        assert_eq!(a.attrs().collect::<Vec<_>>(), b.attrs().collect::<Vec<_>>());
        let (mut x, mut y) = (a.nodes(), b.nodes());
        loop {
            match (x.next(), y.next()) {
                (None, None) => break,
                (Some(Node::Text(s)), Some(Node::Text(t))) => assert_eq!(s, t),
                (Some(Node::Element(e)), Some(Node::Element(f))) => assert_same(e, f),
                (l, r) => panic!("node mismatch: {l:?} vs {r:?}"),
            }
        }
    }

    #[test]
    fn hostile_inputs_never_panic() {
        let doc = "<?xml version='1.0'?><!-- c --><message xmlns='jabber:client' xmlns:p='urn:p' \
             to='a@b' p:x='&amp;&#x41;'><body>hi &lt;&#128512; <![CDATA[x]]> \u{e9}</body>\
             <p:y xml:lang='fr'/><?pi?></message>\n";
        assert!(parse(doc).is_ok());
        let mut cuts: Vec<String> = Vec::new();
        for (i, _) in doc.char_indices() {
            cuts.push(doc[..i].to_owned());
            cuts.push(doc[i..].to_owned());
            let mut removed = doc.to_owned();
            removed.remove(i);
            cuts.push(removed);
            for junk in [
                "<", ">", "&", "'", "\"", "/", "]]>", "<!", "<?", "&#", ":", "=", "\r", "\u{0}",
            ] {
                let mut inserted = doc.to_owned();
                inserted.insert_str(i, junk);
                cuts.push(inserted);
            }
        }
        for s in &cuts {
            // Only "does not panic" matters here; the result is whatever it is.
            if let Ok(t) = parse(s) {
                let _ = t.root().to_xml();
            }
        }
        for s in [
            "<",
            ">",
            "&",
            "<a",
            "</",
            "<!",
            "<?",
            "<![CDATA[",
            "<!--",
            "<a/",
            "<:a/>",
            "<a:/>",
            "<a xmlns:=''/>",
            "<a :b='1'/>",
            "<a b:='1'/>",
            "<a xmlns:b='x' b:='1'/>",
            "\u{FEFF}",
            "<a>&#x;</a>",
            "<a>&#",
            "<a>&#x110000000;</a>",
        ] {
            let _ = parse(s);
        }
    }
}
