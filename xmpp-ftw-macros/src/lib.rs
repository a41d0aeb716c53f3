//! The XMPP-FTW code generator.
//!
//! Every protocol extension of XMPP-FTW is a declarative TOML spec in `specs/`
//! (the language is documented in `docs/spec-language.md`). This crate reads all
//! of them at compile time and generates, in the crate that invokes
//! [`include_specs!`] (normally `xmpp-ftw-runtime`):
//!
//! - for each event and direction, a JSON→XML encoder writing through quick-xml
//!   and an XML→JSON decoder over the runtime's namespace-aware stanza tree;
//! - the registry that dispatches outgoing events by name and incoming stanzas by
//!   match rules, and the IQ result decoders;
//! - the static catalogue (events, fields, types, disco features) from which the
//!   manual, JSON Schema and TypeScript declarations are rendered.
//!
//! [`fixture_tests!`] turns `tests/fixtures/<spec>/<case>.json` files into one
//! `#[test]` each.
//!
//! Layout: [`spec`] loads and checks specs into a resolved model, [`codegen`]
//! turns that model into tokens, [`diagnostics`] formats spec errors as
//! `specs/<file>:<line>:<col>: …`. Only this file touches `proc_macro`, so the
//! rest is tested with ordinary unit tests.

mod codegen;
mod diagnostics;
mod spec;

use proc_macro::TokenStream;

/// Generates the translators, registry and catalogue from a folder of specs.
///
/// ```ignore
/// xmpp_ftw_macros::include_specs!(dir = "../specs", hooks = crate::hooks);
/// ```
/// `dir` is relative to the invoking crate's manifest; `hooks` is the module whose
/// submodules hold the runtime hooks the specs name.
#[proc_macro]
pub fn include_specs(input: TokenStream) -> TokenStream {
    codegen::include_specs(input.into()).into()
}

/// Generates one `#[test]` per fixture in a folder of `<spec>/<case>.json` files,
/// each calling `runner("<spec>/<case>")`.
///
/// ```ignore
/// xmpp_ftw_macros::fixture_tests!(dir = "fixtures", runner = crate::run_fixture);
/// ```
#[proc_macro]
pub fn fixture_tests(input: TokenStream) -> TokenStream {
    codegen::fixtures::fixture_tests(input.into()).into()
}
