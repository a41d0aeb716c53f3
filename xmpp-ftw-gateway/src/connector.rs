//! The real [`Connector`]: the runtime's XMPP client ([`xmpp_ftw_runtime::client`])
//! behind the gateway's address policy.
//!
//! A login becomes [`LoginOptions`]; the gateway's [`Config`] becomes the
//! [`ConnectPolicy`] (which addresses may be connected to, an extra CA, plain TCP to
//! loopback servers). Once the client has a bound resource, two small tasks adapt its
//! channels to a [`Link`]:
//!
//! - every [`ClientEvent::Stanza`] goes to the session as [`LinkEvent::Stanza`], and
//!   [`ClientEvent::Closed`] as [`LinkEvent::Closed`];
//! - every stanza the session sends goes to the client; when the session drops its
//!   sender (logout, or the browser went away) the client's sender is dropped too, and
//!   the client closes the stream with `</stream:stream>`.

use crate::config::Config;
use crate::link::{Connector, LINK_QUEUE, Link, LinkEvent, LoginError, LoginFuture, LoginRequest};
use std::sync::Arc;
use std::time::Duration;
use tracing::debug;
use xmpp_ftw_runtime::client::{self, ClientEvent, ConnectError, ConnectPolicy, LoginOptions};

/// The deadline for a whole login: DNS, TCP, TLS, SASL and binding.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(15);

/// Opens real XMPP sessions, under the gateway configuration's policy.
#[derive(Debug, Clone)]
pub struct RealConnector {
    pub config: Config,
}

impl RealConnector {
    pub fn new(config: &Config) -> Self {
        RealConnector {
            config: config.clone(),
        }
    }

    /// The client's policy: [`Config::address_allowed`], [`Config::ca_file`], plain TCP to
    /// loopback servers only when [`Config::allow_loopback`], [`CONNECT_TIMEOUT`].
    pub fn policy(&self) -> ConnectPolicy {
        let config = self.config.clone();
        ConnectPolicy {
            allow_address: Arc::new(move |ip, host| config.address_allowed(ip, host)),
            extra_ca: self.config.ca_file.clone(),
            allow_plain_tcp_to_loopback: self.config.allow_loopback,
            timeout: CONNECT_TIMEOUT,
        }
    }
}

/// The client's login options for a browser's request.
pub fn login_options(request: &LoginRequest) -> LoginOptions {
    LoginOptions {
        jid: request.jid.clone(),
        password: request.password.clone(),
        host: request.host.clone(),
        port: request.port,
        resource: request.resource.clone(),
        register: request.register,
        anonymous: request.anonymous,
    }
}

/// How a failed connect is reported to the browser.
pub fn login_error(error: ConnectError) -> LoginError {
    match error {
        ConnectError::AuthFailed => LoginError::AuthFailed,
        ConnectError::RegistrationFailed(_) => LoginError::RegistrationFailed,
        ConnectError::Unreachable(why) => LoginError::Unreachable(why),
        ConnectError::NotAllowed(why) => LoginError::NotAllowed(why),
        other @ (ConnectError::InvalidLogin(_)
        | ConnectError::Tls(_)
        | ConnectError::Protocol(_)) => LoginError::Other(other.to_string()),
    }
}

impl Connector for RealConnector {
    fn connect(&self, request: LoginRequest) -> LoginFuture {
        let policy = self.policy();
        Box::pin(async move {
            let options = login_options(&request);
            let connection = client::connect(&options, &policy)
                .await
                .map_err(login_error)?;
            let (link, end) = Link::pair(connection.jid());
            let (to_client, mut from_client) = connection.into_channels(LINK_QUEUE);
            let to_session = end.to_session;
            let mut from_session = end.from_session;
            tokio::spawn(async move {
                while let Some(event) = from_client.recv().await {
                    let event = match event {
                        ClientEvent::Stanza(el) => LinkEvent::Stanza(el.tree),
                        ClientEvent::Closed(reason) => LinkEvent::Closed(reason.to_string()),
                    };
                    if to_session.send(event).await.is_err() {
                        break; // the session is gone
                    }
                }
            });
            tokio::spawn(async move {
                while let Some(stanza) = from_session.recv().await {
                    if to_client.send(stanza).await.is_err() {
                        break; // the stream is over
                    }
                }
                debug!("session ended its link: closing the XMPP stream");
                drop(to_client);
            });
            Ok(link)
        })
    }
}
