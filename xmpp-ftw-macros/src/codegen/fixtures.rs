//! `fixture_tests!`: one `#[test]` per `tests/fixtures/<spec>/<case>.json`, in a
//! module per spec, so a failure names the fixture (`xep_0308::correction`).

use super::snake;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};
use std::path::PathBuf;

struct Args {
    dir: String,
    runner: syn::Path,
}

fn parse_args(input: TokenStream) -> syn::Result<Args> {
    use syn::parse::Parser;
    let parser = |stream: syn::parse::ParseStream<'_>| -> syn::Result<Args> {
        let mut dir = None;
        let mut runner = None;
        while !stream.is_empty() {
            let key: syn::Ident = stream.parse()?;
            stream.parse::<syn::Token![=]>()?;
            match key.to_string().as_str() {
                "dir" => dir = Some(stream.parse::<syn::LitStr>()?.value()),
                "runner" => runner = Some(stream.parse::<syn::Path>()?),
                _ => return Err(syn::Error::new(key.span(), "expected `dir` or `runner`")),
            }
            if !stream.is_empty() {
                stream.parse::<syn::Token![,]>()?;
            }
        }
        Ok(Args {
            dir: dir.ok_or_else(|| stream.error("missing `dir = \"...\"`"))?,
            runner: runner.ok_or_else(|| stream.error("missing `runner = path`"))?,
        })
    };
    parser.parse2(input)
}

/// `(spec folder, case name)` of every fixture under `dir`, sorted.
pub fn list(dir: &std::path::Path) -> std::io::Result<Vec<(String, String)>> {
    let mut out = Vec::new();
    for spec in std::fs::read_dir(dir)? {
        let spec = spec?.path();
        if !spec.is_dir() {
            continue;
        }
        let spec_name = spec
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        for case in std::fs::read_dir(&spec)? {
            let case = case?.path();
            if case.extension().is_some_and(|e| e == "json") {
                let stem = case
                    .file_stem()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
                out.push((spec_name.clone(), stem));
            }
        }
    }
    out.sort();
    Ok(out)
}

pub fn fixture_tests(input: TokenStream) -> TokenStream {
    let args = match parse_args(input) {
        Ok(a) => a,
        Err(e) => return e.to_compile_error(),
    };
    let manifest = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into());
    let dir = PathBuf::from(manifest).join(&args.dir);
    let cases = match list(&dir) {
        Ok(c) => c,
        Err(e) => {
            let msg = format!("cannot read fixtures in {}: {e}", dir.display());
            return quote!(::core::compile_error!(#msg););
        }
    };
    let runner = &args.runner;
    let mut modules: Vec<(String, Vec<TokenStream>)> = Vec::new();
    for (spec, case) in cases {
        let file = dir.join(&spec).join(format!("{case}.json"));
        let file = file.to_string_lossy().into_owned();
        let name = format!("{spec}/{case}");
        let test = format_ident!("{}", ident_safe(&case));
        let item = quote! {
            #[test]
            fn #test() {
                const _FIXTURE: &[u8] = ::core::include_bytes!(#file);
                #runner(#name);
            }
        };
        match modules.last_mut() {
            Some((s, items)) if *s == spec => items.push(item),
            _ => modules.push((spec, vec![item])),
        }
    }
    let modules = modules.into_iter().map(|(spec, items)| {
        let m = format_ident!("{}", ident_safe(&spec));
        quote!(mod #m { use super::*; #(#items)* })
    });
    quote!(#(#modules)*)
}

/// A test or module name for a fixture name; names that are not identifiers
/// as they stand (`in`, `2nd`) get a `case_` prefix.
fn ident_safe(s: &str) -> String {
    let s = snake(s);
    if syn::parse_str::<syn::Ident>(&s).is_ok() {
        s
    } else {
        format!("case_{s}")
    }
}

#[cfg(test)]
mod tests {
    use super::ident_safe;

    #[test]
    fn fixture_names_become_identifiers() {
        assert_eq!(ident_safe("plain-text"), "plain_text");
        assert_eq!(ident_safe("in"), "case_in");
        assert_eq!(ident_safe("2nd-try"), "case_2nd_try");
    }
}
