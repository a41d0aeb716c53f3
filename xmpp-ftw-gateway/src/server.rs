//! The HTTP listener: `GET /ws` (the browser WebSocket), `/socket.io/` (the same
//! sessions over Socket.IO v4, see [`crate::socketio`]), `GET /healthz`,
//! `GET /metrics` and the pages of [`pages`] (`/manual`, `/demo`…), on hyper 1.
//!
//! ```no_run
//! # async fn demo(config: xmpp_ftw_gateway::config::Config) -> std::io::Result<()> {
//! use std::sync::Arc;
//! use xmpp_ftw_gateway::{link::Unavailable, server::Server};
//! let server = Server::bind(config, Arc::new(Unavailable)).await?;
//! println!("listening on {}", server.local_addr());
//! server.run_until(async { let _ = tokio::signal::ctrl_c().await; }).await
//! # }
//! ```
//!
//! - `/ws`: the `Origin` must pass [`Config::origin_allowed`]; past `max_sessions`
//!   open sessions the upgrade is refused with 503. The upgraded connection becomes a
//!   [`WebSocketStream`] with the limits of [`session::websocket_config`] and is served
//!   by [`session::run`] in its own task.
//! - `/socket.io/`: the same origin check and session limit, then socketioxide
//!   (WebSocket and HTTP long-polling); each Socket.IO connection is served by
//!   [`session::serve`] like a WebSocket.
//! - Accepted sockets get `TCP_NODELAY`; request headers must arrive within
//!   [`HEADER_TIMEOUT`].
//! - Shutdown ([`Server::run_until`]'s signal): the listener closes, every session
//!   sends its browser a final `xmpp.error` `{type: "connection", condition:
//!   "shutdown", description: "Gateway shutting down"}` and closes, idle HTTP
//!   connections are closed, and the server waits up to [`SHUTDOWN_GRACE`] for all that.

use crate::config::Config;
use crate::link::Connector;
use crate::metrics::{self, Metrics};
use crate::pages;
use crate::session;
use engineioxide::service::NotFoundService;
use http_body_util::{Either, Full};
use hyper::body::{Bytes, Incoming};
use hyper::header::{self, HeaderMap, HeaderValue};
use hyper::server::conn::http1;
use hyper::service::Service as _;
use hyper::service::service_fn;
use hyper::{Method, Request, Response, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use socketioxide::SocketIo;
use socketioxide::extract::SocketRef;
use socketioxide::service::SocketIoService;
use std::convert::Infallible;
use std::future::Future;
use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::Weak;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::Duration;
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::{mpsc, oneshot, watch};
use tokio::task::JoinHandle;
use tokio_tungstenite::WebSocketStream;
use tokio_tungstenite::tungstenite::handshake::derive_accept_key;
use tokio_tungstenite::tungstenite::protocol::{Role, WebSocketConfig};
use tracing::{Instrument, debug, info, info_span, warn};

/// How long a client may take to send its request headers.
pub const HEADER_TIMEOUT: Duration = Duration::from_secs(10);
/// How long shutdown waits for sessions and connections to finish.
pub const SHUTDOWN_GRACE: Duration = Duration::from_secs(10);

type Body = Full<Bytes>;

struct Shared {
    ctx: session::Context,
    ws_config: WebSocketConfig,
    socketio: SocketIoService<NotFoundService>,
    /// Held by every session, so that shutdown can wait for them (see [`Server::run_until`]).
    done: mpsc::WeakSender<()>,
    /// Sessions admitted and not yet ended (admission control for `max_sessions`).
    sessions: AtomicUsize,
    next_id: AtomicU64,
    shutdown: watch::Receiver<bool>,
}

/// A bound, not yet running gateway.
pub struct Server {
    listener: TcpListener,
    addr: SocketAddr,
    ctx: session::Context,
}

impl std::fmt::Debug for Server {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Server")
            .field("addr", &self.addr)
            .finish_non_exhaustive()
    }
}

impl Server {
    /// Binds `config.listen` (port 0 picks a free port; see [`Server::local_addr`]).
    pub async fn bind(config: Config, connector: Arc<dyn Connector>) -> io::Result<Server> {
        let listener = TcpListener::bind(config.listen).await?;
        let addr = listener.local_addr()?;
        let ctx = session::Context::new(Arc::new(config), connector, Arc::new(Metrics::new()));
        Ok(Server {
            listener,
            addr,
            ctx,
        })
    }

    /// How long a session waits for a browser (or link) that takes no frames before
    /// dropping it; [`session::SEND_TIMEOUT`] by default.
    pub fn with_send_timeout(mut self, timeout: Duration) -> Server {
        self.ctx.send_timeout = timeout;
        self
    }

    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn metrics(&self) -> Arc<Metrics> {
        self.ctx.metrics.clone()
    }

    /// Serves until `signal` completes, then shuts down gracefully.
    pub async fn run_until(self, signal: impl Future<Output = ()>) -> io::Result<()> {
        let Server {
            listener,
            addr,
            ctx,
        } = self;
        let (shutdown, shutdown_rx) = watch::channel(false);
        // Every connection and session task holds a clone; when all are dropped, all
        // of them have finished.
        let (done, mut all_done) = mpsc::channel::<()>(1);
        let shared = Arc::new_cyclic(|me: &Weak<Shared>| {
            let (socketio, io) = SocketIo::builder()
                .max_payload(ctx.config.max_frame_bytes as u64 * 2 + 4096)
                .build_svc();
            let me = me.clone();
            io.ns("/", async move |socket: SocketRef| {
                if let Some(shared) = me.upgrade() {
                    socketio_session(&socket, &shared);
                }
            });
            Shared {
                ws_config: session::websocket_config(ctx.config.max_frame_bytes),
                ctx,
                socketio,
                done: done.downgrade(),
                sessions: AtomicUsize::new(0),
                next_id: AtomicU64::new(1),
                shutdown: shutdown_rx,
            }
        });
        info!(%addr, "listening");
        tokio::pin!(signal);
        loop {
            tokio::select! {
                () = &mut signal => break,
                accepted = listener.accept() => match accepted {
                    Ok((tcp, peer)) => {
                        tokio::spawn(serve_connection(tcp, peer, shared.clone(), done.clone()));
                    }
                    Err(e) => {
                        // Out of file descriptors and the like: wait, then go on.
                        warn!(error = %e, "accept failed");
                        tokio::time::sleep(Duration::from_millis(100)).await;
                    }
                },
            }
        }
        info!("shutting down");
        drop(listener);
        let _ = shutdown.send(true);
        drop(done);
        drop(shared);
        if tokio::time::timeout(SHUTDOWN_GRACE, all_done.recv())
            .await
            .is_err()
        {
            warn!("sessions still open after the shutdown grace period");
        }
        info!("stopped");
        Ok(())
    }

    /// Runs the server in a task of its own (tests, embedding).
    pub fn spawn(self) -> RunningServer {
        let addr = self.addr;
        let metrics = self.metrics();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(self.run_until(async {
            let _ = stopped.await;
        }));
        RunningServer {
            addr,
            metrics,
            stop,
            task,
        }
    }
}

/// A server running in its own task.
#[derive(Debug)]
pub struct RunningServer {
    addr: SocketAddr,
    metrics: Arc<Metrics>,
    stop: oneshot::Sender<()>,
    task: JoinHandle<io::Result<()>>,
}

impl RunningServer {
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    pub fn metrics(&self) -> &Metrics {
        &self.metrics
    }

    /// Shuts down gracefully and waits until it has.
    pub async fn shutdown(self) -> io::Result<()> {
        let _ = self.stop.send(());
        self.task.await.map_err(io::Error::other)?
    }
}

async fn shutdown_requested(shutdown: &mut watch::Receiver<bool>) {
    if shutdown.wait_for(|&down| down).await.is_err() {
        std::future::pending::<()>().await;
    }
}

async fn serve_connection(
    tcp: TcpStream,
    peer: SocketAddr,
    shared: Arc<Shared>,
    done: mpsc::Sender<()>,
) {
    if let Err(e) = tcp.set_nodelay(true) {
        debug!(%peer, error = %e, "TCP_NODELAY not set");
    }
    let mut shutdown = shared.shutdown.clone();
    let service = {
        let done = done.clone();
        service_fn(move |req: Request<Incoming>| {
            let socketio = if req.uri().path().starts_with(SOCKET_IO_PATH) {
                match origin_refused(&req, peer, &shared) {
                    Some(refused) => Err(refused),
                    None => Ok(shared.socketio.call(req)),
                }
            } else {
                Err(route(req, peer, &shared, &done))
            };
            async move {
                let response = match socketio {
                    Ok(call) => match call.await {
                        Ok(response) => response.map(Either::Right),
                        Err(e) => {
                            debug!(%peer, error = ?e, "Socket.IO request failed");
                            text(StatusCode::BAD_REQUEST, "bad Socket.IO request").map(Either::Left)
                        }
                    },
                    Err(response) => response.map(Either::Left),
                };
                Ok::<_, Infallible>(response)
            }
        })
    };
    let conn = http1::Builder::new()
        .timer(TokioTimer::new())
        .header_read_timeout(HEADER_TIMEOUT)
        .serve_connection(TokioIo::new(tcp), service)
        .with_upgrades();
    tokio::pin!(conn);
    tokio::select! {
        result = conn.as_mut() => {
            if let Err(e) = result {
                debug!(%peer, error = %e, "HTTP connection ended with an error");
            }
        }
        () = shutdown_requested(&mut shutdown) => {
            conn.as_mut().graceful_shutdown();
            let _ = conn.as_mut().await;
        }
    }
    drop(done);
}

fn route(
    req: Request<Incoming>,
    peer: SocketAddr,
    shared: &Arc<Shared>,
    done: &mpsc::Sender<()>,
) -> Response<Body> {
    match (req.method(), req.uri().path()) {
        (&Method::GET, "/ws") => upgrade(req, peer, shared, done),
        (&Method::GET, "/healthz") => text(StatusCode::OK, "ok"),
        (&Method::GET, "/metrics") => {
            let mut response = Response::new(Body::from(shared.ctx.metrics.encode()));
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static(metrics::CONTENT_TYPE),
            );
            response
        }
        // The people-facing pages (manual, demo, JS client, chat example).
        (&Method::GET, path) if pages::serves(path) => pages::respond(path),
        (_, "/ws" | "/healthz" | "/metrics") => {
            let mut response = text(StatusCode::METHOD_NOT_ALLOWED, "method not allowed");
            response
                .headers_mut()
                .insert(header::ALLOW, HeaderValue::from_static("GET"));
            response
        }
        _ => text(StatusCode::NOT_FOUND, "not found"),
    }
}

fn text(status: StatusCode, body: &'static str) -> Response<Body> {
    let mut response = Response::new(Body::from(body));
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/plain; charset=utf-8"),
    );
    response
}

/// Whether the comma-separated header `name` has `token` (case-insensitive).
fn has_token(headers: &HeaderMap, name: header::HeaderName, token: &str) -> bool {
    headers.get_all(name).iter().any(|v| {
        v.to_str()
            .is_ok_and(|v| v.split(',').any(|t| t.trim().eq_ignore_ascii_case(token)))
    })
}

/// A place among `max_sessions`, given back when dropped; it is what the
/// `xmpp_ftw_sessions` gauge counts.
struct Slot(Arc<Shared>);

impl Slot {
    fn take(shared: &Arc<Shared>) -> Option<Slot> {
        let max = shared.ctx.config.max_sessions;
        shared
            .sessions
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < max).then_some(n + 1)
            })
            .ok()?;
        shared.ctx.metrics.sessions.inc();
        Some(Slot(shared.clone()))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.sessions.fetch_sub(1, Ordering::AcqRel);
        self.0.ctx.metrics.sessions.dec();
    }
}

/// Where Socket.IO clients connect (their default path).
const SOCKET_IO_PATH: &str = "/socket.io/";

/// The 403 answer when the request's `Origin` is not allowed (see
/// [`Config::origin_allowed`]).
fn origin_refused<B>(
    req: &Request<B>,
    peer: SocketAddr,
    shared: &Shared,
) -> Option<Response<Body>> {
    let origin = match req.headers().get(header::ORIGIN) {
        None => None,
        Some(value) => match value.to_str() {
            Ok(origin) => Some(origin),
            Err(_) => return Some(text(StatusCode::FORBIDDEN, "origin not allowed")),
        },
    };
    if shared.ctx.config.origin_allowed(origin) {
        return None;
    }
    info!(%peer, origin = origin.unwrap_or(""), path = req.uri().path(), "refused: origin not allowed");
    Some(text(StatusCode::FORBIDDEN, "origin not allowed"))
}

/// A new Socket.IO connection: a session of its own, like a WebSocket's, within the
/// same `max_sessions`.
fn socketio_session(socket: &SocketRef, shared: &Arc<Shared>) {
    if *shared.shutdown.borrow() {
        let _ = socket.clone().disconnect();
        return;
    }
    let Some(slot) = Slot::take(shared) else {
        warn!(
            max = shared.ctx.config.max_sessions,
            "Socket.IO refused: too many sessions"
        );
        let _ = socket.clone().disconnect();
        return;
    };
    let Some(done) = shared.done.upgrade() else {
        return;
    };
    let id = shared.next_id.fetch_add(1, Ordering::Relaxed);
    let span = info_span!("session", id, transport = "socket.io");
    let port = crate::socketio::port(socket);
    let ctx = shared.ctx.clone();
    let shutdown = shared.shutdown.clone();
    tokio::spawn(
        async move {
            let _slot = slot;
            let _done = done;
            info!("Socket.IO connected");
            session::serve(port, ctx, shutdown).await;
        }
        .instrument(span),
    );
}

fn upgrade(
    req: Request<Incoming>,
    peer: SocketAddr,
    shared: &Arc<Shared>,
    done: &mpsc::Sender<()>,
) -> Response<Body> {
    if let Some(refused) = origin_refused(&req, peer, shared) {
        return refused;
    }
    let headers = req.headers();
    if !has_token(headers, header::CONNECTION, "upgrade")
        || !has_token(headers, header::UPGRADE, "websocket")
    {
        return text(StatusCode::BAD_REQUEST, "expected a WebSocket upgrade");
    }
    if headers
        .get(header::SEC_WEBSOCKET_VERSION)
        .is_none_or(|v| v.as_bytes() != b"13")
    {
        let mut response = text(StatusCode::UPGRADE_REQUIRED, "WebSocket version 13 only");
        response.headers_mut().insert(
            header::SEC_WEBSOCKET_VERSION,
            HeaderValue::from_static("13"),
        );
        return response;
    }
    let Some(key) = headers.get(header::SEC_WEBSOCKET_KEY) else {
        return text(StatusCode::BAD_REQUEST, "missing Sec-WebSocket-Key");
    };
    let Ok(accept) = HeaderValue::from_str(&derive_accept_key(key.as_bytes())) else {
        return text(StatusCode::INTERNAL_SERVER_ERROR, "handshake failed");
    };
    if *shared.shutdown.borrow() {
        return text(StatusCode::SERVICE_UNAVAILABLE, "shutting down");
    }
    let Some(slot) = Slot::take(shared) else {
        warn!(%peer, max = shared.ctx.config.max_sessions, "WebSocket refused: too many sessions");
        return text(StatusCode::SERVICE_UNAVAILABLE, "too many sessions");
    };

    let id = shared.next_id.fetch_add(1, Ordering::Relaxed);
    let span = info_span!("session", id, %peer);
    let ctx = shared.ctx.clone();
    let ws_config = shared.ws_config;
    let shutdown = shared.shutdown.clone();
    let done = done.clone();
    tokio::spawn(
        async move {
            let _slot = slot;
            let _done = done;
            match hyper::upgrade::on(req).await {
                Ok(upgraded) => {
                    info!("WebSocket open");
                    let ws = WebSocketStream::from_raw_socket(
                        TokioIo::new(upgraded),
                        Role::Server,
                        Some(ws_config),
                    )
                    .await;
                    session::run(ws, ctx, shutdown).await;
                }
                Err(e) => debug!(error = %e, "WebSocket upgrade failed"),
            }
        }
        .instrument(span),
    );

    let mut response = Response::new(Body::default());
    *response.status_mut() = StatusCode::SWITCHING_PROTOCOLS;
    let h = response.headers_mut();
    h.insert(header::CONNECTION, HeaderValue::from_static("Upgrade"));
    h.insert(header::UPGRADE, HeaderValue::from_static("websocket"));
    h.insert(header::SEC_WEBSOCKET_ACCEPT, accept);
    response
}
