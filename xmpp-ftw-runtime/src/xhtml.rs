//! XEP-0071 XHTML-IM: the sanitiser for every XHTML body that crosses the gateway.
//!
//! Incoming XHTML was written by another user and is shown in a web page, so it is
//! untrusted markup aimed at a browser. The original project forwarded it verbatim,
//! which let any contact run script in the user's session. Here a body is reduced to
//! XEP-0071's recommended profile (§7, §8) before it is written anywhere; outgoing
//! markup from the browser goes through the same profile so the gateway never emits
//! what it would refuse to display.
//!
//! The profile is a whitelist, applied to a parsed tree:
//! - XHTML-namespace elements `a blockquote br cite code em img li ol p span strong ul` are
//!   kept with `style` and a few attributes each (`a`: `href type`; `img`: `alt height src
//!   width`; `blockquote`: `cite`);
//! - elements whose content is code or other non-text (`script`, `style`, `svg`, …) are
//!   removed together with their content, whatever their namespace;
//! - every other element is unwrapped: it disappears, its sanitised content stays;
//! - URIs must use an allowed scheme, and `style` keeps only plain declarations of
//!   XEP-0071's recommended CSS properties.
//!
//! Output is produced through [`XmlWriter`], which escapes all text and attribute values,
//! so nothing of the input is ever copied as markup.

use std::borrow::Cow;
use std::fmt;

use crate::xml::{Elem, Limits, Node, Tree, XmlWriter};

/// Namespace of the `<html/>` wrapper of XHTML-IM (XEP-0071).
pub const NS_XHTML_IM: &str = "http://jabber.org/protocol/xhtml-im";
/// The XHTML namespace: only elements in it count as XHTML.
pub const NS_XHTML: &str = "http://www.w3.org/1999/xhtml";

/// Outgoing XHTML markup that could not be parsed; the message is the parser's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct XhtmlError(pub String);

impl fmt::Display for XhtmlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for XhtmlError {}

/// Incoming: the sanitized inner markup of an XHTML `<body xmlns='http://www.w3.org/1999/xhtml'>`
/// element, as an XML string whose elements carry no xmlns (the XHTML namespace is implied),
/// e.g. `<p>Hi <strong>there</strong></p>`.
///
/// Only the body's content is looked at; the body element itself is not checked, so a
/// caller may pass any container. An empty string means nothing displayable survived.
pub fn sanitize_body(body: Elem<'_>) -> String {
    let clean = sanitize_children(body);
    // The XHTML namespace is "in scope" from the start, so kept elements get no xmlns.
    let mut w = XmlWriter::new(NS_XHTML);
    write_nodes(&clean, &mut w);
    w.into_string()
}

/// Outgoing: `markup` is the inner content of a body as the browser sends it (text with
/// inline XHTML elements, no xmlns needed).
///
/// It is parsed inside a `<body xmlns='http://www.w3.org/1999/xhtml'>` wrapper with
/// [`Limits::default`], sanitized with the same profile as incoming bodies, and the
/// sanitized children are written into `w` (the caller has already opened the XHTML
/// `<body>`). Returns the plain-text rendering (see [`plain_text`]) for the plain `<body>`
/// fallback.
///
/// Markup that does not parse (including attempts to close the wrapper early) is an
/// [`XhtmlError`] carrying the parser's message; nothing is written to `w` then.
pub fn write_body(markup: &str, w: &mut XmlWriter<'_>) -> Result<String, XhtmlError> {
    // The wrapper is fixed text around the browser's markup; if the markup closes it or
    // opens a second root, the parser rejects the document ("exactly one element"), and
    // whatever does parse is still only the root's content, which is sanitized below.
    let mut doc = String::with_capacity(markup.len() + 64);
    doc.push_str("<body xmlns='");
    doc.push_str(NS_XHTML);
    doc.push_str("'>");
    doc.push_str(markup);
    doc.push_str("</body>");
    let tree =
        Tree::parse(&doc, NS_XHTML, &Limits::default()).map_err(|e| XhtmlError(e.to_string()))?;
    let clean = sanitize_children(tree.root());
    write_nodes(&clean, w);
    Ok(render_text(&clean))
}

/// The plain-text rendering of an incoming body, computed from its sanitized content:
/// text nodes concatenated, `br` → `"\n"`, the block elements `p`, `li` and `blockquote`
/// separated by `"\n"`, the whole trimmed. Content of removed elements (script source,
/// style sheets) never appears in it.
pub fn plain_text(body: Elem<'_>) -> String {
    render_text(&sanitize_children(body))
}

// ---------------------------------------------------------------------------------------
// The profile
// ---------------------------------------------------------------------------------------

/// XEP-0071 §7 "Recommended Profile" (structure, text, hypertext, list and image modules):
/// each element with the attributes it keeps besides `style`, which all of them may carry.
const PROFILE: &[(&str, &[&str])] = &[
    ("a", &["href", "type"]),
    ("blockquote", &["cite"]),
    ("br", &[]),
    ("cite", &[]),
    ("code", &[]),
    ("em", &[]),
    ("img", &["alt", "height", "src", "width"]),
    ("li", &[]),
    ("ol", &[]),
    ("p", &[]),
    ("span", &[]),
    ("strong", &[]),
    ("ul", &[]),
];

/// Elements whose content is not text meant for the reader (code, style sheets, embedded
/// documents, form controls, metadata): unwrapping them would show script source or
/// similar junk as message text, so they go with all their content. Matched on the local
/// name in any namespace and ASCII case-insensitively, because a foreign `<svg>` or an
/// upper-case `<SCRIPT>` carries the same kind of content.
const DROPPED: &[&str] = &[
    "script", "style", "head", "title", "object", "embed", "iframe", "frame", "frameset", "applet",
    "template", "svg", "math", "noscript", "form", "input", "button", "textarea", "select", "meta",
    "link", "base", "noembed", "noframes",
];

/// Elements that are empty by definition. Their content, if a sender gives them any, is
/// moved after them instead of being lost.
const VOID: &[&str] = &["br", "img"];

/// Block elements for the plain-text rendering.
const BLOCKS: &[&str] = &["p", "li", "blockquote"];

/// Schemes a link (`a/@href`, `blockquote/@cite`, `img/@src`) may use. Relative references
/// are refused too: a chat message has no base URL, and a browser would resolve them
/// against the web page showing it.
const LINK_SCHEMES: &[&str] = &["http", "https", "mailto", "xmpp"];

/// Image data types `img/@src` may embed as `data:`. No SVG: it is a document that can
/// carry script.
const DATA_IMAGE_TYPES: &[&str] = &["image/png", "image/gif", "image/jpeg", "image/webp"];

/// XEP-0071 §8 recommended CSS properties: nothing that positions, hides or loads.
const CSS_PROPERTIES: &[&str] = &[
    "background-color",
    "color",
    "font-family",
    "font-size",
    "font-style",
    "font-weight",
    "margin-left",
    "margin-right",
    "text-align",
    "text-decoration",
];

/// CSS functions a value may call: colours only. `url()`, `expression()`, `image-set()` and
/// the like would load or run something.
const CSS_FUNCTIONS: &[&str] = &["rgb", "rgba", "hsl", "hsla"];

/// Substrings that make a CSS value dangerous. The character whitelist in
/// [`clean_css_value`] already rejects all of them; the explicit list keeps them refused
/// should that whitelist ever be widened.
const CSS_FORBIDDEN: &[&str] = &[
    "url(",
    "expression(",
    "\\",
    "<",
    "@import",
    ";",
    "javascript:",
];

// ---------------------------------------------------------------------------------------
// Sanitising into an owned tree
// ---------------------------------------------------------------------------------------

/// Sanitized content. Building it before writing lets empty elements be pruned and the
/// plain-text rendering see exactly what is written.
enum Clean<'a> {
    Text(&'a str),
    Elem(CleanElem<'a>),
}

struct CleanElem<'a> {
    /// Always a name from [`PROFILE`], never input-derived.
    name: &'static str,
    attrs: Vec<(&'static str, Cow<'a, str>)>,
    children: Vec<Clean<'a>>,
}

fn sanitize_children(parent: Elem<'_>) -> Vec<Clean<'_>> {
    let mut out = Vec::new();
    push_children(parent, &mut out);
    out
}

fn push_children<'a>(parent: Elem<'a>, out: &mut Vec<Clean<'a>>) {
    for node in parent.nodes() {
        match node {
            Node::Text("") => {}
            Node::Text(t) => out.push(Clean::Text(t)),
            Node::Element(e) => push_element(e, out),
        }
    }
}

/// Sanitizes one element into `out`. Recursion depth is bounded by the parser's
/// `max_depth`, so no separate limit is needed here.
fn push_element<'a>(e: Elem<'a>, out: &mut Vec<Clean<'a>>) {
    let local = e.name();
    if DROPPED.iter().any(|d| local.eq_ignore_ascii_case(d)) {
        return;
    }
    // XHTML is case-sensitive and namespaced: `<P>` or a `p` in another namespace is not
    // the XHTML paragraph, so it is unwrapped like any unknown element.
    let allowed = if e.ns() == NS_XHTML {
        PROFILE.iter().find(|(name, _)| *name == local)
    } else {
        None
    };
    let Some(&(name, allowed_attrs)) = allowed else {
        push_children(e, out);
        return;
    };

    let attrs = clean_attrs(e, allowed_attrs);
    let mut children = Vec::new();
    push_children(e, &mut children);

    if VOID.contains(&name) {
        // An image without a usable source shows nothing but a broken-image icon.
        let keep = name != "img" || attrs.iter().any(|(attr, _)| *attr == "src");
        if keep {
            out.push(Clean::Elem(CleanElem {
                name,
                attrs,
                children: Vec::new(),
            }));
        }
        out.extend(children);
    } else if !children.is_empty() {
        // Empty non-void elements are dropped: they display nothing, and the writer
        // self-closes them (`<a href='…'/>`), which an HTML parser (`innerHTML`) reads as an
        // open tag that would swallow the following text into the link.
        out.push(Clean::Elem(CleanElem {
            name,
            attrs,
            children,
        }));
    }
}

/// The whitelisted, cleaned attributes of `e`, in document order.
fn clean_attrs<'a>(e: Elem<'a>, allowed: &[&'static str]) -> Vec<(&'static str, Cow<'a, str>)> {
    let mut attrs = Vec::new();
    for attr in e.attrs() {
        // Namespaced attributes (`xlink:href`, `xml:base`, …) are outside the profile.
        if !attr.ns.is_empty() {
            continue;
        }
        let name: &'static str = if attr.name == "style" {
            "style"
        } else if let Some(&name) = allowed.iter().find(|a| **a == attr.name) {
            name
        } else {
            continue;
        };
        let value = match name {
            "style" => clean_style(attr.value).map(Cow::Owned),
            "href" | "cite" => clean_uri(attr.value, false).map(Cow::Borrowed),
            "src" => clean_uri(attr.value, true).map(Cow::Borrowed),
            // alt, type, width, height: plain values with no active meaning; the writer
            // escapes them.
            _ => Some(Cow::Borrowed(attr.value)),
        };
        if let Some(value) = value {
            attrs.push((name, value));
        }
    }
    attrs
}

/// Checks a URI attribute and returns the value to keep (trimmed as a browser would trim
/// it), or `None` to drop the attribute.
///
/// Browsers strip leading/trailing C0 controls and spaces from URLs and delete tabs and
/// newlines anywhere, so ` javascript:` or `java\tscript:` would run script. Trimming
/// first and then refusing any remaining control character means the scheme checked here
/// is the scheme the browser sees. Character references (`&#x6A;avascript:`) are decoded
/// by the parser before this runs.
fn clean_uri(value: &str, image: bool) -> Option<&str> {
    let v = value.trim_matches(|c: char| c.is_ascii_whitespace() || c.is_ascii_control());
    if v.chars().any(|c| c.is_control()) {
        return None;
    }
    // No ':' at all, or a '/', '?' or '#' before the first one, is a relative reference;
    // the scheme grammar check below refuses the latter.
    let (scheme, rest) = v.split_once(':')?;
    let mut chars = scheme.chars();
    let grammar_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    if !grammar_ok {
        return None;
    }
    let allowed = LINK_SCHEMES.iter().any(|s| scheme.eq_ignore_ascii_case(s))
        || (image && scheme.eq_ignore_ascii_case("cid"))
        || (image && scheme.eq_ignore_ascii_case("data") && is_data_image(rest));
    allowed.then_some(v)
}

/// `rest` is a `data:` URL after the colon: `<media type>[;params],<data>`. The media type
/// must be one of [`DATA_IMAGE_TYPES`] exactly (no whitespace or parameters in it), since
/// a browser sniffing a loosely matched type could end up rendering SVG.
fn is_data_image(rest: &str) -> bool {
    let Some((header, _data)) = rest.split_once(',') else {
        return false;
    };
    let media_type = header.split(';').next().unwrap_or_default();
    DATA_IMAGE_TYPES
        .iter()
        .any(|t| media_type.eq_ignore_ascii_case(t))
}

/// Keeps the declarations of a `style` attribute whose property is in [`CSS_PROPERTIES`]
/// and whose value passes [`clean_css_value`], re-serialised as `prop: value; prop: value`.
/// `None` when nothing is left, so the attribute is dropped.
///
/// Splitting on every `;` (even one inside quotes) is deliberate: a quoted `;` leaves
/// both halves with an unbalanced quote, which the value check refuses, so no
/// declaration can be smuggled inside another's value.
fn clean_style(style: &str) -> Option<String> {
    let mut out = String::new();
    for declaration in style.split(';') {
        let Some((property, value)) = declaration.split_once(':') else {
            continue;
        };
        let property = property.trim_matches(|c: char| c.is_ascii_whitespace());
        let Some(property) = CSS_PROPERTIES
            .iter()
            .find(|p| property.eq_ignore_ascii_case(p))
        else {
            continue;
        };
        let Some(value) = clean_css_value(value) else {
            continue;
        };
        if !out.is_empty() {
            out.push_str("; ");
        }
        out.push_str(property);
        out.push_str(": ");
        out.push_str(&value);
    }
    (!out.is_empty()).then_some(out)
}

/// A CSS value made only of keywords, numbers with units or `%`, `#` colours, comma lists,
/// quoted font names and the colour functions of [`CSS_FUNCTIONS`]. Anything else —
/// escapes, comments, `!important`, at-rules, other functions, colons, angle brackets — is
/// refused rather than parsed, since a partial CSS parser is where filters get bypassed.
/// Whitespace runs are collapsed to one space.
fn clean_css_value(raw: &str) -> Option<String> {
    let lower = raw.to_ascii_lowercase();
    if CSS_FORBIDDEN.iter().any(|bad| lower.contains(bad)) {
        return None;
    }
    let mut quote: Option<char> = None;
    let mut in_function = false;
    // The identifier just before the current position, to name a function at `(`.
    let mut word = String::new();
    for c in raw.chars() {
        if let Some(q) = quote {
            // Inside a quoted font name: letters of any script, digits, spaces and a few
            // punctuation marks; the closing quote ends it.
            if c == q {
                quote = None;
            } else if !(c.is_alphanumeric() || matches!(c, ' ' | '-' | '_' | '.')) {
                return None;
            }
            continue;
        }
        match c {
            'a'..='z' | 'A'..='Z' | '0'..='9' | '-' | '_' => {
                word.push(c);
                continue;
            }
            '"' | '\'' if !in_function => quote = Some(c),
            '(' if !in_function && CSS_FUNCTIONS.iter().any(|f| word.eq_ignore_ascii_case(f)) => {
                in_function = true;
            }
            ')' if in_function => in_function = false,
            // Outside quotes only ASCII is accepted: old browsers folded full-width letters
            // and punctuation into ASCII (`ｅｘｐｒｅｓｓｉｏｎ（`).
            ' ' | '\t' | '\n' | '\r' | '\x0c' | '#' | '%' | '.' | ',' => {}
            _ => return None,
        }
        word.clear();
    }
    if quote.is_some() || in_function {
        return None;
    }
    let value = raw.split_ascii_whitespace().collect::<Vec<_>>().join(" ");
    (!value.is_empty()).then_some(value)
}

// ---------------------------------------------------------------------------------------
// Output
// ---------------------------------------------------------------------------------------

/// Writes sanitized nodes as XHTML-namespace elements. `w` escapes every text and value.
fn write_nodes(nodes: &[Clean<'_>], w: &mut XmlWriter<'_>) {
    for node in nodes {
        match node {
            Clean::Text(t) => w.text(t),
            Clean::Elem(e) => {
                w.start(e.name, NS_XHTML);
                for (name, value) in &e.attrs {
                    w.attr(name, value);
                }
                write_nodes(&e.children, w);
                w.end();
            }
        }
    }
}

fn render_text(nodes: &[Clean<'_>]) -> String {
    let mut text = PlainText::default();
    text.nodes(nodes);
    text.out.trim().to_owned()
}

/// Plain-text renderer. Block boundaries are recorded as a pending break and only
/// materialised before the next visible text, so the indentation whitespace of
/// pretty-printed XHTML between blocks does not turn into blank lines.
#[derive(Default)]
struct PlainText {
    out: String,
    pending_break: bool,
}

impl PlainText {
    fn nodes(&mut self, nodes: &[Clean<'_>]) {
        for node in nodes {
            match node {
                Clean::Text(t) => self.text(t),
                Clean::Elem(e) if e.name == "br" => {
                    self.flush_break();
                    self.out.push('\n');
                }
                Clean::Elem(e) => {
                    let block = BLOCKS.contains(&e.name);
                    self.pending_break |= block;
                    self.nodes(&e.children);
                    self.pending_break |= block;
                }
            }
        }
    }

    fn text(&mut self, t: &str) {
        if !self.pending_break {
            self.out.push_str(t);
        } else if !t.trim().is_empty() {
            self.flush_break();
            self.out.push_str(t.trim_start());
        }
    }

    /// Ends the current line if a block boundary is pending: trailing whitespace (and a
    /// `br` right before the block) collapses into the single separating newline.
    fn flush_break(&mut self) {
        if !std::mem::take(&mut self.pending_break) {
            return;
        }
        let kept = self.out.trim_end().len();
        self.out.truncate(kept);
        if !self.out.is_empty() {
            self.out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::NS_CLIENT;

    /// Sanitizes `inner` as the content of an incoming XHTML body. Attribute quotes are
    /// normalised to `'` so expectations do not depend on the writer's quoting style
    /// (quotes inside values are escaped as references, so this cannot merge values).
    fn clean(inner: &str) -> String {
        let xml = format!("<body xmlns='{NS_XHTML}'>{inner}</body>");
        let tree = Tree::parse(&xml, NS_CLIENT, &Limits::default()).expect("test input parses");
        sanitize_body(tree.root()).replace('"', "'")
    }

    fn text_of(inner: &str) -> String {
        let xml = format!("<body xmlns='{NS_XHTML}'>{inner}</body>");
        let tree = Tree::parse(&xml, NS_CLIENT, &Limits::default()).expect("test input parses");
        plain_text(tree.root())
    }

    /// Runs `write_body` inside an XHTML body opened by the "caller".
    fn outgoing(markup: &str) -> Result<(String, String), XhtmlError> {
        let mut w = XmlWriter::new(NS_CLIENT);
        w.start("body", NS_XHTML);
        let text = write_body(markup, &mut w);
        w.end();
        let xml = w.into_string().replace('"', "'");
        text.map(|t| (xml, t))
    }

    #[test]
    fn profile_elements_are_kept_without_xmlns() {
        assert_eq!(
            clean("<p>Hi <strong>there</strong>, <em>you</em> <code>x</code> <cite>c</cite></p>"),
            "<p>Hi <strong>there</strong>, <em>you</em> <code>x</code> <cite>c</cite></p>"
        );
        assert_eq!(
            clean("<ul><li>a</li></ul><ol><li>b</li></ol><blockquote><p>q</p></blockquote>"),
            "<ul><li>a</li></ul><ol><li>b</li></ol><blockquote><p>q</p></blockquote>"
        );
        assert_eq!(clean("a<br/>b"), "a<br/>b");
        assert_eq!(clean(""), "");
    }

    #[test]
    fn text_is_escaped_on_output() {
        assert_eq!(
            clean("<p>1 &lt; 2 &amp;&amp; &lt;script&gt;</p>"),
            "<p>1 &lt; 2 &amp;&amp; &lt;script&gt;</p>"
        );
    }

    #[test]
    fn script_is_removed_with_its_content() {
        assert_eq!(
            clean("<p>hi<script>alert(document.cookie)</script>!</p>"),
            "<p>hi!</p>"
        );
        assert_eq!(clean("<SCRIPT>alert(1)</SCRIPT>ok"), "ok");
        assert_eq!(clean("<script xmlns='urn:other'>alert(1)</script>ok"), "ok");
        assert_eq!(clean("<div><script>alert(1)</script>kept</div>"), "kept");
    }

    #[test]
    fn dangerous_containers_are_removed_with_their_content() {
        for name in DROPPED {
            let got = clean(&format!("<p>a<{name}>junk<span>more</span></{name}>b</p>"));
            assert_eq!(got, "<p>ab</p>", "{name}");
        }
        assert_eq!(
            clean("<style>p { background: url(javascript:x) }</style>text"),
            "text"
        );
        assert_eq!(
            clean("<iframe src='http://evil.example/'>fallback</iframe>x"),
            "x"
        );
    }

    #[test]
    fn svg_and_math_are_removed_in_any_namespace() {
        assert_eq!(
            clean(
                "<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'><script>alert(2)</script><text>t</text></svg>ok"
            ),
            "ok"
        );
        assert_eq!(
            clean("<svg><a href='http://x.example/'>x</a></svg>ok"),
            "ok"
        );
        assert_eq!(
            clean("<math xmlns='http://www.w3.org/1998/Math/MathML'><mi>x</mi></math>ok"),
            "ok"
        );
    }

    #[test]
    fn other_elements_are_unwrapped_recursively() {
        assert_eq!(
            clean("<div><b><font color='red'>x<i>y</i></font></b></div>"),
            "xy"
        );
        assert_eq!(
            clean("<div class='c'><p>a<b>b<u><em>c</em></u></b></p></div>"),
            "<p>ab<em>c</em></p>"
        );
        assert_eq!(clean("<unknown><blink>hi</blink></unknown>"), "hi");
        // A nested body is not the container: unwrapped.
        assert_eq!(clean("<body><p>x</p></body>"), "<p>x</p>");
    }

    #[test]
    fn only_the_xhtml_namespace_counts() {
        assert_eq!(clean("<p xmlns='urn:not-xhtml' onclick='x'>a</p>"), "a");
        assert_eq!(
            clean("<a xmlns='urn:not-xhtml' href='http://x.example/'>link</a>"),
            "link"
        );
        // Case matters in XHTML: <P> is unknown.
        assert_eq!(clean("<P>a</P>"), "a");
        // An XHTML element inside a foreign one is still XHTML.
        assert_eq!(
            clean("<x xmlns='urn:x'><p xmlns='http://www.w3.org/1999/xhtml'>a</p></x>"),
            "<p>a</p>"
        );
    }

    #[test]
    fn unlisted_attributes_and_event_handlers_are_dropped() {
        assert_eq!(
            clean("<p onclick='alert(1)' class='c' id='i' style='color: red'>a</p>"),
            "<p style='color: red'>a</p>"
        );
        assert_eq!(
            clean(
                "<img src='http://x.example/i.png' onerror='alert(1)' alt='pic' width='10' height='20' title='t'/>"
            ),
            "<img src='http://x.example/i.png' alt='pic' width='10' height='20'/>"
        );
        assert_eq!(
            clean(
                "<a href='http://x.example/' onmouseover='alert(1)' target='_blank' type='text/html'>x</a>"
            ),
            "<a href='http://x.example/' type='text/html'>x</a>"
        );
        // Attributes valid elsewhere are not valid everywhere.
        assert_eq!(
            clean("<p href='http://x.example/' src='http://x.example/'>a</p>"),
            "<p>a</p>"
        );
        // Upper-case names are different attributes in XML.
        assert_eq!(clean("<a HREF='http://x.example/'>x</a>"), "<a>x</a>");
    }

    #[test]
    fn namespaced_attributes_are_dropped() {
        assert_eq!(
            clean(
                "<a xmlns:xl='http://www.w3.org/1999/xlink' xl:href='javascript:alert(1)' xml:lang='en'>x</a>"
            ),
            "<a>x</a>"
        );
    }

    #[test]
    fn javascript_hrefs_are_dropped() {
        for href in [
            "javascript:alert(1)",
            "JaVaScRiPt:alert(1)",
            // Character references are decoded by the parser: the decoded value is checked.
            "&#x6A;avascript:alert(1)",
            "&#106;&#97;vascript:alert(1)",
            " javascript:alert(1)",
            "&#x20;&#x09;&#x0A;javascript:alert(1)",
            "java&#x09;script:alert(1)",
            "java&#x0A;script:alert(1)",
            "java&#x0D;script:alert(1)",
            "java script:alert(1)",
            "javascript&#x3A;alert(1)",
            "vbscript:msgbox(1)",
            "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
            "data:image/png;base64,AAAA",
            "cid:part1@example.org",
            "file:///etc/passwd",
            "\u{a0}javascript:alert(1)",
            "ｊavascript:alert(1)",
        ] {
            assert_eq!(
                clean(&format!("<a href='{href}'>x</a>")),
                "<a>x</a>",
                "{href:?}"
            );
        }
    }

    #[test]
    fn control_characters_inside_a_url_are_refused() {
        assert_eq!(
            clean("<a href='http://x.example/&#x09;a'>x</a>"),
            "<a>x</a>"
        );
        assert_eq!(clean("<a href='http://x.example/&#x85;'>x</a>"), "<a>x</a>");
    }

    #[test]
    fn relative_references_are_dropped() {
        for href in [
            "/path",
            "//evil.example/",
            "page.html",
            "?q=1",
            "#frag",
            "a/b:c",
            "",
            "  ",
            ":x",
        ] {
            assert_eq!(
                clean(&format!("<a href='{href}'>x</a>")),
                "<a>x</a>",
                "{href:?}"
            );
        }
    }

    #[test]
    fn allowed_schemes_are_kept_and_trimmed() {
        for (href, kept) in [
            (
                "http://x.example/a?b=c&amp;d#e",
                "http://x.example/a?b=c&amp;d#e",
            ),
            ("HTTPS://x.example/", "HTTPS://x.example/"),
            ("mailto:romeo@example.net", "mailto:romeo@example.net"),
            (
                "xmpp:juliet@example.com?message",
                "xmpp:juliet@example.com?message",
            ),
            ("  http://x.example/ &#x0A;", "http://x.example/"),
        ] {
            assert_eq!(
                clean(&format!("<a href='{href}'>x</a>")),
                format!("<a href='{kept}'>x</a>"),
                "{href:?}"
            );
        }
    }

    #[test]
    fn blockquote_cite_is_checked() {
        assert_eq!(
            clean("<blockquote cite='javascript:alert(1)'>q</blockquote>"),
            "<blockquote>q</blockquote>"
        );
        assert_eq!(
            clean("<blockquote cite='https://x.example/src'>q</blockquote>"),
            "<blockquote cite='https://x.example/src'>q</blockquote>"
        );
    }

    #[test]
    fn image_sources() {
        assert_eq!(
            clean("<img src='data:image/png;base64,iVBORw0KGgo=' alt='a'/>"),
            "<img src='data:image/png;base64,iVBORw0KGgo=' alt='a'/>"
        );
        assert_eq!(
            clean("<img src='DATA:Image/JPEG;base64,/9j/'/>"),
            "<img src='DATA:Image/JPEG;base64,/9j/'/>"
        );
        assert_eq!(
            clean("<img src='cid:sha1+8f35@bob.xmpp.org'/>"),
            "<img src='cid:sha1+8f35@bob.xmpp.org'/>"
        );
        // Rejected sources remove the image; the alt text is not shown instead.
        for src in [
            "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
            "data:image/svg+xml,<svg onload='alert(1)'/>",
            "data:image/png ;base64,AAAA",
            "data:image/png",
            "data:text/html,<script>alert(1)</script>",
            "javascript:alert(1)",
            "&#x6A;avascript:alert(1)",
            "img.png",
        ] {
            let src = src.replace('<', "&lt;").replace('\'', "&apos;");
            assert_eq!(
                clean(&format!("<p>a<img src='{src}' alt='x'/>b</p>")),
                "<p>ab</p>",
                "{src:?}"
            );
        }
        assert_eq!(clean("<p>a<img alt='no source'/>b</p>"), "<p>ab</p>");
    }

    #[test]
    fn void_elements_lose_their_content_to_their_siblings() {
        assert_eq!(clean("a<br>b<script>x</script></br>c"), "a<br/>bc");
        assert_eq!(
            clean("<img src='http://x.example/i.png'>alt<b>!</b></img>"),
            "<img src='http://x.example/i.png'/>alt!"
        );
    }

    #[test]
    fn empty_elements_are_pruned() {
        // `<a href/>` read by an HTML parser would swallow the following text into a link.
        assert_eq!(
            clean("<a href='http://x.example/'/>click here"),
            "click here"
        );
        assert_eq!(clean("<p><span style='color: red'></span></p>x"), "x");
        assert_eq!(clean("<p><script>only</script></p>"), "");
        assert_eq!(clean("<p> </p>"), "<p> </p>");
    }

    #[test]
    fn style_keeps_recommended_declarations() {
        assert_eq!(
            clean(
                "<span style='COLOR:Red;font-weight : bold;; position:absolute; text-align:center;'>x</span>"
            ),
            "<span style='color: Red; font-weight: bold; text-align: center'>x</span>"
        );
        assert_eq!(
            clean(
                "<span style='font-family: \"Times New Roman\", serif; font-size: 120%; margin-left: -1.5em'>x</span>"
            ),
            "<span style='font-family: &quot;Times New Roman&quot;, serif; font-size: 120%; margin-left: -1.5em'>x</span>"
        );
        assert_eq!(
            clean(
                "<span style='background-color: rgb(255, 0, 0); color: #fff;\n text-decoration:\tunderline'>x</span>"
            ),
            "<span style='background-color: rgb(255, 0, 0); color: #fff; text-decoration: underline'>x</span>"
        );
    }

    #[test]
    fn style_refuses_loading_and_script() {
        for style in [
            "background:url(http://evil.example/x.png)",
            "background-color: url(javascript:alert(1))",
            "background-color: URL(x)",
            "color: expression(alert(1))",
            "color: ExPrEsSiOn(alert(1))",
            "width: expression(alert(1))",
            "color: exp/**/ression(alert(1))",
            "color: r\\65 d",
            "color: \\75rl(x)",
            "font-family: \"a; color: red\"",
            "font-family: 'x ; color: red'",
            "color: red !important",
            "color: javascript:alert(1)",
            "color: @import 'x'",
            "color: &lt;/style&gt;",
            "font-family: \"&lt;script&gt;\"",
            "color: image-set(x)",
            "color: rgb(rgb(1,2,3))",
            "color: rgb(1,2,3",
            "color: red)",
            "color: var(--x)",
            "color: ｅｘｐｒｅｓｓｉｏｎ（x）",
            "behavior: url(x.htc)",
            "-moz-binding: url(x.xml#xss)",
            "position: fixed; top: 0",
            "color",
            "color:",
            ": red",
        ] {
            let attr = style.replace('\'', "&apos;");
            assert_eq!(
                clean(&format!("<span style='{attr}'>x</span>")),
                "<span>x</span>",
                "{style:?}"
            );
        }
    }

    #[test]
    fn style_drops_bad_declarations_only() {
        assert_eq!(
            clean("<p style='background:url(x); color: blue; font-size: expression(1)'>x</p>"),
            "<p style='color: blue'>x</p>"
        );
        // A quoted `;` cannot smuggle a declaration: both halves are refused.
        assert_eq!(
            clean(
                "<p style='font-family: &quot;a; background-color: url(x)&quot;; color: green'>x</p>"
            ),
            "<p style='color: green'>x</p>"
        );
    }

    #[test]
    fn plain_text_rendering() {
        assert_eq!(
            text_of(
                "<p>Hello <strong>world</strong></p><p>Second<br/>line</p><ul><li>a</li><li>b</li></ul>tail"
            ),
            "Hello world\nSecond\nline\na\nb\ntail"
        );
        // Indentation between blocks does not become blank lines.
        assert_eq!(
            text_of("\n  <p>\n    one\n  </p>\n  <p>two</p>\n"),
            "one\ntwo"
        );
        assert_eq!(
            text_of("<blockquote><p>quoted</p></blockquote>reply"),
            "quoted\nreply"
        );
        // Removed content never reaches the text; unwrapped content does.
        assert_eq!(
            text_of("<div>a<script>alert(1)</script><b>b</b></div><style>p{}</style>"),
            "ab"
        );
        assert_eq!(text_of("a<br/><br/>b"), "a\n\nb");
        assert_eq!(text_of("<p>x &amp; y &lt;z&gt;</p>"), "x & y <z>");
        assert_eq!(text_of(""), "");
    }

    #[test]
    fn write_body_sanitizes_and_renders_text() {
        let (xml, text) = outgoing(
            "Hi <strong onclick='alert(1)'>you</strong><script>alert(2)</script>, see \
             <a href='javascript:alert(3)'>this</a> and <a href='https://x.example/'>that</a>",
        )
        .expect("parses");
        assert_eq!(
            xml,
            "<body xmlns='http://www.w3.org/1999/xhtml'>Hi <strong>you</strong>, see \
             <a>this</a> and <a href='https://x.example/'>that</a></body>"
        );
        assert_eq!(text, "Hi you, see this and that");
    }

    #[test]
    fn write_body_blocks_and_breaks() {
        let (xml, text) =
            outgoing("<p>one<br/>two</p><p style='color: red; top: 0'>three</p>").expect("parses");
        assert_eq!(
            xml,
            "<body xmlns='http://www.w3.org/1999/xhtml'><p>one<br/>two</p><p style='color: red'>three</p></body>"
        );
        assert_eq!(text, "one\ntwo\nthree");
    }

    #[test]
    fn write_body_empty_markup() {
        let (xml, text) = outgoing("").expect("parses");
        assert!(
            xml.starts_with("<body xmlns='http://www.w3.org/1999/xhtml'"),
            "{xml}"
        );
        assert_eq!(text, "");
    }

    #[test]
    fn write_body_rejects_unparsable_markup() {
        for markup in [
            "<p>unclosed",
            "a & b",
            "</body><script>alert(1)</script><body>",
            "x</body>",
            "<!DOCTYPE x>",
            "&nbsp;",
            "<p onclick='a' onclick='b'>dup</p>",
        ] {
            let mut w = XmlWriter::new(NS_CLIENT);
            w.start("body", NS_XHTML);
            let err = write_body(markup, &mut w);
            assert!(err.is_err(), "{markup:?} should not parse");
            assert!(!err.unwrap_err().0.is_empty());
            w.end();
            // Nothing was written for the rejected markup.
            assert!(!w.into_string().contains("script"), "{markup:?}");
        }
    }

    #[test]
    fn error_displays_its_message() {
        let e = XhtmlError("bad markup".to_owned());
        assert_eq!(e.to_string(), "bad markup");
        let _: &dyn std::error::Error = &e;
    }

    #[test]
    fn clean_uri_rules() {
        assert_eq!(
            clean_uri("\u{0}\u{1f} http://x.example/ \u{7f}", false),
            Some("http://x.example/")
        );
        assert_eq!(clean_uri("cid:a@b", false), None);
        assert_eq!(clean_uri("cid:a@b", true), Some("cid:a@b"));
        assert_eq!(
            clean_uri("data:image/webp,AAAA", true),
            Some("data:image/webp,AAAA")
        );
        assert_eq!(clean_uri("data:image/webp;base64", true), None);
        assert_eq!(clean_uri("data:,AAAA", true), None);
        assert_eq!(clean_uri("ja\u{0}vascript:x", false), None);
        assert_eq!(clean_uri("1http:x", false), None);
    }

    #[test]
    fn clean_css_value_rules() {
        assert_eq!(clean_css_value("  bold  "), Some("bold".to_owned()));
        assert_eq!(
            clean_css_value("hsla(1, 2%, 3%, .5)"),
            Some("hsla(1, 2%, 3%, .5)".to_owned())
        );
        assert_eq!(
            clean_css_value("'ＭＳ ゴシック', sans-serif"),
            Some("'ＭＳ ゴシック', sans-serif".to_owned())
        );
        assert_eq!(clean_css_value("   "), None);
        assert_eq!(clean_css_value("rgb('x')"), None);
        assert_eq!(clean_css_value("Ｒｅｄ"), None);
    }
}
