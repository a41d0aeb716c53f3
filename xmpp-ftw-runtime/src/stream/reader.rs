//! The buffer, the resumable scanner that cuts first-level elements out of it, and the
//! async adapter.
//!
//! The scanner does not parse XML; it follows just enough of it (tags, quoted values,
//! comments, CDATA, references) to find where each first-level element ends and to
//! enforce the limits while bytes arrive. Everything it lets through is parsed strictly by
//! `Tree::parse` once complete, so the scanner may be lenient wherever `Tree` is strict;
//! it is strict itself only where it has to decide early (limits, DTDs, PIs, entity
//! references: the last three answer `restricted-xml` rather than `not-well-formed`).

use std::fmt;

use memchr::{memchr, memchr2, memmem};
use tokio::io::{AsyncRead, AsyncReadExt};

use super::{
    Limit, NS_STREAM, StreamConfig, StreamElement, StreamError, StreamEvent, StreamHeader,
};
use crate::xml::{Limits, NS_XML, Tree, escape_attr};

/// Bytes asked of the socket per read. The room is zero-filled before the first read
/// and stays resident, so this is kept small for the thousands of idle sessions a
/// gateway holds; a larger stanza only takes more reads (TLS records are buffered by
/// rustls, not here).
const READ_CHUNK: usize = 4 * 1024;
/// A buffer grown past this by one large element is released once it has been drained,
/// so thousands of idle connections do not each keep their largest stanza's worth.
const SHRINK_ABOVE: usize = 64 * 1024;
/// Longest entity or character reference name the scanner waits for; longer runs are
/// left for `Tree::parse` to reject.
const MAX_REF_NAME: usize = 32;

/// Where in the document the reader is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Phase {
    /// Before the stream header: XML declaration, whitespace, comments.
    Prolog,
    /// Inside `<stream:stream>`.
    Stream,
    /// After `</stream:stream>`: only whitespace may follow.
    Ended,
}

/// What the byte at `pos` is part of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Lex {
    /// Outside markup: character data inside an element, whitespace between them.
    Content,
    /// Inside a start tag; `quote` is the open quote of an attribute value or 0, `attrs`
    /// the attributes seen so far (each has exactly one `=` outside quotes).
    StartTag {
        quote: u8,
        attrs: usize,
    },
    EndTag,
    Comment,
    CData,
    /// `<?xml …?>` at the start of the document.
    XmlDecl,
}

enum Step {
    Continue,
    NeedMore,
    Event(StreamEvent),
}

/// The namespace context the stream header set up for its children.
struct Scope {
    default_ns: String,
    prefixes: Vec<Prefix>,
    /// The header's qualified name, which the closing tag must repeat exactly.
    qname: Vec<u8>,
}

struct Prefix {
    name: String,
    uri: String,
    /// Finds `name:`; an element without it cannot use the prefix, and then needs no
    /// declaration injected.
    finder: memmem::Finder<'static>,
}

/// Cuts a byte stream into [`StreamEvent`]s; see the [module documentation](super).
///
/// Buffer layout: `buf[..start]` is consumed, `buf[start..end]` is received and not yet
/// returned (the current element starts at `start`), `buf[start..pos]` of it is already
/// scanned, and `buf[end..]` is initialised spare room for the next read.
pub struct StreamReader {
    config: StreamConfig,
    buf: Vec<u8>,
    start: usize,
    pos: usize,
    end: usize,
    phase: Phase,
    lex: Lex,
    /// Open elements of the current first-level element (0 between them).
    depth: usize,
    /// Length of the current first-level element's start tag, once scanned.
    root_tag_len: usize,
    /// The XML declaration is only allowed at the start of a document (after whitespace
    /// at most).
    decl_allowed: bool,
    /// A self-closed header `<stream:stream …/>` is an Open and a Close.
    pending_close: bool,
    scope: Option<Scope>,
    /// Data errors are final; a failed reader keeps returning its error.
    failed: Option<StreamError>,
}

impl Default for StreamReader {
    fn default() -> Self {
        Self::new(StreamConfig::default())
    }
}

impl fmt::Debug for StreamReader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("StreamReader")
            .field("phase", &self.phase)
            .field("depth", &self.depth)
            .field("buffered", &self.buffered_len())
            .field("failed", &self.failed)
            .finish_non_exhaustive()
    }
}

impl StreamReader {
    /// A reader expecting a stream header (optionally after an XML declaration).
    pub fn new(config: StreamConfig) -> Self {
        Self {
            config,
            buf: Vec::new(),
            start: 0,
            pos: 0,
            end: 0,
            phase: Phase::Prolog,
            lex: Lex::Content,
            depth: 0,
            root_tag_len: 0,
            decl_allowed: true,
            pending_close: false,
            scope: None,
            failed: None,
        }
    }

    pub fn config(&self) -> &StreamConfig {
        &self.config
    }

    /// Bytes received but not yet returned as events (part of an element, or whole
    /// elements not asked for yet). After STARTTLS `<proceed/>` this must be 0: anything
    /// here arrived in plaintext and must not be read as part of the encrypted stream.
    pub fn buffered_len(&self) -> usize {
        self.end - self.start
    }

    /// Expects a new stream header, as after STARTTLS and SASL success (RFC 6120 §5.4.3.3,
    /// §6.4.6). Bytes already buffered are kept and read as the new stream; the
    /// namespaces of the old header are forgotten. A failed reader stays failed.
    pub fn reset(&mut self) {
        self.phase = Phase::Prolog;
        self.lex = Lex::Content;
        self.depth = 0;
        self.root_tag_len = 0;
        self.pos = self.start;
        self.decl_allowed = true;
        self.pending_close = false;
        self.scope = None;
    }

    /// Appends received bytes. Fails when more than `max_buffered_bytes` would be held,
    /// which happens only if events are not taken out with [`next_event`](Self::next_event).
    pub fn push(&mut self, bytes: &[u8]) -> Result<(), StreamError> {
        if let Some(e) = &self.failed {
            return Err(e.replay());
        }
        if self.buffered_len().saturating_add(bytes.len()) > self.config.max_buffered_bytes {
            return Err(self.fail(StreamError::PolicyViolation {
                limit: Limit::BufferedBytes,
                max: self.config.max_buffered_bytes,
            }));
        }
        self.make_room(bytes.len());
        let end = self.end + bytes.len();
        if let Some(room) = self.buf.get_mut(self.end..end) {
            room.copy_from_slice(bytes);
            self.end = end;
        }
        Ok(())
    }

    /// The next event, or `None` until more bytes are pushed. Scans only bytes it has
    /// not scanned before, and stops after each event, so [`reset`](Self::reset) can be
    /// called between events.
    pub fn next_event(&mut self) -> Result<Option<StreamEvent>, StreamError> {
        if let Some(e) = &self.failed {
            return Err(e.replay());
        }
        self.advance().map_err(|e| self.fail(e))
    }

    /// The next event, reading from `r` as needed. End of file before the event is
    /// complete gives [`StreamError::Closed`].
    ///
    /// Cancel-safe: if the future is dropped (say, losing a `select!`), no received byte
    /// is lost, because bytes only count as buffered once a read has completed.
    pub async fn read_event<R>(&mut self, r: &mut R) -> Result<StreamEvent, StreamError>
    where
        R: AsyncRead + Unpin + ?Sized,
    {
        loop {
            if let Some(event) = self.next_event()? {
                return Ok(event);
            }
            let room = self
                .config
                .max_buffered_bytes
                .saturating_sub(self.buffered_len())
                .min(READ_CHUNK);
            if room == 0 {
                // Only reachable when max_buffered_bytes < max_stanza_bytes.
                return Err(self.fail(StreamError::PolicyViolation {
                    limit: Limit::BufferedBytes,
                    max: self.config.max_buffered_bytes,
                }));
            }
            self.make_room(room);
            let Some(spare) = self.buf.get_mut(self.end..self.end + room) else {
                // Unreachable: make_room just provided that room.
                return Err(StreamError::Closed);
            };
            let n = r.read(spare).await?;
            if n == 0 {
                return Err(StreamError::Closed);
            }
            self.end += n;
        }
    }

    fn fail(&mut self, e: StreamError) -> StreamError {
        self.failed = Some(e.replay());
        e
    }

    /// Makes `buf[end..end + n]` available. Consumed bytes are reclaimed by moving the
    /// live ones to the front only when there are at least as many consumed as live
    /// bytes, so every byte is moved O(1) times however the input is chunked; otherwise
    /// the buffer doubles.
    fn make_room(&mut self, n: usize) {
        if self.start == self.end {
            self.start = 0;
            self.pos = 0;
            self.end = 0;
            if self.buf.len() > SHRINK_ABOVE && n <= SHRINK_ABOVE {
                self.buf = Vec::new();
            }
        }
        let live = self.end - self.start;
        if self.start > 0 && self.start >= live && self.buf.len() - self.end < n {
            self.buf.copy_within(self.start..self.end, 0);
            self.pos -= self.start;
            self.start = 0;
            self.end = live;
        }
        if self.buf.len() - self.end < n {
            let want = (self.end + n).max(self.buf.len() * 2).max(4096);
            self.buf.resize(want, 0);
        }
    }

    fn advance(&mut self) -> Result<Option<StreamEvent>, StreamError> {
        if self.pending_close {
            self.pending_close = false;
            return Ok(Some(StreamEvent::Close));
        }
        loop {
            // The current item (element, comment, header…) may not extend past here.
            let limit_end = self.start.saturating_add(self.config.max_stanza_bytes);
            let bound = self.end.min(limit_end);
            let step = match self.lex {
                Lex::Content if self.depth == 0 => self.between(bound)?,
                Lex::Content => self.text(bound)?,
                Lex::StartTag { quote, attrs } => self.start_tag(bound, quote, attrs)?,
                Lex::EndTag => self.end_tag(bound)?,
                Lex::Comment => self.comment(bound)?,
                Lex::CData => self.cdata(bound)?,
                Lex::XmlDecl => self.xml_decl(bound)?,
            };
            match step {
                Step::Continue => {}
                Step::Event(event) => return Ok(Some(event)),
                Step::NeedMore if self.end > limit_end => {
                    // More bytes than allowed are here and the item is still open: cut
                    // it off now rather than wait for an end that may never come.
                    return Err(StreamError::PolicyViolation {
                        limit: Limit::StanzaBytes,
                        max: self.config.max_stanza_bytes,
                    });
                }
                Step::NeedMore => return Ok(None),
            }
        }
    }

    /// Between first-level items: whitespace (keepalives) is consumed at once, so it
    /// never accumulates in the buffer.
    fn between(&mut self, bound: usize) -> Result<Step, StreamError> {
        let rest = self.buf.get(self.pos..self.end).unwrap_or_default();
        let spaces = rest.iter().take_while(|&&b| is_space(b)).count();
        if spaces > 0 {
            self.pos += spaces;
            self.start = self.pos;
            // The XML declaration stays allowed: strictly it must be the first bytes, but
            // a keepalive sent just before a restart must not break the new stream.
            // `bound` was computed from the old start.
            return Ok(Step::Continue);
        }
        match rest.first() {
            None => Ok(Step::NeedMore),
            Some(_) if self.phase == Phase::Ended => {
                Err(not_well_formed("data after the end of the stream"))
            }
            Some(b'<') => self.markup(bound),
            Some(_) if self.phase == Phase::Prolog => {
                Err(not_well_formed("text before the stream header"))
            }
            Some(_) => Err(not_well_formed(
                "text between first-level elements (only whitespace is allowed there)",
            )),
        }
    }

    /// Character data inside an element: only `<` and `&` matter.
    fn text(&mut self, bound: usize) -> Result<Step, StreamError> {
        let hay = self.buf.get(self.pos..bound).unwrap_or_default();
        match memchr2(b'<', b'&', hay) {
            None => {
                self.pos = bound;
                Ok(Step::NeedMore)
            }
            Some(i) => {
                self.pos += i;
                if hay.get(i) == Some(&b'&') {
                    match scan_reference(self.buf.get(self.pos..bound).unwrap_or_default())? {
                        None => Ok(Step::NeedMore),
                        Some(n) => {
                            self.pos += n;
                            Ok(Step::Continue)
                        }
                    }
                } else {
                    self.markup(bound)
                }
            }
        }
    }

    /// At a `<`: decides what it opens, waiting for the few bytes that tell.
    fn markup(&mut self, bound: usize) -> Result<Step, StreamError> {
        let b = self.buf.get(self.pos..bound).unwrap_or_default();
        let top = self.depth == 0;
        let (skip, lex) = match b.get(1) {
            None => return Ok(Step::NeedMore),
            Some(b'/') if top && self.phase != Phase::Stream => {
                return Err(not_well_formed("end tag before the stream header"));
            }
            Some(b'/') => (2, Lex::EndTag),
            Some(b'!') => match (prefix(b, b"<!--"), prefix(b, b"<![CDATA[")) {
                (Match::Partial, _) | (_, Match::Partial) => return Ok(Step::NeedMore),
                (Match::Full, _) if !self.config.allow_comments => {
                    return Err(StreamError::RestrictedXml(
                        "comments are not allowed".into(),
                    ));
                }
                (Match::Full, _) => (4, Lex::Comment),
                (_, Match::Full) if top => {
                    return Err(not_well_formed("CDATA section outside an element"));
                }
                (_, Match::Full) => (9, Lex::CData),
                _ => {
                    return Err(StreamError::RestrictedXml(
                        "document type and entity declarations (<!DOCTYPE, <!ENTITY…) are \
                         not allowed"
                            .into(),
                    ));
                }
            },
            Some(b'?') => {
                if top && self.phase == Phase::Prolog && self.decl_allowed {
                    match prefix(b, b"<?xml") {
                        Match::Partial => return Ok(Step::NeedMore),
                        Match::Full => match b.get(5) {
                            None => return Ok(Step::NeedMore),
                            Some(&c) if is_space(c) => (5, Lex::XmlDecl),
                            Some(_) => return Err(processing_instruction()),
                        },
                        Match::No => return Err(processing_instruction()),
                    }
                } else {
                    return Err(processing_instruction());
                }
            }
            Some(&c) if is_name_start(c) => {
                if self.phase == Phase::Stream && self.depth >= self.config.max_depth {
                    return Err(StreamError::PolicyViolation {
                        limit: Limit::Depth,
                        max: self.config.max_depth,
                    });
                }
                (1, Lex::StartTag { quote: 0, attrs: 0 })
            }
            Some(_) => return Err(not_well_formed("'<' not followed by a name")),
        };
        self.pos += skip;
        self.lex = lex;
        self.decl_allowed = false;
        Ok(Step::Continue)
    }

    fn start_tag(&mut self, bound: usize, quote: u8, attrs: usize) -> Result<Step, StreamError> {
        let (mut quote, mut attrs) = (quote, attrs);
        let mut i = self.pos;
        loop {
            let rest = self.buf.get(i..bound).unwrap_or_default();
            if quote != 0 {
                // Inside a value only its closing quote and references matter; `>` is
                // just data here.
                match memchr2(quote, b'&', rest) {
                    None => i = bound,
                    Some(k) if rest.get(k) == Some(&quote) => {
                        quote = 0;
                        i += k + 1;
                        continue;
                    }
                    Some(k) => {
                        i += k;
                        if let Some(n) = scan_reference(self.buf.get(i..bound).unwrap_or_default())?
                        {
                            i += n;
                            continue;
                        }
                    }
                }
                self.pos = i;
                self.lex = Lex::StartTag { quote, attrs };
                return Ok(Step::NeedMore);
            }
            let Some((k, &c)) = rest
                .iter()
                .enumerate()
                .find(|&(_, &b)| matches!(b, b'"' | b'\'' | b'=' | b'<' | b'>'))
            else {
                self.pos = bound;
                self.lex = Lex::StartTag { quote, attrs };
                return Ok(Step::NeedMore);
            };
            i += k;
            match c {
                b'=' => {
                    attrs += 1;
                    if attrs > self.config.max_attributes {
                        return Err(StreamError::PolicyViolation {
                            limit: Limit::Attributes,
                            max: self.config.max_attributes,
                        });
                    }
                }
                b'<' => return Err(not_well_formed("'<' inside a tag")),
                b'>' => {
                    // `/` can only precede the `>` outside a value, so it marks `<x/>`.
                    let empty = i > 0 && self.buf.get(i - 1) == Some(&b'/');
                    self.pos = i + 1;
                    self.lex = Lex::Content;
                    return self.start_tag_done(empty);
                }
                q => quote = q,
            }
            i += 1;
        }
    }

    fn start_tag_done(&mut self, empty: bool) -> Result<Step, StreamError> {
        if self.phase == Phase::Prolog {
            return self.open_stream(empty).map(Step::Event);
        }
        if self.depth == 0 {
            self.root_tag_len = self.pos - self.start;
            if empty {
                return self.element().map(Step::Event);
            }
        }
        if !empty {
            self.depth += 1;
        }
        Ok(Step::Continue)
    }

    fn end_tag(&mut self, bound: usize) -> Result<Step, StreamError> {
        let hay = self.buf.get(self.pos..bound).unwrap_or_default();
        let Some(k) = memchr(b'>', hay) else {
            self.pos = bound;
            return Ok(Step::NeedMore);
        };
        self.pos += k + 1;
        self.lex = Lex::Content;
        if self.depth == 0 {
            return self.close_stream().map(Step::Event);
        }
        // Names are matched by Tree::parse; counting is enough to find the end.
        self.depth -= 1;
        if self.depth == 0 {
            return self.element().map(Step::Event);
        }
        Ok(Step::Continue)
    }

    fn comment(&mut self, bound: usize) -> Result<Step, StreamError> {
        let hay = self.buf.get(self.pos..bound).unwrap_or_default();
        let Some(k) = memmem::find(hay, b"--") else {
            // A final '-' may be the first of "--".
            self.pos += hay.len().saturating_sub(1);
            return Ok(Step::NeedMore);
        };
        match hay.get(k + 2) {
            None => {
                self.pos += k;
                Ok(Step::NeedMore)
            }
            Some(b'>') => {
                self.pos += k + 3;
                self.lex = Lex::Content;
                if self.depth == 0 {
                    self.consume_item()?;
                }
                Ok(Step::Continue)
            }
            Some(_) => Err(not_well_formed("'--' inside a comment")),
        }
    }

    fn cdata(&mut self, bound: usize) -> Result<Step, StreamError> {
        let hay = self.buf.get(self.pos..bound).unwrap_or_default();
        match memmem::find(hay, b"]]>") {
            None => {
                self.pos += hay.len().saturating_sub(2);
                Ok(Step::NeedMore)
            }
            Some(k) => {
                self.pos += k + 3;
                self.lex = Lex::Content;
                Ok(Step::Continue)
            }
        }
    }

    fn xml_decl(&mut self, bound: usize) -> Result<Step, StreamError> {
        let hay = self.buf.get(self.pos..bound).unwrap_or_default();
        let Some(k) = memmem::find(hay, b"?>") else {
            self.pos += hay.len().saturating_sub(1);
            return Ok(Step::NeedMore);
        };
        self.pos += k + 2;
        self.lex = Lex::Content;
        let decl = self.item_str()?;
        check_declaration(decl)?;
        self.start = self.pos;
        Ok(Step::Continue)
    }

    /// The scanned item `buf[start..pos]` as text.
    fn item_str(&self) -> Result<&str, StreamError> {
        let bytes = self.buf.get(self.start..self.pos).unwrap_or_default();
        std::str::from_utf8(bytes).map_err(|e| {
            not_well_formed(format!(
                "invalid UTF-8 at byte {} of an element",
                e.valid_up_to()
            ))
        })
    }

    /// Drops a finished comment between elements, after checking it is UTF-8 like
    /// everything else.
    fn consume_item(&mut self) -> Result<(), StreamError> {
        self.item_str()?;
        self.start = self.pos;
        Ok(())
    }

    fn open_stream(&mut self, empty: bool) -> Result<StreamEvent, StreamError> {
        let (header, scope) = parse_header(self.item_str()?, empty, self.config.max_attributes)?;
        self.scope = Some(scope);
        self.depth = 0;
        self.start = self.pos;
        if empty {
            self.phase = Phase::Ended;
            self.pending_close = true;
        } else {
            self.phase = Phase::Stream;
        }
        Ok(StreamEvent::Open(header))
    }

    fn close_stream(&mut self) -> Result<StreamEvent, StreamError> {
        let tag = self
            .buf
            .get(self.start + 2..self.pos - 1)
            .unwrap_or_default();
        let name = tag.trim_ascii_end();
        let expected = self
            .scope
            .as_ref()
            .map(|s| s.qname.as_slice())
            .unwrap_or_default();
        if name != expected {
            return Err(not_well_formed(format!(
                "end tag </{}> does not match the stream header <{}>",
                String::from_utf8_lossy(name),
                String::from_utf8_lossy(expected)
            )));
        }
        self.phase = Phase::Ended;
        self.start = self.pos;
        Ok(StreamEvent::Close)
    }

    /// Parses the complete first-level element `buf[start..pos]`.
    fn element(&mut self) -> Result<StreamEvent, StreamError> {
        let raw = self.item_str()?;
        let scope = self
            .scope
            .as_ref()
            .ok_or_else(|| not_well_formed("element outside a stream"))?;
        let limits = Limits {
            max_bytes: self.config.max_stanza_bytes,
            max_depth: self.config.max_depth,
            max_attributes: self.config.max_attributes,
        };
        // Prefixes declared on the header (`stream:`) are in scope for its children, but
        // Tree::parse sees one element alone: declare the ones this element uses on its
        // own start tag, unless it redeclares them itself. Only the few elements that
        // contain "stream:" (features, errors) pay for this copy.
        let root_tag = raw.get(..self.root_tag_len).unwrap_or(raw);
        let mut decls = String::new();
        let mut injected = 0;
        for p in &scope.prefixes {
            if p.finder.find(raw.as_bytes()).is_some() && !declares(root_tag, &p.name) {
                decls.push_str(" xmlns:");
                decls.push_str(&p.name);
                decls.push_str("='");
                decls.push_str(&escape_attr(&p.uri));
                decls.push('\'');
                injected += 1;
            }
        }
        let parsed = if decls.is_empty() {
            Tree::parse(raw, &scope.default_ns, &limits)
        } else {
            let (name, rest) = raw.split_at_checked(tag_name_len(raw)).unwrap_or((raw, ""));
            let mut text = String::with_capacity(raw.len() + decls.len());
            text.push_str(name);
            text.push_str(&decls);
            text.push_str(rest);
            let limits = Limits {
                max_bytes: limits.max_bytes + decls.len(),
                max_attributes: limits.max_attributes + injected,
                ..limits
            };
            Tree::parse(&text, &scope.default_ns, &limits)
        };
        let tree = parsed.map_err(|e| not_well_formed(e.to_string()))?;
        let raw = raw.to_owned();
        self.start = self.pos;
        Ok(StreamEvent::Element(StreamElement { tree, raw }))
    }
}

/// Reads the stream header `<qname attrs…>` (or `<qname attrs…/>`).
///
/// Tree::parse does the validation and unescaping, on a small document built from the
/// header: `<qname attrs…><p1:x/>…<x/></qname>`. The namespaces of the dummy children
/// are the URIs the header binds to each prefix and to the default namespace, which Tree
/// does not otherwise expose (declarations are not attributes).
fn parse_header(
    tag: &str,
    empty: bool,
    max_attributes: usize,
) -> Result<(StreamHeader, Scope), StreamError> {
    let inner = tag.strip_prefix('<').unwrap_or(tag);
    let inner = inner.strip_suffix('>').unwrap_or(inner);
    let inner = if empty {
        inner.strip_suffix('/').unwrap_or(inner)
    } else {
        inner
    };
    let qname = inner
        .get(..tag_name_len(tag).saturating_sub(1))
        .unwrap_or(inner);
    let names = attr_names(tag);
    let declared: Vec<&str> = names
        .iter()
        .filter_map(|n| n.strip_prefix("xmlns:"))
        .filter(|p| *p != "xml")
        .collect();
    let has_default = names.contains(&"xmlns");

    let mut doc = String::with_capacity(inner.len() + qname.len() + 16 * declared.len() + 16);
    doc.push('<');
    doc.push_str(inner);
    doc.push('>');
    for p in &declared {
        doc.push('<');
        doc.push_str(p);
        doc.push_str(":x/>");
    }
    if has_default {
        doc.push_str("<x/>");
    }
    doc.push_str("</");
    doc.push_str(qname);
    doc.push('>');
    let limits = Limits {
        max_bytes: doc.len(),
        max_depth: 2,
        max_attributes,
    };
    let tree = Tree::parse(&doc, "", &limits)
        .map_err(|e| not_well_formed(format!("stream header: {e}")))?;
    let root = tree.root();
    if root.ns() != NS_STREAM {
        return Err(StreamError::InvalidNamespace(format!(
            "the stream header <{qname}> is in namespace '{}', not '{NS_STREAM}'",
            root.ns()
        )));
    }
    if root.name() != "stream" {
        return Err(not_well_formed(format!(
            "expected a <stream> header, got <{qname}>"
        )));
    }

    let mut children = root.children();
    let mut header = StreamHeader::empty();
    let mut prefixes = Vec::with_capacity(declared.len());
    for p in declared {
        let uri = children.next().map(|c| c.ns()).unwrap_or_default();
        header.prefixes.push((p.to_owned(), uri.to_owned()));
        prefixes.push(Prefix {
            name: p.to_owned(),
            uri: uri.to_owned(),
            finder: memmem::Finder::new(format!("{p}:").as_bytes()).into_owned(),
        });
    }
    if has_default && let Some(ns) = children.next().map(|c| c.ns()).filter(|ns| !ns.is_empty()) {
        header.default_ns = ns.to_owned();
    }
    let attr = |name: &str| root.attr(name).map(str::to_owned);
    header.id = attr("id");
    header.from = attr("from");
    header.to = attr("to");
    header.version = attr("version");
    header.lang = root.attr_ns(NS_XML, "lang").map(str::to_owned);

    let scope = Scope {
        default_ns: header.default_ns.clone(),
        prefixes,
        qname: qname.as_bytes().to_vec(),
    };
    Ok((header, scope))
}

/// Validates `<?xml …?>` (Tree::parse knows its grammar) and insists on UTF-8, the only
/// encoding XMPP allows (RFC 6120 §11.6).
fn check_declaration(decl: &str) -> Result<(), StreamError> {
    let doc = format!("{decl}<x/>");
    Tree::parse(&doc, "", &Limits::default())
        .map_err(|e| not_well_formed(format!("XML declaration: {e}")))?;
    let encoding = decl
        .split_once("encoding")
        .and_then(|(_, rest)| rest.split(['"', '\'']).nth(1));
    match encoding {
        Some(enc) if !enc.eq_ignore_ascii_case("utf-8") => Err(not_well_formed(format!(
            "unsupported encoding '{enc}': XMPP streams are UTF-8"
        ))),
        _ => Ok(()),
    }
}

/// Whether the start tag declares `prefix` itself.
fn declares(tag: &str, prefix: &str) -> bool {
    attr_names(tag)
        .iter()
        .any(|n| n.strip_prefix("xmlns:") == Some(prefix))
}

/// Length of `<name` at the start of a tag.
fn tag_name_len(tag: &str) -> usize {
    tag.bytes()
        .skip(1)
        .position(|b| is_space(b) || b == b'/' || b == b'>')
        .map_or(tag.len(), |n| n + 1)
}

/// The attribute names of a start tag, declarations included. Stops quietly at anything
/// malformed: Tree::parse reports it.
fn attr_names(tag: &str) -> Vec<&str> {
    let b = tag.as_bytes();
    let mut names = Vec::new();
    let mut i = tag_name_len(tag);
    loop {
        while b.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        let name_start = i;
        while b
            .get(i)
            .is_some_and(|&c| !is_space(c) && !matches!(c, b'=' | b'/' | b'>'))
        {
            i += 1;
        }
        let Some(name) = tag.get(name_start..i).filter(|n| !n.is_empty()) else {
            break;
        };
        while b.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        if b.get(i) != Some(&b'=') {
            break;
        }
        i += 1;
        while b.get(i).is_some_and(|&c| is_space(c)) {
            i += 1;
        }
        let Some(&q @ (b'"' | b'\'')) = b.get(i) else {
            break;
        };
        let Some(len) = memchr(q, b.get(i + 1..).unwrap_or_default()) else {
            break;
        };
        i += len + 2;
        names.push(name);
    }
    names
}

/// At a `&`: how many bytes the reference takes (1 for a stray `&`, left for Tree::parse
/// to reject), or `None` when its end has not arrived yet. Only the five predefined
/// entities and character references exist in XMPP; any other is restricted XML.
fn scan_reference(b: &[u8]) -> Result<Option<usize>, StreamError> {
    let name = b.get(1..).unwrap_or_default();
    let n = name
        .iter()
        .take(MAX_REF_NAME + 1)
        .take_while(|&&c| {
            c.is_ascii_alphanumeric() || matches!(c, b'#' | b'_' | b'-' | b'.' | b':') || c >= 0x80
        })
        .count();
    if n > MAX_REF_NAME {
        return Ok(Some(1));
    }
    match name.get(n) {
        None => Ok(None),
        Some(b';') if n > 0 => {
            let name = &name[..n];
            if name.first() != Some(&b'#')
                && !matches!(name, b"amp" | b"lt" | b"gt" | b"quot" | b"apos")
            {
                return Err(StreamError::RestrictedXml(format!(
                    "entity reference '&{};': only the predefined entities are allowed",
                    String::from_utf8_lossy(name)
                )));
            }
            Ok(Some(n + 2))
        }
        Some(_) => Ok(Some(1)),
    }
}

enum Match {
    Full,
    Partial,
    No,
}

/// Whether `b` starts with `pat`, or could once more bytes arrive.
fn prefix(b: &[u8], pat: &[u8]) -> Match {
    if b.len() >= pat.len() {
        if b.starts_with(pat) {
            Match::Full
        } else {
            Match::No
        }
    } else if pat.starts_with(b) {
        Match::Partial
    } else {
        Match::No
    }
}

fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n')
}

/// XML NameStartChar, approximately: any non-ASCII byte may start one (Tree::parse
/// checks the exact production).
fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_' || b == b':' || b >= 0x80
}

fn not_well_formed(m: impl Into<String>) -> StreamError {
    StreamError::NotWellFormed(m.into())
}

fn processing_instruction() -> StreamError {
    StreamError::RestrictedXml(
        "processing instructions are not allowed (the XML declaration only at the start of \
         the stream)"
            .into(),
    )
}
