//! Writing event payloads as JSON text, straight from the stanza tree: no
//! intermediate `Value`. Strings are escaped exactly as serde_json escapes them.

use crate::xml::{bytes_control, bytes_eq, scan};

/// An append-only JSON text writer. Commas are placed automatically.
#[derive(Debug, Default)]
pub struct JsonWriter {
    /// Only whole `&str`s and ASCII are ever appended, so this stays valid UTF-8 and
    /// marks always fall on character boundaries.
    buf: String,
    need_comma: bool,
}

impl JsonWriter {
    pub fn new() -> Self {
        JsonWriter {
            buf: String::with_capacity(256),
            need_comma: false,
        }
    }

    #[inline]
    fn comma(&mut self) {
        if self.need_comma {
            self.buf.push(',');
        }
    }

    #[inline]
    pub fn begin_object(&mut self) {
        self.comma();
        self.buf.push('{');
        self.need_comma = false;
    }

    #[inline]
    pub fn end_object(&mut self) {
        self.buf.push('}');
        self.need_comma = true;
    }

    #[inline]
    pub fn begin_array(&mut self) {
        self.comma();
        self.buf.push('[');
        self.need_comma = false;
    }

    #[inline]
    pub fn end_array(&mut self) {
        self.buf.push(']');
        self.need_comma = true;
    }

    /// A point to come back to, when a value turns out to be unusable after its
    /// key was written (an object missing a required member).
    /// Whether the last value written is `{}` (an object at `.` that found nothing).
    pub fn ends_with_empty_object(&self) -> bool {
        self.buf.ends_with("{}")
    }

    #[inline]
    pub fn mark(&self) -> (usize, bool) {
        (self.buf.len(), self.need_comma)
    }

    #[inline]
    pub fn rollback(&mut self, mark: (usize, bool)) {
        if self.buf.is_char_boundary(mark.0) {
            self.buf.truncate(mark.0);
        }
        self.need_comma = mark.1;
    }

    /// Starts a member of the current object; the value must follow.
    #[inline(always)]
    pub fn key(&mut self, key: &str) {
        self.comma();
        self.escaped(key);
        self.buf.push(':');
        self.need_comma = false;
    }

    #[inline(always)]
    pub fn string(&mut self, s: &str) {
        self.comma();
        self.escaped(s);
        self.need_comma = true;
    }

    #[inline]
    pub fn integer(&mut self, n: i64) {
        self.comma();
        push_integer(&mut self.buf, n);
        self.need_comma = true;
    }

    #[inline]
    pub fn boolean(&mut self, b: bool) {
        self.comma();
        self.buf.push_str(if b { "true" } else { "false" });
        self.need_comma = true;
    }

    /// A value that is already JSON text (spec defaults, generated as literals).
    #[inline]
    pub fn raw(&mut self, json: &str) {
        self.comma();
        self.buf.push_str(json);
        self.need_comma = true;
    }

    /// An incoming JID as XMPP-FTW shows it: `{user?, domain, resource?}`.
    pub fn jid(&mut self, jid: &str) {
        let parts = split_jid(jid);
        self.begin_object();
        if let Some(user) = parts.local {
            self.key("user");
            self.string(user);
        }
        self.key("domain");
        self.string(parts.domain);
        if let Some(resource) = parts.resource {
            self.key("resource");
            self.string(resource);
        }
        self.end_object();
    }

    /// `s` as a JSON string. Strings with nothing to escape (nearly all) are found with
    /// a short byte loop or eight bytes at a time and copied whole.
    #[inline(always)]
    fn escaped(&mut self, s: &str) {
        let bytes = s.as_bytes();
        let first = first_json_escape(bytes);
        self.buf.reserve(s.len() + 2);
        self.buf.push('"');
        if first == bytes.len() {
            self.buf.push_str(s);
        } else {
            self.escaped_from(s, first);
        }
        self.buf.push('"');
    }

    #[cold]
    fn escaped_from(&mut self, s: &str, first: usize) {
        let bytes = s.as_bytes();
        let mut start = 0;
        let mut at = first;
        while let Some(&b) = bytes.get(at) {
            self.buf.push_str(s.get(start..at).unwrap_or_default());
            push_escape(&mut self.buf, b);
            start = at + 1;
            at = scan(bytes, start, json_marks);
        }
        self.buf.push_str(s.get(start..).unwrap_or_default());
    }

    pub fn finish(self) -> String {
        self.buf
    }
}

/// Marks the bytes of a word that JSON strings must escape.
#[inline(always)]
fn json_marks(w: u64) -> u64 {
    bytes_control(w) | bytes_eq(w, b'"') | bytes_eq(w, b'\\')
}

/// Index of the first byte that needs escaping, or `bytes.len()`. Strings of 4 to 7
/// bytes (most keys) are tested as two overlapping halves of one word.
#[inline(always)]
fn first_json_escape(bytes: &[u8]) -> usize {
    let n = bytes.len();
    if (4..8).contains(&n) {
        let half = |at: usize| {
            bytes
                .get(at..at + 4)
                .and_then(|h| <[u8; 4]>::try_from(h).ok())
                .map_or(0, |h| u64::from(u32::from_le_bytes(h)))
        };
        if json_marks(half(0) | (half(n - 4) << 32)) == 0 {
            return n;
        }
    } else if n >= 8 {
        return scan(bytes, 0, json_marks);
    }
    bytes
        .iter()
        .position(|&b| b < 0x20 || b == b'"' || b == b'\\')
        .unwrap_or(n)
}

/// The escape serde_json writes for an ASCII byte that needs one.
fn push_escape(buf: &mut String, b: u8) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let short = match b {
        b'"' => "\\\"",
        b'\\' => "\\\\",
        0x08 => "\\b",
        0x0C => "\\f",
        b'\n' => "\\n",
        b'\r' => "\\r",
        b'\t' => "\\t",
        _ => "",
    };
    if short.is_empty() {
        buf.push_str("\\u00");
        buf.push(char::from(HEX[usize::from(b >> 4)]));
        buf.push(char::from(HEX[usize::from(b & 0xF)]));
    } else {
        buf.push_str(short);
    }
}

/// Decimal digits of `n`, without the allocation of `to_string`.
fn push_integer(buf: &mut String, n: i64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    let mut m = n.unsigned_abs();
    loop {
        i -= 1;
        digits[i] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    if n < 0 {
        buf.push('-');
    }
    for &d in &digits[i..] {
        buf.push(char::from(d));
    }
}

/// The parts of a JID as written (servers send them normalised).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JidParts<'a> {
    pub local: Option<&'a str>,
    pub domain: &'a str,
    pub resource: Option<&'a str>,
}

impl<'a> JidParts<'a> {
    /// `local@domain`, or `domain`.
    pub fn bare(&self, full: &'a str) -> &'a str {
        match self.resource {
            Some(r) => &full[..full.len() - r.len() - 1],
            None => full,
        }
    }
}

/// Splits `local@domain/resource`. Unlike the original project, a JID without
/// `@` still has its resource split off.
pub fn split_jid(jid: &str) -> JidParts<'_> {
    let (bare, resource) = match jid.split_once('/') {
        Some((b, r)) => (b, Some(r).filter(|r| !r.is_empty())),
        None => (jid, None),
    };
    let (local, domain) = match bare.split_once('@') {
        Some((l, d)) => (Some(l).filter(|l| !l.is_empty()), d),
        None => (None, bare),
    };
    JidParts {
        local,
        domain,
        resource,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_nested_values_with_commas() {
        let mut w = JsonWriter::new();
        w.begin_object();
        w.key("a");
        w.string("x\"<\u{1}");
        w.key("b");
        w.begin_array();
        w.integer(1);
        w.integer(-2);
        w.end_array();
        w.key("c");
        w.jid("juliet@capulet.lit/balcony");
        w.key("d");
        w.boolean(false);
        w.end_object();
        assert_eq!(
            w.finish(),
            r#"{"a":"x\"<\u0001","b":[1,-2],"c":{"user":"juliet","domain":"capulet.lit","resource":"balcony"},"d":false}"#
        );
    }

    #[test]
    fn escapes_exactly_like_serde_json() {
        let mut samples: Vec<String> = (0u8..0x80).map(|b| char::from(b).to_string()).collect();
        samples.extend(
            [
                "",
                "plain",
                "a\"b\\c\u{7f}\u{80}\u{2028}\u{2029}é😀",
                "exactly8",
                "fifteen bytes!!",
                "0123456789abcdef\"0123456789abcdef\n",
                "\u{1}\u{1f}\u{0}\t\r\n\u{8}\u{c}\u{b}",
                "x\"",
            ]
            .map(str::to_owned),
        );
        samples.push("long text without escapes ".repeat(20));
        samples.push("mixed \"quotes\" and \\ backslashes ".repeat(7));
        for s in &samples {
            let mut w = JsonWriter::new();
            w.string(s);
            let ours = w.finish();
            let theirs = serde_json::to_string(s).expect("serialises");
            assert_eq!(ours, theirs, "{s:?}");
        }
    }

    #[test]
    fn integers() {
        for n in [0, 7, -7, 10, -10, 65000, i64::MAX, i64::MIN] {
            let mut w = JsonWriter::new();
            w.integer(n);
            assert_eq!(w.finish(), n.to_string());
        }
    }

    #[test]
    fn rollback_restores_commas() {
        let mut w = JsonWriter::new();
        w.begin_array();
        w.integer(1);
        let m = w.mark();
        w.string("dropped");
        w.rollback(m);
        w.integer(2);
        w.end_array();
        assert_eq!(w.finish(), "[1,2]");
    }

    #[test]
    fn splits_jids_without_local_part() {
        let p = split_jid("capulet.lit/res");
        assert_eq!(p.local, None);
        assert_eq!(p.domain, "capulet.lit");
        assert_eq!(p.resource, Some("res"));
        assert_eq!(p.bare("capulet.lit/res"), "capulet.lit");
    }
}
