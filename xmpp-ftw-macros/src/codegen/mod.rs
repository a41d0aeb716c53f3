//! Turns the resolved spec model into Rust tokens.
//!
//! [`encode`] writes JSON→XML functions, [`decode`] XML→JSON functions and match
//! rules, [`registry`] the dispatch functions and the static catalogue,
//! [`fixtures`] the per-fixture tests. All generated paths are fully qualified
//! (`::core::option::Option`, `::xmpp_ftw_runtime::…`), so the code works in
//! any module, whatever it shadows.

pub mod decode;
pub mod encode;
pub mod fixtures;
pub mod registry;

use crate::spec::ir::{Dirs, EventIr, Ir};
use crate::spec::{load, resolve};
use proc_macro2::{Span, TokenStream};
use quote::{format_ident, quote};
use std::path::PathBuf;

/// Which translator of an event is being generated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dir {
    Out,
    In,
}

impl Dir {
    pub fn suffix(self) -> &'static str {
        match self {
            Dir::Out => "out",
            Dir::In => "in",
        }
    }

    pub fn has(self, dirs: Dirs) -> bool {
        match self {
            Dir::Out => dirs.out,
            Dir::In => dirs.inc,
        }
    }
}

/// `xmpp.chat.message` → `xmpp_chat_message`.
pub fn snake(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect()
}

pub fn fn_ident(prefix: &str, dir: Dir, name: &str) -> syn::Ident {
    format_ident!("{}_{}_{}", prefix, dir.suffix(), snake(name))
}

/// Arguments of `include_specs!(dir = "...", [extra = ["...", …],]
/// [extra_env = "VAR",] hooks = path)`.
pub struct Args {
    pub dir: String,
    /// More spec folders, relative to the invoking crate's manifest.
    pub extra: Vec<String>,
    /// An environment variable naming more spec folders (a path list, like
    /// `PATH`), read when the invoking crate is compiled: how a deployer adds
    /// private specs without forking.
    pub extra_env: Option<String>,
    pub hooks: syn::Path,
}

fn parse_args(input: TokenStream) -> syn::Result<Args> {
    use syn::parse::Parser;
    let parser = |stream: syn::parse::ParseStream<'_>| -> syn::Result<Args> {
        let mut dir = None;
        let mut extra = Vec::new();
        let mut extra_env = None;
        let mut hooks = None;
        while !stream.is_empty() {
            let key: syn::Ident = stream.parse()?;
            stream.parse::<syn::Token![=]>()?;
            match key.to_string().as_str() {
                "dir" => dir = Some(stream.parse::<syn::LitStr>()?.value()),
                "extra" => {
                    let list;
                    syn::bracketed!(list in stream);
                    let dirs = list.parse_terminated(
                        |s: syn::parse::ParseStream<'_>| s.parse::<syn::LitStr>(),
                        syn::Token![,],
                    )?;
                    extra = dirs.iter().map(syn::LitStr::value).collect();
                }
                "extra_env" => extra_env = Some(stream.parse::<syn::LitStr>()?.value()),
                "hooks" => hooks = Some(stream.parse::<syn::Path>()?),
                _ => {
                    return Err(syn::Error::new(
                        key.span(),
                        "expected `dir`, `extra`, `extra_env` or `hooks`",
                    ));
                }
            }
            if !stream.is_empty() {
                stream.parse::<syn::Token![,]>()?;
            }
        }
        Ok(Args {
            dir: dir.ok_or_else(|| stream.error("missing `dir = \"...\"`"))?,
            extra,
            extra_env,
            hooks: hooks.ok_or_else(|| stream.error("missing `hooks = path`"))?,
        })
    };
    parser.parse2(input)
}

/// The spec folders to read, with the names errors give them: the main folder
/// by its last component (`specs/<file>`), extra folders as written.
fn spec_dirs(args: &Args) -> Vec<(PathBuf, String)> {
    let manifest =
        PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let main = manifest.join(&args.dir);
    let display = main
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| args.dir.clone());
    let mut dirs = vec![(main, display)];
    for extra in &args.extra {
        dirs.push((
            manifest.join(extra),
            extra.trim_start_matches("../").to_owned(),
        ));
    }
    if let Some(var) = &args.extra_env
        && let Some(list) = std::env::var_os(var)
    {
        for dir in std::env::split_paths(&list).filter(|d| !d.as_os_str().is_empty()) {
            let display = dir.to_string_lossy().into_owned();
            dirs.push((manifest.join(dir), display));
        }
    }
    dirs
}

pub fn include_specs(input: TokenStream) -> TokenStream {
    let args = match parse_args(input) {
        Ok(a) => a,
        Err(e) => return e.to_compile_error(),
    };
    let mut loaded = Vec::new();
    let mut failed = None;
    for (dir, display) in spec_dirs(&args) {
        match load::load_dir(&dir, &display) {
            Ok(specs) => loaded.extend(specs),
            Err(e) => {
                failed = Some(e);
                break;
            }
        }
    }
    let ir = match failed {
        Some(e) => Err(e),
        None => resolve::resolve(&loaded),
    };
    match ir {
        Ok(ir) => {
            let code = generate(&ir, &args.hooks);
            // For reading the generated code: XMPP_FTW_DUMP=/tmp/gen.rs cargo build
            if let Ok(path) = std::env::var("XMPP_FTW_DUMP") {
                let _ = std::fs::write(path, code.to_string());
            }
            code
        }
        Err(e) => {
            let msg = e.to_string();
            quote!(::core::compile_error!(#msg);)
        }
    }
}

/// All generated items for a resolved model.
pub fn generate(ir: &Ir, hooks: &syn::Path) -> TokenStream {
    let files = ir.files.iter().map(|f| quote!(::core::include_bytes!(#f)));
    let types = ir.types.iter().enumerate().map(|(i, _)| {
        let enc_out = encode::type_encoder(ir, i, Dir::Out);
        let enc_in = encode::type_encoder(ir, i, Dir::In);
        let dec_out = decode::type_decoder(ir, i, Dir::Out);
        let dec_in = decode::type_decoder(ir, i, Dir::In);
        quote!(#enc_out #enc_in #dec_out #dec_in)
    });
    let events = ir.events.iter().map(|e| event_items(ir, e, hooks));
    let registry = registry::registry(ir, hooks);
    quote! {
        /// Spec files this code was generated from: including them makes Cargo
        /// rebuild when one changes.
        const _SPEC_FILES: &[&[u8]] = &[#(#files),*];
        #(#types)*
        #(#events)*
        #registry
    }
}

fn event_items(ir: &Ir, e: &EventIr, hooks: &syn::Path) -> TokenStream {
    let mut items = TokenStream::new();
    for dir in [Dir::Out, Dir::In] {
        items.extend(encode::event_encoder(ir, e, dir));
        items.extend(decode::event_decoder(ir, e, dir));
    }
    if e.dirs.inc {
        items.extend(decode::event_matcher(e, hooks));
    }
    if e.mode.is_some() {
        items.extend(decode::mode_matcher(e));
    }
    if e.iq.is_some() {
        items.extend(decode::result_decoder(ir, e));
    }
    if e.dirs.out {
        // Requests whose target another event's `sender = "queried:…"` admits are
        // remembered in the session until their reply.
        let noted = ir
            .events
            .iter()
            .any(|o| o.sender_queried.iter().any(|q| q.event == e.name));
        items.extend(registry::outgoing_fn(e, hooks, noted));
    }
    items
}

pub fn lit(s: &str) -> syn::LitStr {
    syn::LitStr::new(s, Span::call_site())
}
