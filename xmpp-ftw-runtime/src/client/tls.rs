//! The socket under the stream (plain TCP, or TLS after STARTTLS) and the rustls client
//! configuration: system roots plus an optional extra CA file, ring as the only crypto
//! provider.

use std::io;
use std::path::Path;
use std::pin::Pin;
use std::sync::{Arc, OnceLock};
use std::task::{Context, Poll};

use rustls_pki_types::pem::PemObject;
use rustls_pki_types::{CertificateDer, ServerName};
use tokio::io::{AsyncRead, AsyncWrite, ReadBuf};
use tokio::net::TcpStream;
use tokio_rustls::TlsConnector;
use tokio_rustls::client::TlsStream;
use tokio_rustls::rustls::{self, ClientConfig, RootCertStore};

use super::ConnectError;

/// The connection a stream runs over.
pub(crate) enum Transport {
    Plain(TcpStream),
    Tls(Box<TlsStream<TcpStream>>),
}

impl Transport {
    pub(crate) fn is_tls(&self) -> bool {
        matches!(self, Transport::Tls(_))
    }
}

impl AsyncRead for Transport {
    fn poll_read(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Transport::Plain(s) => Pin::new(s).poll_read(cx, buf),
            Transport::Tls(s) => Pin::new(s.as_mut()).poll_read(cx, buf),
        }
    }
}

impl AsyncWrite for Transport {
    fn poll_write(
        self: Pin<&mut Self>,
        cx: &mut Context<'_>,
        buf: &[u8],
    ) -> Poll<io::Result<usize>> {
        match self.get_mut() {
            Transport::Plain(s) => Pin::new(s).poll_write(cx, buf),
            Transport::Tls(s) => Pin::new(s.as_mut()).poll_write(cx, buf),
        }
    }

    fn poll_flush(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Transport::Plain(s) => Pin::new(s).poll_flush(cx),
            Transport::Tls(s) => Pin::new(s.as_mut()).poll_flush(cx),
        }
    }

    fn poll_shutdown(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<io::Result<()>> {
        match self.get_mut() {
            Transport::Plain(s) => Pin::new(s).poll_shutdown(cx),
            Transport::Tls(s) => Pin::new(s.as_mut()).poll_shutdown(cx),
        }
    }
}

/// The TLS handshake over `tcp`, checking the certificate for `domain`.
pub(crate) async fn handshake(
    tcp: TcpStream,
    domain: &str,
    extra_ca: Option<&Path>,
) -> Result<TlsStream<TcpStream>, ConnectError> {
    let name = ServerName::try_from(domain.to_owned()).map_err(|e| {
        ConnectError::Tls(format!(
            "{domain:?} cannot be checked against a certificate: {e}"
        ))
    })?;
    let config = client_config(extra_ca)?;
    TlsConnector::from(config)
        .connect(name, tcp)
        .await
        .map_err(|e| ConnectError::Tls(format!("TLS handshake with {domain} failed: {e}")))
}

/// A client configuration trusting the system roots and `extra_ca`.
fn client_config(extra_ca: Option<&Path>) -> Result<Arc<ClientConfig>, ConnectError> {
    let mut roots = RootCertStore::empty();
    roots.add_parsable_certificates(native_roots().iter().cloned());
    if let Some(path) = extra_ca {
        let mut added = 0usize;
        let certs = CertificateDer::pem_file_iter(path).map_err(|e| {
            ConnectError::Tls(format!("cannot read the CA file {}: {e}", path.display()))
        })?;
        for cert in certs {
            let cert = cert.map_err(|e| {
                ConnectError::Tls(format!("cannot read the CA file {}: {e}", path.display()))
            })?;
            roots.add(cert).map_err(|e| {
                ConnectError::Tls(format!("unusable CA in {}: {e}", path.display()))
            })?;
            added += 1;
        }
        if added == 0 {
            return Err(ConnectError::Tls(format!(
                "no certificate in the CA file {}",
                path.display()
            )));
        }
    }
    if roots.is_empty() {
        return Err(ConnectError::Tls(
            "no trusted root certificates: the system has none and no CA file is configured"
                .to_owned(),
        ));
    }
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let config = ClientConfig::builder_with_provider(provider)
        .with_safe_default_protocol_versions()
        .map_err(|e| ConnectError::Tls(format!("TLS configuration: {e}")))?
        .with_root_certificates(roots)
        .with_no_client_auth();
    Ok(Arc::new(config))
}

/// The system's root certificates, loaded once.
fn native_roots() -> &'static [CertificateDer<'static>] {
    static ROOTS: OnceLock<Vec<CertificateDer<'static>>> = OnceLock::new();
    ROOTS.get_or_init(|| {
        let found = rustls_native_certs::load_native_certs();
        for e in &found.errors {
            tracing::warn!(error = %e, "loading a system root certificate failed");
        }
        found.certs
    })
}
