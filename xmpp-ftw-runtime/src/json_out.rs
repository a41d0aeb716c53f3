//! Writing event payloads as JSON text, straight from the stanza tree: no
//! intermediate `Value`, strings escaped by serde_json.

/// An append-only JSON text writer. Commas are placed automatically.
#[derive(Debug, Default)]
pub struct JsonWriter {
    buf: Vec<u8>,
    need_comma: bool,
}

impl JsonWriter {
    pub fn new() -> Self {
        JsonWriter {
            buf: Vec::with_capacity(256),
            need_comma: false,
        }
    }

    #[inline]
    fn comma(&mut self) {
        if self.need_comma {
            self.buf.push(b',');
        }
    }

    pub fn begin_object(&mut self) {
        self.comma();
        self.buf.push(b'{');
        self.need_comma = false;
    }

    pub fn end_object(&mut self) {
        self.buf.push(b'}');
        self.need_comma = true;
    }

    pub fn begin_array(&mut self) {
        self.comma();
        self.buf.push(b'[');
        self.need_comma = false;
    }

    pub fn end_array(&mut self) {
        self.buf.push(b']');
        self.need_comma = true;
    }

    /// A point to come back to, when a value turns out to be unusable after its
    /// key was written (an object missing a required member).
    pub fn mark(&self) -> (usize, bool) {
        (self.buf.len(), self.need_comma)
    }

    pub fn rollback(&mut self, mark: (usize, bool)) {
        self.buf.truncate(mark.0);
        self.need_comma = mark.1;
    }

    /// Starts a member of the current object; the value must follow.
    pub fn key(&mut self, key: &str) {
        self.comma();
        self.escaped(key);
        self.buf.push(b':');
        self.need_comma = false;
    }

    pub fn string(&mut self, s: &str) {
        self.comma();
        self.escaped(s);
        self.need_comma = true;
    }

    pub fn integer(&mut self, n: i64) {
        self.comma();
        self.buf.extend_from_slice(itoa_buf(n).as_bytes());
        self.need_comma = true;
    }

    pub fn boolean(&mut self, b: bool) {
        self.comma();
        self.buf
            .extend_from_slice(if b { b"true" } else { b"false" });
        self.need_comma = true;
    }

    /// A value that is already JSON text (spec defaults, generated as literals).
    pub fn raw(&mut self, json: &str) {
        self.comma();
        self.buf.extend_from_slice(json.as_bytes());
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

    fn escaped(&mut self, s: &str) {
        // Writing to a Vec cannot fail; serde_json only fails on I/O errors.
        let _ = serde_json::to_writer(&mut self.buf, s);
    }

    pub fn finish(self) -> String {
        String::from_utf8(self.buf)
            .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
    }
}

fn itoa_buf(n: i64) -> String {
    n.to_string()
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
    fn splits_jids_without_local_part() {
        let p = split_jid("capulet.lit/res");
        assert_eq!(p.local, None);
        assert_eq!(p.domain, "capulet.lit");
        assert_eq!(p.resource, Some("res"));
        assert_eq!(p.bare("capulet.lit/res"), "capulet.lit");
    }
}
