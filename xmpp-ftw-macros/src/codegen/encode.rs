//! JSON→XML: one encoder per event and direction, one per object type and
//! direction. Generated code first checks required keys and groups, then reads
//! and type-checks every value, then writes the stanza through the runtime's
//! `XmlWriter`, whose every text and attribute is escaped.
//!
//! The elements to write are planned here as a tree ([`WNode`]) whose nodes know
//! which values make them present, so an optional wrapper such as MUC's `<x/>` is
//! written only when one of its children is.

use super::{Dir, fn_ident, lit, snake};
use crate::spec::ir::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

const RT: &str = "::xmpp_ftw_runtime";

fn rt() -> TokenStream {
    RT.parse().unwrap_or_default()
}

/// A value a field contributes, as the generated code holds it.
struct Slot<'a> {
    field: &'a FieldIr,
    var: syn::Ident,
    /// Only read when this holds (variants).
    cond: Option<TokenStream>,
}

/// Where an attribute's value may come from, first applicable wins.
enum AttrSrc {
    /// A constant written when `cond` holds (implies, overrides).
    When(TokenStream, String),
    /// A field's value (`Option<&str>`-like expression producing `Option<Cow<str>>`).
    Value(TokenStream),
    /// A JID composed from parts.
    Parts {
        local: Option<syn::Ident>,
        base: Option<syn::Ident>,
        resource: Option<syn::Ident>,
    },
    Const(String),
}

struct WAttr {
    ns: String,
    name: String,
    srcs: Vec<AttrSrc>,
}

enum WNode {
    Elem {
        ns: String,
        name: String,
        /// The path predicate this element answers to, written as its constant part.
        pred: Option<Pred>,
        attrs: Vec<WAttr>,
        /// Text sources, first present wins.
        text: Vec<AttrSrc>,
        children: Vec<WNode>,
        /// Expressions any of which makes the element present.
        presence: Vec<TokenStream>,
    },
    /// Code that writes itself (repeated, dynamic or typed children).
    Leaf(TokenStream),
}

impl WNode {
    fn elem(ns: &str, name: &str) -> WNode {
        WNode::Elem {
            ns: ns.to_owned(),
            name: name.to_owned(),
            pred: None,
            attrs: Vec::new(),
            text: Vec::new(),
            children: Vec::new(),
            presence: Vec::new(),
        }
    }

    /// An element selected by a path predicate: the predicate's attribute, or its
    /// child with the text, is written with it (the child first, as XML-RPC's
    /// `<name/>` precedes `<value/>`).
    fn with_pred(ns: &str, name: &str, pred: &Option<Pred>) -> WNode {
        let mut node = WNode::elem(ns, name);
        if let WNode::Elem {
            pred: p,
            attrs,
            children,
            ..
        } = &mut node
        {
            *p = pred.clone();
            match pred {
                Some(Pred::Attr { ns, name, value }) => attrs.push(WAttr {
                    ns: ns.clone(),
                    name: name.clone(),
                    srcs: vec![AttrSrc::Const(value.clone())],
                }),
                Some(Pred::Child { ns, name, value }) => {
                    let mut child = WNode::elem(ns, name);
                    if let WNode::Elem { text, presence, .. } = &mut child {
                        text.push(AttrSrc::Const(value.clone()));
                        presence.push(quote!(true));
                    }
                    children.push(child);
                }
                None => {}
            }
        }
        node
    }
}

/// Finds or creates the element node at `steps` under `root`, marking presence.
fn node_at<'n>(root: &'n mut WNode, steps: &[Seg], presence: &TokenStream) -> &'n mut WNode {
    let mut node = root;
    if let WNode::Elem { presence: p, .. } = node {
        p.push(presence.clone());
    }
    for step in steps {
        let Seg::Elem { ns, name, pred } = step else {
            break;
        };
        let WNode::Elem { children, .. } = node else {
            break;
        };
        let pos = children.iter().position(|c| {
            matches!(c, WNode::Elem { ns: n2, name: m2, pred: p2, .. }
                if n2 == ns && m2 == name && p2 == pred)
        });
        let idx = match pos {
            Some(i) => i,
            None => {
                children.push(WNode::with_pred(ns, name, pred));
                children.len() - 1
            }
        };
        node = &mut children[idx];
        if let WNode::Elem { presence: p, .. } = node {
            p.push(presence.clone());
        }
    }
    node
}

fn push_leaf(root: &mut WNode, parent_steps: &[Seg], presence: &TokenStream, code: TokenStream) {
    if let WNode::Elem { children, .. } = node_at(root, parent_steps, presence) {
        children.push(WNode::Leaf(code));
    }
}

fn push_attr(
    root: &mut WNode,
    steps: &[Seg],
    ns: &str,
    name: &str,
    presence: &TokenStream,
    src: AttrSrc,
) {
    if let WNode::Elem { attrs, .. } = node_at(root, steps, presence) {
        match attrs.iter_mut().find(|a| a.ns == ns && a.name == name) {
            Some(a) => a.srcs.push(src),
            None => attrs.push(WAttr {
                ns: ns.to_owned(),
                name: name.to_owned(),
                srcs: vec![src],
            }),
        }
    }
}

fn push_text(root: &mut WNode, steps: &[Seg], presence: &TokenStream, src: AttrSrc) {
    if let WNode::Elem { text, .. } = node_at(root, steps, presence) {
        text.push(src);
    }
}

/// Writes a constant at `path` (an attribute or an element's text) when `cond` holds.
fn push_const(root: &mut WNode, path: &PathIr, value: &str, cond: Option<TokenStream>) {
    let presence = cond.clone().unwrap_or_else(|| quote!(true));
    let src = match cond {
        Some(c) => AttrSrc::When(c, value.to_owned()),
        None => AttrSrc::Const(value.to_owned()),
    };
    match path.last() {
        Some(Seg::Attr { ns, name }) => {
            push_attr(root, path.element_steps(), ns, name, &presence, src)
        }
        Some(Seg::Text) => push_text(root, path.element_steps(), &presence, src),
        Some(Seg::Elem { .. }) => push_text(root, &path.segs, &presence, src),
        _ => {}
    }
}

/// Marks every element of `path` (attributes excluded) present when `cond` holds.
fn push_presence_all(root: &mut WNode, path: &PathIr, cond: TokenStream) {
    node_at(root, path.element_steps(), &cond);
}

fn push_presence(root: &mut WNode, path: &PathIr, cond: Option<TokenStream>) {
    let presence = cond.unwrap_or_else(|| quote!(true));
    node_at(root, path.element_steps(), &presence);
}

/// The Rust expression reading one JSON value of a field's type, as `Result<T, ClientError>`.
fn read_value(ir: &Ir, f: &FieldIr, dir: Dir, v: TokenStream, key: TokenStream) -> TokenStream {
    let rt = rt();
    let max = match f.max_len {
        Some(m) => {
            let m = m as usize;
            quote!(::core::option::Option::Some(#m))
        }
        None => quote!(::core::option::Option::None),
    };
    match f.ty {
        Ty::String => quote!(#rt::json_in::string(#v, #key, #max)),
        Ty::Integer { min, max } => quote!(#rt::json_in::integer(#v, #key, #min, #max)),
        Ty::Boolean | Ty::Flag => quote!(#rt::json_in::boolean(#v, #key)),
        Ty::Jid => match f.part {
            Some(Part::Bare) => quote!(#rt::json_in::bare_jid(#v, #key)),
            Some(Part::Resource) => quote!(#rt::json_in::resource(#v, #key, #max)),
            _ if dir == Dir::In => quote!(#rt::json_in::jid_any(#v, #key)),
            _ => quote!(#rt::json_in::jid(#v, #key).map(::std::borrow::Cow::Borrowed)),
        },
        Ty::JidString => match f.part {
            Some(Part::Bare) => quote!(#rt::json_in::bare_jid(#v, #key)),
            Some(Part::Resource) => quote!(#rt::json_in::resource(#v, #key, #max)),
            _ => quote!(#rt::json_in::jid(#v, #key)),
        },
        Ty::Resource => quote!(#rt::json_in::resource(#v, #key, #max)),
        Ty::DateTime => quote!(#rt::json_in::datetime(#v, #key)),
        Ty::Xhtml => quote!(#rt::json_in::string(#v, #key, #max)),
        Ty::RawXml => quote!(#rt::json_in::raw_xml(#v, #key, #max)),
        Ty::LangMap => quote!(#rt::json_in::lang_map(#v, #key, #max)),
        Ty::DataForm if dir == Dir::Out => quote!(#rt::forms::submitted(#v, #key)),
        Ty::DataForm => quote!(#rt::forms::received(#v)),
        Ty::Json => quote!(#rt::json_in::json_text(#v, #key, #max)),
        Ty::Named(i) => match &ir.types[i].kind {
            TypeKind::Enum(values) | TypeKind::ElementName { values, .. } => {
                let values = values.iter().map(|s| lit(s));
                quote!(#rt::json_in::one_of(#v, #key, &[#(#values),*]))
            }
            TypeKind::Object(_) if f.string_key.is_some() => {
                quote!(#rt::json_in::object_or_string(#v, #key))
            }
            TypeKind::Object(_) => quote!(#rt::json_in::object(#v, #key)),
        },
    }
}

/// Encoder body over `fields` (already filtered by direction) relative to the
/// element being written. Returns (checks + reads, write tree root).
struct Plan {
    /// Required-key checks, before anything is read.
    checks: TokenStream,
    /// Reads and type checks of every value.
    prelude: TokenStream,
    root: WNode,
    deferred: Vec<TokenStream>,
}

fn plan(ir: &Ir, fields: &[&FieldIr], dir: Dir, root_ns: &str, root_name: &str) -> Plan {
    let rt = rt();
    let mut checks = TokenStream::new();
    let mut prelude = TokenStream::new();
    let mut root = WNode::elem(root_ns, root_name);
    let mut deferred = Vec::new();

    // Discriminators first: they decide which variant fields are read.
    let mut slots: Vec<Slot<'_>> = Vec::new();
    let mut disc_vars: Vec<(syn::Ident, &FieldIr)> = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        if !f.variants.is_empty() {
            disc_vars.push((format_ident!("d{}", i), f));
        }
    }
    for (i, f) in fields.iter().enumerate() {
        let replaced_by: Vec<(syn::Ident, Vec<String>)> = disc_vars
            .iter()
            .filter(|(_, d)| d.key != f.key)
            .filter_map(|(dv, d)| {
                let names: Vec<String> = d
                    .variants
                    .iter()
                    .filter(|(_, fs)| fs.iter().any(|v| v.key == f.key))
                    .map(|(n, _)| n.clone())
                    .collect();
                (!names.is_empty()).then(|| (dv.clone(), names))
            })
            .collect();
        let cond = if replaced_by.is_empty() {
            None
        } else {
            let checks = replaced_by.iter().map(|(dv, names)| {
                let names = names.iter().map(|n| lit(n));
                quote!(!matches!(#dv, #(::core::option::Option::Some(#names))|*))
            });
            Some(quote!(#(#checks)&&*))
        };
        slots.push(Slot {
            field: f,
            var: format_ident!("v{}", i),
            cond,
        });
        for (vi, (vname, vfields)) in f.variants.iter().enumerate() {
            let dv = format_ident!("d{}", i);
            let n = lit(vname);
            for (k, vf) in vfields.iter().enumerate() {
                if !dir.has(vf.dirs) {
                    continue;
                }
                slots.push(Slot {
                    field: vf,
                    var: format_ident!("v{}_{}_{}", i, vi, k),
                    cond: Some(quote!(#dv == ::core::option::Option::Some(#n))),
                });
            }
        }
    }

    // Required keys, in declaration order.
    for s in &slots {
        if s.field.required && s.cond.is_none() {
            let key = lit(&s.field.key);
            checks.extend(quote! {
                if #rt::json_in::get(obj, #key).is_none() {
                    return ::core::result::Result::Err(#rt::error::ClientError::missing_key(
                        #rt::json_in::Key { parent: key, name: #key }));
                }
            });
        }
    }

    // Reads, discriminators first: they decide which variant fields are read.
    let mut order: Vec<&Slot<'_>> = slots
        .iter()
        .filter(|s| !s.field.variants.is_empty())
        .collect();
    order.extend(slots.iter().filter(|s| s.field.variants.is_empty()));
    for s in order {
        let f = s.field;
        let var = &s.var;
        let key = lit(&f.key);
        let k = quote!(&#rt::json_in::Key { parent: key, name: #key });
        let read = read_value(ir, f, dir, quote!(v), k);
        let default_filter = match (&f.default_xml, f.ty) {
            (_, Ty::Flag) => quote!(),
            (Some(d), Ty::Integer { .. }) => {
                let n: i64 = d.parse().unwrap_or_default();
                quote!(.filter(|x| *x != #n))
            }
            (Some(d), Ty::Boolean) => {
                let b = d == "true";
                quote!(.filter(|x| *x != #b))
            }
            (Some(d), _) if f.variants.is_empty() => {
                let d = lit(d);
                quote!(.filter(|x| *x != #d))
            }
            _ => quote!(),
        };
        let empty_literal = match &f.if_empty {
            Some(lit_json) => {
                let lit_json = lit(lit_json);
                quote! {
                    ::core::option::Option::Some(v) if #rt::serde_json::to_string(v).ok().as_deref() == ::core::option::Option::Some(#lit_json) => {
                        ::core::option::Option::Some("")
                    }
                }
            }
            None => quote!(),
        };
        let read_opt = quote! {
            match #rt::json_in::get(obj, #key) {
                #empty_literal
                ::core::option::Option::Some(v) => ::core::option::Option::Some(#read?),
                ::core::option::Option::None => ::core::option::Option::None,
            }
        };
        let read_opt = if f.many {
            let item_read = read_value(ir, f, dir, quote!(item), quote!(&k));
            quote! {
                match #rt::json_in::get(obj, #key) {
                    ::core::option::Option::Some(v) => {
                        let k = #rt::json_in::Key { parent: key, name: #key };
                        let items = #rt::json_in::array(v, &k)?;
                        for item in items { let _ = #item_read?; }
                        if items.is_empty() { ::core::option::Option::None } else { ::core::option::Option::Some(items) }
                    }
                    ::core::option::Option::None => ::core::option::Option::None,
                }
            }
        } else {
            read_opt
        };
        let stmt = if f.ty == Ty::Flag && !f.many {
            quote!(let #var: bool = (#read_opt).unwrap_or(false);)
        } else {
            quote!(let #var = (#read_opt) #default_filter;)
        };
        if let (true, Some(c)) = (f.required, &s.cond) {
            prelude.extend(quote! {
                if #c && #rt::json_in::get(obj, #key).is_none() {
                    return ::core::result::Result::Err(#rt::error::ClientError::missing_key(
                        #rt::json_in::Key { parent: key, name: #key }));
                }
            });
        }
        let stmt = match &s.cond {
            Some(c) if f.ty == Ty::Flag && !f.many => {
                quote!(let #var: bool = if #c { #read_opt.unwrap_or(false) } else { false };)
            }
            Some(c) => {
                quote!(let #var = if #c { #read_opt #default_filter } else { ::core::option::Option::None };)
            }
            None => stmt,
        };
        prelude.extend(stmt);
        if !f.variants.is_empty() {
            let idx = fields.iter().position(|x| std::ptr::eq(*x, f)).unwrap_or(0);
            let dv = format_ident!("d{}", idx);
            prelude.extend(quote!(let #dv = #var;));
        }
    }

    // Part-composed JID attributes: gather by attribute.
    let mut handled_parts = std::collections::HashSet::new();
    for s in &slots {
        let f = s.field;
        let Some(path) = &f.path else { continue };
        if f.part.is_none() {
            continue;
        }
        let Some(Seg::Attr { ns, name }) = path.last() else {
            continue;
        };
        if !handled_parts.insert((path.element_steps().to_vec(), ns.clone(), name.clone())) {
            continue;
        }
        let same: Vec<&Slot<'_>> = slots
            .iter()
            .filter(|o| o.field.part.is_some() && o.field.path.as_ref() == Some(path))
            .collect();
        let pick = |p: Part| {
            same.iter()
                .find(|o| o.field.part == Some(p))
                .map(|o| o.var.clone())
        };
        let presence_vars: Vec<_> = same.iter().map(|o| &o.var).collect();
        let presence = quote!(#(#presence_vars.is_some())||*);
        let base = pick(Part::Bare).or_else(|| pick(Part::Domain));
        push_attr(
            &mut root,
            path.element_steps(),
            ns,
            name,
            &presence,
            AttrSrc::Parts {
                local: pick(Part::Local),
                base,
                resource: pick(Part::Resource),
            },
        );
    }

    // Field writes.
    for s in &slots {
        let f = s.field;
        let var = &s.var;
        let Some(path) = &f.path else { continue };
        if f.derived {
            continue;
        }
        let presence = if f.ty == Ty::Flag && !f.many {
            quote!(#var)
        } else if dir == Dir::Out && !f.form_keys.is_empty() {
            // The form is written when the browser gives it or any key it carries.
            let keys = f.form_keys.iter().map(|(k, _)| lit(k));
            quote!((#var.is_some() #(|| #rt::json_in::get(obj, #keys).is_some())*))
        } else {
            quote!(#var.is_some())
        };
        for (p, v) in &f.implies {
            match v {
                Some(v) => push_const(&mut root, p, v, Some(presence.clone())),
                None => push_presence_all(&mut root, p, presence.clone()),
            }
        }
        if f.part.is_some() && matches!(path.last(), Some(Seg::Attr { .. })) {
            continue;
        }
        // Overrides: the constant conditions are written instead of the value.
        let mut override_guard = quote!();
        for (conds, value) in &f.overrides {
            let text = value.trim_matches('"').to_owned();
            let t = lit(&text);
            let active = quote!(#var == ::core::option::Option::Some(#t));
            for c in conds {
                match &c.test {
                    Test::OneOf { values, .. } if values.len() == 1 => {
                        push_const(&mut root, &c.path, &values[0], Some(active.clone()))
                    }
                    Test::Present => push_presence(&mut root, &c.path, Some(active.clone())),
                    _ => {}
                }
            }
            override_guard.extend(quote!(.filter(|x| *x != #t)));
        }
        let value_expr = quote!(#var #override_guard);
        let presence = if f.overrides.is_empty() {
            presence
        } else {
            quote!((#value_expr).is_some())
        };
        let steps = path.element_steps();
        match (path.last(), f.ty) {
            (Some(Seg::Attr { ns, name }), Ty::Flag) => {
                let value = lit(f.flag_value.as_deref().unwrap_or("true"));
                push_attr(
                    &mut root,
                    steps,
                    ns,
                    name,
                    &presence,
                    AttrSrc::When(quote!(#var), value.value()),
                );
            }
            (Some(Seg::Attr { ns, name }), _) if f.many => {
                // Repeated element carrying the value in an attribute.
                let (parent, last) = split_last_elem(steps);
                let (ens, ename) = elem_name(last);
                let attr = attr_write(ns, name, quote!(&s));
                let code = many_scalar_leaf(ir, f, dir, var, &ename, &ens, attr);
                push_leaf(&mut root, parent, &presence, code);
            }
            (Some(Seg::Attr { ns, name }), _) => {
                let v = value_to_cow(ir, f, value_expr.clone());
                push_attr(&mut root, steps, ns, name, &presence, AttrSrc::Value(v));
                if let Some(also) = &f.also_at
                    && let Some(Seg::Attr { ns, name }) = also.last()
                {
                    let v = value_to_cow(ir, f, value_expr.clone());
                    push_attr(
                        &mut root,
                        also.element_steps(),
                        ns,
                        name,
                        &presence,
                        AttrSrc::Value(v),
                    );
                }
            }
            (Some(Seg::Text), _) => {
                let v = value_to_cow(ir, f, value_expr.clone());
                push_text(&mut root, steps, &presence, AttrSrc::Value(v));
            }
            (Some(Seg::Name | Seg::Ns), _) => {}
            // An object at `.`: its fields are children of the element being written.
            (None, Ty::Named(t)) if matches!(ir.types[t].kind, TypeKind::Object(_)) => {
                let enc = type_fn(&ir.types[t].name, dir);
                let key = lit(&f.key);
                push_leaf(
                    &mut root,
                    &[],
                    &presence,
                    quote! {
                                if let ::core::option::Option::Some(o) = #var {
                            let k = #rt::json_in::Key { parent: key, name: #key };
                            #enc(o, &k, w)?;
                        }
                    },
                );
            }
            (Some(Seg::Elem { ns, name, .. }), _) => {
                let (ns, name) = (lit(ns), lit(name));
                let parent = &path.segs[..path.segs.len() - 1];
                match f.ty {
                    Ty::Flag => push_leaf(
                        &mut root,
                        parent,
                        &presence,
                        quote!(if #var { w.start(#name, #ns); w.end(); }),
                    ),
                    Ty::LangMap => push_leaf(
                        &mut root,
                        parent,
                        &presence,
                        quote! {
                            if let ::core::option::Option::Some(pairs) = &#var {
                                for (lang, text) in pairs {
                                    w.start(#name, #ns);
                                    w.attr_ns(#rt::xml::NS_XML, "lang", lang);
                                    w.text(text);
                                    w.end();
                                }
                            }
                        },
                    ),
                    Ty::Xhtml => {
                        let plain = format_ident!("{}_plain", var);
                        prelude.extend(quote!(let mut #plain: ::core::option::Option<::std::string::String> = ::core::option::Option::None;));
                        push_leaf(
                            &mut root,
                            parent,
                            &presence,
                            quote! {
                                if let ::core::option::Option::Some(markup) = #var {
                                    w.start(#name, #ns);
                                    #plain = ::core::option::Option::Some(
                                        #rt::xhtml::write_body(markup, w)
                                            .map_err(|_| #rt::error::ClientError::invalid_xhtml())?,
                                    );
                                    w.end();
                                }
                            },
                        );
                        if let Some(fb) = &f.fallback {
                            deferred.push(path_text_write(fb, quote!(#plain.as_deref())));
                        }
                    }
                    Ty::RawXml => {
                        let code = raw_xml_leaf(f, var, quote!(el.is(#ns, #name)));
                        push_leaf(&mut root, parent, &presence, code)
                    }
                    Ty::DataForm => {
                        let key = lit(&f.key);
                        let form_type = match &f.form_type {
                            Some(t) => quote!(::core::option::Option::Some(#t)),
                            None => quote!(::core::option::Option::None),
                        };
                        let code = if dir == Dir::Out {
                            let x_type = lit(&f.submit_as);
                            let keyed = f.form_keys.iter().map(|(k, v)| {
                                let (k, v) = (lit(k), lit(v));
                                quote!((#k, #v, #rt::json_in::get(obj, #k)))
                            });
                            quote! {
                                if #presence {
                                    let k = #rt::json_in::Key { parent: key, name: #key };
                                    w.start(#name, #ns);
                                    let submitted = #var.unwrap_or_default();
                                    #rt::forms::write_submitted(submitted, #ns, #x_type, #form_type, &k, w)?;
                                    #rt::forms::write_keyed_fields(&[#(#keyed),*], submitted, #ns, &k, w)?;
                                    w.end();
                                }
                            }
                        } else {
                            quote! {
                                if let ::core::option::Option::Some(form) = #var {
                                    let k = #rt::json_in::Key { parent: key, name: #key };
                                    w.start(#name, #ns);
                                    #rt::forms::write_received(form, #ns, #form_type, &k, w)?;
                                    w.end();
                                }
                            }
                        };
                        push_leaf(&mut root, parent, &presence, code);
                    }
                    Ty::Named(t) if matches!(ir.types[t].kind, TypeKind::Object(_)) => {
                        let enc = type_fn(&ir.types[t].name, dir);
                        let key = lit(&f.key);
                        let str_write = string_key_write(ir, t, f);
                        let either = if f.string_key.is_some() {
                            quote!(#var)
                        } else {
                            quote!(#var.map(#rt::json_in::ObjOrStr::Obj))
                        };
                        let code = if f.many {
                            quote! {
                                if let ::core::option::Option::Some(items) = #var {
                                    let k = #rt::json_in::Key { parent: key, name: #key };
                                    for item in items {
                                        let o = #rt::json_in::object(item, &k)?;
                                        w.start(#name, #ns);
                                        #enc(o, &k, w)?;
                                        w.end();
                                    }
                                }
                            }
                        } else if children_only(ir, t) {
                            // Shares the element with other fields of the plan (an item's
                            // `@id` beside its payload).
                            let code = quote! {
                                match #either {
                                    ::core::option::Option::Some(#rt::json_in::ObjOrStr::Obj(o)) => {
                                        let k = #rt::json_in::Key { parent: key, name: #key };
                                        #enc(o, &k, w)?;
                                    }
                                    ::core::option::Option::Some(#rt::json_in::ObjOrStr::Str(s)) => { #str_write }
                                    ::core::option::Option::None => {}
                                }
                            };
                            push_leaf(&mut root, &path.segs, &presence, code);
                            quote!()
                        } else {
                            quote! {
                                match #either {
                                    ::core::option::Option::Some(#rt::json_in::ObjOrStr::Obj(o)) => {
                                        let k = #rt::json_in::Key { parent: key, name: #key };
                                        w.start(#name, #ns);
                                        #enc(o, &k, w)?;
                                        w.end();
                                    }
                                    ::core::option::Option::Some(#rt::json_in::ObjOrStr::Str(s)) => {
                                        w.start(#name, #ns);
                                        #str_write
                                        w.end();
                                    }
                                    ::core::option::Option::None => {}
                                }
                            }
                        };
                        push_leaf(&mut root, parent, &presence, code);
                    }
                    _ if f.many => {
                        let code =
                            many_scalar_leaf(ir, f, dir, var, &name, &ns, quote!(w.text(&s);));
                        push_leaf(&mut root, parent, &presence, code);
                    }
                    _ => {
                        let v = value_to_cow(ir, f, value_expr.clone());
                        push_text(&mut root, &path.segs, &presence, AttrSrc::Value(v));
                    }
                }
            }
            (Some(seg @ Seg::AnyIn { ns }), Ty::Named(t)) => {
                let parent = &path.segs[..path.segs.len() - 1];
                let ns = lit(ns);
                match &ir.types[t].kind {
                    TypeKind::ElementName { values, .. } if f.many => {
                        let key = lit(&f.key);
                        let values = values.iter().map(|v| lit(v));
                        let to_s = quote!(#rt::json_in::one_of(item, &k, &[#(#values),*])?);
                        push_leaf(
                            &mut root,
                            parent,
                            &presence,
                            quote! {
                                if let ::core::option::Option::Some(items) = #var {
                                    let k = #rt::json_in::Key { parent: key, name: #key };
                                    for item in items {
                                        let n = #to_s;
                                        w.start(n, #ns);
                                        w.end();
                                    }
                                }
                            },
                        )
                    }
                    TypeKind::ElementName { .. } => push_leaf(
                        &mut root,
                        parent,
                        &presence,
                        quote!(if let ::core::option::Option::Some(n) = #var { w.start(n, #ns); w.end(); }),
                    ),
                    TypeKind::Object(tf) => {
                        let code = wildcard_object(ir, t, tf, f, var, seg, dir);
                        push_leaf(&mut root, parent, &presence, code);
                    }
                    TypeKind::Enum(_) => {}
                }
            }
            (Some(seg @ Seg::AnyNotIn { .. }), Ty::Named(t)) => {
                if let TypeKind::Object(tf) = &ir.types[t].kind {
                    let parent = &path.segs[..path.segs.len() - 1];
                    let code = wildcard_object(ir, t, tf, f, var, seg, dir);
                    push_leaf(&mut root, parent, &presence, code);
                }
            }
            (Some(seg @ (Seg::AnyIn { .. } | Seg::AnyNotIn { .. })), Ty::RawXml) => {
                let parent = &path.segs[..path.segs.len() - 1];
                // The payload's element must be one the wildcard admits.
                let admitted = match seg {
                    Seg::AnyIn { ns } => {
                        let ns = lit(ns);
                        quote!(el.ns() == #ns)
                    }
                    Seg::AnyNotIn { ns } => {
                        let ns = lit(ns);
                        quote!(el.ns() != #ns)
                    }
                    _ => quote!(true),
                };
                let code = raw_xml_leaf(f, var, admitted);
                push_leaf(&mut root, parent, &presence, code);
            }
            _ => {}
        }
    }
    Plan {
        checks,
        prelude,
        root,
        deferred,
    }
}

/// Copies a `raw_xml` payload's element into the stanza, after checking that it
/// is one the path admits (`admitted`, an expression over `el`).
fn raw_xml_leaf(f: &FieldIr, var: &syn::Ident, admitted: TokenStream) -> TokenStream {
    let rt = rt();
    let key = lit(&f.key);
    quote! {
        if let ::core::option::Option::Some(tree) = &#var {
            let el = tree.root();
            if !(#admitted) {
                return ::core::result::Result::Err(#rt::error::ClientError::invalid_xml(
                    #rt::json_in::Key { parent: key, name: #key }));
            }
            w.element(el);
        }
    }
}

/// Object of a type placed at a wildcard: its name (and namespace) come from the
/// type's `name()` (and `ns()`) fields.
fn wildcard_object(
    ir: &Ir,
    t: usize,
    tf: &[FieldIr],
    f: &FieldIr,
    var: &syn::Ident,
    wildcard: &Seg,
    dir: Dir,
) -> TokenStream {
    let (ns, not_ns) = match wildcard {
        Seg::AnyIn { ns } => (Some(lit(ns)), None),
        Seg::AnyNotIn { ns } => (None, Some(ns.clone())),
        _ => (None, None),
    };
    let rt = rt();
    let key_of = |seg: Seg| {
        tf.iter()
            .find(|x| x.path.as_ref().and_then(|p| p.last()) == Some(&seg) && p_is_root(x))
            .map(|x| lit(&x.key))
    };
    let Some(name_key) = key_of(Seg::Name) else {
        return quote!();
    };
    let (ns_expr, excluded) = match (ns, key_of(Seg::Ns)) {
        (Some(ns), _) => (quote!(#ns), None),
        (None, Some(k)) => (
            quote! {
                match #rt::json_in::get(o, #k) {
                    ::core::option::Option::Some(v) => #rt::json_in::string(v, &#rt::json_in::Key { parent: ::core::option::Option::Some(&k), name: #k }, ::core::option::Option::None)?,
                    ::core::option::Option::None => "",
                }
            },
            not_ns,
        ),
        (None, None) => (quote!(""), not_ns),
    };
    // `!prefix:*` admits any namespace but that one.
    let check = match excluded {
        Some(x) => {
            let x = lit(&x);
            quote! {
                if ns == #x {
                    return ::core::result::Result::Err(#rt::error::ClientError::excluded_namespace(&k, ns));
                }
            }
        }
        None => quote!(),
    };
    let enc = type_fn(&ir.types[t].name, dir);
    let key = lit(&f.key);
    quote! {
        if let ::core::option::Option::Some(o) = #var {
            let k = #rt::json_in::Key { parent: key, name: #key };
            if let ::core::option::Option::Some(v) = #rt::json_in::get(o, #name_key) {
                let name = #rt::json_in::xml_name(v, &#rt::json_in::Key { parent: ::core::option::Option::Some(&k), name: #name_key })?;
                let ns: &str = #ns_expr;
                #check
                w.start(name, ns);
                #enc(o, &k, w)?;
                w.end();
            }
        }
    }
}

/// One `<name xmlns=ns>` per item of a repeated scalar field; `write` puts the
/// item's string `s` in it (as text, or as an attribute).
fn many_scalar_leaf(
    ir: &Ir,
    f: &FieldIr,
    dir: Dir,
    var: &syn::Ident,
    name: &syn::LitStr,
    ns: &syn::LitStr,
    write: TokenStream,
) -> TokenStream {
    let rt = rt();
    let key = lit(&f.key);
    let to_s = scalar_to_string(ir, f, dir, quote!(item), quote!(&k));
    quote! {
        if let ::core::option::Option::Some(items) = #var {
            let k = #rt::json_in::Key { parent: key, name: #key };
            for item in items {
                let s = #to_s;
                w.start(#name, #ns);
                #write
                w.end();
            }
        }
    }
}

fn p_is_root(f: &FieldIr) -> bool {
    f.path.as_ref().is_some_and(|p| p.segs.len() == 1)
}

fn split_last_elem(steps: &[Seg]) -> (&[Seg], &Seg) {
    match steps.split_last() {
        Some((last, parent)) => (parent, last),
        None => (steps, &Seg::Text),
    }
}

fn elem_name(seg: &Seg) -> (syn::LitStr, syn::LitStr) {
    match seg {
        Seg::Elem { ns, name, .. } => (lit(ns), lit(name)),
        _ => (lit(""), lit("")),
    }
}

fn attr_write(ns: &str, name: &str, value: TokenStream) -> TokenStream {
    let name = lit(name);
    if ns.is_empty() {
        quote!(w.attr(#name, #value);)
    } else {
        let ns = lit(ns);
        quote!(w.attr_ns(#ns, #name, #value);)
    }
}

/// Writes `<a><b>text</b></a>` for a path ending in an element, when `text` is `Some`.
fn path_text_write(path: &PathIr, text: TokenStream) -> TokenStream {
    let starts = path.segs.iter().filter_map(|s| match s {
        Seg::Elem { ns, name, .. } => {
            let (ns, name) = (lit(ns), lit(name));
            Some(quote!(w.start(#name, #ns);))
        }
        _ => None,
    });
    let ends = path
        .segs
        .iter()
        .filter(|s| matches!(s, Seg::Elem { .. }))
        .map(|_| quote!(w.end();));
    quote! {
        if let ::core::option::Option::Some(t) = #text {
            #(#starts)*
            w.text(t);
            #(#ends)*
        }
    }
}

/// `Option<Cow<str>>` from a field's read value.
fn value_to_cow(ir: &Ir, f: &FieldIr, v: TokenStream) -> TokenStream {
    let _ = ir;
    match f.ty {
        Ty::Integer { .. } => {
            quote!((#v).map(|n| ::std::borrow::Cow::<str>::Owned(::std::string::ToString::to_string(&n))))
        }
        Ty::Boolean => {
            quote!((#v).map(|b| ::std::borrow::Cow::<str>::Borrowed(if b { "true" } else { "false" })))
        }
        Ty::Jid if f.part.is_none() => quote!((#v).clone()),
        Ty::Json => quote!((#v).as_deref().map(::std::borrow::Cow::<str>::Borrowed)),
        _ => quote!((#v).map(::std::borrow::Cow::<str>::Borrowed)),
    }
}

/// A `Cow<str>` from one array item of a scalar field.
fn scalar_to_string(
    ir: &Ir,
    f: &FieldIr,
    dir: Dir,
    item: TokenStream,
    key: TokenStream,
) -> TokenStream {
    let read = read_value(ir, f, dir, item, key);
    match f.ty {
        Ty::Integer { .. } => {
            quote!(::std::borrow::Cow::<str>::Owned(::std::string::ToString::to_string(&#read?)))
        }
        Ty::Boolean => {
            quote!(::std::borrow::Cow::<str>::Borrowed(if #read? { "true" } else { "false" }))
        }
        Ty::Jid if f.part.is_none() => quote!(#read?),
        Ty::Json => quote!(::std::borrow::Cow::<str>::Owned(#read?)),
        _ => quote!(::std::borrow::Cow::<str>::Borrowed(#read?)),
    }
}

fn attr_value_expr(srcs: &[AttrSrc]) -> TokenStream {
    let rt = rt();
    // Conditional constants first, then values, then constants.
    let mut ordered: Vec<&AttrSrc> = srcs
        .iter()
        .filter(|s| matches!(s, AttrSrc::When(..)))
        .collect();
    ordered.extend(
        srcs.iter()
            .filter(|s| matches!(s, AttrSrc::Value(_) | AttrSrc::Parts { .. })),
    );
    ordered.extend(srcs.iter().filter(|s| matches!(s, AttrSrc::Const(_))));
    let mut expr = quote!(::core::option::Option::<::std::borrow::Cow<'_, str>>::None);
    for s in ordered.into_iter().rev() {
        expr = match s {
            AttrSrc::When(c, v) => {
                let v = lit(v);
                quote!(if #c { ::core::option::Option::Some(::std::borrow::Cow::Borrowed(#v)) } else { #expr })
            }
            AttrSrc::Value(v) => {
                quote!(match #v { ::core::option::Option::Some(x) => ::core::option::Option::Some(x), ::core::option::Option::None => #expr })
            }
            AttrSrc::Parts {
                local,
                base,
                resource,
            } => {
                let opt = |v: &Option<syn::Ident>| match v {
                    Some(v) => quote!(#v),
                    None => quote!(::core::option::Option::<&str>::None),
                };
                let (l, b, r) = (opt(local), opt(base), opt(resource));
                quote! {
                    match #b {
                        ::core::option::Option::Some(b) => ::core::option::Option::Some(::std::borrow::Cow::<str>::Owned(
                            #rt::json_in::compose_jid(#l, b, #r))),
                        ::core::option::Option::None => #expr,
                    }
                }
            }
            AttrSrc::Const(v) => {
                let v = lit(v);
                quote!(::core::option::Option::Some(::std::borrow::Cow::Borrowed(#v)))
            }
        };
    }
    expr
}

/// Emits the writes of an element's attributes, text and children (not its start/end).
fn emit_content(node: &WNode, capture_to: bool) -> TokenStream {
    let WNode::Elem {
        attrs,
        text,
        children,
        ..
    } = node
    else {
        return quote!();
    };
    let mut out = TokenStream::new();
    for a in attrs {
        let value = attr_value_expr(&a.srcs);
        let write = attr_write(&a.ns, &a.name, quote!(&a));
        let capture = if capture_to && a.ns.is_empty() && a.name == "to" {
            quote!(to = ::core::option::Option::Some(::std::string::ToString::to_string(&a));)
        } else {
            quote!()
        };
        out.extend(quote! {
            if let ::core::option::Option::Some(a) = #value {
                #write
                #capture
            }
        });
    }
    if !text.is_empty() {
        let value = attr_value_expr(text);
        out.extend(quote! {
            if let ::core::option::Option::Some(t) = #value { w.text(&t); }
        });
    }
    for c in children {
        out.extend(emit_node(c));
    }
    out
}

fn emit_node(node: &WNode) -> TokenStream {
    match node {
        WNode::Leaf(code) => code.clone(),
        WNode::Elem {
            ns, name, presence, ..
        } => {
            let content = emit_content(node, false);
            let (ns, name) = (lit(ns), lit(name));
            let presence = if presence.is_empty() {
                quote!(false)
            } else {
                quote!(#(#presence)||*)
            };
            quote! {
                if #presence {
                    w.start(#name, #ns);
                    #content
                    w.end();
                }
            }
        }
    }
}

pub fn type_fn(name: &str, dir: Dir) -> syn::Ident {
    format_ident!("enc_{}_type_{}", dir.suffix(), snake(name))
}

/// `fn enc_<dir>_type_<name>(obj, key, w) -> Result<(), ClientError>`: writes the
/// attributes and content of an element the caller has started.
pub fn type_encoder(ir: &Ir, t: usize, dir: Dir) -> TokenStream {
    let rt = rt();
    let name = type_fn(&ir.types[t].name, dir);
    let TypeKind::Object(fields) = &ir.types[t].kind else {
        return quote!();
    };
    let fields: Vec<&FieldIr> = fields.iter().filter(|f| dir.has(f.dirs)).collect();
    let plan = plan(ir, &fields, dir, "", "");
    let checks = &plan.checks;
    let prelude = &plan.prelude;
    let content = emit_content(&plan.root, false);
    let deferred = &plan.deferred;
    quote! {
        #[allow(unused_variables, unused_mut, clippy::all)]
        fn #name<'d>(
            obj: &'d #rt::json_in::Map,
            key: &#rt::json_in::Key<'_>,
            w: &mut #rt::xml::XmlWriter<'d>,
        ) -> ::core::result::Result<(), #rt::error::ClientError> {
            let key = ::core::option::Option::Some(key);
            #checks
            #prelude
            #content
            #(#deferred)*
            ::core::result::Result::Ok(())
        }
    }
}

/// `fn enc_<dir>_<event>(obj, sess) -> Result<Encoded, ClientError>`.
pub fn event_encoder(ir: &Ir, e: &EventIr, dir: Dir) -> TokenStream {
    if !dir.has(e.dirs) {
        return quote!();
    }
    let rt = rt();
    let name = fn_ident("enc", dir, &e.ident);
    let fields: Vec<&FieldIr> = e.fields.iter().filter(|f| dir.has(f.dirs)).collect();
    let stanza = e.stanzas.first().cloned().unwrap_or_default();
    let mut plan = plan(ir, &fields, dir, NS_CLIENT, &stanza);

    // Groups (the event's "at least one of" rules).
    let mut groups = TokenStream::new();
    for (g, text) in &e.groups {
        let keys: Vec<syn::LitStr> = fields
            .iter()
            .flat_map(|f| {
                let mut keys = Vec::new();
                if f.satisfies.as_deref() == Some(g) {
                    keys.push(lit(&f.key));
                }
                for (_, vf) in &f.variants {
                    keys.extend(
                        vf.iter()
                            .filter(|v| v.satisfies.as_deref() == Some(g))
                            .map(|v| lit(&v.key)),
                    );
                }
                keys
            })
            .collect();
        if keys.is_empty() {
            continue;
        }
        let mut seen = std::collections::HashSet::new();
        let keys: Vec<syn::LitStr> = keys
            .into_iter()
            .filter(|k| seen.insert(k.value()))
            .collect();
        let text = lit(text);
        groups.extend(quote! {
            if !(#(#rt::json_in::is_given(obj, #keys))||*) {
                return ::core::result::Result::Err(#rt::error::ClientError::new(#text));
            }
        });
    }

    // Constants: `set` going out; what the match rule requires coming in.
    match dir {
        Dir::Out => {
            for (p, v) in &e.set {
                push_const(&mut plan.root, p, v, None);
            }
            if let Some(t) = &e.iq {
                push_const(&mut plan.root, &attr_path("type"), t, None);
            }
        }
        Dir::In => {
            if let Some(alt) = e.matches.first() {
                for c in alt {
                    match &c.test {
                        Test::OneOf {
                            values,
                            or_absent: false,
                        } if values.len() == 1 => {
                            push_const(&mut plan.root, &c.path, &values[0], None)
                        }
                        // Unless a field of the payload writes that element itself.
                        Test::Present if !written_by_field(&fields, &c.path) => {
                            push_presence(&mut plan.root, &c.path, None)
                        }
                        _ => {}
                    }
                }
            }
        }
    }
    for p in &e.ensure {
        let presence = quote!(true);
        node_at(&mut plan.root, &p.segs, &presence);
    }
    // The stanza id: the payload's (a field's, or the applying variant's), else a
    // fresh one.
    let at_id = |f: &FieldIr| {
        f.path.as_ref().is_some_and(|p| {
            p.segs
                == [Seg::Attr {
                    ns: String::new(),
                    name: "id".into(),
                }]
        })
    };
    let mut id_vars: Vec<syn::Ident> = Vec::new();
    for (i, f) in fields.iter().enumerate() {
        if at_id(f) {
            id_vars.push(format_ident!("v{}", i));
        }
        for (vi, (_, vfields)) in f.variants.iter().enumerate() {
            for (k, vf) in vfields.iter().enumerate() {
                if dir.has(vf.dirs) && at_id(vf) {
                    id_vars.push(format_ident!("v{}_{}_{}", i, vi, k));
                }
            }
        }
    }
    // Stanzas going out always get an id; incoming payloads written back keep theirs.
    let fresh = match dir {
        Dir::Out => quote!(sess.next_id()),
        Dir::In => quote!(::std::string::String::new()),
    };
    let mut id_expr = fresh;
    for v in id_vars.iter().rev() {
        id_expr = quote!(match &#v { ::core::option::Option::Some(x) => ::std::string::ToString::to_string(x), ::core::option::Option::None => #id_expr });
    }
    if let WNode::Elem { attrs, .. } = &mut plan.root {
        attrs.retain(|a| !(a.ns.is_empty() && a.name == "id"));
    }
    let checks = &plan.checks;
    let prelude = &plan.prelude;
    let content = emit_content(&plan.root, true);
    let deferred = &plan.deferred;
    // An event over several stanza kinds takes the kind from its `name()` field.
    let name_field = fields
        .iter()
        .position(|f| f.path.as_ref().is_some_and(|p| p.segs == [Seg::Name]));
    let stanza_expr = match name_field {
        Some(i) if e.stanzas.len() > 1 => {
            let v = format_ident!("v{}", i);
            let kinds = e.stanzas.iter().map(|k| lit(k));
            let first = lit(&stanza);
            quote!(match #v { #(::core::option::Option::Some(#kinds) => #kinds,)* _ => #first })
        }
        _ => {
            let s = lit(&stanza);
            quote!(#s)
        }
    };
    quote! {
        #[allow(unused_variables, unused_mut, clippy::all)]
        fn #name<'d>(
            obj: &'d #rt::json_in::Map,
            sess: &mut #rt::session::Session,
        ) -> ::core::result::Result<#rt::translate::Encoded, #rt::error::ClientError> {
            let key: ::core::option::Option<&#rt::json_in::Key<'_>> = ::core::option::Option::None;
            #checks
            #groups
            #prelude
            let id: ::std::string::String = #id_expr;
            let mut to: ::core::option::Option<::std::string::String> = ::core::option::Option::None;
            let mut writer = #rt::xml::XmlWriter::new(#rt::xml::NS_CLIENT);
            let w = &mut writer;
            w.start(#stanza_expr, #rt::xml::NS_CLIENT);
            if !id.is_empty() {
                w.attr("id", &id);
            }
            #content
            #(#deferred)*
            w.end();
            ::core::result::Result::Ok(#rt::translate::Encoded { xml: writer.into_string(), id, to })
        }
    }
}

/// How a string given for an object with `string_key` is written: as that key's
/// field of the type (its text, or one child element's text). Fields without
/// `string_key` never hold a string.
fn string_key_write(ir: &Ir, t: usize, f: &FieldIr) -> TokenStream {
    let rt = rt();
    let (Some(sk), TypeKind::Object(fields)) = (&f.string_key, &ir.types[t].kind) else {
        return quote!(let _ = s;);
    };
    let key = lit(&f.key);
    let Some(target) = fields.iter().find(|tf| &tf.key == sk) else {
        return quote!(let _ = s;);
    };
    let max = match target.max_len {
        Some(m) => {
            let m = m as usize;
            quote!(::core::option::Option::Some(#m))
        }
        None => quote!(::core::option::Option::None),
    };
    let check =
        quote!(#rt::json_in::check_text(s, &#rt::json_in::Key { parent: key, name: #key }, #max)?;);
    match target.path.as_ref().map(|p| p.segs.as_slice()) {
        Some([Seg::Text]) => quote!(#check w.text(s);),
        Some([Seg::Elem { ns, name, .. }]) => {
            let (ns, name) = (lit(ns), lit(name));
            quote!(#check w.start(#name, #ns); w.text(s); w.end();)
        }
        _ => quote!(let _ = s;),
    }
}

/// Whether an object type writes only child elements (no attribute or text of its
/// own element), so its fields can be written into an element other fields share.
fn children_only(ir: &Ir, t: usize) -> bool {
    let TypeKind::Object(fields) = &ir.types[t].kind else {
        return false;
    };
    fields
        .iter()
        .all(|f| match f.path.as_ref().and_then(|p| p.segs.first()) {
            Some(Seg::Elem { .. }) => true,
            None => matches!(f.ty, Ty::Named(i) if children_only(ir, i)),
            _ => false,
        })
}

/// Whether a field writes the element `cond` names as a whole element of its
/// own (repeated, object, flag, language map…); plain nested values share the
/// element instead, so the condition may still mark it present.
fn written_by_field(fields: &[&FieldIr], cond: &PathIr) -> bool {
    let steps = cond.element_steps();
    fields.iter().any(|f| {
        let own_element = f.many
            || matches!(
                f.ty,
                Ty::Named(_) | Ty::Flag | Ty::LangMap | Ty::Xhtml | Ty::RawXml | Ty::DataForm
            );
        own_element && f.path.as_ref().is_some_and(|p| p.segs == *steps)
    })
}

fn attr_path(name: &str) -> PathIr {
    PathIr {
        segs: vec![Seg::Attr {
            ns: String::new(),
            name: name.into(),
        }],
        text: format!("@{name}"),
    }
}
