//! Avatar subscriptions name the subscriber: XEP-0060 §6.1.1 requires the
//! `jid` of the account that subscribes, which only the bound session knows.

use crate::error::ClientError;
use crate::json_in::Map;
use crate::session::Session;
use serde_json::Value;

/// Before a (un)subscription: the subscriber is the user's bare JID.
pub fn fill_own_bare_jid(session: &mut Session, data: &mut Map) -> Result<(), ClientError> {
    if let Some(bare) = session.bare_jid() {
        data.insert("jid".to_owned(), Value::String(bare.to_owned()));
    }
    Ok(())
}
