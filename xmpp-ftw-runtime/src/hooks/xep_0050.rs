//! Ad-hoc commands live on the user's server unless the browser names another
//! entity: an IQ without `to` would go to the user's own account instead.

use crate::error::ClientError;
use crate::json_in::Map;
use crate::session::Session;
use serde_json::Value;

/// Before a command request: without `to`, address the user's server (the
/// original's default), known only once the session is bound.
pub fn default_to_own_server(session: &mut Session, data: &mut Map) -> Result<(), ClientError> {
    if data.get("to").is_some_and(|to| !to.is_null()) {
        return Ok(());
    }
    if let Some(domain) = session
        .bare_jid()
        .map(|bare| bare.rsplit_once('@').map_or(bare, |(_, domain)| domain))
    {
        data.insert("to".to_owned(), Value::String(domain.to_owned()));
    }
    Ok(())
}
