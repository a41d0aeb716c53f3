//! The browser side of the wire: one JSON object per WebSocket text frame.
//!
//! - browser → gateway: `{"event": "xmpp.chat.message", "data": {...}, "ack": 7}`,
//!   `ack` present when the browser wants its callback called;
//! - gateway → browser: `{"event": "...", "data": {...}}`, with `"ack": n` when the
//!   gateway wants an answer, which comes back as `{"ack": n, "error": ..., "data": ...}`;
//! - callbacks: `{"ack": 7, "error": null | {...}, "data": ...}` (+ `"rsm"`).
//!
//! Documented in `docs/protocol.md`.

use serde_json::{Map, Value};

/// What the browser sent.
#[derive(Debug, Clone, PartialEq)]
pub enum Frame {
    /// An event, with the callback id when the browser passed a callback.
    Event {
        name: String,
        data: Value,
        ack: Option<u64>,
    },
    /// The browser's answer to an event the gateway sent with an `ack`.
    Answer { ack: u64, error: Value, data: Value },
}

/// Why a frame could not be read; the text goes back as a client error.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameError(pub String);

/// Reads one text frame.
pub fn parse(text: &str) -> Result<Frame, FrameError> {
    let value: Value = serde_json::from_str(text)
        .map_err(|e| FrameError(format!("Malformed frame: not JSON ({e})")))?;
    let Value::Object(mut obj) = value else {
        return Err(FrameError("Malformed frame: expected a JSON object".into()));
    };
    let ack = match obj.remove("ack") {
        None | Some(Value::Null) => None,
        Some(v) => Some(v.as_u64().ok_or_else(|| {
            FrameError("Malformed frame: 'ack' must be a non-negative integer".into())
        })?),
    };
    match obj.remove("event") {
        Some(Value::String(name)) if !name.is_empty() => Ok(Frame::Event {
            name,
            data: obj.remove("data").unwrap_or(Value::Null),
            ack,
        }),
        Some(_) => Err(FrameError(
            "Malformed frame: 'event' must be a non-empty string".into(),
        )),
        None => match ack {
            Some(ack) => Ok(Frame::Answer {
                ack,
                error: obj.remove("error").unwrap_or(Value::Null),
                data: obj.remove("data").unwrap_or(Value::Null),
            }),
            None => Err(FrameError(
                "Malformed frame: no 'event' and no 'ack'".into(),
            )),
        },
    }
}

fn quoted(s: &str) -> String {
    Value::String(s.to_owned()).to_string()
}

/// `{"event": name, "data": data}`, `data` being JSON text from the registry.
pub fn event(name: &str, data_json: &str) -> String {
    format!("{{\"event\":{},\"data\":{data_json}}}", quoted(name))
}

/// `{"event": name, "data": data, "ack": n}`: an event the browser answers with
/// `{"ack": n, "error", "data"}`.
pub fn event_with_ack(name: &str, data_json: &str, ack: u64) -> String {
    format!(
        "{{\"event\":{},\"data\":{data_json},\"ack\":{ack}}}",
        quoted(name)
    )
}

/// `{"ack": n, "error": error, "data": data}` (+ `"rsm"`), all JSON text.
pub fn callback(ack: u64, error_json: &str, data_json: &str, rsm_json: Option<&str>) -> String {
    match rsm_json {
        Some(rsm) => {
            format!("{{\"ack\":{ack},\"error\":{error_json},\"data\":{data_json},\"rsm\":{rsm}}}")
        }
        None => format!("{{\"ack\":{ack},\"error\":{error_json},\"data\":{data_json}}}"),
    }
}

/// XMPP-FTW's client-error object: `{type: "modify", condition: "client-error",
/// description, request}`.
pub fn client_error(description: &str, request: &Value) -> Value {
    let mut m = Map::new();
    m.insert("type".into(), Value::from("modify"));
    m.insert("condition".into(), Value::from("client-error"));
    m.insert("description".into(), Value::from(description));
    m.insert("request".into(), request.clone());
    Value::Object(m)
}

/// Where a client error goes: the callback when the browser gave one, else the
/// `xmpp.error.client` event. (The original sometimes used the event even with
/// a callback; see `docs/compatibility.md`.)
pub fn refuse(ack: Option<u64>, description: &str, request: &Value) -> String {
    let error = client_error(description, request).to_string();
    match ack {
        Some(ack) => callback(ack, &error, "null", None),
        None => event("xmpp.error.client", &error),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn reads_events_with_and_without_callbacks() {
        assert_eq!(
            parse(r#"{"event":"xmpp.chat.message","data":{"to":"a@b"},"ack":7}"#),
            Ok(Frame::Event {
                name: "xmpp.chat.message".into(),
                data: json!({"to": "a@b"}),
                ack: Some(7)
            })
        );
        assert_eq!(
            parse(r#"{"event":"xmpp.logout"}"#),
            Ok(Frame::Event {
                name: "xmpp.logout".into(),
                data: Value::Null,
                ack: None
            })
        );
    }

    #[test]
    fn reads_answers_to_gateway_acks() {
        assert_eq!(
            parse(r#"{"ack":3,"error":null,"data":[1]}"#),
            Ok(Frame::Answer {
                ack: 3,
                error: Value::Null,
                data: json!([1])
            })
        );
    }

    #[test]
    fn refuses_malformed_frames_with_a_reason() {
        for (text, why) in [
            ("nope", "not JSON"),
            ("[1,2]", "expected a JSON object"),
            (r#"{"event":5}"#, "'event' must be a non-empty string"),
            (
                r#"{"event":"x","ack":-1}"#,
                "'ack' must be a non-negative integer",
            ),
            (
                r#"{"event":"x","ack":"7"}"#,
                "'ack' must be a non-negative integer",
            ),
            (r#"{"data":{}}"#, "no 'event' and no 'ack'"),
        ] {
            let err = parse(text).expect_err(text);
            assert!(err.0.contains(why), "{text}: {}", err.0);
        }
    }

    #[test]
    fn writes_frames_that_parse_back() {
        let e: Value = serde_json::from_str(&event("a\"b", r#"{"x":1}"#)).expect("JSON");
        assert_eq!(e, json!({"event": "a\"b", "data": {"x": 1}}));
        let asked: Value =
            serde_json::from_str(&event_with_ack("a\"b", r#"{"x":1}"#, 3)).expect("JSON");
        assert_eq!(asked, json!({"event": "a\"b", "data": {"x": 1}, "ack": 3}));
        let c: Value = serde_json::from_str(&callback(9, "null", "true", Some(r#"{"count":2}"#)))
            .expect("JSON");
        assert_eq!(
            c,
            json!({"ack": 9, "error": null, "data": true, "rsm": {"count": 2}})
        );
    }

    #[test]
    fn client_errors_go_to_the_callback_when_there_is_one() {
        let req = json!({"content": "hi"});
        let with: Value =
            serde_json::from_str(&refuse(Some(4), "Missing 'to' key", &req)).expect("JSON");
        assert_eq!(
            with,
            json!({"ack": 4, "data": null, "error": {
                "type": "modify", "condition": "client-error",
                "description": "Missing 'to' key", "request": {"content": "hi"}}})
        );
        let without: Value =
            serde_json::from_str(&refuse(None, "Missing 'to' key", &req)).expect("JSON");
        assert_eq!(without["event"], "xmpp.error.client");
        assert_eq!(without["data"]["description"], "Missing 'to' key");
    }
}
