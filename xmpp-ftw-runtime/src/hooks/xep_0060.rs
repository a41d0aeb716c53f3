//! Publish-Subscribe: requests that name a subscriber default to the user, the
//! way the original filled `jid` from the session.

use crate::error::ClientError;
use crate::json_in::Map;
use crate::session::Session;
use serde_json::Value;

fn fill_jid(data: &mut Map, jid: Option<&str>) {
    let absent = data.get("jid").is_none_or(Value::is_null);
    if let (true, Some(jid)) = (absent, jid) {
        data.insert("jid".to_owned(), Value::String(jid.to_owned()));
    }
}

/// Before subscribe/unsubscribe: `jid` defaults to the user's bare JID.
pub fn default_bare_jid(session: &mut Session, data: &mut Map) -> Result<(), ClientError> {
    fill_jid(data, session.bare_jid());
    Ok(())
}

/// Before subscription options requests: `jid` defaults to the user's full JID.
pub fn default_full_jid(session: &mut Session, data: &mut Map) -> Result<(), ClientError> {
    fill_jid(data, session.jid());
    Ok(())
}
