//! Reading browser payloads: typed access to `serde_json` values that turns every
//! mismatch into the exact [`ClientError`] the browser sees. Generated encoders
//! call these; `key` is the dotted key path used in messages (`history.since`).

use crate::error::ClientError;
use crate::xml::{bytes_control, bytes_eq, scan};
use serde_json::Value;

pub type Map = serde_json::Map<String, Value>;

/// A dotted key path (`history.since`) built without allocating; formatted only
/// when an error message needs it.
#[derive(Debug, Clone, Copy)]
pub struct Key<'a> {
    pub parent: Option<&'a Key<'a>>,
    pub name: &'a str,
}

impl<'a> Key<'a> {
    pub const fn root(name: &'a str) -> Self {
        Key { parent: None, name }
    }

    pub const fn child(&'a self, name: &'a str) -> Key<'a> {
        Key {
            parent: Some(self),
            name,
        }
    }
}

impl std::fmt::Display for Key<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        if let Some(p) = self.parent {
            write!(f, "{p}.")?;
        }
        f.write_str(self.name)
    }
}

/// The payload object; `null` is an empty payload.
pub fn payload(data: &Value) -> Result<std::borrow::Cow<'_, Map>, ClientError> {
    match data {
        Value::Object(m) => Ok(std::borrow::Cow::Borrowed(m)),
        Value::Null => Ok(std::borrow::Cow::Owned(Map::new())),
        _ => Err(ClientError::not_object_payload()),
    }
}

/// The value of `key`; JSON `null` counts as absent.
#[inline]
pub fn get<'a>(obj: &'a Map, key: &str) -> Option<&'a Value> {
    obj.get(key).filter(|v| !v.is_null())
}

/// Whether the payload chooses the event's mode `key`: `"key": true`. Anything
/// else leaves the event's own shape, whose encoder checks the key's type.
pub fn chooses_mode(data: &Value, key: &str) -> bool {
    matches!(data.get(key), Some(Value::Bool(true)))
}

/// Whether the payload has `key` with any value but `null`: what chooses a mode
/// named after one of its own keys. Even an empty or wrong value chooses it, so
/// the mode's own checks refuse it rather than the event's other shape taking it.
pub fn gives(data: &Value, key: &str) -> bool {
    data.get(key).is_some_and(|v| !v.is_null())
}

/// Whether `key` is present for the purpose of "at least one of" groups:
/// not null, and not an empty string, array or object.
pub fn is_given(obj: &Map, key: &str) -> bool {
    match get(obj, key) {
        None => false,
        Some(Value::String(s)) => !s.is_empty(),
        Some(Value::Array(a)) => !a.is_empty(),
        Some(Value::Object(o)) => !o.is_empty(),
        Some(Value::Bool(b)) => *b,
        Some(_) => true,
    }
}

/// Text that XML can carry, at most `max_len` characters.
pub fn string<'a>(
    v: &'a Value,
    key: &Key<'_>,
    max_len: Option<usize>,
) -> Result<&'a str, ClientError> {
    let s = v
        .as_str()
        .ok_or_else(|| ClientError::wrong_type(key, "a string"))?;
    check_text(s, key, max_len)?;
    Ok(s)
}

/// Checks length (in characters) and XML-carriable characters of `s`.
pub fn check_text(s: &str, key: &Key<'_>, max_len: Option<usize>) -> Result<(), ClientError> {
    if let Some(max) = max_len
        && s.len() > max
        && s.chars().count() > max
    {
        return Err(ClientError::too_long(key, max));
    }
    if let Some(c) = first_non_xml_char(s) {
        return Err(ClientError::forbidden_char(key, c));
    }
    Ok(())
}

/// The first character XML 1.0 cannot carry. In a `&str` those are the C0 controls
/// other than tab, LF and CR, and U+FFFE/U+FFFF (`EF BF BE`/`EF BF BF`); the bytes are
/// searched eight at a time.
fn first_non_xml_char(s: &str) -> Option<char> {
    let bytes = s.as_bytes();
    let mut from = 0;
    loop {
        let at = scan(bytes, from, |w| bytes_control(w) | bytes_eq(w, 0xEF));
        let &b = bytes.get(at)?;
        if b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r') {
            return Some(char::from(b));
        }
        if b == 0xEF
            && bytes.get(at + 1) == Some(&0xBF)
            && let Some(&last @ (0xBE | 0xBF)) = bytes.get(at + 2)
        {
            return Some(if last == 0xBE { '\u{FFFE}' } else { '\u{FFFF}' });
        }
        from = at + 1;
    }
}

/// An integer in `min..=max` (a JSON number; strings are refused).
pub fn integer(v: &Value, key: &Key<'_>, min: i64, max: i64) -> Result<i64, ClientError> {
    v.as_i64()
        .filter(|n| (min..=max).contains(n))
        .ok_or_else(|| ClientError::integer_range(key, min, max))
}

pub fn boolean(v: &Value, key: &Key<'_>) -> Result<bool, ClientError> {
    v.as_bool()
        .ok_or_else(|| ClientError::wrong_type(key, "a boolean"))
}

pub fn object<'a>(v: &'a Value, key: &Key<'_>) -> Result<&'a Map, ClientError> {
    v.as_object()
        .ok_or_else(|| ClientError::wrong_type(key, "an object"))
}

/// An object, or a string standing for the object with only its `string_key`
/// (a pubsub item's plain-text body and its structured payloads share one key).
#[derive(Debug, Clone, Copy)]
pub enum ObjOrStr<'a> {
    Obj(&'a Map),
    Str(&'a str),
}

pub fn object_or_string<'a>(v: &'a Value, key: &Key<'_>) -> Result<ObjOrStr<'a>, ClientError> {
    match v {
        Value::Object(o) => Ok(ObjOrStr::Obj(o)),
        Value::String(s) => Ok(ObjOrStr::Str(s)),
        _ => Err(ClientError::wrong_type(key, "a string or an object")),
    }
}

/// Any JSON value, as the JSON text XEP-0335 carries.
pub fn json_text(v: &Value, key: &Key<'_>, max_len: Option<usize>) -> Result<String, ClientError> {
    let text = v.to_string();
    check_text(&text, key, max_len)?;
    Ok(text)
}

pub fn array<'a>(v: &'a Value, key: &Key<'_>) -> Result<&'a [Value], ClientError> {
    v.as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| ClientError::wrong_type(key, "an array"))
}

/// One of `values`, returned as the static spelling.
pub fn one_of(
    v: &Value,
    key: &Key<'_>,
    values: &'static [&'static str],
) -> Result<&'static str, ClientError> {
    let s = v
        .as_str()
        .ok_or_else(|| ClientError::wrong_type(key, "a string"))?;
    values
        .iter()
        .copied()
        .find(|candidate| *candidate == s)
        .ok_or_else(|| ClientError::invalid_value(key, values))
}

/// A bare or full JID, checked with the `jid` crate (nodeprep, nameprep,
/// resourceprep, length limits) and a strict domain check. The browser's
/// spelling is kept; servers normalise.
pub fn jid<'a>(v: &'a Value, key: &Key<'_>) -> Result<&'a str, ClientError> {
    let s = v
        .as_str()
        .ok_or_else(|| ClientError::wrong_type(key, "a string"))?;
    check_jid(s, key)?;
    Ok(s)
}

/// `local@domain/resource`: the local part through the `jid` crate's nodeprep,
/// the domain as a DNS name or IP literal, the resource as any printable text
/// (RFC 7622's OpaqueString: MUC nicknames may hold emoji, which RFC 6122's
/// stringprep tables predate).
fn check_jid(s: &str, key: &Key<'_>) -> Result<(), ClientError> {
    let (bare, resource) = match s.split_once('/') {
        Some((b, r)) => (b, Some(r)),
        None => (s, None),
    };
    let (local, domain) = match bare.split_once('@') {
        Some((l, d)) => (Some(l), d),
        None => (None, bare),
    };
    let local_ok = local.is_none_or(|l| !l.is_empty() && l.len() <= 1023 && is_node(l));
    let domain_ok = domain.len() <= 1023 && is_domain(domain);
    let resource_ok = resource.is_none_or(is_resource);
    if local_ok && domain_ok && resource_ok {
        Ok(())
    } else {
        Err(ClientError::invalid_jid(key))
    }
}

/// Nodeprep (RFC 6122) accepts the local part. Plain ASCII local parts made only of
/// characters nodeprep leaves as they are (lower-case letters, digits and the
/// punctuation it allows) are accepted without running the profile.
fn is_node(l: &str) -> bool {
    let unchanged = |b: u8| matches!(b, b'['..=b'~' | b'0'..=b'9' | b'('..=b'.' | b'#'..=b'%');
    l.bytes().all(unchanged) || jid::NodePart::new(l).is_ok()
}

/// Printable text of 1 to 1023 bytes, not only spaces.
fn is_resource(r: &str) -> bool {
    !r.is_empty() && r.len() <= 1023 && !r.chars().any(char::is_control) && !r.trim().is_empty()
}

/// A DNS name (letters of any script, digits, hyphens, dots) or an IP literal.
/// The `jid` crate lets through characters such as `'` and `<` that no
/// domain can hold.
fn is_domain(d: &str) -> bool {
    if let Some(inner) = d.strip_prefix('[').and_then(|r| r.strip_suffix(']')) {
        return inner.parse::<std::net::Ipv6Addr>().is_ok();
    }
    if d.is_ascii() {
        return is_ascii_domain(d.as_bytes());
    }
    is_domain_by_labels(d)
}

/// The general rule: dot-separated labels of letters (any script), digits and
/// inner hyphens. `is_ascii_domain` is the one-pass version for ASCII names.
fn is_domain_by_labels(d: &str) -> bool {
    !d.is_empty()
        && d.split('.').all(|label| {
            !label.is_empty()
                && !label.starts_with('-')
                && !label.ends_with('-')
                && label.chars().all(|c| c.is_alphanumeric() || c == '-')
        })
}

/// [`is_domain`] for ASCII names in one pass: labels of letters, digits and hyphens,
/// not empty and not starting or ending with a hyphen.
fn is_ascii_domain(d: &[u8]) -> bool {
    let mut label_start = true;
    let mut prev = b'.';
    for &b in d {
        let ok = match b {
            b'.' => !label_start && prev != b'-',
            b'-' => !label_start,
            _ => b.is_ascii_alphanumeric(),
        };
        if !ok {
            return false;
        }
        label_start = b == b'.';
        prev = b;
    }
    !label_start && prev != b'-'
}

/// A JID as the browser receives it, `{user?, domain, resource?}`, or a string;
/// used when an incoming payload is written back as XML (tests, tools).
pub fn jid_any<'a>(v: &'a Value, key: &Key<'_>) -> Result<std::borrow::Cow<'a, str>, ClientError> {
    match v {
        Value::Object(o) => {
            let part = |name: &str| -> Result<Option<&'a str>, ClientError> {
                match get(o, name) {
                    None => Ok(None),
                    Some(p) => p
                        .as_str()
                        .map(Some)
                        .ok_or_else(|| ClientError::wrong_type(key, "a JID object of strings")),
                }
            };
            let domain = part("domain")?.ok_or_else(|| ClientError::invalid_jid(key))?;
            let s = compose_jid(part("user")?, domain, part("resource")?);
            check_jid(&s, key)?;
            Ok(std::borrow::Cow::Owned(s))
        }
        _ => jid(v, key).map(std::borrow::Cow::Borrowed),
    }
}

/// A JID without a resource.
pub fn bare_jid<'a>(v: &'a Value, key: &Key<'_>) -> Result<&'a str, ClientError> {
    let s = jid(v, key)?;
    if s.contains('/') {
        return Err(ClientError::not_bare_jid(key));
    }
    Ok(s)
}

/// A JID resource, such as a MUC nickname.
pub fn resource<'a>(
    v: &'a Value,
    key: &Key<'_>,
    max_len: Option<usize>,
) -> Result<&'a str, ClientError> {
    let s = string(v, key, max_len)?;
    if !is_resource(s) {
        return Err(ClientError::invalid_resource(key));
    }
    Ok(s)
}

/// An XEP-0082 date-time.
pub fn datetime<'a>(v: &'a Value, key: &Key<'_>) -> Result<&'a str, ClientError> {
    let s = v
        .as_str()
        .ok_or_else(|| ClientError::wrong_type(key, "a string"))?;
    if crate::datetime::is_xep0082_datetime(s) {
        Ok(s)
    } else {
        Err(ClientError::invalid_datetime(key))
    }
}

/// `{lang: text}` pairs, in the object's order.
pub fn lang_map<'a>(
    v: &'a Value,
    key: &Key<'_>,
    max_len: Option<usize>,
) -> Result<Vec<(&'a str, &'a str)>, ClientError> {
    let obj = object(v, key)?;
    let mut out = Vec::with_capacity(obj.len());
    for (lang, text) in obj {
        check_text(lang, key, Some(64))?;
        if lang.is_empty() {
            return Err(ClientError::invalid_value(
                key,
                &["an object keyed by xml:lang tags"],
            ));
        }
        out.push((lang.as_str(), string(text, key, max_len)?));
    }
    Ok(out)
}

/// Joins the parts of a JID that several keys contribute to one attribute.
pub fn compose_jid(local: Option<&str>, domain_or_bare: &str, resource: Option<&str>) -> String {
    let mut s = String::with_capacity(domain_or_bare.len() + 32);
    if let Some(local) = local {
        s.push_str(local);
        s.push('@');
    }
    s.push_str(domain_or_bare);
    if let Some(r) = resource {
        s.push('/');
        s.push_str(r);
    }
    s
}

/// Largest raw XML payload accepted when a spec gives no `max_len`.
pub const RAW_XML_MAX: usize = 65_536;

/// One well-formed XML element, parsed so it can be copied into the stanza
/// (never pasted as text).
pub fn raw_xml(
    v: &Value,
    key: &Key<'_>,
    max_len: Option<usize>,
) -> Result<crate::xml::Tree, ClientError> {
    let s = v
        .as_str()
        .ok_or_else(|| ClientError::wrong_type(key, "a string"))?;
    let max = max_len.unwrap_or(RAW_XML_MAX);
    if s.len() > max && s.chars().count() > max {
        return Err(ClientError::too_long(key, max));
    }
    let limits = crate::xml::Limits {
        max_bytes: s.len(),
        ..crate::xml::Limits::default()
    };
    crate::xml::Tree::parse(s, "", &limits).map_err(|_| ClientError::invalid_xml(key))
}

/// An XML local name (for elements whose name is data, e.g. error conditions).
pub fn xml_name<'a>(v: &'a Value, key: &Key<'_>) -> Result<&'a str, ClientError> {
    let s = v
        .as_str()
        .ok_or_else(|| ClientError::wrong_type(key, "a string"))?;
    let ok = s
        .chars()
        .enumerate()
        .all(|(i, c)| c.is_alphanumeric() || c == '_' || (i > 0 && (c == '-' || c == '.')));
    if s.is_empty() || !ok {
        return Err(ClientError::invalid_value(key, &["an XML element name"]));
    }
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::is_xml_char;

    #[test]
    fn non_xml_chars_are_found_like_a_char_scan() {
        let mut samples: Vec<String> = (0u32..0x80)
            .filter_map(char::from_u32)
            .map(|c| format!("abcdefghij{c}klm"))
            .collect();
        for s in [
            "",
            "plain text",
            "\u{FFFE}",
            "x\u{FFFF}",
            "\u{FFFD}\u{FEFF}\u{F000}\u{FF21}\u{EFFF}",
            "tab\tlf\ncr\r",
            "long enough to take the word path \u{1}",
            "😀👩‍👩‍👧 ünïcödé \u{FFFE} later \u{0}",
        ] {
            samples.push(s.to_owned());
        }
        for s in &samples {
            let want = s.chars().find(|&c| !is_xml_char(c));
            assert_eq!(first_non_xml_char(s), want, "{s:?}");
        }
    }

    #[test]
    fn plain_local_parts_are_what_nodeprep_accepts() {
        for b in 0u8..0x80 {
            let l = format!("ab{}cd", char::from(b));
            assert_eq!(is_node(&l), jid::NodePart::new(&l).is_ok(), "{l:?}");
        }
        for l in [
            "juliet",
            "Juliet",
            "j.u-l_i+e~t",
            "ünï",
            "a b",
            "a@b",
            "a'b",
            "a\"b",
        ] {
            assert_eq!(is_node(l), jid::NodePart::new(l).is_ok(), "{l:?}");
        }
    }

    #[test]
    fn ascii_domains_follow_the_general_rule() {
        let general = is_domain_by_labels;
        for d in [
            "",
            ".",
            "a",
            "a.b",
            "a..b",
            ".a",
            "a.",
            "-a",
            "a-",
            "a-b.c-d",
            "a.-b",
            "a-.b",
            "capulet.lit",
            "xn--bcher-kva.example",
            "a_b",
            "a b",
            "a'b",
            "a<b",
            "1.2.3.4",
            "-",
            "--",
        ] {
            assert_eq!(is_ascii_domain(d.as_bytes()), general(d), "{d:?}");
            assert_eq!(is_domain(d), general(d), "{d:?}");
        }
    }
}
