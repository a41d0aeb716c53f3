//! The generated code must not depend on what names are in scope: it is expanded
//! here next to items that shadow the prelude (`Option`, `Result`, `Ok`, `Some`…),
//! and must still compile and translate.

#![allow(dead_code, non_snake_case, non_upper_case_globals, clippy::all)]

mod shadowed {
    pub struct Option;
    pub struct Result;
    pub struct String;
    pub struct Vec;
    pub struct Box;
    pub fn Ok() {}
    pub fn Err() {}
    pub fn Some() {}
    pub const None: () = ();
    pub mod core {}
    pub mod std {}
    pub mod serde_json {}
    pub mod xmpp_ftw_runtime {}

    xmpp_ftw_macros::include_specs!(dir = "../specs", hooks = ::xmpp_ftw_runtime::hooks);
}

#[test]
fn generated_code_ignores_shadowed_prelude_names() {
    let mut session = xmpp_ftw_runtime::session::Session::with_sequential_ids("h");
    let data = serde_json::json!({ "to": "juliet@capulet.lit", "content": "Hi" });
    let out =
        shadowed::outgoing("xmpp.chat.message", &data, true, &mut session).expect("translates");
    assert_eq!(
        out.stanza.xml,
        r#"<message id="h1" to="juliet@capulet.lit" type="chat"><body>Hi</body></message>"#
    );
    assert_eq!(
        shadowed::CATALOG.events.len(),
        xmpp_ftw_runtime::registry::CATALOG.events.len()
    );
}
