//! Bad specs are compile errors that point at the spec file, line and column and
//! name the event and field. Each case is a folder under `tests/bad-specs/`; the
//! expected messages are asserted exactly.

use crate::codegen;
use quote::quote;
use std::path::Path;

fn error_of(case: &str) -> String {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/bad-specs")
        .join(case)
        .join("specs");
    let loaded = super::load::load_dir(&dir, "specs");
    match loaded.and_then(|l| super::resolve::resolve(&l)) {
        Ok(_) => panic!("{case}: the spec was accepted"),
        Err(e) => e.to_string(),
    }
}

#[test]
fn unknown_type() {
    assert_eq!(
        error_of("unknown-type"),
        "specs/example.toml:13:35: event 'example.message', field 'state': unknown type 'chat_stat'"
    );
}

#[test]
fn undefined_prefix() {
    assert_eq!(
        error_of("undefined-prefix"),
        "specs/example.toml:13:18: event 'example.message', field 'state': bad path 'cz:active': undefined namespace prefix 'cz'"
    );
}

#[test]
fn bad_path() {
    assert_eq!(
        error_of("bad-path"),
        "specs/example.toml:12:15: event 'example.message', field 'to': bad path '@to/body': '@to' must be the last step"
    );
}

#[test]
fn duplicate_event() {
    assert_eq!(
        error_of("duplicate-event"),
        "specs/b.toml:6:8: duplicate event 'example.ping' (first defined at specs/a.toml:6:8)"
    );
}

#[test]
fn extend_of_unknown_event() {
    assert_eq!(
        error_of("unknown-extend"),
        "specs/example.toml:7:11: extend: unknown event 'xmpp.chat.mesage'"
    );
}

#[test]
fn missing_field_doc() {
    assert_eq!(
        error_of("missing-field-doc"),
        "specs/example.toml:12:6: event 'example.message', field 'to': missing doc"
    );
}

#[test]
fn missing_event_doc() {
    assert_eq!(
        error_of("missing-event-doc"),
        "specs/example.toml:6:8: event 'example.message': missing doc"
    );
}

#[test]
fn missing_type_doc() {
    assert_eq!(
        error_of("missing-type-doc"),
        "specs/example.toml:6:8: type 'mood': missing doc"
    );
}

#[test]
fn unknown_key() {
    let e = error_of("unknown-key");
    assert!(
        e.starts_with(
            "specs/example.toml:12:36: event 'example.message', field 'to': unknown field `requird`, expected one of `key`, `path`, `type`, `doc`,"
        ),
        "{e}"
    );
}

#[test]
fn type_at_the_wrong_place() {
    assert_eq!(
        error_of("type-at-wrong-place"),
        "specs/example.toml:19:35: event 'example.message', field 'state': type 'chat_state' cannot be stored at '@state': attributes and text hold single values"
    );
}

#[test]
fn unknown_group() {
    assert_eq!(
        error_of("unknown-group"),
        "specs/example.toml:13:54: event 'example.message', field 'body': unknown group 'contnet'"
    );
}

#[test]
fn duplicate_key() {
    assert_eq!(
        error_of("duplicate-key"),
        "specs/example.toml:13:1: event 'example.message', field 'text': duplicate key 'body'"
    );
}

/// The macro turns the message into a `compile_error!`, so rustc shows it as is.
#[test]
fn the_macro_emits_a_compile_error() {
    let out = codegen::include_specs(quote!(
        dir = "tests/bad-specs/unknown-type/specs",
        hooks = crate::hooks
    ));
    assert_eq!(
        out.to_string(),
        quote!(::core::compile_error!(
            "specs/example.toml:13:35: event 'example.message', field 'state': unknown type 'chat_stat'"
        );)
        .to_string()
    );
}

#[test]
fn rsm_that_is_not_an_object() {
    assert_eq!(
        error_of("rsm-not-an-object"),
        "specs/example.toml:21:7: event 'example.list' result, field 'rsm': 'rsm' is one object type at an element path, read coming in"
    );
}

#[test]
fn form_type_on_a_string() {
    assert_eq!(
        error_of("form-type-on-string"),
        "specs/example.toml:13:54: event 'example.message', field 'body': 'form_type' and 'submit_as' apply to data_form fields only"
    );
}

#[test]
fn where_on_an_outgoing_field() {
    assert_eq!(
        error_of("where-going-out"),
        "specs/example.toml:13:51: event 'example.message', field 'archiveId': 'where' applies to incoming fields only (add dir = \"in\")"
    );
}

#[test]
fn default_own_with_a_literal_default() {
    assert_eq!(
        error_of("default-own-with-default"),
        "specs/example.toml:13:112: event 'example.join', field 'who': 'default_own' excludes 'default', 'required' and 'many'"
    );
}

#[test]
fn mode_without_match() {
    assert_eq!(
        error_of("mode-without-match"),
        "specs/example.toml:15:30: event 'example.items', mode 'owner': missing 'match': the conditions that tell this mode's stanzas from the event's"
    );
}

#[test]
fn mode_named_like_a_field() {
    assert_eq!(
        error_of("mode-named-like-a-field"),
        "specs/example.toml:15:30: event 'example.items', mode 'shelf': the mode's name is its payload key: a plain key no field of the event uses"
    );
}

#[test]
fn mode_without_an_unknown_key() {
    assert_eq!(
        error_of("mode-without-unknown-key"),
        "specs/example.toml:18:12: event 'example.items', mode 'owner': 'without': the event has no field 'shelves'"
    );
}

#[test]
fn default_digest_of_an_unknown_key() {
    assert_eq!(
        error_of("default-digest-unknown-source"),
        "specs/example.toml:14:85: event 'example.store', field 'name': 'default_digest': 'date' is not an outgoing string key of the same table"
    );
}

#[test]
fn answer_with_an_unknown_event() {
    assert_eq!(
        error_of("answer-unknown-event"),
        "specs/example.toml:17:9: event 'example.request': answer: unknown event 'example.aprove'"
    );
}

#[test]
fn answer_with_an_event_that_does_not_go_out() {
    assert_eq!(
        error_of("answer-not-outgoing"),
        "specs/example.toml:17:9: event 'example.request': answer: 'example.request' is not an outgoing event"
    );
}

#[test]
fn answer_with_an_event_that_requires_a_callback() {
    assert_eq!(
        error_of("answer-callback-required"),
        "specs/example.toml:17:9: event 'example.request': answer: 'example.approve' requires a callback, which an answer does not have"
    );
}

#[test]
fn answer_into_a_key_the_event_lacks() {
    assert_eq!(
        error_of("answer-unknown-key"),
        "specs/example.toml:18:7: event 'example.request': answer: 'example.approve' has no outgoing key 'approval'"
    );
}

#[test]
fn answer_copying_a_key_the_incoming_event_lacks() {
    assert_eq!(
        error_of("answer-copy-missing"),
        "specs/example.toml:19:15: event 'example.request': answer: 'example.request' has no incoming key 'sender' to copy"
    );
}

#[test]
fn predicate_on_a_repeated_element() {
    assert_eq!(
        error_of("predicate-on-repeated"),
        "specs/example.toml:13:56: event 'example.message', field 'values': type 'string' cannot be stored at 'xd:x/xd:field[@var='with']': a predicate selects one element for single values below it; not on a repeated element or one written whole"
    );
}

#[test]
fn result_error_that_is_not_an_object() {
    assert_eq!(
        error_of("result-error-not-an-object"),
        "specs/example.toml:21:9: event 'example.list' result, field 'error': 'error' is one object type at an element path, read coming in"
    );
}

#[test]
fn sender_queried_of_an_unknown_event() {
    assert_eq!(
        error_of("sender-queried-unknown"),
        "specs/example.toml:12:10: event 'example.result': sender 'queried:example.qurey' needs an outgoing IQ event of that name"
    );
}

#[test]
fn form_keys_naming_a_key_with_a_path() {
    assert_eq!(
        error_of("form-keys-with-path"),
        "specs/example.toml:14:69: event 'example.search', field 'form': 'form_keys': 'with' is not an outgoing key without a path in the same table"
    );
}

#[test]
fn also_at_an_element() {
    assert_eq!(
        error_of("also-at-element"),
        "specs/example.toml:13:40: event 'example.describe', field 'id': 'also_at' copies a single outgoing attribute value to another attribute"
    );
}

#[test]
fn exclusive_naming_an_unknown_key() {
    assert_eq!(
        error_of("exclusive-unknown-key"),
        "specs/example.toml:11:14: event 'example.vote': exclusive: no outgoing key 'maybe'"
    );
}
