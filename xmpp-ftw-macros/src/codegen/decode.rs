//! XML→JSON: one decoder per event and direction, one per object type and
//! direction, the incoming match rules, and the IQ result decoders. Generated
//! decoders walk the runtime's stanza tree and write JSON text directly; a value
//! that does not fit its type is left out (XMPP's must-ignore rule) unless the
//! field is required, in which case the stanza is not this event.

use super::{Dir, fn_ident, lit, snake};
use crate::spec::ir::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

fn rt() -> TokenStream {
    "::xmpp_ftw_runtime".parse().unwrap_or_default()
}

/// `Option<Elem>` of the element reached by `steps` (element steps only) from `root`.
fn nav(root: &TokenStream, steps: &[Seg]) -> TokenStream {
    nav_vouched(root, steps, None)
}

/// [`nav`], where the step `vouch` names must also carry the attribute it says, equal
/// to the bare JID in the stanza's `to` or `from` (`where` in a spec).
fn nav_vouched(root: &TokenStream, steps: &[Seg], vouch: Option<&Vouch>) -> TokenStream {
    let rt = rt();
    let mut acc = quote!(::core::option::Option::Some(#root));
    for (i, s) in steps.iter().enumerate() {
        if let Seg::Elem { ns, name, pred } = s {
            let (ns, name) = (lit(ns), lit(name));
            let test = pred_test(pred.as_ref(), &quote!(c));
            acc = match vouch.filter(|v| v.step == i) {
                Some(v) => {
                    let (attr, of) = (lit(&v.attr), lit(&v.stanza_attr));
                    quote!(#acc.and_then(|e| {
                        let want = st.attr(#of).map(|j| #rt::json_out::split_jid(j).bare(j));
                        e.children_named(#ns, #name).find(|c| {
                            #test && want.is_some_and(|w| c.attr(#attr).is_some_and(|a| a.eq_ignore_ascii_case(w)))
                        })
                    }))
                }
                None if pred.is_some() => {
                    quote!(#acc.and_then(|e| e.children_named(#ns, #name).find(|c| #test)))
                }
                None => quote!(#acc.and_then(|e| e.child(#ns, #name))),
            };
        }
    }
    acc
}

/// Whether element `c` satisfies a path predicate (`true` without one).
fn pred_test(pred: Option<&Pred>, c: &TokenStream) -> TokenStream {
    match pred {
        None => quote!(true),
        Some(Pred::Attr { ns, name, value }) => {
            let (name, value) = (lit(name), lit(value));
            if ns.is_empty() {
                quote!((#c.attr(#name) == ::core::option::Option::Some(#value)))
            } else {
                let ns = lit(ns);
                quote!((#c.attr_ns(#ns, #name) == ::core::option::Option::Some(#value)))
            }
        }
        Some(Pred::Child { ns, name, value }) => {
            let (ns, name, value) = (lit(ns), lit(name), lit(value));
            quote!(#c.children_named(#ns, #name).any(|x| x.text() == #value))
        }
    }
}

/// Code writing one value of `f`'s type from the string expression `s`,
/// evaluating to whether it wrote anything.
fn scalar_value(ir: &Ir, f: &FieldIr, dir: Dir, s: TokenStream) -> TokenStream {
    let rt = rt();
    let s = match f.part {
        None => s,
        Some(part) => {
            let pick = match part {
                Part::Bare => quote!(::core::option::Option::Some(p.bare(full))),
                Part::Resource => quote!(p.resource),
                Part::Domain => quote!(::core::option::Option::Some(p.domain)),
                Part::Local => quote!(p.local),
            };
            let inner = scalar_value(
                ir,
                &FieldIr {
                    part: None,
                    ..f.clone()
                },
                dir,
                quote!(part),
            );
            return quote! {{
                let full: &str = &#s;
                let p = #rt::json_out::split_jid(full);
                match #pick { ::core::option::Option::Some(part) => #inner, ::core::option::Option::None => false }
            }};
        }
    };
    match f.ty {
        Ty::String | Ty::Resource | Ty::JidString | Ty::Xhtml | Ty::RawXml => {
            quote!({ j.string(&#s); true })
        }
        Ty::DateTime => quote!({
            let v: &str = &#s;
            if #rt::datetime::is_xep0082_datetime(v) { j.string(v); true } else { false }
        }),
        Ty::Jid if dir == Dir::In => quote!({ j.jid(&#s); true }),
        Ty::Jid => quote!({ j.string(&#s); true }),
        Ty::Integer { min, max } => quote!({
            match #s.trim().parse::<i64>() {
                ::core::result::Result::Ok(n) if n >= #min && n <= #max => { j.integer(n); true }
                _ => false,
            }
        }),
        Ty::Boolean => quote!({
            match &*#s {
                "true" | "1" => { j.boolean(true); true }
                "false" | "0" => { j.boolean(false); true }
                _ => false,
            }
        }),
        Ty::Flag => quote!({
            j.boolean(true);
            true
        }),
        Ty::LangMap | Ty::DataForm => quote!(false),
        Ty::Json => quote!({
            match #rt::serde_json::from_str::<#rt::serde_json::Value>(&#s) {
                ::core::result::Result::Ok(v) => { j.raw(&v.to_string()); true }
                ::core::result::Result::Err(_) => false,
            }
        }),
        Ty::Named(t) => match &ir.types[t].kind {
            TypeKind::Enum(values) | TypeKind::ElementName { values, .. } => {
                let values = values.iter().map(|v| lit(v));
                quote!({
                    let v: &str = &#s;
                    if [#(#values),*].contains(&v) { j.string(v); true } else { false }
                })
            }
            TypeKind::Object(_) => quote!(false),
        },
    }
}

/// Code writing one value of `f` found at element `el`, evaluating to whether it wrote.
fn element_value(ir: &Ir, f: &FieldIr, dir: Dir, el: TokenStream) -> TokenStream {
    let rt = rt();
    match f.ty {
        Ty::Flag => quote!({ let _ = #el; j.boolean(true); true }),
        Ty::Xhtml => quote!({ j.string(&#rt::xhtml::sanitize_body(#el)); true }),
        Ty::RawXml => quote!({ j.string(&#el.to_xml()); true }),
        Ty::DataForm if dir == Dir::Out => quote!({ #rt::forms::decode_submitted(#el, j); true }),
        Ty::DataForm => quote!(#rt::forms::decode_received(#el, j)),
        Ty::Named(t) if matches!(ir.types[t].kind, TypeKind::Object(_)) => {
            let dec = type_fn(&ir.types[t].name, dir);
            quote!({
                let m = j.mark();
                if #dec(#el, j) { true } else { j.rollback(m); false }
            })
        }
        Ty::Named(t) if matches!(ir.types[t].kind, TypeKind::ElementName { .. }) => {
            scalar_value(ir, f, dir, quote!(#el.name()))
        }
        _ => scalar_value(ir, f, dir, quote!(#el.text())),
    }
}

/// Code finding the element a field's last element step names, under `parent`.
fn find_child(
    ir: &Ir,
    f: &FieldIr,
    last: &Seg,
    parent: TokenStream,
    strict_lang: bool,
) -> TokenStream {
    match last {
        Seg::Elem { ns, name, pred } => {
            let test = pred_test(pred.as_ref(), &quote!(c));
            let (ns, name) = (lit(ns), lit(name));
            let text_like = f.ty.is_scalar(&ir.types);
            if text_like && strict_lang {
                quote!(#parent.and_then(|e| e.children_named(#ns, #name).find(|c| #test && c.lang().is_none())))
            } else if text_like {
                quote!(#parent.and_then(|e| e.children_named(#ns, #name).find(|c| #test && c.lang().is_none()).or_else(|| e.children_named(#ns, #name).find(|c| #test))))
            } else if pred.is_some() {
                quote!(#parent.and_then(|e| e.children_named(#ns, #name).find(|c| #test)))
            } else {
                quote!(#parent.and_then(|e| e.child(#ns, #name)))
            }
        }
        Seg::AnyIn { ns } => {
            let ns = lit(ns);
            match f.ty {
                Ty::Named(t) => match &ir.types[t].kind {
                    TypeKind::ElementName { values, .. } => {
                        let values = values.iter().map(|v| lit(v));
                        quote!(#parent.and_then(|e| e.children().find(|c| c.ns() == #ns && [#(#values),*].contains(&c.name()))))
                    }
                    _ => quote!(#parent.and_then(|e| e.children().find(|c| c.ns() == #ns))),
                },
                _ => quote!(#parent.and_then(|e| e.children().find(|c| c.ns() == #ns))),
            }
        }
        Seg::AnyNotIn { ns } => {
            let ns = lit(ns);
            quote!(#parent.and_then(|e| e.children().find(|c| c.ns() != #ns)))
        }
        _ => {
            let rt = rt();
            quote!(::core::option::Option::<#rt::xml::Elem<'_>>::None)
        }
    }
}

/// A field's decoding: writes `"key": value` when found, sets `has`.
fn field_code(
    ir: &Ir,
    f: &FieldIr,
    dir: Dir,
    root: &TokenStream,
    has: &syn::Ident,
    strict_lang: bool,
) -> TokenStream {
    let rt = rt();
    let key = lit(&f.key);
    let Some(path) = &f.path else {
        return quote!();
    };
    let steps = path.element_steps();
    let found = match (path.last(), f.many) {
        (Some(Seg::Attr { ns, name }), false) => {
            let parent = nav_vouched(root, steps, f.vouch.as_ref());
            let name = lit(name);
            let get = if ns.is_empty() {
                quote!(e.attr(#name))
            } else {
                let ns = lit(ns);
                quote!(e.attr_ns(#ns, #name))
            };
            if f.ty == Ty::Flag {
                let value = lit(f.flag_value.as_deref().unwrap_or("true"));
                quote! {
                    if #parent.and_then(|e| #get) == ::core::option::Option::Some(#value) {
                        j.key(#key); j.boolean(true); #has = true;
                    }
                }
            } else {
                let v = scalar_value(ir, f, dir, quote!(v));
                quote! {
                    if let ::core::option::Option::Some(v) = #parent.and_then(|e| #get) {
                        let m = j.mark();
                        j.key(#key);
                        if #v { #has = true; } else { j.rollback(m); }
                    }
                }
            }
        }
        (Some(Seg::Text | Seg::Name | Seg::Ns), _) => {
            let parent = nav_vouched(root, steps, f.vouch.as_ref());
            let get = match path.last() {
                Some(Seg::Text) => quote!(e.text()),
                Some(Seg::Name) => quote!(::std::borrow::Cow::<str>::Borrowed(e.name())),
                _ => quote!(::std::borrow::Cow::<str>::Borrowed(e.ns())),
            };
            let v = scalar_value(ir, f, dir, quote!(v));
            quote! {
                if let ::core::option::Option::Some(v) = #parent.map(|e| #get).filter(|v| !v.is_empty()) {
                    let m = j.mark();
                    j.key(#key);
                    if #v { #has = true; } else { j.rollback(m); }
                }
            }
        }
        (Some(Seg::AnyIn { ns }), true) if matches!(f.ty, Ty::Named(t) if matches!(ir.types[t].kind, TypeKind::ElementName { .. })) =>
        {
            // Repeated element names: every child in the namespace whose name is a value.
            let parent = nav(root, &path.segs[..path.segs.len() - 1]);
            let ns = lit(ns);
            let v = element_value(ir, f, dir, quote!(c));
            quote! {
                if let ::core::option::Option::Some(p) = #parent {
                    let m = j.mark();
                    j.key(#key);
                    j.begin_array();
                    let mut n = 0usize;
                    for c in p.children().filter(|c| c.ns() == #ns) {
                        let before = j.mark();
                        if #v { n += 1; } else { j.rollback(before); }
                    }
                    j.end_array();
                    if n == 0 { j.rollback(m); } else { #has = true; }
                }
            }
        }
        (_, true) => {
            // Repeated: the last element step repeats; the value is in it.
            let (parent_steps, last) = match steps.split_last() {
                Some((last, parent)) => (parent, last.clone()),
                None => return quote!(),
            };
            let Seg::Elem { ns, name, pred } = &last else {
                return quote!();
            };
            let parent = nav(root, parent_steps);
            let test = pred_test(pred.as_ref(), &quote!(c));
            let (ns, name) = (lit(ns), lit(name));
            let item = match path.last() {
                Some(Seg::Attr { ns: ans, name: an }) => {
                    let an = lit(an);
                    let get = if ans.is_empty() {
                        quote!(c.attr(#an))
                    } else {
                        let ans = lit(ans);
                        quote!(c.attr_ns(#ans, #an))
                    };
                    let v = scalar_value(ir, f, dir, quote!(v));
                    quote!(if let ::core::option::Option::Some(v) = #get { if #v { n += 1; } })
                }
                _ => {
                    let v = element_value(ir, f, dir, quote!(c));
                    quote!(if #v { n += 1; })
                }
            };
            quote! {
                if let ::core::option::Option::Some(p) = #parent {
                    let m = j.mark();
                    j.key(#key);
                    j.begin_array();
                    let mut n = 0usize;
                    for c in p.children_named(#ns, #name).filter(|c| #test) { #item }
                    j.end_array();
                    if n == 0 { j.rollback(m); } else { #has = true; }
                }
            }
        }
        (Some(last), false) if f.ty == Ty::LangMap => {
            let Seg::Elem { ns, name, .. } = last else {
                return quote!();
            };
            let parent = nav(root, &path.segs[..path.segs.len() - 1]);
            let (ns, name) = (lit(ns), lit(name));
            quote! {
                if let ::core::option::Option::Some(p) = #parent {
                    let m = j.mark();
                    j.key(#key);
                    j.begin_object();
                    let mut n = 0usize;
                    for c in p.children_named(#ns, #name) {
                        if let ::core::option::Option::Some(lang) = c.lang() {
                            j.key(lang);
                            j.string(&c.text());
                            n += 1;
                        }
                    }
                    j.end_object();
                    if n == 0 { j.rollback(m); } else { #has = true; }
                }
            }
        }
        (Some(last), false) => {
            let parent = nav(root, &path.segs[..path.segs.len() - 1]);
            let child = find_child(ir, f, last, parent, strict_lang);
            let empty = match &f.if_empty {
                Some(v) => {
                    let v = lit(v);
                    quote! {
                        if c.is_empty() {
                            j.key(#key); j.raw(#v); #has = true;
                        } else
                    }
                }
                None => quote!(),
            };
            let v = element_value(ir, f, dir, quote!(c));
            let text_guard = if f.ty.is_scalar(&ir.types)
                && !matches!(last, Seg::AnyIn { .. } | Seg::AnyNotIn { .. })
            {
                quote!(if c.text().is_empty() {} else)
            } else {
                quote!()
            };
            quote! {
                if let ::core::option::Option::Some(c) = #child {
                    #empty #text_guard {
                        let m = j.mark();
                        j.key(#key);
                        if #v { #has = true; } else { j.rollback(m); }
                    }
                }
            }
        }
        (None, false)
            if f.ty == Ty::DataForm
                || matches!(f.ty, Ty::Named(t) if matches!(ir.types[t].kind, TypeKind::Object(_))) =>
        {
            let v = element_value(ir, f, dir, root.clone());
            // An object at `.` that found none of its fields is absent.
            let empty = if f.ty == Ty::DataForm {
                quote!(false)
            } else {
                quote!(j.ends_with_empty_object())
            };
            quote! {
                let m = j.mark();
                j.key(#key);
                if #v && !(#empty) { #has = true; } else { j.rollback(m); }
            }
        }
        (None, false) => quote!(),
    };
    let found = if f.overrides.is_empty() {
        found
    } else {
        let mut code = found;
        for (conds, value) in f.overrides.iter().rev() {
            let test = conds_code(root, conds);
            let value = lit(value);
            code = quote! {
                if #test { j.key(#key); j.raw(#value); #has = true; } else { #code }
            };
        }
        code
    };
    let _ = rt;
    found
}

/// Whether all `conds` hold at `root`.
fn conds_code(root: &TokenStream, conds: &[Cond]) -> TokenStream {
    let tests = conds.iter().map(|c| cond_code(root, c));
    quote!(true #(&& #tests)*)
}

fn cond_code(root: &TokenStream, c: &Cond) -> TokenStream {
    let value = match c.path.last() {
        Some(Seg::Attr { ns, name }) => {
            let parent = nav(root, c.path.element_steps());
            let name = lit(name);
            if ns.is_empty() {
                quote!(#parent.and_then(|e| e.attr(#name)).map(::std::borrow::Cow::<str>::Borrowed))
            } else {
                let ns = lit(ns);
                quote!(#parent.and_then(|e| e.attr_ns(#ns, #name)).map(::std::borrow::Cow::<str>::Borrowed))
            }
        }
        Some(Seg::AnyIn { ns }) => {
            let parent = nav(root, &c.path.segs[..c.path.segs.len() - 1]);
            let ns = lit(ns);
            quote!(#parent.and_then(|e| e.children().find(|x| x.ns() == #ns)).map(|e| ::std::borrow::Cow::<str>::Borrowed(e.name())))
        }
        Some(Seg::Text) => {
            let parent = nav(root, c.path.element_steps());
            quote!(#parent.map(|e| e.text()))
        }
        _ => {
            let el = nav(root, &c.path.segs);
            quote!(#el.map(|e| e.text()))
        }
    };
    match &c.test {
        Test::Present => quote!(#value.is_some()),
        Test::Absent => quote!(#value.is_none()),
        Test::OneOf { values, or_absent } => {
            let values = values.iter().map(|v| lit(v));
            quote!(match #value {
                ::core::option::Option::Some(v) => [#(#values),*].contains(&&*v),
                ::core::option::Option::None => #or_absent,
            })
        }
    }
}

/// Decoding of a list of fields relative to `root`, inside an object already begun.
/// Returns code and the flags per field (for required/group checks).
fn fields_code(
    ir: &Ir,
    fields: &[&FieldIr],
    dir: Dir,
    root: &TokenStream,
) -> (TokenStream, Vec<(String, syn::Ident, bool)>) {
    let mut code = TokenStream::new();
    let mut flags = Vec::new();
    // Keys that lang maps read: a plain field on the same path takes only the
    // unlabelled element, so each element lands in exactly one key.
    let lang_paths: Vec<&PathIr> = fields
        .iter()
        .filter(|f| f.ty == Ty::LangMap)
        .filter_map(|f| f.path.as_ref())
        .collect();
    // Discriminators (variants) are decided up front.
    for (i, f) in fields.iter().enumerate() {
        if f.variants.is_empty() {
            continue;
        }
        let d = format_ident!("d{}", i);
        // A discriminator at `name()` is the element's own name: no probing.
        if f.path.as_ref().is_some_and(|p| p.segs == [Seg::Name]) {
            let names = f.variants.iter().map(|(n, _)| lit(n));
            code.extend(quote! {
                let #d: ::core::option::Option<&'static str> = match #root.name() {
                    #(#names => ::core::option::Option::Some(#names),)*
                    _ => ::core::option::Option::None,
                };
            });
            continue;
        }
        let mut chain = quote!(::core::option::Option::<&'static str>::None);
        for (name, vfields) in f.variants.iter().rev() {
            let Some(first) = vfields.iter().find_map(|v| v.path.as_ref()) else {
                continue;
            };
            let probe = nav(root, first.element_steps());
            let name = lit(name);
            chain =
                quote!(if #probe.is_some() { ::core::option::Option::Some(#name) } else { #chain });
        }
        code.extend(quote!(let #d: ::core::option::Option<&'static str> = #chain;));
    }
    for (i, f) in fields.iter().enumerate() {
        let has = format_ident!("h{}", i);
        code.extend(quote!(let mut #has = false;));
        if f.path.is_none() && f.variants.is_empty() {
            continue; // a value for hooks only: nothing in the XML
        }
        let strict =
            f.path.as_ref().is_some_and(|p| lang_paths.contains(&p)) && f.ty != Ty::LangMap;
        // A base field a variant replaces is read only when no variant applies.
        let replaced: Vec<TokenStream> = fields
            .iter()
            .enumerate()
            .filter(|(_, d)| d.key != f.key)
            .filter_map(|(k, d)| {
                let names: Vec<syn::LitStr> = d
                    .variants
                    .iter()
                    .filter(|(_, vf)| vf.iter().any(|v| v.key == f.key))
                    .map(|(n, _)| lit(n))
                    .collect();
                let dv = format_ident!("d{}", k);
                (!names.is_empty())
                    .then(|| quote!(!matches!(#dv, #(::core::option::Option::Some(#names))|*)))
            })
            .collect();
        let body = field_code(ir, f, dir, root, &has, strict);
        let body = if replaced.is_empty() {
            body
        } else {
            quote!(if #(#replaced)&&* { #body })
        };
        code.extend(body);
        if !f.variants.is_empty() {
            let d = format_ident!("d{}", i);
            let key = lit(&f.key);
            let mut arms = TokenStream::new();
            let mut post = TokenStream::new();
            for (vi, (name, vfields)) in f.variants.iter().enumerate() {
                let vrefs: Vec<&FieldIr> = vfields.iter().filter(|v| dir.has(v.dirs)).collect();
                let mut inner = TokenStream::new();
                let n = lit(name);
                for (k, vf) in vrefs.iter().enumerate() {
                    let vh = format_ident!("h{}_{}_{}", i, vi, k);
                    inner.extend(field_code(ir, vf, dir, root, &vh, false));
                    flags.push((vf.key.clone(), vh.clone(), false));
                    if vf.required {
                        // Required only where its variant applies.
                        let req = format_ident!("{}_req", vh);
                        post.extend(
                            quote!(let #req = #d != ::core::option::Option::Some(#n) || #vh;),
                        );
                        flags.push((String::new(), req, true));
                    }
                }
                // A discriminator read from its own path is already written.
                arms.extend(quote! {
                    ::core::option::Option::Some(#n) => {
                        #inner
                        if !#has { j.key(#key); j.string(#n); #has = true; }
                    }
                });
            }
            // Variant flags must be visible after the match: declare them outside.
            let decls = flags
                .iter()
                .filter(|(_, id, _)| {
                    let id = id.to_string();
                    id.starts_with(&format!("h{i}_")) && !id.ends_with("_req")
                })
                .map(|(_, id, _)| quote!(#id));
            let replaced_keys: Vec<syn::Ident> = fields
                .iter()
                .enumerate()
                .filter(|(_, b)| variant_replaces(f, &b.key))
                .map(|(k, _)| format_ident!("h{}", k))
                .collect();
            let default = match &f.default {
                Some(dv) if !replaced_keys.is_empty() && dir == Dir::In => {
                    let dv = lit(dv);
                    quote!(if !#has && (#(#replaced_keys)||*) { j.key(#key); j.raw(#dv); })
                }
                _ => quote!(),
            };
            code.extend(quote! {
                #(let mut #decls = false;)*
                match #d {
                    #arms
                    _ => { #default }
                }
                #post
            });
            continue;
        }
        if let Some(dv) = &f.default {
            let dv = lit(dv);
            let key = lit(&f.key);
            let defaulted = format_ident!("{}_default", has);
            code.extend(quote!(let #defaulted = !#has; if #defaulted { j.key(#key); j.raw(#dv); }));
            // A default satisfies "required" but not an "at least one of" group.
            if f.required {
                let req = format_ident!("{}_req", has);
                code.extend(quote!(let #req = #has || #defaulted;));
                flags.push((f.key.clone(), has, false));
                flags.push((String::new(), req, true));
                continue;
            }
        }
        flags.push((f.key.clone(), has, f.required));
    }
    (code, flags)
}

fn variant_replaces(disc: &FieldIr, key: &str) -> bool {
    disc.key != key
        && disc
            .variants
            .iter()
            .any(|(_, vf)| vf.iter().any(|v| v.key == key))
}

pub fn type_fn(name: &str, dir: Dir) -> syn::Ident {
    format_ident!("dec_{}_type_{}", dir.suffix(), snake(name))
}

/// `fn dec_<dir>_type_<name>(el, j) -> bool`: writes the object; false when a
/// required member is missing (the caller rolls back).
pub fn type_decoder(ir: &Ir, t: usize, dir: Dir) -> TokenStream {
    let rt = rt();
    let TypeKind::Object(fields) = &ir.types[t].kind else {
        return quote!();
    };
    let name = type_fn(&ir.types[t].name, dir);
    let fields: Vec<&FieldIr> = fields.iter().filter(|f| dir.has(f.dirs)).collect();
    let root = quote!(el);
    let (code, flags) = fields_code(ir, &fields, dir, &root);
    let required = flags.iter().filter(|(_, _, r)| *r).map(|(_, h, _)| h);
    quote! {
        #[allow(unused_variables, unused_mut, unused_assignments, clippy::all)]
        fn #name(el: #rt::xml::Elem<'_>, j: &mut #rt::json_out::JsonWriter) -> bool {
            j.begin_object();
            #code
            if !(true #(&& #required)*) { return false; }
            j.end_object();
            true
        }
    }
}

/// `fn dec_<dir>_<event>(st) -> Option<String>`.
pub fn event_decoder(ir: &Ir, e: &EventIr, dir: Dir) -> TokenStream {
    if !dir.has(e.dirs) {
        return quote!();
    }
    let rt = rt();
    let name = fn_ident("dec", dir, &e.ident);
    let fields: Vec<&FieldIr> = e.fields.iter().filter(|f| dir.has(f.dirs)).collect();
    let root = quote!(st);
    let (code, flags) = fields_code(ir, &fields, dir, &root);
    let required = flags.iter().filter(|(_, _, r)| *r).map(|(_, h, _)| h);
    // A mode tells the browser which shape it is reading.
    let flag = match &e.mode {
        Some(key) if !e.mode_given => quote! {
            j.key(#key);
            j.boolean(true);
        },
        _ => quote!(),
    };
    let mut groups = TokenStream::new();
    for (g, _) in &e.groups {
        let members: Vec<&syn::Ident> = fields
            .iter()
            .flat_map(|f| {
                let mut keys = Vec::new();
                if f.satisfies.as_deref() == Some(g) {
                    keys.push(f.key.clone());
                }
                for (_, vf) in &f.variants {
                    keys.extend(
                        vf.iter()
                            .filter(|v| v.satisfies.as_deref() == Some(g))
                            .map(|v| v.key.clone()),
                    );
                }
                keys
            })
            .flat_map(|k| {
                flags
                    .iter()
                    .filter(move |(fk, _, _)| *fk == k)
                    .map(|(_, h, _)| h)
            })
            .collect();
        if !members.is_empty() {
            groups.extend(quote!(if !(#(#members)||*) { return ::core::option::Option::None; }));
        }
    }
    quote! {
        #[allow(unused_variables, unused_mut, unused_assignments, clippy::all)]
        fn #name(st: #rt::xml::Elem<'_>) -> ::core::option::Option<::std::string::String> {
            let mut jw = #rt::json_out::JsonWriter::new();
            let j = &mut jw;
            j.begin_object();
            #flag
            #code
            if !(true #(&& #required)*) { return ::core::option::Option::None; }
            #groups
            j.end_object();
            ::core::option::Option::Some(jw.finish())
        }
    }
}

/// `fn match_<event>(st, sess) -> bool`: the incoming match rules.
pub fn event_matcher(e: &EventIr, hooks: &syn::Path) -> TokenStream {
    let rt = rt();
    let name = format_ident!("match_{}", snake(&e.ident));
    let root = quote!(st);
    let alts = e.matches.iter().map(|alt| conds_code(&root, alt));
    let mut senders = Vec::new();
    if e.sender_own {
        senders.push(quote!(sess.is_own_account(st.attr("from"))));
    }
    // What a queried entity sends must be its own: the JID at `queried_owns`.
    let owns = match e.queried_owns.as_ref() {
        Some(p) => match p.last() {
            Some(Seg::Attr { name, .. }) => {
                let el = nav(&root, p.element_steps());
                let name = lit(name);
                quote!(&& #rt::session::same_bare(#el.and_then(|e| e.attr(#name)), st.attr("from")))
            }
            _ => quote!(),
        },
        None => quote!(),
    };
    for q in &e.sender_queried {
        let event = lit(&q.event);
        senders.push(quote!((sess.queried(#event, st.attr("from")) #owns)));
    }
    let sender = if senders.is_empty() {
        quote!()
    } else {
        quote!(&& (#(#senders)||*))
    };
    let guard = match &e.hooks.guard {
        Some(path) => {
            let path: syn::Path = syn::parse_str(path).unwrap_or_else(|_| hooks.clone());
            quote!(&& #hooks::#path(sess, st))
        }
        None => quote!(),
    };
    quote! {
        #[allow(unused_variables, clippy::all)]
        fn #name(st: #rt::xml::Elem<'_>, sess: &#rt::session::Session) -> bool {
            (false #(|| (#alts))*) #sender #guard
        }
    }
}

/// `fn is_<event>..<mode>(st) -> bool`: a mode's `match` alone, which tells its
/// stanzas from the event's other shapes whatever the direction.
pub fn mode_matcher(e: &EventIr) -> TokenStream {
    let rt = rt();
    let name = format_ident!("is_{}", snake(&e.ident));
    let root = quote!(st);
    let alts = e.matches.iter().map(|alt| conds_code(&root, alt));
    quote! {
        #[allow(unused_variables, clippy::all)]
        fn #name(st: #rt::xml::Elem<'_>) -> bool {
            false #(|| (#alts))*
        }
    }
}

/// `fn result_<event>(reply) -> String`: the callback data of a successful IQ.
pub fn result_decoder(ir: &Ir, e: &EventIr) -> TokenStream {
    let rt = rt();
    let name = format_ident!("result_{}", snake(&e.ident));
    let body =
        match &e.result {
            None => quote!(::std::string::String::from("true")),
            Some(ResultIr { value: Some(f), .. }) => {
                let el = nav(
                    &quote!(st),
                    f.path.as_ref().map_or(&[][..], |p| &p.segs[..]),
                );
                let write = element_value(ir, f, Dir::In, quote!(el));
                quote! {
                    let mut jw = #rt::json_out::JsonWriter::new();
                    let j = &mut jw;
                    let written = match #el {
                        ::core::option::Option::Some(el) => #write,
                        ::core::option::Option::None => false,
                    };
                    if written { jw.finish() } else { ::std::string::String::from("null") }
                }
            }
            Some(r) if r.item_fields().is_empty() => quote!(::std::string::String::from("true")),
            Some(r) => {
                let fields: Vec<&FieldIr> = r.fields.iter().filter(|f| f.dirs.inc).collect();
                let item_root = quote!(c);
                let (code, flags) = fields_code(ir, &fields, Dir::In, &item_root);
                let required: Vec<&syn::Ident> = flags
                    .iter()
                    .filter(|(_, _, r)| *r)
                    .map(|(_, h, _)| h)
                    .collect();
                let object = quote! {
                    let m = j.mark();
                    j.begin_object();
                    #code
                    if true #(&& #required)* { j.end_object(); } else { j.rollback(m); }
                };
                match &r.each {
                    Some(each) => {
                        let Some((_, parent)) = each.segs.split_last() else {
                            return quote!();
                        };
                        let root = quote!(st);
                        let parent = nav(&root, parent);
                        // Items in document order; each path's items get its tags first.
                        let arms = r.each_all.iter().filter_map(|each| {
                        let Some(Seg::Elem { ns, name: el, pred }) = each.path.last() else {
                            return None;
                        };
                        let test = pred_test(pred.as_ref(), &quote!(c));
                        let (ns, el) = (lit(ns), lit(el));
                        let keys = each.tags.iter().map(|(k, _)| lit(k));
                        let values = each.tags.iter().map(|(_, v)| lit(v));
                        let (code, required) = match &each.fields {
                            None => (
                                code.clone(),
                                required.iter().map(|h| (*h).clone()).collect::<Vec<syn::Ident>>(),
                            ),
                            Some(own) => {
                                let own: Vec<&FieldIr> = own.iter().collect();
                                let (code, flags) = fields_code(ir, &own, Dir::In, &item_root);
                                let required: Vec<syn::Ident> = flags
                                    .into_iter()
                                    .filter(|(_, _, r)| *r)
                                    .map(|(_, h, _)| h)
                                    .collect();
                                (code, required)
                            }
                        };
                        Some(quote! {
                            if c.is(#ns, #el) && #test {
                                let m = j.mark();
                                j.begin_object();
                                #(j.key(#keys); j.string(#values);)*
                                #code
                                if true #(&& #required)* { j.end_object(); } else { j.rollback(m); }
                                continue;
                            }
                        })
                    });
                        quote! {
                            let mut jw = #rt::json_out::JsonWriter::new();
                            let j = &mut jw;
                            j.begin_array();
                            if let ::core::option::Option::Some(p) = #parent {
                                for c in p.children() { #(#arms)* }
                            }
                            j.end_array();
                            jw.finish()
                        }
                    }
                    None => quote! {
                        let mut jw = #rt::json_out::JsonWriter::new();
                        let j = &mut jw;
                        let c = st;
                        #object
                        // A reply missing a required member still answers the callback with JSON.
                        let s = jw.finish();
                        if s.is_empty() { ::std::string::String::from("null") } else { s }
                    },
                }
            }
        };
    let rsm = rsm_decoder(ir, e);
    let fault = fault_decoder(ir, e);
    quote! {
        #[allow(unused_variables, unused_mut, unused_assignments, clippy::all)]
        fn #name(st: #rt::xml::Elem<'_>) -> ::std::string::String {
            #body
        }
        #rsm
        #fault
    }
}

/// For a result's `rsm` or `error` (an object type at a path of the reply): the
/// expression finding its element in `st`, and its type's incoming decoder.
fn reply_object(ir: &Ir, f: Option<&FieldIr>) -> Option<(TokenStream, syn::Ident)> {
    let f = f?;
    let (Some(path), Ty::Named(t)) = (&f.path, f.ty) else {
        return None;
    };
    Some((
        nav(&quote!(st), &path.segs),
        type_fn(&ir.types[t].name, Dir::In),
    ))
}

/// `fn fault_<event>(reply) -> Option<String>`: the error a successful reply carries
/// (`result.error`); `{}` when its element is there but does not decode, since
/// the reply is a failure all the same.
fn fault_decoder(ir: &Ir, e: &EventIr) -> TokenStream {
    let rt = rt();
    let Some((el, dec)) = reply_object(ir, e.result.as_ref().and_then(|r| r.error.as_ref())) else {
        return quote!();
    };
    let name = format_ident!("fault_{}", snake(&e.ident));
    quote! {
        #[allow(clippy::all)]
        fn #name(st: #rt::xml::Elem<'_>) -> ::core::option::Option<::std::string::String> {
            let el = #el?;
            let mut jw = #rt::json_out::JsonWriter::new();
            ::core::option::Option::Some(if #dec(el, &mut jw) {
                jw.finish()
            } else {
                ::std::string::String::from("{}")
            })
        }
    }
}

/// `fn rsm_<event>(reply) -> String`: the callback's third argument, `{}` when
/// the reply has no such element (or one missing a required member).
fn rsm_decoder(ir: &Ir, e: &EventIr) -> TokenStream {
    let rt = rt();
    let Some((el, dec)) = reply_object(ir, e.result.as_ref().and_then(|r| r.rsm.as_ref())) else {
        return quote!();
    };
    let name = format_ident!("rsm_{}", snake(&e.ident));
    quote! {
        #[allow(clippy::all)]
        fn #name(st: #rt::xml::Elem<'_>) -> ::std::string::String {
            let mut jw = #rt::json_out::JsonWriter::new();
            match #el {
                ::core::option::Option::Some(el) if #dec(el, &mut jw) => jw.finish(),
                _ => ::std::string::String::from("{}"),
            }
        }
    }
}
