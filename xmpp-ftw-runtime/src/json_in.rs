//! Reading browser payloads: typed access to `serde_json` values that turns every
//! mismatch into the exact [`ClientError`] the browser sees. Generated encoders
//! call these; `key` is the dotted key path used in messages (`history.since`).

use crate::error::ClientError;
use crate::xml::is_xml_char;
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
pub fn string<'a>(v: &'a Value, key: &Key<'_>, max_len: Option<usize>) -> Result<&'a str, ClientError> {
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
    if let Some(c) = s.chars().find(|&c| !is_xml_char(c)) {
        return Err(ClientError::forbidden_char(key, c));
    }
    Ok(())
}

/// An integer in `min..=max`. Numeric strings are accepted too, as the original
/// project's clients often send them (`"priority": "10"`).
pub fn integer(v: &Value, key: &Key<'_>, min: i64, max: i64) -> Result<i64, ClientError> {
    let n = match v {
        Value::Number(n) => n.as_i64(),
        Value::String(s) => s.trim().parse::<i64>().ok(),
        _ => None,
    };
    n.filter(|n| (min..=max).contains(n))
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

pub fn array<'a>(v: &'a Value, key: &Key<'_>) -> Result<&'a [Value], ClientError> {
    v.as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| ClientError::wrong_type(key, "an array"))
}

/// One of `values`, returned as the static spelling.
pub fn one_of(v: &Value, key: &Key<'_>, values: &'static [&'static str]) -> Result<&'static str, ClientError> {
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
/// resourceprep, length limits). The browser's spelling is kept; servers normalise.
pub fn jid<'a>(v: &'a Value, key: &Key<'_>) -> Result<&'a str, ClientError> {
    let s = v
        .as_str()
        .ok_or_else(|| ClientError::wrong_type(key, "a string"))?;
    jid::Jid::new(s).map_err(|_| ClientError::invalid_jid(key))?;
    Ok(s)
}

/// A JID without a resource.
pub fn bare_jid<'a>(v: &'a Value, key: &Key<'_>) -> Result<&'a str, ClientError> {
    let s = jid(v, key)?;
    match jid::Jid::new(s) {
        Ok(j) if j.resource().is_none() => Ok(s),
        _ => Err(ClientError::not_bare_jid(key)),
    }
}

/// A JID resource, such as a MUC nickname.
pub fn resource<'a>(v: &'a Value, key: &Key<'_>, max_len: Option<usize>) -> Result<&'a str, ClientError> {
    let s = v
        .as_str()
        .ok_or_else(|| ClientError::wrong_type(key, "a string"))?;
    check_text(s, key, max_len)?;
    jid::ResourcePart::new(s).map_err(|_| ClientError::invalid_resource(key))?;
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
            return Err(ClientError::invalid_value(key, &["an object keyed by xml:lang tags"]));
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
pub fn raw_xml(v: &Value, key: &Key<'_>, max_len: Option<usize>) -> Result<crate::xml::Tree, ClientError> {
    let s = v
        .as_str()
        .ok_or_else(|| ClientError::wrong_type(key, "a string"))?;
    let max = max_len.unwrap_or(RAW_XML_MAX);
    if s.len() > max {
        return Err(ClientError::too_long(key, max));
    }
    let limits = crate::xml::Limits {
        max_bytes: max,
        ..crate::xml::Limits::default()
    };
    crate::xml::Tree::parse(s, "", &limits).map_err(|_| ClientError::invalid_xml(key))
}

/// An XML local name (for elements whose name is data, e.g. error conditions).
pub fn xml_name<'a>(v: &'a Value, key: &Key<'_>) -> Result<&'a str, ClientError> {
    let s = v
        .as_str()
        .ok_or_else(|| ClientError::wrong_type(key, "a string"))?;
    let ok = s.chars().enumerate().all(|(i, c)| {
        c.is_alphanumeric() || c == '_' || (i > 0 && (c == '-' || c == '.'))
    });
    if s.is_empty() || !ok {
        return Err(ClientError::invalid_value(key, &["an XML element name"]));
    }
    Ok(s)
}
