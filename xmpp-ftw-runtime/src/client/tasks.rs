//! The reader and writer tasks behind [`Connection::into_channels`].
//!
//! The two halves of the socket are owned by one task each. They tell each other when
//! they stop, through one-shot channels:
//!
//! - the writer, when the session's sender is dropped (it has written
//!   `</stream:stream>`; the reader then waits a little for the server's own closing
//!   tag) or when a write failed (the reader stops at once);
//! - the reader, when the stream is over for any reason (the writer then closes the
//!   stream, with a `<stream:error/>` first if the server sent something unreadable).
//!
//! The socket is closed when both halves are dropped, that is when both tasks ended.

use std::time::Duration;

use tokio::io::{AsyncWriteExt, ReadHalf, WriteHalf};
use tokio::sync::{mpsc, oneshot};
use tokio::time::Instant;

use super::negotiate::{STREAM_CLOSE, is_stanza, stream_error};
use super::tls::Transport;
use super::{ClientEvent, CloseReason, Connection, NS_STREAM_ERRORS};
use crate::stream::{NS_STREAM, StreamElement, StreamEvent, StreamReader};
use crate::xml::XmlWriter;

/// Idle time after which the writer sends a whitespace keepalive (RFC 6120 §4.6.1).
const KEEPALIVE: Duration = Duration::from_secs(60);
/// How long the reader waits for the server's `</stream:stream>` after ours.
const CLOSE_GRACE: Duration = Duration::from_secs(5);
/// Longest time spent writing the closing tag to a server that does not read.
const CLOSE_WRITE_TIMEOUT: Duration = Duration::from_secs(5);

/// Why the writer stopped.
enum WriterDone {
    /// The sender was dropped; `</stream:stream>` is written.
    LoggedOut,
    /// Writing failed.
    Failed(String),
}

/// The reader stopped; the stream error condition to send before closing, if any.
struct ReaderDone {
    condition: Option<&'static str>,
}

pub(super) fn spawn(
    conn: Connection,
    capacity: usize,
) -> (mpsc::Sender<String>, mpsc::Receiver<ClientEvent>) {
    let (out_tx, out_rx) = mpsc::channel::<String>(capacity);
    let (ev_tx, ev_rx) = mpsc::channel::<ClientEvent>(capacity);
    let (reader_done_tx, reader_done_rx) = oneshot::channel();
    let (writer_done_tx, writer_done_rx) = oneshot::channel();
    let Connection {
        jid,
        transport,
        reader,
        early,
        ..
    } = conn;
    let (rd, wr) = tokio::io::split(transport);
    tokio::spawn(read_task(ReadTask {
        rd,
        reader,
        early,
        events: ev_tx,
        writer_done: writer_done_rx,
        reader_done: reader_done_tx,
        jid,
    }));
    tokio::spawn(write_task(wr, out_rx, reader_done_rx, writer_done_tx));
    (out_tx, ev_rx)
}

struct ReadTask {
    rd: ReadHalf<Transport>,
    reader: StreamReader,
    early: Vec<StreamElement>,
    events: mpsc::Sender<ClientEvent>,
    writer_done: oneshot::Receiver<WriterDone>,
    reader_done: oneshot::Sender<ReaderDone>,
    jid: String,
}

async fn read_task(mut t: ReadTask) {
    let (reason, condition) = read_until_closed(&mut t).await;
    // The writer may be gone already (its failure ended the loop).
    let _ = t.reader_done.send(ReaderDone { condition });
    drop(t.rd);
    tracing::debug!(jid = %t.jid, %reason, "XMPP stream closed");
    // Waits while the receiver is full; fails only when it was dropped.
    let _ = t.events.send(ClientEvent::Closed(reason)).await;
}

async fn read_until_closed(t: &mut ReadTask) -> (CloseReason, Option<&'static str>) {
    for el in std::mem::take(&mut t.early) {
        if t.events.send(ClientEvent::Stanza(el)).await.is_err() {
            return (CloseReason::LoggedOut, None);
        }
    }
    let mut writer_running = true;
    let mut closing: Option<Instant> = None;
    loop {
        let grace = async move {
            match closing {
                Some(deadline) => tokio::time::sleep_until(deadline).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            event = t.reader.read_event(&mut t.rd) => match event {
                Ok(StreamEvent::Element(el)) => {
                    let root = el.root();
                    if root.is(NS_STREAM, "error") {
                        let (condition, text) = stream_error(root);
                        return (CloseReason::StreamError { condition, text }, None);
                    }
                    if !is_stanza(root) {
                        tracing::debug!(element = root.name(), ns = root.ns(), "stream-level element ignored");
                        continue;
                    }
                    if t.events.send(ClientEvent::Stanza(el)).await.is_err() {
                        return (CloseReason::LoggedOut, None);
                    }
                }
                Ok(StreamEvent::Close) => {
                    let reason = if closing.is_some() {
                        CloseReason::LoggedOut
                    } else {
                        CloseReason::ServerClosed
                    };
                    return (reason, None);
                }
                Ok(StreamEvent::Open(_)) => {
                    return (
                        CloseReason::ProtocolError {
                            condition: "invalid-xml",
                            detail: "a stream header inside the stream".to_owned(),
                        },
                        Some("invalid-xml"),
                    );
                }
                Err(e) => {
                    return match e.condition() {
                        Some(condition) => (
                            CloseReason::ProtocolError { condition, detail: e.to_string() },
                            Some(condition),
                        ),
                        None if closing.is_some() => (CloseReason::LoggedOut, None),
                        None => (CloseReason::ConnectionLost(e.to_string()), None),
                    };
                }
            },
            done = &mut t.writer_done, if writer_running => {
                writer_running = false;
                match done {
                    Ok(WriterDone::LoggedOut) => closing = Some(Instant::now() + CLOSE_GRACE),
                    Ok(WriterDone::Failed(why)) => return (CloseReason::ConnectionLost(why), None),
                    Err(_) => {
                        return (CloseReason::ConnectionLost("the writer stopped".to_owned()), None);
                    }
                }
            },
            () = grace => return (CloseReason::LoggedOut, None),
            () = t.events.closed() => return (CloseReason::LoggedOut, None),
        }
    }
}

async fn write_task(
    mut wr: WriteHalf<Transport>,
    mut outgoing: mpsc::Receiver<String>,
    mut reader_done: oneshot::Receiver<ReaderDone>,
    writer_done: oneshot::Sender<WriterDone>,
) {
    let idle = tokio::time::sleep(KEEPALIVE);
    tokio::pin!(idle);
    let mut batch: Vec<String> = Vec::new();
    loop {
        tokio::select! {
            biased;
            done = &mut reader_done => {
                let condition = done.ok().and_then(|d| d.condition);
                let tail = closing_tail(condition);
                let _ = tokio::time::timeout(CLOSE_WRITE_TIMEOUT, async {
                    wr.write_all(tail.as_bytes()).await?;
                    wr.flush().await?;
                    wr.shutdown().await
                })
                .await;
                return;
            }
            message = outgoing.recv() => {
                let Some(first) = message else {
                    let result = tokio::time::timeout(CLOSE_WRITE_TIMEOUT, async {
                        wr.write_all(STREAM_CLOSE.as_bytes()).await?;
                        wr.flush().await?;
                        wr.shutdown().await
                    })
                    .await;
                    if let Ok(Err(e)) = result {
                        tracing::debug!(error = %e, "closing the stream failed");
                    }
                    let _ = writer_done.send(WriterDone::LoggedOut);
                    return;
                };
                // Whatever else is queued goes out with it, flushed once.
                batch.push(first);
                while batch.len() < 64 {
                    match outgoing.try_recv() {
                        Ok(more) => batch.push(more),
                        Err(_) => break,
                    }
                }
                let written = tokio::select! {
                    biased;
                    _ = &mut reader_done => return,
                    r = write_batch(&mut wr, &batch) => r,
                };
                batch.clear();
                if let Err(e) = written {
                    let _ = writer_done.send(WriterDone::Failed(format!("writing failed: {e}")));
                    return;
                }
                idle.as_mut().reset(Instant::now() + KEEPALIVE);
            }
            () = &mut idle => {
                let written = tokio::select! {
                    biased;
                    _ = &mut reader_done => return,
                    r = write_batch(&mut wr, &[" "]) => r,
                };
                if let Err(e) = written {
                    let _ = writer_done.send(WriterDone::Failed(format!("keepalive failed: {e}")));
                    return;
                }
                idle.as_mut().reset(Instant::now() + KEEPALIVE);
            }
        }
    }
}

async fn write_batch<S: AsRef<str>>(
    wr: &mut WriteHalf<Transport>,
    batch: &[S],
) -> std::io::Result<()> {
    for xml in batch {
        wr.write_all(xml.as_ref().as_bytes()).await?;
    }
    wr.flush().await
}

/// `</stream:stream>`, after `<stream:error><condition/></stream:error>` if given.
fn closing_tail(condition: Option<&'static str>) -> String {
    let Some(condition) = condition else {
        return STREAM_CLOSE.to_owned();
    };
    // `stream:` is declared on our stream header; the writer adds no xmlns for "".
    let mut w = XmlWriter::new("");
    w.start("stream:error", "");
    w.start(condition, NS_STREAM_ERRORS);
    w.end();
    w.end();
    let mut out = w.into_string();
    out.push_str(STREAM_CLOSE);
    out
}

#[cfg(test)]
mod tests {
    use super::closing_tail;

    #[test]
    fn the_closing_tail_names_the_condition() {
        assert_eq!(closing_tail(None), "</stream:stream>");
        assert_eq!(
            closing_tail(Some("not-well-formed")),
            "<stream:error><not-well-formed xmlns=\"urn:ietf:params:xml:ns:xmpp-streams\"/>\
             </stream:error></stream:stream>"
        );
    }
}
