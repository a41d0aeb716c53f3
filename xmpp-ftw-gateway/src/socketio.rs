//! The Socket.IO v4 transport (`/socket.io/`, WebSocket and HTTP long-polling, on
//! socketioxide), so code written for the original XMPP-FTW with the standard
//! `socket.io-client` works unchanged: `socket.emit('xmpp.roster.get', {}, (error,
//! data, rsm) => …)`, `socket.on('xmpp.chat.message', data => …)`.
//!
//! It is a transport like the WebSocket one: [`port`] turns a Socket.IO socket into
//! the session's [`Port`], so both endpoints share one session core. Browser events
//! become the frames `/ws` would carry (Socket.IO acks get transport-local ack ids);
//! the session's frames become emits, ack answers and emits with an ack.

use crate::session::{
    ANSWER_TIMEOUT, IN_QUEUE, Inbound, Inbox, MAX_PENDING_ANSWERS, OUT_QUEUE, Outbound, Port,
};
use serde_json::{Value, json};
use socketioxide::adapter::LocalAdapter;
use socketioxide::extract::{AckSender, Event, SocketRef, TryData};
use socketioxide::handler::FromMessageParts;
use socketioxide::socket::Socket;
use std::collections::HashMap;
use std::convert::Infallible;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use tokio::sync::mpsc;
use tracing::debug;

/// Whether the client passed a callback (Socket.IO only tells through the ack id,
/// which [`AckSender`] keeps to itself; the callback rules need to know).
struct WantsAck(bool);

impl FromMessageParts<LocalAdapter> for WantsAck {
    type Error = Infallible;

    fn from_message_parts(
        _: &Arc<Socket<LocalAdapter>>,
        _: &mut socketioxide::handler::Value,
        ack_id: &Option<i64>,
    ) -> Result<Self, Infallible> {
        Ok(WantsAck(ack_id.is_some()))
    }
}

/// Every argument of a Socket.IO acknowledgement. socketioxide hands a type that
/// does not deserialize as a tuple only the first argument; this one asks for a
/// tuple and takes whatever length comes.
#[derive(Debug)]
struct AckArgs(Vec<Value>);

impl<'de> serde::Deserialize<'de> for AckArgs {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Args;
        impl<'de> serde::de::Visitor<'de> for Args {
            type Value = AckArgs;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("acknowledgement arguments")
            }
            fn visit_seq<S: serde::de::SeqAccess<'de>>(
                self,
                mut seq: S,
            ) -> Result<AckArgs, S::Error> {
                let mut args = Vec::new();
                while let Some(arg) = seq.next_element::<Value>()? {
                    args.push(arg);
                }
                Ok(AckArgs(args))
            }
        }
        d.deserialize_tuple(usize::MAX, Args)
    }
}

/// The session's answer frame for the acknowledgement arguments of the event sent
/// with `ack`: `(error, data)`, as this gateway's callbacks are; one argument is the
/// data alone, as the original XMPP-FTW's clients call it (`callback(fields)`).
fn answer_frame(ack: u64, mut args: Vec<Value>) -> Value {
    let (error, data) = match args.len() {
        0 => (Value::Null, Value::Null),
        1 => (Value::Null, args.remove(0)),
        _ => {
            let error = args.remove(0);
            (error, args.remove(0))
        }
    };
    json!({ "ack": ack, "error": error, "data": data })
}

/// The callbacks the client is waiting for, by the ack id the session knows them by.
#[derive(Default)]
struct Callbacks {
    next: AtomicU64,
    waiting: Mutex<HashMap<u64, AckSender>>,
}

impl Callbacks {
    fn waiting(&self) -> std::sync::MutexGuard<'_, HashMap<u64, AckSender>> {
        self.waiting
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// The session's port for a freshly connected Socket.IO socket.
pub fn port(socket: &SocketRef) -> Port {
    let (in_tx, inbox) = mpsc::channel(IN_QUEUE);
    let (out, out_rx) = mpsc::channel(OUT_QUEUE);
    let callbacks = Arc::new(Callbacks::default());

    let events = in_tx.clone();
    let waiting = callbacks.clone();
    socket.on_fallback(
        async move |Event(name): Event,
                    TryData(data): TryData<Value>,
                    WantsAck(wants): WantsAck,
                    ack: AckSender| {
            let mut frame = json!({ "event": name, "data": data.unwrap_or(Value::Null) });
            if wants {
                let id = waiting.next.fetch_add(1, Ordering::Relaxed);
                waiting.waiting().insert(id, ack);
                frame["ack"] = Value::from(id);
            }
            // A full inbox makes this handler wait: backpressure on the client.
            let _ = events.send(Inbound::Text(frame.to_string())).await;
        },
    );
    let gone = in_tx.clone();
    socket.on_disconnect(async move || {
        let _ = gone.send(Inbound::Gone).await;
    });
    tokio::spawn(emit_frames(socket.clone(), out_rx, callbacks, in_tx));
    Port {
        inbox: Inbox::Queue(inbox),
        out,
    }
}

/// Turns the session's frames into Socket.IO packets until the session lets go.
async fn emit_frames(
    socket: SocketRef,
    mut frames: mpsc::Receiver<Outbound>,
    callbacks: Arc<Callbacks>,
    answers: mpsc::Sender<Inbound>,
) {
    // Acknowledgements waited on, as many as the session keeps answerable events:
    // past that the oldest wait is dropped, as the session forgets its event.
    let mut waiting: std::collections::VecDeque<tokio::task::JoinHandle<()>> =
        std::collections::VecDeque::new();
    while let Some(out) = frames.recv().await {
        let text = match out {
            Outbound::Text(text) => text,
            Outbound::Close(..) => break,
        };
        let Ok(Value::Object(mut frame)) = serde_json::from_str::<Value>(&text) else {
            continue;
        };
        let data = frame.remove("data").unwrap_or(Value::Null);
        let ack = frame.get("ack").and_then(Value::as_u64);
        let sent = match (frame.get("event").and_then(Value::as_str), ack) {
            // An event the browser must answer: its answer comes back as an ack frame.
            // A person may take a while, so the acknowledgement waits as long as the
            // session keeps the event (not Socket.IO's default 5 s).
            (Some(event), Some(ack)) => match socket
                .timeout(ANSWER_TIMEOUT)
                .emit_with_ack::<_, AckArgs>(event, &data)
            {
                Ok(stream) => {
                    let answers = answers.clone();
                    waiting.retain(|task| !task.is_finished());
                    if waiting.len() >= MAX_PENDING_ANSWERS
                        && let Some(oldest) = waiting.pop_front()
                    {
                        oldest.abort();
                    }
                    waiting.push_back(tokio::spawn(async move {
                        let Ok(AckArgs(args)) = stream.await else {
                            return;
                        };
                        let answer = answer_frame(ack, args);
                        let _ = answers.send(Inbound::Text(answer.to_string())).await;
                    }));
                    Ok(())
                }
                Err(e) => Err(e.to_string()),
            },
            (Some(event), None) => socket.emit(event, &data).map_err(|e| e.to_string()),
            (None, Some(ack)) => {
                let error = frame.remove("error").unwrap_or(Value::Null);
                let sender = callbacks.waiting().remove(&ack);
                match (sender, frame.remove("rsm")) {
                    (Some(sender), Some(rsm)) => {
                        sender.send(&(error, data, rsm)).map_err(|e| e.to_string())
                    }
                    (Some(sender), None) => sender.send(&(error, data)).map_err(|e| e.to_string()),
                    (None, _) => Ok(()),
                }
            }
            (None, None) => Ok(()),
        };
        if let Err(e) = sent {
            debug!(error = %e, "Socket.IO client gone");
            break;
        }
    }
    for task in waiting {
        task.abort();
    }
    let _ = socket.disconnect();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_argument_is_the_answer_two_are_error_and_data() {
        let fields = json!([{"var": "pubsub#allow", "value": true}]);
        assert_eq!(
            answer_frame(3, vec![fields.clone()]),
            json!({"ack": 3, "error": null, "data": fields})
        );
        assert_eq!(
            answer_frame(3, vec![Value::Null, fields.clone()]),
            json!({"ack": 3, "error": null, "data": fields})
        );
        assert_eq!(
            answer_frame(4, vec![json!("no"), Value::Null]),
            json!({"ack": 4, "error": "no", "data": null})
        );
        assert_eq!(
            answer_frame(5, Vec::new()),
            json!({"ack": 5, "error": null, "data": null})
        );
    }
}
