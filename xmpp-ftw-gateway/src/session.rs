//! One browser session: its frames, its login, its XMPP link and its IQ callbacks.
//!
//! The session core ([`serve`]) does not know the browser's transport: it reads
//! [`Inbound`] items from a [`Port`] and writes [`Outbound`] frames to it. [`run`]
//! builds the port of a WebSocket (the session reads the socket itself; a writer
//! task sends from a bounded queue, [`OUT_QUEUE`]); `crate::socketio` builds one for
//! Socket.IO (a queue of [`IN_QUEUE`] filled by its event handlers). The
//! session loop waits on, in turn: the server's shutdown signal, the next browser
//! frame, a login in progress, the next event from the XMPP link, the earliest IQ
//! deadline, a resuming browser, and the end of the resumption grace period.
//!
//! - Resumption (opt-in with `gateway.resumable`): every frame to the browser then
//!   carries a `seq` and is kept in a bounded buffer; when the browser's transport
//!   drops, the session stays online for `resume_grace_secs`, and a new transport
//!   that sends `gateway.resume` with the token and the last `seq` it processed takes
//!   the session over and gets every later frame again, in order.
//! - `gateway.xml` adds the stanza as received (`xml`) to frames made from stanzas.
//! - Browser frames must be text, at most `max_frame_bytes` long (a longer one gets
//!   `xmpp.error.client` "Frame too large" and the session goes on; one past the
//!   WebSocket layer's hard limit, [`websocket_config`], closes the socket), and
//!   within the rate limit (`stanza_rate` per second, bursts of twice that).
//! - `xmpp.login` / `xmpp.login.anonymous` go to the [`Connector`]; `xmpp.logout`
//!   drops the link; every other event goes through [`registry::outgoing`] and its
//!   stanza to the link.
//! - Stanzas from the link: replies to pending IQs first (by id, from the entity the
//!   request went to), then [`registry::incoming`]; IQ get/set nobody handles are
//!   answered with `service-unavailable`.
//! - Backpressure: a frame for the browser waits for room in the queue at most
//!   [`SEND_TIMEOUT`], and a stanza for the link as long; past that the session (only
//!   this one) is closed or its link dropped. While the session waits it reads
//!   neither side, so a fast peer is slowed down rather than buffered.

use crate::config::Config;
use crate::link::{Connector, LinkEvent, LoginError, LoginFuture, LoginRequest, connection_error};
use crate::metrics::{Metrics, Rejected};
use crate::protocol::{self, Frame};
use futures_util::stream::SplitSink;
use futures_util::{SinkExt, StreamExt};
use serde_json::Value;
use std::collections::{HashMap, VecDeque};
use std::sync::Arc;
use std::sync::Mutex;
use std::time::Duration;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::sync::{mpsc, oneshot, watch};
use tokio::time::{Instant, sleep_until, timeout};
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::Message;
use tokio_tungstenite::tungstenite::error::{CapacityError, Error as WsError};
use tokio_tungstenite::tungstenite::protocol::frame::coding::CloseCode;
use tokio_tungstenite::tungstenite::protocol::{CloseFrame, WebSocketConfig};
use tracing::{debug, info, warn};
use xmpp_ftw_runtime::json_out::JsonWriter;
use xmpp_ftw_runtime::registry;
use xmpp_ftw_runtime::session::Session as XmppState;
use xmpp_ftw_runtime::translate::{self, Answer, IqAnswer, PendingIq, Reply};
use xmpp_ftw_runtime::xml::{Elem, NS_CLIENT, XmlWriter};

/// Frames waiting for the browser.
pub const OUT_QUEUE: usize = 256;
/// Browser frames a queue-fed transport (Socket.IO) reads ahead of the session.
pub const IN_QUEUE: usize = 16;
/// Most frames kept for a resuming browser.
pub const RESUME_FRAMES: usize = 1024;
/// Longest wait for room in the browser queue or the link before giving up on it
/// (the default of [`Context::send_timeout`]).
pub const SEND_TIMEOUT: Duration = Duration::from_secs(10);
/// Most IQ requests one session may have waiting for replies.
pub const MAX_PENDING_IQS: usize = 1024;
/// Most events one session may have waiting for the browser's answer; past that the
/// oldest is forgotten (its answer then gets "No event is waiting…").
pub const MAX_PENDING_ANSWERS: usize = 64;
/// How long an event waits for the browser's answer: long enough for a person to
/// decide (a subscription approval), short enough not to answer a stale request.
pub const ANSWER_TIMEOUT: Duration = Duration::from_secs(15 * 60);
/// How long the final frames may take to go out.
const CLOSE_TIMEOUT: Duration = Duration::from_secs(2);
/// How long the browser may take to answer our close frame.
const CLOSE_REPLY_TIMEOUT: Duration = Duration::from_millis(500);
/// How much of a refused frame is echoed back in `request`.
const ECHO_BYTES: usize = 1024;
const NS_STANZAS: &str = "urn:ietf:params:xml:ns:xmpp-stanzas";

/// The WebSocket limits for a gateway accepting frames of `max_frame_bytes`: the hard
/// limits sit well above it, so that a frame somewhat too large can be refused with
/// a clear error and the session kept; only a grossly oversized one is fatal.
pub fn websocket_config(max_frame_bytes: usize) -> WebSocketConfig {
    let hard = max_frame_bytes.saturating_mul(2).saturating_add(4096);
    WebSocketConfig::default()
        .max_message_size(Some(hard))
        .max_frame_size(Some(hard))
        // tungstenite zero-fills its whole read buffer before the first read, so each
        // idle session keeps all of it resident; browser frames are small, and a larger
        // one only takes more reads.
        .read_buffer_size(4 * 1024)
        .write_buffer_size(0)
        .max_write_buffer_size(4 * 1024 * 1024)
}

/// What every session shares.
#[derive(Clone)]
pub struct Context {
    pub config: Arc<Config>,
    pub connector: Arc<dyn Connector>,
    pub metrics: Arc<Metrics>,
    /// Longest wait for room in the browser queue or the link ([`SEND_TIMEOUT`]).
    pub send_timeout: Duration,
    /// Resumable sessions by token: where a resuming browser's port is handed over.
    pub resumable: Arc<Mutex<HashMap<String, mpsc::Sender<Attach>>>>,
}

impl Context {
    pub fn new(config: Arc<Config>, connector: Arc<dyn Connector>, metrics: Arc<Metrics>) -> Self {
        Context {
            config,
            connector,
            metrics,
            send_timeout: SEND_TIMEOUT,
            resumable: Arc::default(),
        }
    }

    /// A fresh resumption token, registered, and the receiver its resuming browsers
    /// arrive on.
    fn register_token(&self) -> (String, mpsc::Receiver<Attach>) {
        let token = uuid::Uuid::new_v4().simple().to_string();
        let (tx, rx) = mpsc::channel(1);
        self.resumable().insert(token.clone(), tx);
        (token, rx)
    }

    fn resumable(&self) -> std::sync::MutexGuard<'_, HashMap<String, mpsc::Sender<Attach>>> {
        // A panic while holding the lock leaves a map that is still consistent.
        self.resumable
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
    }
}

/// What a browser transport hands the session.
#[derive(Debug)]
pub enum Inbound {
    /// A text frame (one JSON object, as `docs/protocol.md` says).
    Text(String),
    /// A binary frame, which the protocol does not use.
    Binary,
    /// A frame past the transport's hard size limit.
    TooLarge,
    /// The browser closed the connection cleanly.
    Closed,
    /// The connection broke.
    Gone,
}

/// What the session hands a browser transport.
#[derive(Debug)]
pub enum Outbound {
    /// A frame: one JSON object.
    Text(String),
    /// Close the connection with this code and reason; nothing follows.
    Close(CloseCode, &'static str),
}

/// One browser connection as the session sees it. Dropping it tells the transport
/// the session is done with the connection.
#[derive(Debug)]
pub struct Port {
    pub inbox: Inbox,
    pub out: mpsc::Sender<Outbound>,
}

/// Where a port's [`Inbound`] items come from: a queue a transport task fills, or
/// (the WebSocket) the connection's own message stream, read by the session itself
/// so that a frame costs no extra task hop.
pub enum Inbox {
    Queue(mpsc::Receiver<Inbound>),
    Stream(std::pin::Pin<Box<dyn futures_util::Stream<Item = Inbound> + Send>>),
}

impl Inbox {
    async fn next(&mut self) -> Option<Inbound> {
        match self {
            Inbox::Queue(rx) => rx.recv().await,
            Inbox::Stream(stream) => stream.next().await,
        }
    }
}

impl std::fmt::Debug for Inbox {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Inbox::Queue(_) => "Inbox::Queue",
            Inbox::Stream(_) => "Inbox::Stream",
        })
    }
}

/// A resuming browser's connection, offered to the session it resumes.
#[derive(Debug)]
pub struct Attach {
    port: Port,
    /// The last `seq` the browser processed.
    seq: u64,
    /// The browser's callback id for `gateway.resume`.
    ack: Option<u64>,
    /// Where the port goes back when the resumption fails.
    give_back: oneshot::Sender<Port>,
}

impl std::fmt::Debug for Context {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Context")
            .field("config", &self.config)
            .finish_non_exhaustive()
    }
}

/// Serves one browser WebSocket until its session ends (see [`serve`]).
pub async fn run<S>(ws: WebSocketStream<S>, ctx: Context, shutdown: watch::Receiver<bool>)
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    serve(websocket_port(ws), ctx, shutdown).await;
}

/// The [`Port`] of a WebSocket: the session reads the connection's messages itself
/// (as [`Inbound`] items), and a writer task sends [`Outbound`] frames, a batch at a
/// time.
pub fn websocket_port<S>(ws: WebSocketStream<S>) -> Port
where
    S: AsyncRead + AsyncWrite + Unpin + Send + 'static,
{
    let (sink, stream) = ws.split();
    let (out, out_rx) = mpsc::channel(OUT_QUEUE);
    tokio::spawn(write_frames(sink, out_rx));
    let items = stream
        .filter_map(|msg| std::future::ready(inbound(msg)))
        .chain(futures_util::stream::once(std::future::ready(
            Inbound::Gone,
        )));
    Port {
        inbox: Inbox::Stream(Box::pin(items)),
        out,
    }
}

/// What a WebSocket message means to the session; `None` for control frames.
fn inbound(msg: Result<Message, WsError>) -> Option<Inbound> {
    Some(match msg {
        Ok(Message::Text(text)) => Inbound::Text(text.as_str().to_owned()),
        Ok(Message::Binary(_)) => Inbound::Binary,
        Ok(Message::Close(_)) => Inbound::Closed,
        Ok(Message::Ping(_) | Message::Pong(_) | Message::Frame(_)) => return None,
        Err(WsError::Capacity(
            CapacityError::MessageTooLong { .. } | CapacityError::TooManyHeaders,
        )) => Inbound::TooLarge,
        Err(e) => {
            debug!(error = %e, "WebSocket error");
            Inbound::Gone
        }
    })
}

/// Serves one browser until it leaves, logs out without a callback, misbehaves past
/// repair, or `shutdown` turns `true` (then it gets the final `xmpp.error`
/// `connection/shutdown` first). A resumable session outlives its first port.
pub async fn serve(port: Port, ctx: Context, mut shutdown: watch::Receiver<bool>) {
    let mut conn = Conn::new(ctx, port);
    let stop = conn.serve(&mut shutdown).await;
    info!(reason = stop.reason, "session ends");
    conn.end_link();
    conn.forget_resumption();
    let Some(mut port) = conn.port.take() else {
        return;
    };
    if let Ending::Close(code) = stop.ending {
        let _ = timeout(
            CLOSE_TIMEOUT,
            port.out.send(Outbound::Close(code, stop.reason)),
        )
        .await;
        // Let the browser answer our close frame; whatever it says is ignored.
        let _ = timeout(CLOSE_REPLY_TIMEOUT, async {
            while let Some(item) = port.inbox.next().await {
                if matches!(item, Inbound::Closed | Inbound::Gone) {
                    break;
                }
            }
        })
        .await;
    }
    // Dropping the port ends the transport: the writer flushes what is queued (the
    // answer to the browser's close frame included) within its own timeouts.
}

/// Sends queued frames, a batch at a time, until the queue closes or a Close is sent.
/// A browser that takes nothing for [`SEND_TIMEOUT`] is given up on.
async fn write_frames<S>(
    mut sink: SplitSink<WebSocketStream<S>, Message>,
    mut rx: mpsc::Receiver<Outbound>,
) where
    S: AsyncRead + AsyncWrite + Unpin,
{
    let message = |out: Outbound| match out {
        Outbound::Text(text) => Message::text(text),
        Outbound::Close(code, reason) => Message::Close(Some(CloseFrame {
            code,
            reason: reason.into(),
        })),
    };
    while let Some(out) = rx.recv().await {
        let mut msg = message(out);
        let mut batch = 0;
        loop {
            if msg.is_close() {
                let _ = timeout(CLOSE_TIMEOUT, sink.send(msg)).await;
                return;
            }
            if !matches!(timeout(SEND_TIMEOUT, sink.feed(msg)).await, Ok(Ok(()))) {
                return;
            }
            batch += 1;
            match rx.try_recv() {
                Ok(next) if batch < 64 => msg = message(next),
                Ok(next) => {
                    if !matches!(timeout(SEND_TIMEOUT, sink.flush()).await, Ok(Ok(()))) {
                        return;
                    }
                    batch = 0;
                    msg = message(next);
                }
                Err(_) => break,
            }
        }
        if !matches!(timeout(SEND_TIMEOUT, sink.flush()).await, Ok(Ok(()))) {
            return;
        }
    }
    let _ = timeout(CLOSE_TIMEOUT, sink.close()).await;
}

/// Why the session ends, and how the WebSocket is to be closed.
#[derive(Debug)]
struct Stop {
    ending: Ending,
    reason: &'static str,
}

#[derive(Debug, Clone, Copy)]
enum Ending {
    /// The gateway closes, with this code.
    Close(CloseCode),
    /// The browser sent a close frame: the answer (queued by tungstenite) goes out.
    Answer,
    /// The browser is gone or unresponsive: drop the socket.
    Abort,
}

impl Stop {
    fn gone(reason: &'static str) -> Stop {
        Stop {
            ending: Ending::Abort,
            reason,
        }
    }

    /// The connection now belongs to the session it resumed.
    fn handed_over() -> Stop {
        Stop {
            ending: Ending::Abort,
            reason: "connection handed to the resumed session",
        }
    }

    fn close(code: CloseCode, reason: &'static str) -> Stop {
        Stop {
            ending: Ending::Close(code),
            reason,
        }
    }
}

type Flow = Result<(), Stop>;

struct Login {
    future: LoginFuture,
    ack: Option<u64>,
}

struct Online {
    jid: String,
    to_xmpp: mpsc::Sender<String>,
    from_xmpp: mpsc::Receiver<LinkEvent>,
}

struct Waiting {
    ack: u64,
    decode: PendingIq,
    /// The request's `to`: the reply must come from there.
    to: Option<String>,
    sent: Instant,
}

/// An event sent to the browser with an `ack` of the gateway's, waiting for its answer.
struct Asked {
    ack: u64,
    answer: Answer,
    until: Instant,
}

/// A token bucket: `rate` frames a second, bursts of `2 × rate`; rate 0 is unlimited.
struct Bucket {
    rate: f64,
    tokens: f64,
    last: Instant,
}

impl Bucket {
    fn new(rate: u32) -> Bucket {
        let rate = f64::from(rate);
        Bucket {
            rate,
            tokens: 2.0 * rate,
            last: Instant::now(),
        }
    }

    fn take(&mut self) -> bool {
        if self.rate == 0.0 {
            return true;
        }
        let now = Instant::now();
        let refill = now.duration_since(self.last).as_secs_f64() * self.rate;
        self.tokens = (self.tokens + refill).min(2.0 * self.rate);
        self.last = now;
        if self.tokens >= 1.0 {
            self.tokens -= 1.0;
            true
        } else {
            false
        }
    }
}

/// The resumption state of a session that asked for it (`gateway.resumable`).
struct Resume {
    token: String,
    /// `seq` of the last frame sent.
    seq: u64,
    /// The frames a resuming browser may not have seen, oldest first, with their
    /// total size.
    frames: VecDeque<(u64, String)>,
    bytes: usize,
    /// Where resuming browsers are handed over.
    attach: mpsc::Receiver<Attach>,
    /// Set while no browser is attached: the session ends then.
    detached_until: Option<Instant>,
}

struct Conn {
    ctx: Context,
    /// The browser's connection; `None` while a resumable session waits for it.
    port: Option<Port>,
    resume: Option<Resume>,
    /// `gateway.xml`: add the received stanza to frames made from stanzas.
    show_xml: bool,
    xmpp: XmppState,
    login: Option<Login>,
    online: Option<Online>,
    pending: HashMap<String, Waiting>,
    /// IQ deadlines in the order they were set (one timeout for all, so also in time order).
    deadlines: VecDeque<(Instant, String)>,
    iq_timeout: Duration,
    bucket: Bucket,
    /// Events waiting for the browser's answer, oldest first (at most
    /// [`MAX_PENDING_ANSWERS`]). They belong to the XMPP session, so they survive a
    /// resumption and end with the link.
    asked: VecDeque<Asked>,
    /// The gateway's own ack numbers, for events it wants answered.
    last_ask: u64,
}

async fn login_done(login: &mut Option<Login>) -> Result<crate::link::Link, LoginError> {
    match login {
        Some(login) => (&mut login.future).await,
        None => std::future::pending().await,
    }
}

async fn link_next(online: &mut Option<Online>) -> Option<LinkEvent> {
    match online {
        Some(online) => online.from_xmpp.recv().await,
        None => std::future::pending().await,
    }
}

async fn inbox_next(port: &mut Option<Port>) -> Option<Inbound> {
    match port {
        Some(port) => port.inbox.next().await,
        None => std::future::pending().await,
    }
}

async fn attach_next(resume: &mut Option<Resume>) -> Option<Attach> {
    match resume {
        Some(resume) => resume.attach.recv().await,
        None => std::future::pending().await,
    }
}

async fn deadline(at: Option<Instant>) {
    match at {
        Some(at) => sleep_until(at).await,
        None => std::future::pending().await,
    }
}

async fn shutdown_requested(shutdown: &mut watch::Receiver<bool>) {
    if shutdown.wait_for(|&down| down).await.is_err() {
        // The server went away without a signal: nothing to wait for.
        std::future::pending::<()>().await;
    }
}

impl Conn {
    fn new(ctx: Context, port: Port) -> Conn {
        let iq_timeout = Duration::from_secs(ctx.config.iq_timeout_secs.max(1));
        let bucket = Bucket::new(ctx.config.stanza_rate);
        Conn {
            ctx,
            port: Some(port),
            resume: None,
            show_xml: false,
            xmpp: XmppState::new(),
            login: None,
            online: None,
            pending: HashMap::new(),
            deadlines: VecDeque::new(),
            iq_timeout,
            bucket,
            asked: VecDeque::new(),
            last_ask: 0,
        }
    }

    async fn serve(&mut self, shutdown: &mut watch::Receiver<bool>) -> Stop {
        loop {
            let next_deadline = self.deadlines.front().map(|(at, _)| *at);
            let detached_until = self.resume.as_ref().and_then(|r| r.detached_until);
            let flow = tokio::select! {
                biased;
                () = shutdown_requested(shutdown) => self.shut_down().await,
                item = inbox_next(&mut self.port) => self.on_inbound(item).await,
                res = login_done(&mut self.login) => self.on_login(res).await,
                event = link_next(&mut self.online) => self.on_link(event).await,
                () = deadline(next_deadline) => self.on_deadlines().await,
                Some(attach) = attach_next(&mut self.resume) => self.on_attach(attach).await,
                () = deadline(detached_until) => Err(Stop::gone("no browser resumed the session")),
            };
            if let Err(stop) = flow {
                return stop;
            }
        }
    }

    // ----- to the browser

    async fn send(&mut self, text: String) -> Flow {
        let text = self.number(text);
        self.send_unnumbered(text).await
    }

    /// Gives the frame its `seq` and keeps it for a resuming browser, when the
    /// session is resumable.
    fn number(&mut self, text: String) -> String {
        let Some(resume) = &mut self.resume else {
            return text;
        };
        resume.seq += 1;
        let numbered = with_key(&text, "seq", &resume.seq.to_string());
        resume.bytes += numbered.len();
        resume.frames.push_back((resume.seq, numbered.clone()));
        let max_bytes = self.ctx.config.resume_buffer_bytes;
        while resume.frames.len() > RESUME_FRAMES || resume.bytes > max_bytes {
            match resume.frames.pop_front() {
                Some((_, old)) => resume.bytes -= old.len(),
                None => break,
            }
        }
        numbered
    }

    /// The browser's transport is gone: a resumable session waits for it (see
    /// [`Conn::detach`]); any other ends.
    fn browser_gone(&mut self, reason: &'static str) -> Flow {
        if self.detach(reason) {
            Ok(())
        } else {
            Err(Stop::gone(reason))
        }
    }

    /// Lets go of the port and starts the grace period, when the session is online
    /// and resumable. Whether it did.
    fn detach(&mut self, reason: &'static str) -> bool {
        let grace = Duration::from_secs(self.ctx.config.resume_grace_secs);
        match &mut self.resume {
            Some(resume) if self.online.is_some() && !grace.is_zero() => {
                info!(
                    reason,
                    grace_secs = grace.as_secs(),
                    "browser gone; session kept for resumption"
                );
                self.port = None;
                resume.detached_until = Some(Instant::now() + grace);
                self.ctx.metrics.sessions_detached.inc();
                true
            }
            _ => false,
        }
    }

    /// Ends resumability: the token no longer works.
    fn forget_resumption(&mut self) {
        if let Some(resume) = self.resume.take() {
            self.ctx.resumable().remove(&resume.token);
            if resume.detached_until.is_some() {
                self.ctx.metrics.sessions_detached.dec();
            }
        }
    }

    /// For notices that may be dropped when the browser is behind (rate-limit errors).
    fn send_if_room(&mut self, text: String) {
        let text = self.number(text);
        if let Some(port) = &self.port {
            let _ = port.out.try_send(Outbound::Text(text));
        }
    }

    async fn refuse(&mut self, ack: Option<u64>, description: &str, request: &Value) -> Flow {
        self.ctx.metrics.client_errors.inc();
        self.send(protocol::refuse(ack, description, request)).await
    }

    /// An `xmpp.error` object: to the callback when there is one, else as the event.
    async fn error(&mut self, ack: Option<u64>, error: &Value) -> Flow {
        let error = error.to_string();
        self.send(match ack {
            Some(ack) => protocol::callback(ack, &error, "null", None),
            None => protocol::event("xmpp.error", &error),
        })
        .await
    }

    async fn shut_down(&mut self) -> Flow {
        let error = connection_error("connection", "shutdown", "Gateway shutting down");
        self.error(None, &error).await?;
        Err(Stop::close(CloseCode::Away, "gateway shutting down"))
    }

    // ----- from the browser

    async fn on_inbound(&mut self, item: Option<Inbound>) -> Flow {
        let text = match item {
            None | Some(Inbound::Gone) => {
                return self.browser_gone("browser closed the connection");
            }
            Some(Inbound::Text(text)) => text,
            Some(Inbound::Binary) => {
                if self.rate_limited(None) {
                    return Ok(());
                }
                self.ctx.metrics.frame_rejected(Rejected::Binary);
                return self
                    .refuse(
                        None,
                        "Binary frames are not supported: send JSON in text frames",
                        &Value::Null,
                    )
                    .await;
            }
            Some(Inbound::Closed) => {
                if self.detach("browser closed the socket") {
                    return Ok(());
                }
                return Err(Stop {
                    ending: Ending::Answer,
                    reason: "browser closed the socket",
                });
            }
            Some(Inbound::TooLarge) => {
                self.ctx.metrics.frame_rejected(Rejected::TooLarge);
                return Err(Stop::close(CloseCode::Size, "frame too large"));
            }
        };
        let text = text.as_str();
        if self.rate_limited(Some(text)) {
            return Ok(());
        }
        let limit = self.ctx.config.max_frame_bytes;
        if text.len() > limit {
            self.ctx.metrics.frame_rejected(Rejected::TooLarge);
            let description = format!("Frame too large ({} bytes, limit {limit})", text.len());
            return self
                .refuse(None, &description, &Value::from(cut(text, ECHO_BYTES)))
                .await;
        }
        match protocol::parse(text) {
            Err(e) => {
                self.ctx.metrics.frame_rejected(Rejected::Malformed);
                self.refuse(None, &e.0, &Value::from(cut(text, ECHO_BYTES)))
                    .await
            }
            Ok(Frame::Answer { ack, error, data }) => self.on_answer(ack, &error, data).await,
            Ok(Frame::Event { name, data, ack }) => self.on_event(&name, data, ack).await,
        }
    }

    /// Takes a token; when there is none, tells the browser (if its queue has room)
    /// and says the frame is to be dropped.
    fn rate_limited(&mut self, text: Option<&str>) -> bool {
        if self.bucket.take() {
            return false;
        }
        self.ctx.metrics.frame_rejected(Rejected::RateLimited);
        self.ctx.metrics.client_errors.inc();
        let frame = match text.filter(|t| t.len() <= self.ctx.config.max_frame_bytes) {
            Some(t) => match protocol::parse(t) {
                Ok(Frame::Event { data, ack, .. }) => {
                    protocol::refuse(ack, "Rate limit exceeded", &redacted(&data))
                }
                _ => protocol::refuse(
                    None,
                    "Rate limit exceeded",
                    &Value::from(cut(t, ECHO_BYTES)),
                ),
            },
            None => protocol::refuse(None, "Rate limit exceeded", &Value::Null),
        };
        self.send_if_room(frame);
        true
    }

    async fn on_event(&mut self, name: &str, data: Value, ack: Option<u64>) -> Flow {
        match name {
            "xmpp.login" => self.start_login(data, ack, false).await,
            "xmpp.login.anonymous" => self.start_login(data, ack, true).await,
            "xmpp.logout" => self.logout(ack).await,
            "gateway.xml" => self.set_show_xml(&data, ack).await,
            "gateway.resumable" => self.make_resumable(ack).await,
            "gateway.resume" => self.resume_other(&data, ack).await,
            _ if self.online.is_some() => self.forward(name, data, ack).await,
            _ => {
                let error =
                    connection_error("connection", "not-connected", "You are not connected");
                self.error(ack, &error).await
            }
        }
    }

    async fn set_show_xml(&mut self, data: &Value, ack: Option<u64>) -> Flow {
        match data.get("enabled").and_then(Value::as_bool) {
            Some(enabled) => {
                self.show_xml = enabled;
                self.done(ack).await
            }
            None => self.refuse(ack, "Missing 'enabled' key", data).await,
        }
    }

    /// The success callback `true`, when there is a callback.
    async fn done(&mut self, ack: Option<u64>) -> Flow {
        match ack {
            Some(ack) => {
                self.send(protocol::callback(ack, "null", "true", None))
                    .await
            }
            None => Ok(()),
        }
    }

    /// `gateway.resumable`: a token the browser can resume this session with.
    async fn make_resumable(&mut self, ack: Option<u64>) -> Flow {
        let Some(ack) = ack else {
            return self.refuse(None, "Missing callback", &Value::Null).await;
        };
        if self.online.is_none() {
            let error = connection_error("connection", "not-connected", "You are not connected");
            return self.error(Some(ack), &error).await;
        }
        if self.ctx.config.resume_grace_secs == 0 {
            return self
                .refuse(
                    Some(ack),
                    "Session resumption is disabled on this gateway",
                    &Value::Null,
                )
                .await;
        }
        let token = match &self.resume {
            Some(resume) => resume.token.clone(),
            None => {
                let (token, attach) = self.ctx.register_token();
                self.resume = Some(Resume {
                    token: token.clone(),
                    seq: 0,
                    frames: VecDeque::new(),
                    bytes: 0,
                    attach,
                    detached_until: None,
                });
                token
            }
        };
        let data = serde_json::json!({
            "token": token,
            "grace": self.ctx.config.resume_grace_secs,
        });
        // Numbering starts after this answer: a browser that never saw it has no
        // token to resume with.
        self.send_unnumbered(protocol::callback(ack, "null", &data.to_string(), None))
            .await
    }

    /// `gateway.resume` on a new connection: hands this connection to the session
    /// the token names, and ends this (empty) one. When the resumption fails the
    /// connection comes back, and this session goes on as a fresh one.
    async fn resume_other(&mut self, data: &Value, ack: Option<u64>) -> Flow {
        let failed =
            |description: &str| connection_error("connection", "resume-failed", description);
        if self.online.is_some() || self.login.is_some() {
            let error = failed("This connection already has a session");
            return self.error(ack, &error).await;
        }
        let (Some(token), Some(seq)) = (
            data.get("token").and_then(Value::as_str),
            data.get("seq").and_then(Value::as_u64),
        ) else {
            return self
                .refuse(
                    ack,
                    "'token' (a string) and 'seq' (an integer) are required",
                    data,
                )
                .await;
        };
        let target = self.ctx.resumable().remove(token);
        let Some(target) = target else {
            info!("resume refused: unknown or expired token");
            return self
                .error(ack, &failed("Unknown or expired session token"))
                .await;
        };
        let Some(port) = self.port.take() else {
            return Ok(());
        };
        let (give_back, back) = oneshot::channel();
        let attach = Attach {
            port,
            seq,
            ack,
            give_back,
        };
        if let Err(refused) = target.send(attach).await {
            // The session ended between the lookup and the handover.
            self.port = Some(refused.0.port);
            return self
                .error(ack, &failed("Unknown or expired session token"))
                .await;
        }
        match back.await {
            Ok(port) => {
                // The session refused (and has told the browser why): go on fresh.
                self.port = Some(port);
                Ok(())
            }
            Err(_) => Err(Stop::handed_over()),
        }
    }

    /// A resuming browser for this session: replay what it missed, or give its
    /// connection back with the reason.
    async fn on_attach(&mut self, attach: Attach) -> Flow {
        let Some(resume) = &mut self.resume else {
            let _ = attach.give_back.send(attach.port);
            return Ok(());
        };
        let oldest = resume
            .frames
            .front()
            .map_or(resume.seq + 1, |(seq, _)| *seq);
        if attach.seq > resume.seq || attach.seq + 1 < oldest {
            info!(
                asked = attach.seq,
                oldest,
                last = resume.seq,
                "resume refused: frames no longer buffered"
            );
            let error = connection_error(
                "connection",
                "resume-failed",
                "Frames were lost: the session cannot be resumed",
            );
            let frame = match attach.ack {
                Some(ack) => protocol::callback(ack, &error.to_string(), "null", None),
                None => protocol::event("xmpp.error", &error.to_string()),
            };
            let _ = attach.port.out.send(Outbound::Text(frame)).await;
            let _ = attach.give_back.send(attach.port);
            // The browser cannot tell what it lost, so the old session is over.
            return Err(Stop::gone("resumption failed"));
        }
        self.ctx.resumable().remove(&resume.token);
        let (token, receiver) = self.ctx.register_token();
        resume.token = token.clone();
        resume.attach = receiver;
        if resume.detached_until.take().is_some() {
            self.ctx.metrics.sessions_detached.dec();
        }
        info!(
            from = attach.seq,
            to = resume.seq,
            "browser resumed the session"
        );
        let replay: Vec<String> = resume
            .frames
            .iter()
            .filter(|(seq, _)| *seq > attach.seq)
            .map(|(_, frame)| frame.clone())
            .collect();
        let last = resume.seq;
        // Whatever the old connection still had is dropped with it.
        self.port = Some(attach.port);
        if let Some(ack) = attach.ack {
            let data = serde_json::json!({ "token": token, "seq": last });
            self.send_unnumbered(protocol::callback(ack, "null", &data.to_string(), None))
                .await?;
        }
        for frame in replay {
            self.send_unnumbered(frame).await?;
        }
        self.ctx.metrics.resumptions.inc();
        Ok(())
    }

    /// Sends a frame as it is: [`Conn::send`] after numbering, or directly outside the
    /// numbered sequence (the resume callback, replays).
    async fn send_unnumbered(&mut self, text: String) -> Flow {
        let Some(port) = &self.port else {
            // Detached: a numbered frame waits in the resumption buffer.
            return Ok(());
        };
        match timeout(self.ctx.send_timeout, port.out.send(Outbound::Text(text))).await {
            Ok(Ok(())) => Ok(()),
            Ok(Err(_)) => self.browser_gone("browser connection lost"),
            Err(_) => {
                warn!("browser is not reading its frames; disconnecting it");
                self.browser_gone("browser too slow")
            }
        }
    }

    async fn start_login(&mut self, data: Value, ack: Option<u64>, anonymous: bool) -> Flow {
        if self.login.is_some() {
            return self
                .refuse(ack, "Login already in progress", &redacted(&data))
                .await;
        }
        let request = match LoginRequest::from_payload(&data, anonymous) {
            Ok(request) => request,
            Err(error) => {
                self.ctx.metrics.client_errors.inc();
                return self.error(ack, &error).await;
            }
        };
        self.ctx.metrics.logins.inc();
        let domain = request.domain().to_owned();
        if !self.ctx.config.domain_allowed(&domain) {
            self.ctx.metrics.logins_failed.inc();
            info!(%domain, "login refused: domain not allowed");
            let error = LoginError::NotAllowed(format!(
                "Logins to '{domain}' are not allowed on this gateway"
            ));
            return self.error(ack, &error.error_object()).await;
        }
        if self.online.is_some() {
            info!("new login: logging out the current session first");
            self.end_link();
            self.fail_pending().await?;
        }
        info!(jid = %request.jid, anonymous, register = request.register, "logging in");
        self.login = Some(Login {
            future: self.ctx.connector.connect(request),
            ack,
        });
        Ok(())
    }

    async fn on_login(&mut self, result: Result<crate::link::Link, LoginError>) -> Flow {
        let ack = self.login.take().and_then(|l| l.ack);
        match result {
            Ok(link) => {
                info!(jid = %link.jid, "online");
                self.xmpp = XmppState::new();
                self.xmpp.set_jid(link.jid.clone());
                let mut w = JsonWriter::new();
                w.begin_object();
                w.key("status");
                w.string("online");
                w.key("jid");
                w.jid(&link.jid);
                w.end_object();
                self.online = Some(Online {
                    jid: link.jid,
                    to_xmpp: link.to_xmpp,
                    from_xmpp: link.from_xmpp,
                });
                self.send(protocol::event("xmpp.connection", &w.finish()))
                    .await?;
                if let Some(ack) = ack {
                    self.send(protocol::callback(ack, "null", "true", None))
                        .await?;
                }
                Ok(())
            }
            Err(e) => {
                self.ctx.metrics.logins_failed.inc();
                info!(error = %e, kind = e.kind(), "login failed");
                self.error(ack, &e.error_object()).await
            }
        }
    }

    async fn logout(&mut self, ack: Option<u64>) -> Flow {
        if self.login.take().is_some() {
            info!("logout: login in progress cancelled");
        }
        if let Some(online) = &self.online {
            info!(jid = %online.jid, "logout");
        }
        self.end_link();
        self.forget_resumption();
        self.fail_pending().await?;
        match ack {
            Some(ack) => {
                self.send(protocol::callback(ack, "null", "true", None))
                    .await
            }
            None => Err(Stop::close(CloseCode::Normal, "logout")),
        }
    }

    /// Drops the XMPP link (the client logs out) and forgets the XMPP session.
    fn end_link(&mut self) {
        self.online = None;
        self.xmpp = XmppState::new();
        self.asked.clear();
    }

    /// Keeps `answer` for the browser's answer and gives the ack number the event
    /// goes out with.
    fn ask(&mut self, answer: Answer) -> u64 {
        let now = Instant::now();
        self.asked.retain(|a| a.until > now);
        if self.asked.len() >= MAX_PENDING_ANSWERS
            && let Some(old) = self.asked.pop_front()
        {
            debug!(
                ack = old.ack,
                "too many unanswered events: the oldest is forgotten"
            );
        }
        self.last_ask += 1;
        self.asked.push_back(Asked {
            ack: self.last_ask,
            answer,
            until: now + ANSWER_TIMEOUT,
        });
        self.last_ask
    }

    /// The browser's answer to an event sent with `ack`: an `error` declines (nothing
    /// is sent); otherwise `data` goes out through the event the spec names, with the
    /// same checks as a browser event. Either way the ack is used up.
    async fn on_answer(&mut self, ack: u64, error: &Value, data: Value) -> Flow {
        let now = Instant::now();
        self.asked.retain(|a| a.until > now);
        let Some(asked) = self
            .asked
            .iter()
            .position(|a| a.ack == ack)
            .and_then(|i| self.asked.remove(i))
        else {
            let description = format!("No event is waiting for an answer to ack {ack}");
            return self.refuse(None, &description, &Value::Null).await;
        };
        if !error.is_null() {
            debug!(
                ack,
                event = asked.answer.event,
                "the browser declined to answer"
            );
            return Ok(());
        }
        let payload = asked.answer.payload(data);
        let out = match registry::outgoing(asked.answer.event, &payload, false, &mut self.xmpp) {
            Ok(out) => out,
            Err(e) => {
                let request = serde_json::json!({
                    "ack": ack,
                    "event": asked.answer.event,
                    "data": payload,
                });
                return self.refuse(None, &e.description, &request).await;
            }
        };
        if !self.send_to_link(out.stanza.xml).await? {
            let error = connection_error("connection", "not-connected", "You are not connected");
            return self.error(None, &error).await;
        }
        Ok(())
    }

    /// Fails every IQ callback still waiting: the session they belong to is gone.
    async fn fail_pending(&mut self) -> Flow {
        self.deadlines.clear();
        self.xmpp.forget_queries();
        let error =
            connection_error("connection", "disconnected", "XMPP client disconnected").to_string();
        let mut waiting: Vec<Waiting> = self.pending.drain().map(|(_, w)| w).collect();
        waiting.sort_by_key(|w| w.sent);
        for w in waiting {
            self.send(protocol::callback(w.ack, &error, "null", None))
                .await?;
        }
        Ok(())
    }

    async fn forward(&mut self, name: &str, data: Value, ack: Option<u64>) -> Flow {
        let out = match registry::outgoing(name, &data, ack.is_some(), &mut self.xmpp) {
            Ok(out) => out,
            Err(e) => return self.refuse(ack, &e.description, &data).await,
        };
        if matches!(out.reply, Reply::Iq(_)) && self.pending.len() >= MAX_PENDING_IQS {
            return self
                .refuse(ack, "Too many requests waiting for a reply", &data)
                .await;
        }
        let id = out.stanza.id;
        let to = out.stanza.to;
        if !self.send_to_link(out.stanza.xml).await? {
            let error = connection_error("connection", "not-connected", "You are not connected");
            return self.error(ack, &error).await;
        }
        let Some(ack) = ack else {
            return Ok(());
        };
        match out.reply {
            Reply::Iq(decode) => {
                let now = Instant::now();
                self.deadlines
                    .push_back((now + self.iq_timeout, id.clone()));
                self.pending.insert(
                    id,
                    Waiting {
                        ack,
                        decode,
                        to,
                        sent: now,
                    },
                );
                self.compact_deadlines();
                Ok(())
            }
            Reply::True | Reply::Nothing => {
                self.send(protocol::callback(ack, "null", "true", None))
                    .await
            }
            Reply::StanzaId => {
                let data = serde_json::json!({ "id": id }).to_string();
                self.send(protocol::callback(ack, "null", &data, None))
                    .await
            }
        }
    }

    /// Answered requests leave their deadline behind; keep that bounded.
    fn compact_deadlines(&mut self) {
        if self.deadlines.len() > 4 * MAX_PENDING_IQS {
            let pending = &self.pending;
            self.deadlines.retain(|(_, id)| pending.contains_key(id));
        }
    }

    // ----- to and from the XMPP link

    /// Sends a stanza; `Ok(false)` when there is no link (any more). A link that takes
    /// no stanza for [`SEND_TIMEOUT`] is dropped and the browser told.
    async fn send_to_link(&mut self, xml: String) -> Result<bool, Stop> {
        let Some(online) = &self.online else {
            return Ok(false);
        };
        match timeout(self.ctx.send_timeout, online.to_xmpp.send(xml)).await {
            Ok(Ok(())) => {
                self.ctx.metrics.stanzas_out.inc();
                Ok(true)
            }
            Ok(Err(_)) => {
                self.link_closed("link closed").await?;
                Ok(false)
            }
            Err(_) => {
                warn!("XMPP link takes no stanzas; dropping it");
                self.link_closed("link stalled").await?;
                Ok(false)
            }
        }
    }

    async fn link_closed(&mut self, reason: &str) -> Flow {
        info!(reason, "XMPP stream closed");
        self.end_link();
        self.fail_pending().await?;
        let error = connection_error("connection", "disconnected", "XMPP client disconnected");
        self.error(None, &error).await
    }

    async fn on_link(&mut self, event: Option<LinkEvent>) -> Flow {
        match event {
            None => self.link_closed("link dropped").await,
            Some(LinkEvent::Closed(reason)) => self.link_closed(&reason).await,
            Some(LinkEvent::Stanza(tree)) => {
                self.ctx.metrics.stanzas_in.inc();
                self.on_stanza(tree.root()).await
            }
        }
    }

    async fn on_stanza(&mut self, st: Elem<'_>) -> Flow {
        let is_iq = st.is(NS_CLIENT, "iq");
        let kind = st.attr("type");
        if is_iq
            && matches!(kind, Some("result" | "error"))
            && let Some(id) = st.attr("id")
            && let Some(waiting) = self.pending.get(id)
        {
            let from = st.attr("from");
            if !reply_from_ok(waiting.to.as_deref(), from, &self.xmpp) {
                warn!(
                    id,
                    from = from.unwrap_or(""),
                    expected = waiting.to.as_deref().unwrap_or("(own account)"),
                    "IQ reply from an unexpected sender dropped"
                );
                return Ok(());
            }
            if let Some(waiting) = self.pending.remove(id) {
                // Its target's answers in other stanzas (archive results) come before
                // the reply; later ones are no longer expected.
                self.xmpp.query_answered(id);
                return self.answer(waiting, st).await;
            }
        }
        if let Some(request) = instant_room_request(st, &mut self.xmpp) {
            self.send_to_link(request).await?;
        }
        match registry::incoming(st, &self.xmpp) {
            Some(incoming) => {
                if let Some(reply) = incoming.reply {
                    self.send_to_link(reply).await?;
                }
                let frame = match incoming.answer {
                    Some(answer) => {
                        let ack = self.ask(answer);
                        protocol::event_with_ack(incoming.event, &incoming.data, ack)
                    }
                    None => protocol::event(incoming.event, &incoming.data),
                };
                let frame = self.with_xml(frame, st);
                self.send(frame).await
            }
            None if is_iq && kind == Some("get") && is_ping(st) => {
                debug!(id = st.attr("id").unwrap_or(""), "answering ping");
                self.send_to_link(ping_reply(st)).await.map(|_| ())
            }
            None if is_iq && kind == Some("get") && st.child(NS_DISCO_INFO, "query").is_some() => {
                debug!(id = st.attr("id").unwrap_or(""), "answering disco#info");
                self.send_to_link(disco_info_reply(st, KNOWN_DISCO_NODES))
                    .await
                    .map(|_| ())
            }
            None if is_iq && matches!(kind, Some("get" | "set")) => {
                debug!(
                    id = st.attr("id").unwrap_or(""),
                    "unhandled IQ: service-unavailable"
                );
                self.send_to_link(service_unavailable(st)).await.map(|_| ())
            }
            None => {
                debug!(stanza = st.name(), "stanza no event matches, ignored");
                Ok(())
            }
        }
    }

    async fn answer(&mut self, waiting: Waiting, reply: Elem<'_>) -> Flow {
        self.ctx
            .metrics
            .iq_latency
            .observe(waiting.sent.elapsed().as_secs_f64());
        let frame = match waiting.decode.answer(reply) {
            IqAnswer::Data { data, rsm } => {
                protocol::callback(waiting.ack, "null", &data, rsm.as_deref())
            }
            IqAnswer::Error(error) => protocol::callback(waiting.ack, &error, "null", None),
        };
        let frame = self.with_xml(frame, reply);
        self.send(frame).await
    }

    /// The frame with the stanza it came from, when the browser asked (`gateway.xml`).
    fn with_xml(&self, frame: String, stanza: Elem<'_>) -> String {
        if self.show_xml {
            with_key(&frame, "xml", &Value::String(stanza.to_xml()).to_string())
        } else {
            frame
        }
    }

    async fn on_deadlines(&mut self) -> Flow {
        let now = Instant::now();
        while let Some((at, _)) = self.deadlines.front()
            && *at <= now
        {
            let Some((_, id)) = self.deadlines.pop_front() else {
                break;
            };
            if let Some(waiting) = self.pending.remove(&id) {
                self.xmpp.query_answered(&id);
                self.ctx.metrics.iq_timeouts.inc();
                debug!(id, "IQ timed out");
                let error = connection_error(
                    "cancel",
                    "remote-server-timeout",
                    &format!("No reply within {} s", self.iq_timeout.as_secs()),
                );
                self.send(protocol::callback(
                    waiting.ack,
                    &error.to_string(),
                    "null",
                    None,
                ))
                .await?;
            }
        }
        Ok(())
    }
}

/// MUC owner configuration (XEP-0045 §10).
const NS_MUC_OWNER: &str = "http://jabber.org/protocol/muc#owner";
/// MUC user extension, which carries the room's status codes.
const NS_MUC_USER: &str = "http://jabber.org/protocol/muc#user";
/// Data forms (XEP-0004).
const NS_DATA: &str = "jabber:x:data";

/// Instant rooms the standard way (XEP-0045 §10.1.2). When the room a session created
/// with `instant: true` answers the join with status code 201 ("room created, locked
/// until configured"), the owner accepts the default configuration by submitting an
/// empty form: `<iq type='set' to='room'><query xmlns='…muc#owner'><x xmlns='jabber:x:data'
/// type='submit'/></query></iq>`. Returns that IQ and clears the room's instant flag,
/// so it is sent once. (The original XMPP-FTW sent a non-standard variant, which
/// Prosody refuses, leaving the room locked.)
pub fn instant_room_request(st: Elem<'_>, xmpp: &mut XmppState) -> Option<String> {
    if !st.is(NS_CLIENT, "presence") || st.attr("type").is_some() {
        return None;
    }
    let from = st.attr("from")?;
    let room = from.split_once('/').map_or(from, |(bare, _)| bare);
    let joined = xmpp.room(room)?;
    if !joined.instant {
        return None;
    }
    let created = st
        .children_named(NS_MUC_USER, "x")
        .flat_map(|x| x.children_named(NS_MUC_USER, "status"))
        .any(|status| status.attr("code") == Some("201"));
    if !created {
        return None;
    }
    let nick = joined.nick.clone();
    xmpp.join_room(room, &nick, false);
    let id = xmpp.next_id();
    let mut w = XmlWriter::new(NS_CLIENT);
    w.start("iq", NS_CLIENT);
    w.attr("type", "set");
    w.attr("to", room);
    w.attr("id", &id);
    w.start("query", NS_MUC_OWNER);
    w.start("x", NS_DATA);
    w.attr("type", "submit");
    w.end();
    w.end();
    w.end();
    Some(w.into_string())
}

/// The IQ spoofing guard. A request with a `to` must be answered from exactly there
/// (ASCII case aside); a reply without `from` is accepted for it only when `to` is the
/// user's own account or server, which RFC 6120 lets omit it. A request without `to`
/// (to the user's own account) may be answered with no `from`, the user's bare JID or
/// the user's domain.
pub fn reply_from_ok(to: Option<&str>, from: Option<&str>, xmpp: &XmppState) -> bool {
    let bare = xmpp.bare_jid();
    let domain = bare.map(|b| b.rsplit_once('@').map_or(b, |(_, d)| d));
    let own = |jid: &str| {
        bare.is_some_and(|b| b.eq_ignore_ascii_case(jid))
            || domain.is_some_and(|d| d.eq_ignore_ascii_case(jid))
    };
    match (to, from) {
        (Some(to), Some(from)) => to.eq_ignore_ascii_case(from),
        (Some(to), None) => own(to),
        (None, None) => true,
        (None, Some(from)) => own(from),
    }
}

/// `<iq type='error'>` with `service-unavailable`, answering `request`.
pub fn service_unavailable(request: Elem<'_>) -> String {
    let mut w = XmlWriter::new(NS_CLIENT);
    w.start("iq", NS_CLIENT);
    w.attr("type", "error");
    if let Some(id) = request.attr("id") {
        w.attr("id", id);
    }
    if let Some(from) = request.attr("from") {
        w.attr("to", from);
    }
    w.start("error", NS_CLIENT);
    w.attr("type", "cancel");
    w.start("service-unavailable", NS_STANZAS);
    w.end();
    w.end();
    w.end();
    w.into_string()
}

/// XMPP Ping (XEP-0199).
const NS_PING: &str = "urn:xmpp:ping";
/// Service Discovery, information (XEP-0030).
const NS_DISCO_INFO: &str = "http://jabber.org/protocol/disco#info";
/// The disco#info nodes the gateway answers besides the node-less query; any other
/// node gets `item-not-found` (XEP-0030 §3.2). None today.
const KNOWN_DISCO_NODES: &[&str] = &[];

/// Whether `request` carries an XEP-0199 `<ping/>` child.
pub fn is_ping(request: Elem<'_>) -> bool {
    request.child(NS_PING, "ping").is_some()
}

/// The answer to an XEP-0199 ping addressed to the client: an empty `<iq
/// type='result'/>` with the request's id, to its sender (XEP-0199 §4.2). RFC 6120 §8.4
/// obliges an entity to answer every IQ get/set; the original XMPP-FTW left every IQ
/// to the browser, so peers and servers pinging the client timed out. The gateway
/// answers it itself; the browser never sees it.
pub fn ping_reply(request: Elem<'_>) -> String {
    translate::iq_result_for(request)
}

/// The answer to an XEP-0030 disco#info query addressed to the client. RFC 6120 §8.4
/// obliges an entity to answer every IQ get/set, and XEP-0030 §3.1 says an entity
/// answers disco#info with its identity and features; the original XMPP-FTW left
/// every IQ to the browser, so peers asking what the client supports got no answer.
/// The gateway answers for the browser: the `client/web` identity, one feature per
/// entry of [`registry::FEATURES`], plus disco#info and XEP-0199 ping, which the
/// gateway itself answers. The query's `node` is echoed when it is one of
/// `known_nodes`; any other node gets `item-not-found` (XEP-0030 §3.2).
pub fn disco_info_reply(request: Elem<'_>, known_nodes: &[&str]) -> String {
    let node = request
        .child(NS_DISCO_INFO, "query")
        .and_then(|q| q.attr("node"));
    let mut w = XmlWriter::new(NS_CLIENT);
    w.start("iq", NS_CLIENT);
    if let Some(id) = request.attr("id") {
        w.attr("id", id);
    }
    if let Some(from) = request.attr("from") {
        w.attr("to", from);
    }
    if node.is_some_and(|n| !known_nodes.contains(&n)) {
        w.attr("type", "error");
        w.start("error", NS_CLIENT);
        w.attr("type", "cancel");
        w.start("item-not-found", NS_STANZAS);
        w.end();
        w.end();
        w.end();
        return w.into_string();
    }
    w.attr("type", "result");
    w.start("query", NS_DISCO_INFO);
    if let Some(node) = node {
        w.attr("node", node);
    }
    w.start("identity", NS_DISCO_INFO);
    w.attr("category", "client");
    w.attr("type", "web");
    w.attr("name", "XMPP-FTW");
    w.end();
    let own = [NS_DISCO_INFO, NS_PING];
    let mut seen: Vec<&str> = Vec::new();
    for var in own.iter().chain(registry::FEATURES.iter()) {
        if seen.contains(var) {
            continue;
        }
        seen.push(var);
        w.start("feature", NS_DISCO_INFO);
        w.attr("var", var);
        w.end();
    }
    w.end();
    w.end();
    w.into_string()
}

/// `{"key":value,…}` from a frame `{…}`: `value` is JSON text.
fn with_key(frame: &str, key: &str, value: &str) -> String {
    let rest = frame.strip_prefix('{').unwrap_or(frame);
    let mut out = String::with_capacity(frame.len() + key.len() + value.len() + 4);
    out.push_str("{\"");
    out.push_str(key);
    out.push_str("\":");
    out.push_str(value);
    if rest != "}" {
        out.push(',');
    }
    out.push_str(rest);
    out
}

/// The payload without a password, for echoing back.
fn redacted(data: &Value) -> Value {
    match data {
        Value::Object(obj) if obj.contains_key("password") => {
            let mut obj = obj.clone();
            obj.remove("password");
            Value::Object(obj)
        }
        other => other.clone(),
    }
}

/// At most `max` bytes of `text`, cut at a character boundary.
fn cut(text: &str, max: usize) -> &str {
    if text.len() <= max {
        return text;
    }
    let mut end = max;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

#[cfg(test)]
mod tests {
    use super::*;
    use xmpp_ftw_runtime::xml::{Limits, Tree};

    fn state(jid: &str) -> XmppState {
        let mut s = XmppState::new();
        s.set_jid(jid);
        s
    }

    #[test]
    fn replies_must_come_from_where_the_request_went() {
        let s = state("romeo@montague.lit/orchard");
        assert!(reply_from_ok(
            Some("juliet@capulet.lit/balcony"),
            Some("Juliet@Capulet.lit/balcony"),
            &s
        ));
        assert!(!reply_from_ok(
            Some("juliet@capulet.lit/balcony"),
            Some("juliet@capulet.lit"),
            &s
        ));
        assert!(!reply_from_ok(
            Some("juliet@capulet.lit"),
            Some("tybalt@capulet.lit"),
            &s
        ));
        assert!(!reply_from_ok(Some("juliet@capulet.lit"), None, &s));
        assert!(reply_from_ok(Some("romeo@montague.lit"), None, &s));
        assert!(reply_from_ok(Some("montague.lit"), None, &s));
    }

    #[test]
    fn replies_to_the_own_account_come_from_it_or_its_server() {
        let s = state("romeo@montague.lit/orchard");
        assert!(reply_from_ok(None, None, &s));
        assert!(reply_from_ok(None, Some("romeo@montague.lit"), &s));
        assert!(reply_from_ok(None, Some("MONTAGUE.lit"), &s));
        assert!(!reply_from_ok(None, Some("capulet.lit"), &s));
        assert!(!reply_from_ok(None, Some("juliet@capulet.lit"), &s));
        assert!(!reply_from_ok(None, Some("romeo@montague.lit/other"), &s));
    }

    #[test]
    fn a_created_instant_room_is_configured_once() {
        let presence = "<presence from='demo@conference.lit/romeo'>\
            <x xmlns='http://jabber.org/protocol/muc#user'>\
            <status code='110'/><status code='201'/></x></presence>";
        let tree = Tree::parse(presence, NS_CLIENT, &Limits::default()).expect("XML");
        let mut s = XmppState::with_sequential_ids("t");
        s.join_room("demo@conference.lit", "romeo", false);
        assert_eq!(instant_room_request(tree.root(), &mut s), None);
        s.join_room("demo@conference.lit", "romeo", true);
        let iq = instant_room_request(tree.root(), &mut s).expect("the owner's submit");
        let iq = Tree::parse(&iq, NS_CLIENT, &Limits::default()).expect("IQ parses");
        let r = iq.root();
        assert!(r.is(NS_CLIENT, "iq"));
        assert_eq!(r.attr("type"), Some("set"));
        assert_eq!(r.attr("to"), Some("demo@conference.lit"));
        assert_eq!(r.attr("id"), Some("t1"));
        let form = r
            .child(NS_MUC_OWNER, "query")
            .and_then(|q| q.child(NS_DATA, "x"))
            .expect("an empty form");
        assert_eq!(form.attr("type"), Some("submit"));
        assert!(form.is_empty());
        assert!(!s.room("demo@conference.lit").expect("still joined").instant);
        assert_eq!(instant_room_request(tree.root(), &mut s), None);
    }

    #[test]
    fn unhandled_iqs_get_service_unavailable_escaped() {
        let tree = Tree::parse(
            "<iq type='get' id='a&apos;b' from='x@y.lit/&lt;r&gt;'><q xmlns='urn:x'/></iq>",
            NS_CLIENT,
            &Limits::default(),
        )
        .expect("XML");
        let xml = service_unavailable(tree.root());
        let back = Tree::parse(&xml, NS_CLIENT, &Limits::default()).expect("reply parses");
        let r = back.root();
        assert_eq!(r.attr("type"), Some("error"));
        assert_eq!(r.attr("id"), Some("a'b"));
        assert_eq!(r.attr("to"), Some("x@y.lit/<r>"));
        let error = r.child(NS_CLIENT, "error").expect("error child");
        assert_eq!(error.attr("type"), Some("cancel"));
        assert!(error.child(NS_STANZAS, "service-unavailable").is_some());
    }

    #[test]
    fn pings_are_recognised_and_answered_escaped() {
        let tree = Tree::parse(
            "<iq type='get' id='p&amp;1' from='x@y.lit/&lt;r&gt;'><ping xmlns='urn:xmpp:ping'/></iq>",
            NS_CLIENT,
            &Limits::default(),
        )
        .expect("XML");
        assert!(is_ping(tree.root()));
        let xml = ping_reply(tree.root());
        let back = Tree::parse(&xml, NS_CLIENT, &Limits::default()).expect("reply parses");
        let r = back.root();
        assert_eq!(r.attr("type"), Some("result"));
        assert_eq!(r.attr("id"), Some("p&1"));
        assert_eq!(r.attr("to"), Some("x@y.lit/<r>"));
        assert!(r.is_empty());
        let other = Tree::parse(
            "<iq type='get' id='q'><q xmlns='urn:x'/></iq>",
            NS_CLIENT,
            &Limits::default(),
        )
        .expect("XML");
        assert!(!is_ping(other.root()));
    }

    #[test]
    fn disco_info_lists_identity_and_features_escaped() {
        let tree = Tree::parse(
            "<iq type='get' id='d&apos;1' from='x@y.lit/&lt;r&gt;'>\
             <query xmlns='http://jabber.org/protocol/disco#info'/></iq>",
            NS_CLIENT,
            &Limits::default(),
        )
        .expect("XML");
        let xml = disco_info_reply(tree.root(), &[]);
        let back = Tree::parse(&xml, NS_CLIENT, &Limits::default()).expect("reply parses");
        let r = back.root();
        assert_eq!(r.attr("type"), Some("result"));
        assert_eq!(r.attr("id"), Some("d'1"));
        assert_eq!(r.attr("to"), Some("x@y.lit/<r>"));
        let query = r.child(NS_DISCO_INFO, "query").expect("query child");
        assert_eq!(query.attr("node"), None);
        let identity = query.child(NS_DISCO_INFO, "identity").expect("identity");
        assert_eq!(identity.attr("category"), Some("client"));
        assert_eq!(identity.attr("type"), Some("web"));
        assert_eq!(identity.attr("name"), Some("XMPP-FTW"));
        let vars: Vec<&str> = query
            .children_named(NS_DISCO_INFO, "feature")
            .filter_map(|f| f.attr("var"))
            .collect();
        assert!(vars.contains(&NS_DISCO_INFO));
        assert!(vars.contains(&NS_PING));
        for feature in registry::FEATURES {
            assert!(vars.contains(feature), "{feature} advertised");
        }
        let mut unique = vars.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), vars.len(), "no feature twice");
    }

    #[test]
    fn disco_info_nodes_are_echoed_or_not_found() {
        let tree = Tree::parse(
            "<iq type='get' id='n' from='x@y.lit/r'>\
             <query xmlns='http://jabber.org/protocol/disco#info' node='urn:n&amp;1'/></iq>",
            NS_CLIENT,
            &Limits::default(),
        )
        .expect("XML");
        let known = disco_info_reply(tree.root(), &["urn:n&1"]);
        let back = Tree::parse(&known, NS_CLIENT, &Limits::default()).expect("reply parses");
        assert_eq!(back.root().attr("type"), Some("result"));
        let query = back
            .root()
            .child(NS_DISCO_INFO, "query")
            .expect("query child");
        assert_eq!(query.attr("node"), Some("urn:n&1"));
        let unknown = disco_info_reply(tree.root(), &[]);
        let back = Tree::parse(&unknown, NS_CLIENT, &Limits::default()).expect("reply parses");
        let r = back.root();
        assert_eq!(r.attr("type"), Some("error"));
        assert_eq!(r.attr("id"), Some("n"));
        assert_eq!(r.attr("to"), Some("x@y.lit/r"));
        assert!(r.child(NS_DISCO_INFO, "query").is_none());
        let error = r.child(NS_CLIENT, "error").expect("error child");
        assert_eq!(error.attr("type"), Some("cancel"));
        assert!(error.child(NS_STANZAS, "item-not-found").is_some());
    }

    #[test]
    fn the_bucket_allows_bursts_of_twice_the_rate() {
        let mut b = Bucket::new(5);
        assert_eq!((0..20).filter(|_| b.take()).count(), 10);
        let mut unlimited = Bucket::new(0);
        assert!((0..1000).all(|_| unlimited.take()));
    }

    #[test]
    fn cuts_at_character_boundaries() {
        assert_eq!(cut("ééé", 3), "é");
        assert_eq!(cut("abc", 10), "abc");
    }
}
