//! Client errors: what the browser gets back when a payload is refused.
//!
//! Every message text lives here, so wording stays consistent with the original
//! XMPP-FTW (`Missing 'to' key`, `Missing callback`) and tests can assert it exactly.

use std::fmt;

/// A payload the gateway refuses to translate. The gateway wraps it as
/// `{type: "modify", condition: "client-error", description, request}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ClientError {
    pub description: String,
}

impl ClientError {
    pub fn new(description: impl Into<String>) -> Self {
        ClientError {
            description: description.into(),
        }
    }

    pub fn missing_key(key: impl fmt::Display) -> Self {
        Self::new(format!("Missing '{key}' key"))
    }

    pub fn missing_callback() -> Self {
        Self::new("Missing callback")
    }

    pub fn not_object_payload() -> Self {
        Self::new("Payload must be a JSON object")
    }

    pub fn unknown_event(name: &str) -> Self {
        Self::new(format!("Unknown event '{name}'"))
    }

    /// `'<key>' must be <what>`, e.g. "a string", "an array".
    pub fn wrong_type(key: impl fmt::Display, what: &str) -> Self {
        Self::new(format!("'{key}' must be {what}"))
    }

    pub fn integer_range(key: impl fmt::Display, min: i64, max: i64) -> Self {
        if min == i64::MIN && max == i64::MAX {
            Self::wrong_type(key, "an integer")
        } else {
            Self::new(format!("'{key}' must be an integer from {min} to {max}"))
        }
    }

    pub fn invalid_value(key: impl fmt::Display, values: &[&str]) -> Self {
        Self::new(format!(
            "Invalid '{key}' value: expected one of {}",
            values.join(", ")
        ))
    }

    pub fn too_long(key: impl fmt::Display, max: usize) -> Self {
        Self::new(format!("'{key}' is longer than {max} characters"))
    }

    pub fn forbidden_char(key: impl fmt::Display, c: char) -> Self {
        Self::new(format!(
            "'{key}' contains a character XML cannot carry (U+{:04X})",
            c as u32
        ))
    }

    pub fn invalid_jid(key: impl fmt::Display) -> Self {
        Self::new(format!("'{key}' is not a valid JID"))
    }

    pub fn not_bare_jid(key: impl fmt::Display) -> Self {
        Self::new(format!("'{key}' must be a bare JID"))
    }

    pub fn invalid_resource(key: impl fmt::Display) -> Self {
        Self::new(format!("'{key}' is not a valid resource"))
    }

    pub fn invalid_datetime(key: impl fmt::Display) -> Self {
        Self::new(format!("'{key}' is not an XEP-0082 date-time"))
    }

    pub fn invalid_xhtml() -> Self {
        Self::new("Can not parse XHTML message")
    }

    pub fn invalid_xml(key: impl fmt::Display) -> Self {
        Self::new(format!("'{key}' is not a well-formed XML element"))
    }

    pub fn excluded_namespace(key: impl fmt::Display, ns: &str) -> Self {
        Self::new(format!("'{key}' may not be in namespace {ns}"))
    }

    /// Two keys of which a payload may give at most one (a spec's `exclusive`).
    pub fn exclusive(first: &str, second: &str) -> Self {
        Self::new(format!("'{first}' and '{second}' cannot be given together"))
    }

    pub fn not_in_room() -> Self {
        Self::new("Not registered with this room")
    }
}

impl fmt::Display for ClientError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.description)
    }
}

impl std::error::Error for ClientError {}
