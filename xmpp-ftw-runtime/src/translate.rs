//! What the generated registry hands to the gateway: stanzas to send, events to
//! emit, and how to answer the browser's callback.

use crate::xml::{Elem, NS_CLIENT, XmlWriter};

/// A stanza written by a generated encoder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Encoded {
    pub xml: String,
    /// The stanza's `id` attribute.
    pub id: String,
    /// The stanza's `to` attribute, if any (IQ replies must come from there).
    pub to: Option<String>,
}

/// An outgoing event, translated.
#[derive(Debug)]
pub struct Outgoing {
    pub event: &'static str,
    pub stanza: Encoded,
    /// What the browser's callback gets once the stanza is sent.
    pub reply: Reply,
}

#[derive(Debug)]
pub enum Reply {
    /// No callback data (fire and forget).
    Nothing,
    /// `callback(null, true)`.
    True,
    /// `callback(null, {id})` with the stanza id.
    StanzaId,
    /// Wait for the IQ reply with this id.
    Iq(PendingIq),
}

/// An IQ request waiting for its reply.
#[derive(Debug, Clone, Copy)]
pub struct PendingIq {
    /// Decodes a `type='result'` reply into the callback's data (JSON text).
    pub decode_result: fn(Elem<'_>) -> String,
    /// Decodes an `<error/>` element into the stanza error object (JSON text).
    pub decode_error: fn(Elem<'_>) -> String,
    /// Decodes the callback's third argument (XEP-0059 result set) from a
    /// successful reply, for events whose spec says where it is (`result.rsm`).
    pub decode_rsm: Option<fn(Elem<'_>) -> String>,
    /// Decodes the application error a `type='result'` reply may carry instead of
    /// data (an XML-RPC fault; `result.error`): `Some` makes it the callback's error.
    pub decode_fault: Option<fn(Elem<'_>) -> Option<String>>,
}

/// The callback's arguments for an IQ reply.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IqAnswer {
    /// `callback(null, data[, rsm])`, as JSON text; `rsm` for events with
    /// `result.rsm` (`{}` when the reply carries no result set).
    Data { data: String, rsm: Option<String> },
    /// `callback(error)`, the stanza error as JSON text.
    Error(String),
}

impl PendingIq {
    /// Turns the reply stanza into the callback's arguments. An error reply
    /// without an `<error/>` element (a broken server) gives an empty error
    /// object: still an error, with nothing more known. A result carrying an
    /// application error (`decode_fault`) is an error too.
    pub fn answer(&self, reply: Elem<'_>) -> IqAnswer {
        if reply.attr("type") == Some("error") {
            match reply.child(NS_CLIENT, "error") {
                Some(e) => IqAnswer::Error((self.decode_error)(e)),
                None => IqAnswer::Error("{}".to_owned()),
            }
        } else if let Some(fault) = self.decode_fault.and_then(|decode| decode(reply)) {
            IqAnswer::Error(fault)
        } else {
            IqAnswer::Data {
                data: (self.decode_result)(reply),
                rsm: self.decode_rsm.map(|decode| decode(reply)),
            }
        }
    }
}

/// An incoming stanza, translated.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incoming {
    pub event: &'static str,
    /// The payload as JSON text.
    pub data: String,
    /// A stanza to send back at once (the result acknowledging an IQ set).
    pub reply: Option<String>,
    /// For events the browser answers: how its answer becomes an outgoing event.
    pub answer: Option<Answer>,
}

/// What the gateway keeps to turn the browser's answer to an incoming event into
/// the outgoing event its spec names (`answer` in the spec language): no stanza,
/// only the values the answer needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answer {
    /// The outgoing event that sends the answer.
    pub event: &'static str,
    /// Its key that takes the browser's answer data.
    pub key: &'static str,
    /// Keys of the answer's payload, copied from the incoming payload.
    pub copied: serde_json::Map<String, serde_json::Value>,
}

impl Answer {
    /// Copies `(answer key, incoming key)` pairs out of the incoming payload `data`
    /// (JSON text). Absent or `null` values are left out, so the answer event's own
    /// checks report them; a JID the browser receives as an object is copied as its
    /// string, which is what outgoing events take.
    pub fn new(
        event: &'static str,
        key: &'static str,
        data: &str,
        copy: &[(&'static str, &'static str)],
    ) -> Answer {
        let payload: serde_json::Value = serde_json::from_str(data).unwrap_or_default();
        let mut copied = serde_json::Map::new();
        for (to, from) in copy {
            let value = match payload.get(from) {
                None | Some(serde_json::Value::Null) => continue,
                Some(v @ serde_json::Value::Object(_)) => {
                    match crate::json_in::jid_any(v, &crate::json_in::Key::root(from)) {
                        Ok(jid) => serde_json::Value::String(jid.into_owned()),
                        Err(_) => v.clone(),
                    }
                }
                Some(v) => v.clone(),
            };
            copied.insert((*to).to_owned(), value);
        }
        Answer { event, key, copied }
    }

    /// The answer event's payload: the copied keys, and the browser's `data` under
    /// [`Answer::key`].
    pub fn payload(&self, data: serde_json::Value) -> serde_json::Value {
        let mut payload = self.copied.clone();
        payload.insert(self.key.to_owned(), data);
        serde_json::Value::Object(payload)
    }
}

/// `<iq type='result' id=… to=…/>` acknowledging `request`.
pub fn iq_result_for(request: Elem<'_>) -> String {
    let mut w = XmlWriter::new(NS_CLIENT);
    w.start("iq", NS_CLIENT);
    w.attr("type", "result");
    if let Some(id) = request.attr("id") {
        w.attr("id", id);
    }
    if let Some(from) = request.attr("from") {
        w.attr("to", from);
    }
    w.end();
    w.into_string()
}
