//! The registry: outgoing dispatch by event name, incoming dispatch by match
//! rules (highest priority first), translator lookup for tests, and the static
//! catalogue the documentation is rendered from.

use super::{Dir, fn_ident, lit, snake};
use crate::spec::ir::*;
use proc_macro2::TokenStream;
use quote::{format_ident, quote};

fn rt() -> TokenStream {
    "::xmpp_ftw_runtime".parse().unwrap_or_default()
}

fn hook_path(hooks: &syn::Path, path: &str) -> TokenStream {
    match syn::parse_str::<syn::Path>(path) {
        Ok(p) => quote!(#hooks::#p),
        Err(_) => quote!(::core::compile_error!("bad hook path")),
    }
}

/// `fn out_<event>(data, has_callback, sess) -> Result<Outgoing, ClientError>`:
/// callback rule, hooks, then the encoder.
pub fn outgoing_fn(e: &EventIr, hooks: &syn::Path, noted: bool) -> TokenStream {
    let rt = rt();
    let name = format_ident!("out_{}", snake(&e.ident));
    let enc = fn_ident("enc", Dir::Out, &e.ident);
    let event = lit(&e.name);
    let callback_check = if e.callback == CallbackIr::Required {
        quote! {
            if !has_callback {
                return ::core::result::Result::Err(#rt::error::ClientError::missing_callback());
            }
        }
    } else {
        quote!()
    };
    let needs = e.fields.iter().filter(|f| f.dirs.out).filter_map(|f| {
        f.needs_callback.as_ref().map(|text| {
            let key = lit(&f.key);
            let text = lit(text);
            quote! {
                if !has_callback && #rt::json_in::is_given(&obj, #key) {
                    return ::core::result::Result::Err(#rt::error::ClientError::new(#text));
                }
            }
        })
    });
    // `exclusive`: at most one key of each list.
    let exclusive = e.exclusive.iter().map(|keys| {
        let keys = keys.iter().map(|k| lit(k));
        quote! {
            let mut given = [#(#keys),*]
                .into_iter()
                .filter(|k| #rt::json_in::is_given(&obj, k));
            if let (::core::option::Option::Some(a), ::core::option::Option::Some(b)) = (given.next(), given.next()) {
                return ::core::result::Result::Err(#rt::error::ClientError::exclusive(a, b));
            }
        }
    });
    let exclusive = quote!(#(#exclusive)*);
    // `default_own`: keys the browser left out take the user's own address, before
    // any hook runs.
    let mut own: Vec<TokenStream> = e
        .fields
        .iter()
        .filter(|f| f.dirs.out)
        .filter_map(|f| {
            let key = lit(&f.key);
            let value = match f.default_own? {
                OwnJid::BareJid => quote!(sess.bare_jid()),
                OwnJid::FullJid => quote!(sess.jid()),
                OwnJid::Domain => quote!(
                    sess.bare_jid()
                        .map(|b| b.rsplit_once('@').map_or(b, |(_, d)| d))
                ),
            };
            Some(quote! {
                if !#rt::json_in::is_given(&owned, #key)
                    && let ::core::option::Option::Some(v) = #value
                {
                    owned.insert(
                        ::std::string::String::from(#key),
                        #rt::serde_json::Value::String(::std::string::String::from(v)),
                    );
                }
            })
        })
        .collect();
    // `default_digest`: computed from the source key as the browser sent it.
    let digests = e.fields.iter().filter(|f| f.dirs.out).filter_map(|f| {
        let d = f.default_digest.as_ref()?;
        let key = lit(&f.key);
        let of = lit(&d.of);
        let encoding = if d.base64 {
            quote!(#rt::digest::Encoding::Base64)
        } else {
            quote!(#rt::digest::Encoding::Text)
        };
        let refused = lit(&format!(
            "'{}' is not {}, so '{}' cannot be computed",
            d.of,
            if d.base64 { "base64" } else { "text" },
            f.key
        ));
        Some(quote! {
            if !#rt::json_in::is_given(&owned, #key)
                && let ::core::option::Option::Some(#rt::serde_json::Value::String(source)) =
                    #rt::json_in::get(&owned, #of)
            {
                let digest = #rt::digest::sha1_hex(source, #encoding)
                    .ok_or_else(|| #rt::error::ClientError::new(#refused))?;
                owned.insert(
                    ::std::string::String::from(#key),
                    #rt::serde_json::Value::String(digest),
                );
            }
        })
    });
    own.extend(digests);
    let own = if own.is_empty() {
        quote!()
    } else {
        quote! {
            let obj: ::std::borrow::Cow<'_, #rt::json_in::Map> = {
                let mut owned = obj.into_owned();
                #(#own)*
                ::std::borrow::Cow::Owned(owned)
            };
        }
    };
    let before = match &e.hooks.before_send {
        Some(h) => {
            let h = hook_path(hooks, h);
            quote! {
                let mut owned = obj.into_owned();
                #h(sess, &mut owned)?;
                let obj: ::std::borrow::Cow<'_, #rt::json_in::Map> = ::std::borrow::Cow::Owned(owned);
            }
        }
        None => quote!(),
    };
    let after = match &e.hooks.after_send {
        Some(h) => {
            let h = hook_path(hooks, h);
            quote!(#h(sess, &obj);)
        }
        None => quote!(),
    };
    let reply = if e.iq.is_some() {
        let result = format_ident!("result_{}", snake(&e.ident));
        let rsm = rsm_fn(e);
        let fault = fault_fn(e);
        let pending = quote!(#rt::translate::Reply::Iq(#rt::translate::PendingIq {
            decode_result: #result,
            decode_error: decode_stanza_error,
            decode_rsm: #rsm,
            decode_fault: #fault,
        }));
        // A payload that makes the IQ a `result` or `error` (a field at `@type`, or a
        // field implying it) answers someone else's request: nothing comes back, so
        // the callback gets `true` once it is sent.
        let type_attr = |p: &PathIr| {
            p.segs
                == [Seg::Attr {
                    ns: String::new(),
                    name: "type".into(),
                }]
        };
        let mut answers = Vec::new();
        for f in e.fields.iter().filter(|f| f.dirs.out) {
            let key = lit(&f.key);
            if f.path.as_ref().is_some_and(type_attr) {
                answers.push(quote!(matches!(
                    #rt::json_in::get(&obj, #key).and_then(#rt::serde_json::Value::as_str),
                    ::core::option::Option::Some("result" | "error")
                )));
            }
            let implied = f
                .implies
                .iter()
                .any(|(p, v)| type_attr(p) && matches!(v.as_deref(), Some("result" | "error")));
            if implied {
                answers.push(quote!(#rt::json_in::is_given(&obj, #key)));
            }
        }
        if answers.is_empty() {
            pending
        } else {
            quote!(if #(#answers)||* { #rt::translate::Reply::True } else { #pending })
        }
    } else {
        match (e.callback, e.ack) {
            (CallbackIr::None, _) | (_, AckIr::Nothing) => quote!(#rt::translate::Reply::Nothing),
            (_, AckIr::True) => quote!(#rt::translate::Reply::True),
            (_, AckIr::StanzaId) => quote!(#rt::translate::Reply::StanzaId),
        }
    };
    let note = if noted {
        quote! {
            if let ::core::option::Option::Some(to) = &stanza.to {
                sess.note_query(#event, to, &stanza.id);
            }
        }
    } else {
        quote!()
    };
    quote! {
        fn #name(
            data: &#rt::serde_json::Value,
            has_callback: bool,
            sess: &mut #rt::session::Session,
        ) -> ::core::result::Result<#rt::translate::Outgoing, #rt::error::ClientError> {
            #callback_check
            let obj = #rt::json_in::payload(data)?;
            #own
            #before
            #(#needs)*
            #exclusive
            let stanza = #enc(&obj, sess)?;
            #note
            #after
            ::core::result::Result::Ok(#rt::translate::Outgoing { event: #event, stanza, reply: #reply })
        }
    }
}

/// `Some(rsm_<event>)` for IQ events whose result has an `rsm`, else `None`.
fn rsm_fn(e: &EventIr) -> TokenStream {
    if e.result.as_ref().is_some_and(|r| r.rsm.is_some()) {
        let f = format_ident!("rsm_{}", snake(&e.ident));
        quote!(::core::option::Option::Some(#f))
    } else {
        quote!(::core::option::Option::None)
    }
}

/// `Some(fault_<event>)` for IQ events whose result has an `error`, else `None`.
fn fault_fn(e: &EventIr) -> TokenStream {
    if e.result.as_ref().is_some_and(|r| r.error.is_some()) {
        let f = format_ident!("fault_{}", snake(&e.ident));
        quote!(::core::option::Option::Some(#f))
    } else {
        quote!(::core::option::Option::None)
    }
}

pub fn registry(ir: &Ir, hooks: &syn::Path) -> TokenStream {
    let rt = rt();
    let _ = hooks;
    // Outgoing dispatch (aliases included); a mode's key picks the mode.
    let chosen = |m: &EventIr| {
        let key = lit(m.mode.as_deref().unwrap_or_default());
        if m.mode_given {
            quote!(#rt::json_in::gives(data, #key))
        } else {
            quote!(#rt::json_in::chooses_mode(data, #key))
        }
    };
    let bases = || ir.events.iter().filter(|e| e.mode.is_none());
    let out_arms = bases().filter(|e| e.dirs.out).map(|e| {
        let f = format_ident!("out_{}", snake(&e.ident));
        let names = std::iter::once(&e.name).chain(&e.aliases).map(|n| lit(n));
        let modes = ir.modes_of(e).map(|m| {
            let f = format_ident!("out_{}", snake(&m.ident));
            let cond = chosen(m);
            quote!(if #cond { #f(data, has_callback, sess) } else)
        });
        quote!(#(#names)|* => #(#modes)* { #f(data, has_callback, sess) },)
    });
    // Incoming dispatch per stanza kind, by priority.
    let mut by_priority: Vec<&EventIr> = ir.events.iter().filter(|e| e.dirs.inc).collect();
    by_priority.sort_by_key(|e| std::cmp::Reverse(e.priority));
    let kinds = ["message", "presence", "iq"].map(|kind| {
        let tries = by_priority.iter().filter(|e| e.stanzas.iter().any(|s| s == kind)).map(|e| {
            let m = format_ident!("match_{}", snake(&e.ident));
            let d = fn_ident("dec", Dir::In, &e.ident);
            let event = lit(&e.name);
            let reply = if e.reply_result {
                quote!(::core::option::Option::Some(#rt::translate::iq_result_for(st)))
            } else {
                quote!(::core::option::Option::None)
            };
            let answer = match &e.answer {
                Some(a) => {
                    let (ev, key) = (lit(&a.event), lit(&a.key));
                    let copy = a.copy.iter().map(|(to, from)| {
                        let (to, from) = (lit(to), lit(from));
                        quote!((#to, #from))
                    });
                    quote!(::core::option::Option::Some(#rt::translate::Answer::new(#ev, #key, &data, &[#(#copy),*])))
                }
                None => quote!(::core::option::Option::None),
            };
            quote! {
                if #m(st, sess) {
                    if let ::core::option::Option::Some(data) = #d(st) {
                        let answer = #answer;
                        return ::core::option::Option::Some(#rt::translate::Incoming { event: #event, data, reply: #reply, answer });
                    }
                }
            }
        });
        let kind = lit(kind);
        quote!(#kind => { #(#tries)* })
    });
    // Translator lookup.
    let direction = |d: Dir| match d {
        Dir::Out => quote!(#rt::catalog::Direction::Out),
        Dir::In => quote!(#rt::catalog::Direction::In),
    };
    let enc_arms = bases().flat_map(|e| {
        [Dir::Out, Dir::In]
            .into_iter()
            .filter(|d| d.has(e.dirs))
            .map(|d| {
                let f = fn_ident("enc", d, &e.ident);
                let names = std::iter::once(&e.name).chain(&e.aliases).map(|n| lit(n));
                let dir = direction(d);
                let modes = ir.modes_of(e).map(|m| {
                    let f = fn_ident("enc", d, &m.ident);
                    let cond = chosen(m);
                    quote!(if #cond { #f(&obj, sess) } else)
                });
                quote!((#(#names)|*, #dir) => #(#modes)* { #f(&obj, sess) }.map(|e| e.xml),)
            })
            .collect::<Vec<_>>()
    });
    let dec_arms = bases().flat_map(|e| {
        [Dir::Out, Dir::In]
            .into_iter()
            .filter(|d| d.has(e.dirs))
            .map(|d| {
                let f = fn_ident("dec", d, &e.ident);
                let names = std::iter::once(&e.name).chain(&e.aliases).map(|n| lit(n));
                let dir = direction(d);
                let modes = ir.modes_of(e).map(|m| {
                    let f = fn_ident("dec", d, &m.ident);
                    let is = format_ident!("is_{}", snake(&m.ident));
                    quote!(if #is(stanza) { #f(stanza) } else)
                });
                quote!((#(#names)|*, #dir) => #(#modes)* { #f(stanza) },)
            })
            .collect::<Vec<_>>()
    });
    let pending = |e: &EventIr| {
        let f = format_ident!("result_{}", snake(&e.ident));
        let rsm = rsm_fn(e);
        let fault = fault_fn(e);
        quote!(::core::option::Option::Some(#rt::translate::PendingIq { decode_result: #f, decode_error: decode_stanza_error, decode_rsm: #rsm, decode_fault: #fault }))
    };
    let result_arms = bases().filter(|e| e.iq.is_some()).map(|e| {
        let name = lit(&e.name);
        let base = pending(e);
        let modes = ir.modes_of(e).map(|m| {
            let cond = chosen(m);
            let p = pending(m);
            quote!(if #cond { #p } else)
        });
        quote!(#name => #(#modes)* { #base },)
    });
    let error_dec = match ir.types.iter().find(|t| t.name == "stanza_error") {
        Some(t) => {
            let f = super::decode::type_fn(&t.name, Dir::In);
            quote! {
                let mut jw = #rt::json_out::JsonWriter::new();
                if !#f(error, &mut jw) {
                    return ::std::string::String::from("{}");
                }
                jw.finish()
            }
        }
        None => quote!(::std::string::String::from("{}")),
    };
    let catalog = catalog(ir);
    let mut features: Vec<&str> = ir
        .specs
        .iter()
        .flat_map(|s| s.features.iter().map(String::as_str))
        .collect();
    features.sort_unstable();
    features.dedup();
    quote! {
        /// Translates an event from the browser into a stanza, or refuses it with
        /// the client error the browser should see.
        pub fn outgoing(
            event: &str,
            data: &#rt::serde_json::Value,
            has_callback: bool,
            sess: &mut #rt::session::Session,
        ) -> ::core::result::Result<#rt::translate::Outgoing, #rt::error::ClientError> {
            match event {
                #(#out_arms)*
                _ => ::core::result::Result::Err(#rt::error::ClientError::unknown_event(event)),
            }
        }

        /// Translates a stanza from the server into the first event whose match
        /// rules it meets, highest priority first; `None` for stanzas no spec claims.
        pub fn incoming(
            st: #rt::xml::Elem<'_>,
            sess: &#rt::session::Session,
        ) -> ::core::option::Option<#rt::translate::Incoming> {
            if st.ns() != #rt::xml::NS_CLIENT {
                return ::core::option::Option::None;
            }
            match st.name() {
                #(#kinds)*
                _ => {}
            }
            ::core::option::Option::None
        }

        /// The JSON→XML translator of one event and direction, without callback
        /// rules or hooks (tests, tools).
        pub fn encode(
            event: &str,
            dir: #rt::catalog::Direction,
            data: &#rt::serde_json::Value,
            sess: &mut #rt::session::Session,
        ) -> ::core::result::Result<::std::string::String, #rt::error::ClientError> {
            let obj = #rt::json_in::payload(data)?;
            match (event, dir) {
                #(#enc_arms)*
                _ => ::core::result::Result::Err(#rt::error::ClientError::unknown_event(event)),
            }
        }

        /// The XML→JSON translator of one event and direction, without match rules.
        pub fn decode(
            event: &str,
            dir: #rt::catalog::Direction,
            stanza: #rt::xml::Elem<'_>,
        ) -> ::core::option::Option<::std::string::String> {
            match (event, dir) {
                #(#dec_arms)*
                _ => ::core::option::Option::None,
            }
        }

        /// How the reply to an IQ event sent with payload `data` is read, for
        /// events that send IQs.
        pub fn pending_iq(
            event: &str,
            data: &#rt::serde_json::Value,
        ) -> ::core::option::Option<#rt::translate::PendingIq> {
            match event {
                #(#result_arms)*
                _ => ::core::option::Option::None,
            }
        }

        /// An `<error/>` element as the stanza error object (JSON text).
        pub fn decode_stanza_error(error: #rt::xml::Elem<'_>) -> ::std::string::String {
            #error_dec
        }

        /// Disco features the specs advertise.
        pub static FEATURES: &[&str] = &[#(#features),*];

        #catalog
    }
}

fn opt_str(s: &Option<String>) -> TokenStream {
    match s {
        Some(s) => quote!(::core::option::Option::Some(#s)),
        None => quote!(::core::option::Option::None),
    }
}

fn type_ref(ir: &Ir, ty: Ty) -> TokenStream {
    let rt = rt();
    match ty {
        Ty::String => quote!(#rt::catalog::TypeRef::String),
        Ty::Integer { min, max } => quote!(#rt::catalog::TypeRef::Integer { min: #min, max: #max }),
        Ty::Boolean => quote!(#rt::catalog::TypeRef::Boolean),
        Ty::Flag => quote!(#rt::catalog::TypeRef::Flag),
        Ty::Jid => quote!(#rt::catalog::TypeRef::Jid),
        Ty::JidString => quote!(#rt::catalog::TypeRef::JidString),
        Ty::Resource => quote!(#rt::catalog::TypeRef::Resource),
        Ty::DateTime => quote!(#rt::catalog::TypeRef::DateTime),
        Ty::Xhtml => quote!(#rt::catalog::TypeRef::Xhtml),
        Ty::RawXml => quote!(#rt::catalog::TypeRef::RawXml),
        Ty::LangMap => quote!(#rt::catalog::TypeRef::LangMap),
        Ty::DataForm => quote!(#rt::catalog::TypeRef::DataForm),
        Ty::Json => quote!(#rt::catalog::TypeRef::Json),
        Ty::Named(i) => {
            let t = format_ident!("TYPE_{}", snake(&ir.types[i].name).to_uppercase());
            quote!(#rt::catalog::TypeRef::Named(&#t))
        }
    }
}

fn field_infos<'a>(ir: &Ir, fields: impl Iterator<Item = &'a FieldIr>) -> TokenStream {
    let rt = rt();
    let mut items = Vec::new();
    for f in fields {
        let mut all = vec![f];
        all.extend(f.variants.iter().flat_map(|(_, vf)| vf.iter()));
        for f in all {
            let key = &f.key;
            let doc = &f.doc;
            let ty = match (&f.string_key, f.ty) {
                (Some(sk), Ty::Named(i)) => {
                    let t = format_ident!("TYPE_{}", snake(&ir.types[i].name).to_uppercase());
                    quote!(#rt::catalog::TypeRef::NamedOrString(&#t, #sk))
                }
                _ => type_ref(ir, f.ty),
            };
            let required = f.required;
            let many = f.many;
            let default = opt_str(&f.default);
            let max_len = match f.max_len {
                Some(m) => {
                    let m = m as usize;
                    quote!(::core::option::Option::Some(#m))
                }
                None => quote!(::core::option::Option::None),
            };
            let spec = &f.spec;
            let path = f.path.as_ref().map(|p| p.text.clone()).unwrap_or_default();
            items.push(quote!(#rt::catalog::FieldInfo {
                key: #key, doc: #doc, ty: #ty, required: #required, many: #many,
                default: #default, max_len: #max_len, spec: #spec, xml_path: #path,
            }));
        }
    }
    quote!(&[#(#items),*])
}

fn catalog(ir: &Ir) -> TokenStream {
    let rt = rt();
    let specs = ir.specs.iter().map(|s| {
        let (id, title, source, version, file) = (&s.id, &s.title, &s.source, &s.version, &s.file);
        let features = &s.features;
        quote!(#rt::catalog::SpecInfo { id: #id, title: #title, source: #source, version: #version, file: #file, features: &[#(#features),*] })
    });
    let types = ir.types.iter().map(|t| {
        let ident = format_ident!("TYPE_{}", snake(&t.name).to_uppercase());
        let (name, spec, doc) = (&t.name, &t.spec, &t.doc);
        let kind = match &t.kind {
            TypeKind::Enum(values) => quote!(#rt::catalog::TypeKind::Enum { values: &[#(#values),*] }),
            TypeKind::ElementName { ns, values } => {
                quote!(#rt::catalog::TypeKind::ElementName { ns: #ns, values: &[#(#values),*] })
            }
            TypeKind::Object(fields) => {
                let out = field_infos(ir, fields.iter().filter(|f| f.dirs.out));
                let inc = field_infos(ir, fields.iter().filter(|f| f.dirs.inc));
                quote!(#rt::catalog::TypeKind::Object { fields_out: #out, fields_in: #inc })
            }
        };
        quote! {
            static #ident: #rt::catalog::TypeInfo = #rt::catalog::TypeInfo { name: #name, spec: #spec, doc: #doc, kind: #kind };
        }
    });
    let type_refs = ir.types.iter().map(|t| {
        let ident = format_ident!("TYPE_{}", snake(&t.name).to_uppercase());
        quote!(&#ident)
    });
    let events = ir.events.iter().filter(|e| e.mode.is_none()).map(|e| {
        let modes = ir.modes_of(e).map(|m| {
            let key = lit(m.mode.as_deref().unwrap_or_default());
            let info = event_info(ir, m, quote!(&[]));
            quote!((#key, #info))
        });
        event_info(ir, e, quote!(&[#(#modes),*]))
    });
    quote! {
        #(#types)*
        /// Every spec, event and type, for documentation and introspection.
        pub static CATALOG: #rt::catalog::Catalog = #rt::catalog::Catalog {
            specs: &[#(#specs),*],
            events: &[#(#events),*],
            types: &[#(#type_refs),*],
        };
    }
}

/// One event's catalogue entry; `modes` are its modes' entries, `(key, info)`.
fn event_info(ir: &Ir, e: &EventIr, modes: TokenStream) -> TokenStream {
    let rt = rt();
    let (name, spec, file, doc) = (&e.name, &e.spec, &e.spec_file, &e.doc);
    let stanzas = &e.stanzas;
    let iq = opt_str(&e.iq);
    let mut dirs = Vec::new();
    if e.dirs.out {
        dirs.push(quote!(#rt::catalog::Direction::Out));
    }
    if e.dirs.inc {
        dirs.push(quote!(#rt::catalog::Direction::In));
    }
    let callback = match e.callback {
        CallbackIr::Required => quote!(#rt::catalog::Callback::Required),
        CallbackIr::Optional => quote!(#rt::catalog::Callback::Optional),
        CallbackIr::None => quote!(#rt::catalog::Callback::None),
    };
    let aliases = &e.aliases;
    let mut hooks = Vec::new();
    for (kind, h) in [
        ("before_send", &e.hooks.before_send),
        ("after_send", &e.hooks.after_send),
        ("guard", &e.hooks.guard),
    ] {
        if let Some(h) = h {
            hooks.push(quote!((#kind, #h)));
        }
    }
    let out = field_infos(ir, e.fields.iter().filter(|f| f.dirs.out));
    let inc = field_infos(ir, e.fields.iter().filter(|f| f.dirs.inc));
    let result = if e.iq.is_some() {
        match &e.result {
            Some(r) if r.value.is_some() => {
                let info = field_infos(ir, r.value.iter());
                quote!(#rt::catalog::ResultInfo::Value(&#info[0]))
            }
            Some(r) if !r.item_fields().is_empty() => {
                let item_fields = r.item_fields();
                let fields = field_infos(ir, item_fields.iter());
                if r.each.is_some() {
                    quote!(#rt::catalog::ResultInfo::List(#fields))
                } else {
                    quote!(#rt::catalog::ResultInfo::Object(#fields))
                }
            }
            _ => quote!(#rt::catalog::ResultInfo::True),
        }
    } else {
        match (e.callback, e.ack) {
            (CallbackIr::None, _) | (_, AckIr::Nothing) => {
                quote!(#rt::catalog::ResultInfo::Nothing)
            }
            (_, AckIr::True) => quote!(#rt::catalog::ResultInfo::True),
            (_, AckIr::StanzaId) => quote!(#rt::catalog::ResultInfo::StanzaId),
        }
    };
    let rsm = match e.result.as_ref().and_then(|r| r.rsm.as_ref()) {
        Some(f) => {
            let info = field_infos(ir, std::iter::once(f));
            quote!(::core::option::Option::Some(&#info[0]))
        }
        None => quote!(::core::option::Option::None),
    };
    let result_error = match e.result.as_ref().and_then(|r| r.error.as_ref()) {
        Some(f) => {
            let info = field_infos(ir, std::iter::once(f));
            quote!(::core::option::Option::Some(&#info[0]))
        }
        None => quote!(::core::option::Option::None),
    };
    let groups = e.groups.iter().map(|(g, text)| {
        let keys: Vec<&str> = e
            .fields
            .iter()
            .flat_map(|f| std::iter::once(f).chain(f.variants.iter().flat_map(|(_, v)| v.iter())))
            .filter(|f| f.satisfies.as_deref() == Some(g))
            .map(|f| f.key.as_str())
            .collect::<std::collections::BTreeSet<_>>()
            .into_iter()
            .collect();
        quote!(#rt::catalog::GroupInfo { name: #g, error: #text, keys: &[#(#keys),*] })
    });
    let exclusive = e.exclusive.iter().map(|keys| quote!(&[#(#keys),*]));
    let answer = match &e.answer {
        Some(a) => {
            let (ev, key) = (&a.event, &a.key);
            let copy = a.copy.iter().map(|(to, from)| quote!((#to, #from)));
            quote!(::core::option::Option::Some(#rt::catalog::AnswerInfo { event: #ev, key: #key, copy: &[#(#copy),*] }))
        }
        None => quote!(::core::option::Option::None),
    };
    quote! {
        #rt::catalog::EventInfo {
            name: #name, spec: #spec, spec_file: #file, doc: #doc, stanzas: &[#(#stanzas),*],
            iq: #iq, directions: &[#(#dirs),*], callback: #callback, aliases: &[#(#aliases),*],
            hooks: &[#(#hooks),*], fields_out: #out, fields_in: #inc, result: #result,
            rsm: #rsm, result_error: #result_error, groups: &[#(#groups),*], exclusive: &[#(#exclusive),*], modes: #modes, answer: #answer,
        }
    }
}
