//! Checks the raw specs and resolves them into the [`Ir`]: names become indices,
//! prefixes become namespace URIs, includes and extensions are merged. Every
//! problem is a [`SpecError`] pointing at the value that causes it.

use super::ir::*;
use super::load::Loaded;
use super::path::{self, Prefixes};
use super::raw::*;
use crate::diagnostics::{Source, SpecError};
use indexmap::IndexMap;
use std::collections::HashMap;

/// What a type name refers to before object fields are resolved.
#[derive(Clone, Copy, PartialEq, Eq)]
enum KindTag {
    Enum,
    ElementName,
    Object,
}

struct Registry {
    /// Type name → (index, kind, "file:line:col" of the definition).
    types: HashMap<String, (usize, KindTag)>,
    /// Element-name types' namespaces, by index.
    element_ns: HashMap<usize, String>,
    /// Enum values by index (for defaults and variants).
    values: HashMap<usize, Vec<String>>,
}

/// Where a field is being resolved, for messages and namespace defaults.
struct FieldCx<'a> {
    src: &'a Source,
    prefixes: &'a Prefixes,
    spec: &'a str,
    /// e.g. `event 'xmpp.chat.message'`.
    owner: String,
    /// Namespace of unprefixed element steps; `None` inside type definitions.
    default_ns: Option<&'a str>,
}

impl FieldCx<'_> {
    fn err(&self, key: &str, span: std::ops::Range<usize>, msg: impl AsRef<str>) -> SpecError {
        self.src.error(
            span,
            format!("{}, field '{key}': {}", self.owner, msg.as_ref()),
        )
    }
}

pub fn resolve(loaded: &[Loaded]) -> Result<Ir, SpecError> {
    let mut ir = Ir::default();
    let mut reg = Registry {
        types: HashMap::new(),
        element_ns: HashMap::new(),
        values: HashMap::new(),
    };
    let mut prefixes_of: Vec<Prefixes> = Vec::new();
    let mut spec_ids: HashMap<String, String> = HashMap::new();
    let mut type_sites: HashMap<String, String> = HashMap::new();

    // Pass 1: headers and type names, so any spec may use any other spec's types.
    for l in loaded {
        let h = l.raw.spec.get_ref();
        let src = &l.source;
        if let Some(first) = spec_ids.insert(h.id.get_ref().clone(), src.display.clone()) {
            return Err(src.error(
                h.id.span(),
                format!("duplicate spec id '{}' (also in {first})", h.id.get_ref()),
            ));
        }
        let mut prefixes = Prefixes::new();
        for (p, uri) in &h.ns {
            if p.get_ref() == "xml" || p.get_ref() == "client" {
                return Err(src.error(p.span(), format!("prefix '{}' is predefined", p.get_ref())));
            }
            prefixes.insert(p.get_ref().clone(), uri.get_ref().clone());
        }
        ir.specs.push(SpecIr {
            id: h.id.get_ref().clone(),
            title: h.title.get_ref().clone(),
            source: h.source.get_ref().clone(),
            version: h.version.clone().unwrap_or_default(),
            file: src.display.clone(),
            features: h.features.clone(),
        });
        ir.files.push(l.path.clone());
        for (name, t) in &l.raw.types {
            let here = site(src, name.span());
            if let Some(first) = type_sites.insert(name.get_ref().clone(), here) {
                return Err(src.error(
                    name.span(),
                    format!(
                        "duplicate type '{}' (first defined at {first})",
                        name.get_ref()
                    ),
                ));
            }
            let t = t.get_ref();
            let tag = match t.kind.get_ref().as_str() {
                "enum" => KindTag::Enum,
                "element_name" => KindTag::ElementName,
                "object" => KindTag::Object,
                other => {
                    return Err(src.error(
                        t.kind.span(),
                        format!(
                            "type '{}': unknown kind '{other}' (expected enum, element_name or object)",
                            name.get_ref()
                        ),
                    ));
                }
            };
            let index = reg.types.len();
            reg.types.insert(name.get_ref().clone(), (index, tag));
            if tag != KindTag::Object {
                let values = t.values.clone().unwrap_or_default();
                if values.is_empty() {
                    return Err(src.error(
                        name.span(),
                        format!("type '{}': needs a non-empty 'values' list", name.get_ref()),
                    ));
                }
                reg.values.insert(index, values);
            }
            if tag == KindTag::ElementName {
                let ns = t.ns.as_ref().ok_or_else(|| {
                    src.error(
                        name.span(),
                        format!("type '{}': element_name types need 'ns'", name.get_ref()),
                    )
                })?;
                let uri = prefixes.get(ns.get_ref()).ok_or_else(|| {
                    src.error(
                        ns.span(),
                        format!(
                            "type '{}': undefined namespace prefix '{}'",
                            name.get_ref(),
                            ns.get_ref()
                        ),
                    )
                })?;
                reg.element_ns.insert(index, uri.clone());
            }
        }
        prefixes_of.push(prefixes);
    }

    // Pass 2: type bodies.
    for (l, prefixes) in loaded.iter().zip(&prefixes_of) {
        let spec = l.raw.spec.get_ref().id.get_ref();
        for (name, t) in &l.raw.types {
            let tr = t.get_ref();
            let owner = format!("type '{}'", name.get_ref());
            let doc = tr
                .doc
                .as_ref()
                .map(|d| d.get_ref().clone())
                .filter(|d| !d.trim().is_empty())
                .ok_or_else(|| l.source.error(name.span(), format!("{owner}: missing doc")))?;
            let (index, tag) = reg.types[name.get_ref()];
            let kind = match tag {
                KindTag::Enum => TypeKind::Enum(reg.values[&index].clone()),
                KindTag::ElementName => TypeKind::ElementName {
                    ns: reg.element_ns[&index].clone(),
                    values: reg.values[&index].clone(),
                },
                KindTag::Object => {
                    let cx = FieldCx {
                        src: &l.source,
                        prefixes,
                        spec,
                        owner: owner.clone(),
                        default_ns: None,
                    };
                    TypeKind::Object(resolve_fields(&cx, &reg, &tr.fields)?)
                }
            };
            if tag != KindTag::Object && !tr.fields.is_empty() {
                return Err(l.source.error(
                    name.span(),
                    format!("{owner}: only object types have fields"),
                ));
            }
            ir.types.push(TypeIr {
                name: name.get_ref().clone(),
                spec: spec.clone(),
                doc,
                kind,
            });
        }
    }

    // Pass 3: events.
    let mut event_sites: HashMap<String, String> = HashMap::new();
    for (l, prefixes) in loaded.iter().zip(&prefixes_of) {
        for (name, ev) in &l.raw.event {
            let here = site(&l.source, name.span());
            if let Some(first) = event_sites.insert(name.get_ref().clone(), here) {
                return Err(l.source.error(
                    name.span(),
                    format!(
                        "duplicate event '{}' (first defined at {first})",
                        name.get_ref()
                    ),
                ));
            }
            let mut base = resolve_event(l, prefixes, &reg, &ir.types, name, ev)?;
            // Modes go first: incoming dispatch tries events of one priority in order,
            // and a mode's `match` is narrower than its event's.
            ir.events.extend(resolve_modes(
                l, prefixes, &reg, &ir.types, name, ev, &mut base,
            )?);
            ir.events.push(base);
        }
    }

    // Pass 4: extensions, in spec order.
    for (l, prefixes) in loaded.iter().zip(&prefixes_of) {
        let spec = l.raw.spec.get_ref().id.get_ref();
        for ext in &l.raw.extend {
            let targets = ext.get_ref().events.get_ref();
            let first = targets
                .first()
                .ok_or_else(|| l.source.error(ext.span(), "extend: 'events' is empty"))?;
            let cx = FieldCx {
                src: &l.source,
                prefixes,
                spec,
                owner: format!("extend of '{}'", first.get_ref()),
                default_ns: Some(NS_CLIENT),
            };
            let fields = resolve_fields(&cx, &reg, &ext.get_ref().fields)?;
            for target in targets {
                if !ir.events.iter().any(|e| &e.name == target.get_ref()) {
                    return Err(l.source.error(
                        target.span(),
                        format!("extend: unknown event '{}'", target.get_ref()),
                    ));
                }
                // An event and its modes are extended alike.
                for event in ir.events.iter_mut().filter(|e| &e.name == target.get_ref()) {
                    for (f, (key, raw)) in fields.iter().zip(&ext.get_ref().fields) {
                        let mut f = f.clone();
                        f.dirs = Dirs {
                            out: f.dirs.out && event.dirs.out,
                            inc: f.dirs.inc && event.dirs.inc,
                        };
                        if !f.dirs.out && !f.dirs.inc {
                            continue;
                        }
                        if let Some(g) = &f.satisfies
                            && !event.groups.iter().any(|(name, _)| name == g)
                        {
                            return Err(l.source.error(
                                raw.span(),
                                format!(
                                    "extend of '{}', field '{}': unknown group '{g}'",
                                    event.name,
                                    key.get_ref()
                                ),
                            ));
                        }
                        check_duplicate(&event.fields, &f).map_err(|m| {
                            l.source.error(
                                key.span(),
                                format!(
                                    "extend of '{}', field '{}': {m}",
                                    event.name,
                                    key.get_ref()
                                ),
                            )
                        })?;
                        event.fields.push(f);
                    }
                }
            }
        }
    }

    expand_stanzas(&mut ir)?;
    check_needs(&ir)?;
    check_answers(&ir)?;
    Ok(ir)
}

/// Replaces every `type = "stanza"` field by the embedded event's incoming
/// fields, their paths below the field's element. Runs after all extensions, so
/// the embedded payload has every key the event has; the embedded event's own
/// stanza fields (and object types holding one) are left out, which keeps
/// payloads finite. With `flatten` the keys join the enclosing object, whose own
/// keys win; otherwise they form an object type of their own,
/// `<event>_payload`.
fn expand_stanzas(ir: &mut Ir) -> Result<(), SpecError> {
    let mut holds: Vec<bool> = ir
        .types
        .iter()
        .map(|t| matches!(&t.kind, TypeKind::Object(f) if f.iter().any(|f| f.embed.is_some())))
        .collect();
    // Object types holding, at any depth, a type that holds a stanza.
    loop {
        let mut changed = false;
        for (i, t) in ir.types.iter().enumerate() {
            if holds[i] {
                continue;
            }
            if let TypeKind::Object(fields) = &t.kind
                && fields.iter().any(|f| match f.ty {
                    Ty::Named(j) => holds[j],
                    _ => false,
                })
            {
                holds[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let base: HashMap<String, Vec<FieldIr>> = ir
        .events
        .iter()
        .filter(|e| e.dirs.inc && e.mode.is_none())
        .map(|e| {
            let fields = e
                .fields
                .iter()
                .filter(|f| f.dirs.inc && f.embed.is_none())
                .filter(|f| !matches!(f.ty, Ty::Named(j) if holds[j]))
                // A `where` compares with the outer stanza's JIDs, which an embedded
                // stanza does not vouch for.
                .filter(|f| f.vouch.is_none())
                .cloned()
                .collect();
            (e.name.clone(), fields)
        })
        .collect();
    let mut payload_types: HashMap<String, usize> = HashMap::new();
    for t in 0..ir.types.len() {
        let TypeKind::Object(fields) = &ir.types[t].kind else {
            continue;
        };
        if fields.iter().all(|f| f.embed.is_none()) {
            continue;
        }
        let fields = fields.clone();
        let expanded = expand_fields(&mut ir.types, &mut payload_types, &base, fields)?;
        ir.types[t].kind = TypeKind::Object(expanded);
    }
    for e in 0..ir.events.len() {
        if ir.events[e].fields.iter().all(|f| f.embed.is_none()) {
            continue;
        }
        let fields = std::mem::take(&mut ir.events[e].fields);
        ir.events[e].fields = expand_fields(&mut ir.types, &mut payload_types, &base, fields)?;
    }
    Ok(())
}

fn expand_fields(
    types: &mut Vec<TypeIr>,
    payload_types: &mut HashMap<String, usize>,
    base: &HashMap<String, Vec<FieldIr>>,
    fields: Vec<FieldIr>,
) -> Result<Vec<FieldIr>, SpecError> {
    let own: Vec<FieldIr> = fields
        .iter()
        .filter(|f| f.embed.is_none())
        .cloned()
        .collect();
    let mut out = Vec::with_capacity(fields.len());
    for f in fields {
        let Some(embed) = f.embed.clone() else {
            out.push(f);
            continue;
        };
        let inner = base.get(&embed.event).ok_or_else(|| SpecError {
            file: embed.file.clone(),
            line: embed.line,
            col: embed.col,
            message: format!(
                "field '{}': '{}' is not an event with an incoming direction",
                f.key, embed.event
            ),
        })?;
        let Some(at) = f.path.clone() else {
            continue;
        };
        if embed.flatten {
            for g in inner {
                let mut g = prefixed(g, &at);
                g.dirs = f.dirs;
                g.satisfies = None;
                g.needs_callback = None;
                g.required = g.required && f.required;
                let taken = own.iter().chain(out.iter()).any(|o| {
                    o.key == g.key && ((o.dirs.out && g.dirs.out) || (o.dirs.inc && g.dirs.inc))
                });
                if !taken {
                    out.push(g);
                }
            }
        } else {
            let index = match payload_types.get(&embed.event) {
                Some(i) => *i,
                None => {
                    let event_spec = inner.first().map(|g| g.spec.clone()).unwrap_or_default();
                    let members = inner
                        .iter()
                        .map(|g| FieldIr {
                            dirs: Dirs {
                                out: true,
                                inc: true,
                            },
                            satisfies: None,
                            needs_callback: None,
                            ..g.clone()
                        })
                        .collect();
                    types.push(TypeIr {
                        name: format!("{}_payload", crate::codegen::snake(&embed.event)),
                        spec: event_spec,
                        doc: format!("The incoming payload of `{}`.", embed.event),
                        kind: TypeKind::Object(members),
                    });
                    payload_types.insert(embed.event.clone(), types.len() - 1);
                    types.len() - 1
                }
            };
            out.push(FieldIr {
                ty: Ty::Named(index),
                embed: None,
                ..f
            });
        }
    }
    Ok(out)
}

/// `f` with every path it uses moved below `at`.
fn prefixed(f: &FieldIr, at: &PathIr) -> FieldIr {
    let mut f = f.clone();
    f.path = f.path.map(|p| at.join(&p));
    for (p, _) in &mut f.implies {
        *p = at.join(p);
    }
    for (conds, _) in &mut f.overrides {
        for c in conds {
            c.path = at.join(&c.path);
        }
    }
    f.fallback = f.fallback.map(|p| at.join(&p));
    if let Some(vouch) = &mut f.vouch {
        vouch.step += at.element_steps().len();
    }
    for (_, vfields) in &mut f.variants {
        for v in vfields.iter_mut() {
            *v = prefixed(v, at);
        }
    }
    f
}

fn site(src: &Source, span: std::ops::Range<usize>) -> String {
    let (line, col) = src.position(span.start);
    format!("{}:{line}:{col}", src.display)
}

/// Errors that depend on the whole set of specs rather than one value.
fn check_needs(ir: &Ir) -> Result<(), SpecError> {
    let has_iq = ir.events.iter().any(|e| e.iq.is_some());
    let has_error_type = ir
        .types
        .iter()
        .any(|t| t.name == "stanza_error" && matches!(t.kind, TypeKind::Object(_)));
    for e in &ir.events {
        for q in &e.sender_queried {
            let asks = ir
                .events
                .iter()
                .any(|o| o.name == q.event && o.iq.is_some() && o.dirs.out);
            if !asks {
                return Err(SpecError {
                    file: q.file.clone(),
                    line: q.line,
                    col: q.col,
                    message: format!(
                        "event '{}': sender 'queried:{}' needs an outgoing IQ event of that name",
                        e.name, q.event
                    ),
                });
            }
        }
    }
    if has_iq && !has_error_type {
        return Err(SpecError {
            file: ir.specs.first().map(|s| s.file.clone()).unwrap_or_default(),
            line: 1,
            col: 1,
            message: "IQ events need an object type named 'stanza_error' to report error replies"
                .into(),
        });
    }
    Ok(())
}

/// `answer` tables name an outgoing event that takes a payload without a callback,
/// and keys both events have. Runs once every extension is merged, since an
/// extension may add the keys.
fn check_answers(ir: &Ir) -> Result<(), SpecError> {
    for e in &ir.events {
        let Some(a) = &e.answer else {
            continue;
        };
        let owner = format!("event '{}': answer", e.name);
        let target = ir
            .events
            .iter()
            // The event itself, not one of its modes: answers go through its dispatch.
            .find(|t| t.mode.is_none() && (t.name == a.event || t.aliases.contains(&a.event)))
            .ok_or_else(|| {
                a.event_at
                    .error(format!("{owner}: unknown event '{}'", a.event))
            })?;
        if !target.dirs.out {
            return Err(a
                .event_at
                .error(format!("{owner}: '{}' is not an outgoing event", a.event)));
        }
        if target.callback == CallbackIr::Required {
            return Err(a.event_at.error(format!(
                "{owner}: '{}' requires a callback, which an answer does not have",
                a.event
            )));
        }
        let sends = |key: &str| target.fields.iter().any(|f| f.dirs.out && f.key == key);
        if !sends(&a.key) {
            return Err(a.key_at.error(format!(
                "{owner}: '{}' has no outgoing key '{}'",
                a.event, a.key
            )));
        }
        for ((to, from), (to_at, from_at)) in a.copy.iter().zip(&a.copy_at) {
            if !sends(to) {
                return Err(
                    to_at.error(format!("{owner}: '{}' has no outgoing key '{to}'", a.event))
                );
            }
            if !e.fields.iter().any(|f| f.dirs.inc && &f.key == from) {
                return Err(from_at.error(format!(
                    "{owner}: '{}' has no incoming key '{from}' to copy",
                    e.name
                )));
            }
        }
    }
    Ok(())
}

fn check_duplicate(existing: &[FieldIr], f: &FieldIr) -> Result<(), String> {
    for e in existing {
        if e.key == f.key && ((e.dirs.out && f.dirs.out) || (e.dirs.inc && f.dirs.inc)) {
            return Err(format!("duplicate key '{}'", f.key));
        }
    }
    Ok(())
}

fn resolve_fields(
    cx: &FieldCx<'_>,
    reg: &Registry,
    raw: &IndexMap<Sp<String>, Sp<RawField>>,
) -> Result<Vec<FieldIr>, SpecError> {
    let mut out: Vec<FieldIr> = Vec::new();
    for (key, f) in raw {
        let field = resolve_field(cx, reg, key, f)?;
        check_duplicate(&out, &field).map_err(|m| cx.err(key.get_ref(), key.span(), m))?;
        out.push(field);
    }
    // Digests are computed before encoding, from the event's own payload.
    if let Some((key, f)) = raw
        .iter()
        .find(|(_, f)| f.get_ref().default_digest.is_some())
    {
        let span = f
            .get_ref()
            .default_digest
            .as_ref()
            .map_or(key.span(), |d| d.span());
        return Err(cx.err(
            key.get_ref(),
            span,
            "'default_digest' applies to an event's own fields only",
        ));
    }
    check_form_keys(cx, &out, raw)?;
    Ok(out)
}

/// Each key of a `form_keys` is an outgoing key of `fields` without a path of its
/// own: the form is where it is written.
fn check_form_keys(
    cx: &FieldCx<'_>,
    fields: &[FieldIr],
    raw: &IndexMap<Sp<String>, Sp<RawField>>,
) -> Result<(), SpecError> {
    for (key, f) in raw {
        for (k, _) in &f.get_ref().form_keys {
            let ok = fields.iter().any(|s| {
                &s.key == k.get_ref() && s.dirs.out && s.path.is_none() && s.variants.is_empty()
            });
            if !ok {
                return Err(cx.err(
                    key.get_ref(),
                    k.span(),
                    format!(
                        "'form_keys': '{}' is not an outgoing key without a path in the same table",
                        k.get_ref()
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Each `default_digest` names an outgoing string key of `fields`.
fn check_digest_sources(
    cx: &FieldCx<'_>,
    fields: &[FieldIr],
    raw: &IndexMap<Sp<String>, Sp<RawField>>,
) -> Result<(), SpecError> {
    for (key, f) in raw {
        let Some(span) = &f.get_ref().default_digest else {
            continue;
        };
        let of = &span.get_ref().of;
        let source = fields
            .iter()
            .any(|s| &s.key == of && s.dirs.out && s.ty == Ty::String && !s.many);
        if !source {
            return Err(cx.err(
                key.get_ref(),
                span.span(),
                format!("'default_digest': '{of}' is not an outgoing string key of the same table"),
            ));
        }
    }
    Ok(())
}

fn resolve_field(
    cx: &FieldCx<'_>,
    reg: &Registry,
    key: &Sp<String>,
    raw: &Sp<RawField>,
) -> Result<FieldIr, SpecError> {
    let f = raw.get_ref();
    let k = f.key.as_deref().unwrap_or(key.get_ref().as_str());
    let doc = f
        .doc
        .as_ref()
        .map(|d| d.get_ref().clone())
        .filter(|d| !d.trim().is_empty())
        .ok_or_else(|| cx.err(k, raw.span(), "missing doc"))?;
    let type_name = f
        .r#type
        .as_ref()
        .ok_or_else(|| cx.err(k, raw.span(), "missing type"))?;
    let embed = match (type_name.get_ref().as_str(), &f.event) {
        ("stanza", Some(event)) => {
            let (line, col) = cx.src.position(event.span().start);
            Some(EmbedIr {
                event: event.get_ref().clone(),
                flatten: f.flatten.as_ref().is_some_and(|b| *b.get_ref()),
                file: cx.src.display.clone(),
                line,
                col,
            })
        }
        ("stanza", None) => {
            return Err(cx.err(
                k,
                type_name.span(),
                "a stanza field needs 'event', the event whose payload it carries",
            ));
        }
        (_, Some(event)) => {
            return Err(cx.err(k, event.span(), "'event' applies to stanza fields only"));
        }
        (_, None) => {
            if let Some(fl) = &f.flatten {
                return Err(cx.err(k, fl.span(), "'flatten' applies to stanza fields only"));
            }
            None
        }
    };
    if embed.is_some() {
        let ok = f.path.as_ref().is_some_and(|p| {
            path::parse(p.get_ref(), cx.prefixes, cx.default_ns).is_ok_and(|p| {
                !p.segs.is_empty() && p.segs.iter().all(|s| matches!(s, Seg::Elem { .. }))
            })
        });
        if !ok || f.many || f.default.is_some() || !f.variants.is_empty() {
            return Err(cx.err(
                k,
                raw.span(),
                "a stanza field has a path of named elements (the embedded stanza), and no 'many', 'default' or 'variants'",
            ));
        }
    }
    let mut ty = match Ty::builtin(type_name.get_ref()) {
        Some(t) => t,
        // Placeholder: the field is replaced by the embedded event's fields.
        None if embed.is_some() => Ty::String,
        None => match reg.types.get(type_name.get_ref()) {
            Some((i, _)) => Ty::Named(*i),
            None => {
                return Err(cx.err(
                    k,
                    type_name.span(),
                    format!("unknown type '{}'", type_name.get_ref()),
                ));
            }
        },
    };
    if let Ty::Integer { min, max } = &mut ty {
        *min = f.min.unwrap_or(*min);
        *max = f.max.unwrap_or(*max);
    } else if f.min.is_some() || f.max.is_some() {
        return Err(cx.err(k, raw.span(), "'min'/'max' apply to integers only"));
    }
    let dirs = match f.dir.as_ref().map(|d| d.get_ref().as_str()) {
        None | Some("both") => Dirs {
            out: true,
            inc: true,
        },
        Some("out") => Dirs {
            out: true,
            inc: false,
        },
        Some("in") => Dirs {
            out: false,
            inc: true,
        },
        Some(other) => {
            let span = f.dir.as_ref().map_or(raw.span(), |d| d.span());
            return Err(cx.err(
                k,
                span,
                format!("unknown dir '{other}' (expected out, in or both)"),
            ));
        }
    };
    let parse_path = |p: &Sp<String>| {
        path::parse(p.get_ref(), cx.prefixes, cx.default_ns)
            .map_err(|m| cx.err(k, p.span(), format!("bad path '{}': {m}", p.get_ref())))
    };
    let path = match &f.path {
        Some(p) => Some(parse_path(p)?),
        None if dirs.inc || !f.variants.is_empty() => {
            if f.variants.is_empty() {
                return Err(cx.err(k, raw.span(), "missing path"));
            }
            None
        }
        None => None,
    };
    let kind_of = |ty: Ty| match ty {
        Ty::Named(i) => reg.types.values().find(|(j, _)| *j == i).map(|(_, t)| *t),
        _ => None,
    };
    if let (Some(p), Some(type_span), None) = (&path, Some(type_name.span()), &embed) {
        check_path_type(cx, reg, k, p, ty, kind_of(ty), f, type_span)?;
    }
    let part = match f.part.as_ref() {
        None => None,
        Some(p) => {
            if !matches!(ty, Ty::Jid | Ty::JidString | Ty::Resource | Ty::String) {
                return Err(cx.err(k, p.span(), "'part' applies to JID-typed fields only"));
            }
            Some(match p.get_ref().as_str() {
                "bare" => Part::Bare,
                "resource" => Part::Resource,
                "domain" => Part::Domain,
                "local" => Part::Local,
                other => {
                    return Err(cx.err(
                        k,
                        p.span(),
                        format!(
                            "unknown part '{other}' (expected bare, resource, domain or local)"
                        ),
                    ));
                }
            })
        }
    };
    let (default, default_xml) = match &f.default {
        None => (None, None),
        Some(d) => {
            let xml = default_for(reg, ty, d.get_ref())
                .map_err(|m| cx.err(k, d.span(), format!("bad default: {m}")))?;
            (Some(toml_to_json(d.get_ref())), xml)
        }
    };
    let mut implies = Vec::new();
    for (p, v) in &f.implies {
        let value = match v.get_ref() {
            toml::Value::String(s) => Some(s.clone()),
            toml::Value::Boolean(true) => None,
            _ => {
                return Err(cx.err(
                    k,
                    v.span(),
                    "an implied value is a string, or true for \"this element exists\"",
                ));
            }
        };
        implies.push((parse_path(p)?, value));
    }
    let mut overrides = Vec::new();
    for o in &f.overrides {
        let conds = resolve_conds(cx.prefixes, &o.when).map_err(|m| cx.err(k, raw.span(), m))?;
        overrides.push((conds, toml_to_json(&o.value)));
    }
    if matches!(ty, Ty::Flag)
        && matches!(path.as_ref().and_then(|p| p.last()), Some(Seg::Attr { .. }))
        && f.value.is_none()
    {
        return Err(cx.err(k, raw.span(), "a flag stored in an attribute needs 'value'"));
    }
    let fallback = match &f.fallback {
        Some(p) if ty == Ty::Xhtml => {
            let p = parse_path(p)?;
            if p.segs
                .iter()
                .any(|s| matches!(s, Seg::Elem { pred: Some(_), .. }))
            {
                return Err(cx.err(k, raw.span(), "'fallback' paths take no predicates"));
            }
            Some(p)
        }
        Some(p) => return Err(cx.err(k, p.span(), "'fallback' applies to xhtml fields only")),
        None => None,
    };
    if ty != Ty::DataForm
        && let Some(p) = f.form_type.as_ref().or(f.submit_as.as_ref())
    {
        return Err(cx.err(
            k,
            p.span(),
            "'form_type' and 'submit_as' apply to data_form fields only",
        ));
    }
    let submit_as = match &f.submit_as {
        None => "submit".to_owned(),
        Some(s) if matches!(s.get_ref().as_str(), "submit" | "form" | "cancel") => {
            s.get_ref().clone()
        }
        Some(s) => {
            return Err(cx.err(
                k,
                s.span(),
                format!(
                    "unknown submit_as '{}' (expected submit, form or cancel)",
                    s.get_ref()
                ),
            ));
        }
    };
    if let Some((first, _)) = f.form_keys.first()
        && (ty != Ty::DataForm || dirs.inc && !dirs.out)
    {
        return Err(cx.err(
            k,
            first.span(),
            "'form_keys' applies to data_form fields written going out",
        ));
    }
    let form_keys = f
        .form_keys
        .iter()
        .map(|(key, var)| (key.get_ref().clone(), var.get_ref().clone()))
        .collect();
    let mut variants = Vec::new();
    if !f.variants.is_empty() {
        let values = match ty {
            Ty::Named(i) if kind_of(ty) == Some(KindTag::Enum) => reg.values[&i].clone(),
            _ => return Err(cx.err(k, raw.span(), "'variants' need an enum-typed field")),
        };
        for (name, fields) in &f.variants {
            if !values.contains(name.get_ref()) {
                return Err(cx.err(
                    k,
                    name.span(),
                    format!(
                        "variant '{}' is not a value of the field's type",
                        name.get_ref()
                    ),
                ));
            }
            let inner = FieldCx {
                src: cx.src,
                prefixes: cx.prefixes,
                spec: cx.spec,
                owner: format!("{}, variant '{}'", cx.owner, name.get_ref()),
                default_ns: cx.default_ns,
            };
            let resolved = resolve_fields(&inner, reg, fields)?;
            if resolved.iter().any(|v| !v.variants.is_empty()) {
                return Err(cx.err(k, name.span(), "variants cannot nest"));
            }
            variants.push((name.get_ref().clone(), resolved));
        }
    }
    if let Some(m) = f.max_len
        && !matches!(
            ty,
            Ty::String | Ty::Xhtml | Ty::RawXml | Ty::LangMap | Ty::Resource | Ty::Json
        )
    {
        let _ = m;
        return Err(cx.err(k, raw.span(), "'max_len' applies to text fields only"));
    }
    if let Some(sk) = &f.string_key {
        let object = kind_of(ty) == Some(KindTag::Object);
        let at_element = matches!(path.as_ref().and_then(|p| p.last()), Some(Seg::Elem { .. }));
        if !object || !at_element || f.many {
            return Err(cx.err(
                k,
                sk.span(),
                "'string_key' applies to one object at an element path",
            ));
        }
    }
    let also_at = match &f.also_at {
        None => None,
        Some(p) => {
            let also = parse_path(p)?;
            let attr = |p: &PathIr| matches!(p.last(), Some(Seg::Attr { .. }));
            let scalar = !matches!(
                ty,
                Ty::Xhtml | Ty::RawXml | Ty::LangMap | Ty::Flag | Ty::DataForm | Ty::Json
            ) && !matches!(kind_of(ty), Some(KindTag::Object | KindTag::ElementName));
            if !dirs.out || f.many || !scalar || !attr(&also) || !path.as_ref().is_some_and(attr) {
                return Err(cx.err(
                    k,
                    p.span(),
                    "'also_at' copies a single outgoing attribute value to another attribute",
                ));
            }
            Some(also)
        }
    };
    Ok(FieldIr {
        key: k.to_owned(),
        doc,
        ty,
        dirs,
        required: f.required,
        many: f.many,
        default,
        default_xml,
        max_len: f.max_len,
        path,
        part,
        satisfies: f.satisfies.as_ref().map(|s| s.get_ref().clone()),
        needs_callback: f.needs_callback.clone(),
        implies,
        derived: f.derived,
        overrides,
        if_empty: f.if_empty.as_ref().map(toml_to_json),
        flag_value: f.value.clone(),
        fallback,
        form_type: f.form_type.as_ref().map(|t| t.get_ref().clone()),
        submit_as,
        form_keys,
        string_key: f.string_key.as_ref().map(|s| s.get_ref().clone()),
        variants,
        embed,
        vouch: resolve_where(cx, k, f, dirs)?,
        default_own: resolve_default_own(cx, k, f, dirs)?,
        default_digest: resolve_default_digest(cx, k, f, dirs, ty)?,
        also_at,
        spec: cx.spec.to_owned(),
    })
}

/// `default_own = "bare_jid" | "full_jid" | "domain"`: outgoing fields without a
/// literal `default`.
fn resolve_default_own(
    cx: &FieldCx<'_>,
    key: &str,
    f: &RawField,
    dirs: Dirs,
) -> Result<Option<OwnJid>, SpecError> {
    let Some(raw) = &f.default_own else {
        return Ok(None);
    };
    let fail = |why: &str| Err(cx.err(key, raw.span(), why));
    if !dirs.out || dirs.inc {
        return fail("'default_own' applies to outgoing fields only (add dir = \"out\")");
    }
    if f.default.is_some() || f.required || f.many {
        return fail("'default_own' excludes 'default', 'required' and 'many'");
    }
    Ok(Some(match raw.get_ref().as_str() {
        "bare_jid" => OwnJid::BareJid,
        "full_jid" => OwnJid::FullJid,
        "domain" => OwnJid::Domain,
        _ => return fail("'default_own' is \"bare_jid\", \"full_jid\" or \"domain\""),
    }))
}

/// `default_digest = { of, algorithm = "sha1", encoding = "base64" | "text" }`:
/// outgoing string fields without another default.
fn resolve_default_digest(
    cx: &FieldCx<'_>,
    key: &str,
    f: &RawField,
    dirs: Dirs,
    ty: Ty,
) -> Result<Option<DigestIr>, SpecError> {
    let Some(raw) = &f.default_digest else {
        return Ok(None);
    };
    let fail = |why: &str| Err(cx.err(key, raw.span(), why));
    if !dirs.out || dirs.inc {
        return fail("'default_digest' applies to outgoing fields only (add dir = \"out\")");
    }
    if f.default.is_some() || f.default_own.is_some() || f.required || f.many || ty != Ty::String {
        return fail("'default_digest' is for an optional string field without another default");
    }
    let d = raw.get_ref();
    if d.algorithm != "sha1" {
        return fail("'default_digest': the algorithm is \"sha1\"");
    }
    let base64 = match d.encoding.as_str() {
        "base64" => true,
        "text" => false,
        _ => return fail("'default_digest': the encoding is \"base64\" or \"text\""),
    };
    Ok(Some(DigestIr {
        of: d.of.clone(),
        base64,
    }))
}

/// `where = { "@<attr>" = "$to_bare" | "$from_bare" }`: incoming fields only, one
/// condition, on a path that starts with an element.
fn resolve_where(
    cx: &FieldCx<'_>,
    key: &str,
    f: &RawField,
    dirs: Dirs,
) -> Result<Option<Vouch>, SpecError> {
    let Some(raw) = &f.where_ else {
        return Ok(None);
    };
    let fail = |why: &str| Err(cx.err(key, raw.span(), why));
    if dirs.out {
        return fail("'where' applies to incoming fields only (add dir = \"in\")");
    }
    if cx.default_ns.is_none() || cx.owner.ends_with(" result") {
        return fail(
            "'where' applies to fields of incoming events and [[extend]], where the stanza is at hand",
        );
    }
    let single_value_below_an_element = f.path.as_ref().is_some_and(|p| {
        path::parse(p.get_ref(), cx.prefixes, cx.default_ns).is_ok_and(|p| {
            matches!(p.segs.first(), Some(Seg::Elem { .. }))
                && matches!(p.segs.last(), Some(Seg::Attr { .. } | Seg::Text))
        })
    });
    if !single_value_below_an_element || f.many {
        return fail(
            "'where' needs a single value whose path starts with an element and ends at an attribute or text()",
        );
    }
    let mut conditions = raw.get_ref().iter();
    let (Some((attr, value)), None) = (conditions.next(), conditions.next()) else {
        return fail("'where' takes one condition: { \"@<attribute>\" = \"$to_bare\" }");
    };
    let Some(attr) = attr
        .strip_prefix('@')
        .filter(|a| !a.is_empty() && !a.contains(':'))
    else {
        return fail("'where' conditions name an unprefixed attribute, as \"@by\"");
    };
    let stanza_attr = match value.as_str() {
        "$to_bare" => "to",
        "$from_bare" => "from",
        _ => return fail("'where' values are \"$to_bare\" or \"$from_bare\""),
    };
    Ok(Some(Vouch {
        step: 0,
        attr: attr.to_owned(),
        stanza_attr: stanza_attr.to_owned(),
    }))
}

#[allow(clippy::too_many_arguments)]
fn check_path_type(
    cx: &FieldCx<'_>,
    reg: &Registry,
    key: &str,
    p: &PathIr,
    ty: Ty,
    kind: Option<KindTag>,
    f: &RawField,
    type_span: std::ops::Range<usize>,
) -> Result<(), SpecError> {
    let type_name = f.r#type.as_ref().map_or("", |t| t.get_ref().as_str());
    let fail = |why: &str| {
        Err(cx.err(
            key,
            type_span.clone(),
            format!("type '{type_name}' cannot be stored at '{}': {why}", p.text),
        ))
    };
    let last = p.last();
    let object_like = matches!(kind, Some(KindTag::Object)) || ty == Ty::RawXml;
    match last {
        None if ty == Ty::DataForm && !f.many => {}
        None => {
            if !matches!(kind, Some(KindTag::Object)) {
                return fail("only object types map to the element itself");
            }
        }
        Some(Seg::Attr { .. } | Seg::Text | Seg::Name | Seg::Ns) => {
            let scalar = !matches!(
                ty,
                Ty::Xhtml | Ty::RawXml | Ty::LangMap | Ty::Flag | Ty::DataForm
            ) && kind != Some(KindTag::ElementName)
                && kind != Some(KindTag::Object);
            if !(scalar || ty == Ty::Flag && matches!(last, Some(Seg::Attr { .. }))) {
                return fail("attributes and text hold single values");
            }
            if f.many && p.element_steps().is_empty() {
                return fail("'many' needs a repeated element on the path");
            }
        }
        Some(Seg::Elem { .. }) => {
            if kind == Some(KindTag::ElementName) {
                return fail("element-name enums go at 'prefix:*'");
            }
        }
        Some(Seg::AnyIn { ns }) => match kind {
            Some(KindTag::ElementName) => {
                if let Ty::Named(i) = ty
                    && reg.element_ns.get(&i) != Some(ns)
                {
                    return fail("the wildcard's namespace differs from the type's");
                }
            }
            _ if object_like => {}
            _ => return fail("wildcards hold element-name enums, objects or raw XML"),
        },
        Some(Seg::AnyNotIn { .. }) => {
            if !object_like {
                return fail("wildcards hold element-name enums, objects or raw XML");
            }
        }
    }
    if ty == Ty::LangMap && !matches!(last, Some(Seg::Elem { .. })) {
        return fail("language maps need an element path");
    }
    // A predicate's element is shared by the fields below it; an element the field
    // repeats or writes whole has no place for the predicate's constant.
    if let Some(Seg::Elem { pred: Some(_), .. }) = p.element_steps().last() {
        let scalar = match ty {
            Ty::Named(_) => !matches!(kind, Some(KindTag::Object | KindTag::ElementName)),
            Ty::Xhtml | Ty::RawXml | Ty::LangMap | Ty::Flag | Ty::DataForm => false,
            _ => true,
        };
        let whole = matches!(last, Some(Seg::Elem { .. })) && !scalar;
        if f.many || whole {
            return fail(
                "a predicate selects one element for single values below it; not on a repeated element or one written whole",
            );
        }
    }
    if ty == Ty::DataForm && (!matches!(last, None | Some(Seg::Elem { .. })) || f.many) {
        return fail("a data form is one element: give its path, without 'many'");
    }
    Ok(())
}

/// Checks a default against the type; returns its XML text form.
fn default_for(reg: &Registry, ty: Ty, v: &toml::Value) -> Result<Option<String>, String> {
    match (ty, v) {
        (
            Ty::String | Ty::Resource | Ty::JidString | Ty::Jid | Ty::DateTime,
            toml::Value::String(s),
        ) => Ok(Some(s.clone())),
        (Ty::Named(i), toml::Value::String(s)) => match reg.values.get(&i) {
            Some(values) if values.contains(s) => Ok(Some(s.clone())),
            Some(values) => Err(format!("'{s}' is not one of {}", values.join(", "))),
            None => Err("object types take no default".into()),
        },
        (Ty::Integer { min, max }, toml::Value::Integer(n)) if (min..=max).contains(n) => {
            Ok(Some(n.to_string()))
        }
        (Ty::Boolean, toml::Value::Boolean(b)) => Ok(Some(b.to_string())),
        (Ty::Flag, toml::Value::Boolean(false)) => Ok(None),
        _ => Err("the value does not fit the field's type".into()),
    }
}

fn resolve_conds(prefixes: &Prefixes, raw: &toml::Table) -> Result<Vec<Cond>, String> {
    let mut conds = Vec::new();
    for (p, v) in raw {
        let path = path::parse(p, prefixes, Some(NS_CLIENT))
            .map_err(|m| format!("bad path '{p}': {m}"))?;
        let bad = || {
            format!(
                "match value of '{p}' must be a string, a list of strings, true/false, or {{ any_of = [...], or_absent = true }}"
            )
        };
        let strings = |a: &Vec<toml::Value>| -> Option<Vec<String>> {
            a.iter().map(|x| x.as_str().map(str::to_owned)).collect()
        };
        let test = match v {
            toml::Value::String(s) => Test::OneOf {
                values: vec![s.clone()],
                or_absent: false,
            },
            toml::Value::Array(a) => Test::OneOf {
                values: strings(a).ok_or_else(bad)?,
                or_absent: false,
            },
            toml::Value::Boolean(true) => Test::Present,
            toml::Value::Boolean(false) => Test::Absent,
            toml::Value::Table(t) => {
                if t.keys().any(|k| k != "any_of" && k != "or_absent") {
                    return Err(bad());
                }
                let values = t
                    .get("any_of")
                    .and_then(|a| a.as_array())
                    .and_then(strings)
                    .ok_or_else(bad)?;
                let or_absent = t
                    .get("or_absent")
                    .and_then(|b| b.as_bool())
                    .unwrap_or(false);
                Test::OneOf { values, or_absent }
            }
            _ => return Err(bad()),
        };
        conds.push(Cond { path, test });
    }
    Ok(conds)
}

/// The event's modes (`[event."<name>".modes.<key>]`), each resolved as the event
/// with the mode's tables laid over it. The base event gains the mode's key as a
/// boolean the browser may send.
fn resolve_modes(
    l: &Loaded,
    prefixes: &Prefixes,
    reg: &Registry,
    types: &[TypeIr],
    name: &Sp<String>,
    ev: &Sp<RawEvent>,
    base: &mut EventIr,
) -> Result<Vec<EventIr>, SpecError> {
    let src = &l.source;
    let n = name.get_ref();
    let mut out = Vec::new();
    for (key, mode) in &ev.get_ref().modes {
        let k = key.get_ref();
        let err = |span: std::ops::Range<usize>, m: &str| {
            src.error(span, format!("event '{n}', mode '{k}': {m}"))
        };
        let m = mode.get_ref();
        let doc = m
            .doc
            .as_ref()
            .map(|d| d.get_ref().clone())
            .filter(|d| !d.trim().is_empty())
            .ok_or_else(|| err(key.span(), "missing doc"))?;
        if m.match_.is_none() {
            return Err(err(
                key.span(),
                "missing 'match': the conditions that tell this mode's stanzas from the event's",
            ));
        }
        if base.fields.iter().any(|f| &f.key == k) || !is_json_key(k) {
            return Err(err(
                key.span(),
                "the mode's name is its payload key: a plain key no field of the event uses",
            ));
        }
        let mut raw = ev.get_ref().clone();
        raw.modes.clear();
        raw.doc = m.doc.clone();
        raw.match_ = m.match_.clone();
        if let Some(ensure) = &m.ensure {
            raw.ensure = ensure.clone();
        }
        if let Some(set) = &m.set {
            raw.set = set.clone();
        }
        if let Some(include) = &m.include {
            raw.include = include.clone();
        }
        if let Some(iq) = &m.iq {
            raw.iq = Some(iq.clone());
        }
        if let Some(owns) = &m.queried_owns {
            raw.queried_owns = Some(owns.clone());
        }
        for gone in &m.without {
            if raw.fields.shift_remove(gone).is_none() {
                return Err(err(
                    gone.span(),
                    &format!("'without': the event has no field '{}'", gone.get_ref()),
                ));
            }
        }
        for (fk, f) in &m.fields {
            raw.fields.insert(fk.clone(), f.clone());
        }
        if m.result.is_some() {
            raw.result = m.result.clone();
        }
        let raw = Sp::new(mode.span(), raw);
        let mut e = resolve_event(l, prefixes, reg, types, name, &raw)?;
        e.ident = format!("{n}..{k}");
        e.mode = Some(k.clone());
        e.doc = doc.clone();
        // A mode with a field of its own name is chosen by that field being given;
        // otherwise by a `<key>: true` flag, which the event itself accepts.
        e.mode_given = e.fields.iter().any(|f| &f.key == k && f.dirs.out);
        if base.dirs.out && !e.mode_given {
            base.fields.push(FieldIr::mode_flag(k, &doc, &base.spec));
        }
        out.push(e);
    }
    // Two flags at once would choose the first mode silently: refuse them.
    let flags: Vec<String> = out
        .iter()
        .filter(|m| !m.mode_given)
        .filter_map(|m| m.mode.clone())
        .collect();
    if flags.len() > 1 {
        base.exclusive.push(flags);
    }
    Ok(out)
}

fn is_json_key(k: &str) -> bool {
    k.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
        && k.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

fn resolve_event(
    l: &Loaded,
    prefixes: &Prefixes,
    reg: &Registry,
    types: &[TypeIr],
    name: &Sp<String>,
    ev: &Sp<RawEvent>,
) -> Result<EventIr, SpecError> {
    let src = &l.source;
    let spec = l.raw.spec.get_ref().id.get_ref();
    let n = name.get_ref();
    let e = ev.get_ref();
    let owner = format!("event '{n}'");
    let err = |span: std::ops::Range<usize>, m: String| src.error(span, format!("{owner}: {m}"));
    let doc = e
        .doc
        .as_ref()
        .map(|d| d.get_ref().clone())
        .filter(|d| !d.trim().is_empty())
        .ok_or_else(|| err(name.span(), "missing doc".into()))?;
    let mut dirs = Dirs {
        out: false,
        inc: false,
    };
    for d in e.directions.get_ref() {
        match d.as_str() {
            "out" => dirs.out = true,
            "in" => dirs.inc = true,
            other => {
                return Err(err(
                    e.directions.span(),
                    format!("unknown direction '{other}' (expected out or in)"),
                ));
            }
        }
    }
    if !dirs.out && !dirs.inc {
        return Err(err(e.directions.span(), "'directions' is empty".into()));
    }
    let stanzas = e.stanza.get_ref().to_vec();
    for s in &stanzas {
        if !matches!(s.as_str(), "message" | "presence" | "iq") {
            return Err(err(
                e.stanza.span(),
                format!("unknown stanza '{s}' (expected message, presence or iq)"),
            ));
        }
    }
    // Going out, a required `name()` field may pick the kind (XEP-0070 answers an IQ
    // or a message with the same event).
    let kind_chosen = e.fields.values().any(|f| {
        let f = f.get_ref();
        f.required
            && f.path.as_ref().is_some_and(|p| p.get_ref() == "name()")
            && f.dir.as_ref().is_none_or(|d| d.get_ref() != "in")
    });
    if stanzas.len() != 1 && dirs.out && !kind_chosen {
        return Err(err(
            e.stanza.span(),
            "an outgoing event maps to exactly one stanza kind".into(),
        ));
    }
    let iq = match &e.iq {
        None => None,
        Some(t) => {
            if !matches!(t.get_ref().as_str(), "get" | "set") {
                return Err(err(t.span(), format!("unknown iq type '{}'", t.get_ref())));
            }
            if stanzas != ["iq"] || !dirs.out {
                return Err(err(
                    t.span(),
                    "'iq' needs stanza = \"iq\" and direction out".into(),
                ));
            }
            Some(t.get_ref().clone())
        }
    };
    let callback = match e.callback.as_ref().map(|c| c.get_ref().as_str()) {
        None if iq.is_some() => CallbackIr::Required,
        None => CallbackIr::None,
        Some("required") => CallbackIr::Required,
        Some("optional") => CallbackIr::Optional,
        Some("none") => CallbackIr::None,
        Some(other) => {
            let span = e.callback.as_ref().map_or(name.span(), |c| c.span());
            return Err(err(span, format!("unknown callback rule '{other}'")));
        }
    };
    if let Some(a) = &e.ack
        && (callback == CallbackIr::None || iq.is_some())
    {
        return Err(err(
            a.span(),
            "'ack' applies to non-IQ events with a callback".into(),
        ));
    }
    let ack = match e.ack.as_ref().map(|a| a.get_ref().as_str()) {
        _ if callback == CallbackIr::None || iq.is_some() => AckIr::Nothing,
        None | Some("true") => AckIr::True,
        Some("id") => AckIr::StanzaId,
        Some(other) => {
            let span = e.ack.as_ref().map_or(name.span(), |c| c.span());
            return Err(err(
                span,
                format!("unknown ack '{other}' (expected true or id)"),
            ));
        }
    };
    let cx = FieldCx {
        src,
        prefixes,
        spec,
        owner: owner.clone(),
        default_ns: Some(NS_CLIENT),
    };
    let parse_path = |p: &Sp<String>| {
        path::parse(p.get_ref(), prefixes, Some(NS_CLIENT))
            .map_err(|m| err(p.span(), format!("bad path '{}': {m}", p.get_ref())))
    };

    let mut fields: Vec<FieldIr> = Vec::new();
    for inc in &e.include {
        let bad = || {
            err(
                inc.span(),
                "include: expected a type name or { type = \"...\", at = \"...\" }".into(),
            )
        };
        let (tname, at) = match inc.get_ref() {
            toml::Value::String(t) => (t.clone(), None),
            toml::Value::Table(t) => {
                let tname = t.get("type").and_then(|v| v.as_str()).ok_or_else(bad)?;
                let at = t.get("at").and_then(|v| v.as_str()).ok_or_else(bad)?;
                (tname.to_owned(), Some(at.to_owned()))
            }
            _ => return Err(bad()),
        };
        let at_path = match at {
            Some(p) => path::parse(&p, prefixes, Some(NS_CLIENT))
                .map_err(|m| err(inc.span(), format!("bad path '{p}': {m}")))?,
            None => PathIr::root(),
        };
        let ty = reg
            .types
            .get(&tname)
            .filter(|(_, k)| *k == KindTag::Object)
            .map(|(i, _)| *i)
            .ok_or_else(|| {
                err(
                    inc.span(),
                    format!("include: '{tname}' is not an object type"),
                )
            })?;
        let TypeKind::Object(type_fields) = &types[ty].kind else {
            return Err(err(inc.span(), "include: not an object type".into()));
        };
        for f in type_fields {
            let mut f = f.clone();
            f.path = f.path.map(|p| at_path.join(&p));
            f.dirs = Dirs {
                out: f.dirs.out && dirs.out,
                inc: f.dirs.inc && dirs.inc,
            };
            if f.dirs.out || f.dirs.inc {
                check_duplicate(&fields, &f).map_err(|m| err(inc.span(), m))?;
                fields.push(f);
            }
        }
    }
    for (key, f) in &e.fields {
        let mut field = resolve_field(&cx, reg, key, f)?;
        field.dirs = Dirs {
            out: field.dirs.out && dirs.out,
            inc: field.dirs.inc && dirs.inc,
        };
        check_duplicate(&fields, &field).map_err(|m| cx.err(key.get_ref(), key.span(), m))?;
        fields.push(field);
    }
    check_digest_sources(&cx, &fields, &e.fields)?;
    check_form_keys(&cx, &fields, &e.fields)?;
    for r in &e.required {
        let f = fields
            .iter_mut()
            .find(|f| &f.key == r.get_ref())
            .ok_or_else(|| err(r.span(), format!("required: no field '{}'", r.get_ref())))?;
        f.required = true;
    }
    let groups: Vec<(String, String)> = e
        .groups
        .iter()
        .map(|(k, v)| (k.get_ref().clone(), v.get_ref().clone()))
        .collect();
    for (key, f) in &e.fields {
        if let Some(g) = &f.get_ref().satisfies
            && !groups.iter().any(|(n, _)| n == g.get_ref())
        {
            return Err(cx.err(
                key.get_ref(),
                g.span(),
                format!("unknown group '{}'", g.get_ref()),
            ));
        }
    }
    let mut exclusive = Vec::new();
    for list in &e.exclusive {
        let keys = list.get_ref();
        if keys.len() < 2 {
            return Err(err(list.span(), "exclusive: name two keys or more".into()));
        }
        if let Some(k) = keys
            .iter()
            .find(|k| !fields.iter().any(|f| &&f.key == k && f.dirs.out))
        {
            return Err(err(
                list.span(),
                format!("exclusive: no outgoing key '{k}'"),
            ));
        }
        exclusive.push(keys.clone());
    }
    let hook = |h: &Option<Sp<String>>| -> Result<Option<String>, SpecError> {
        match h {
            None => Ok(None),
            Some(h) => {
                let ok = h.get_ref().split("::").all(|part| {
                    !part.is_empty() && part.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
                });
                if ok {
                    Ok(Some(h.get_ref().clone()))
                } else {
                    Err(err(
                        h.span(),
                        format!(
                            "hook '{}' is not a Rust path like 'module::function'",
                            h.get_ref()
                        ),
                    ))
                }
            }
        }
    };
    let hooks = HooksIr {
        before_send: hook(&e.hooks.before_send)?,
        after_send: hook(&e.hooks.after_send)?,
        guard: hook(&e.hooks.guard)?,
    };
    let matches = match &e.match_ {
        None => vec![Vec::new()],
        Some(m) => {
            let bad = || {
                err(
                    m.span(),
                    "'match' is a table of conditions or a list of such tables".into(),
                )
            };
            let tables: Vec<&toml::Table> = match m.get_ref() {
                toml::Value::Table(t) => vec![t],
                toml::Value::Array(a) => a
                    .iter()
                    .map(|v| v.as_table().ok_or_else(bad))
                    .collect::<Result<_, _>>()?,
                _ => return Err(bad()),
            };
            let mut out = Vec::new();
            for t in tables {
                out.push(
                    resolve_conds(prefixes, t)
                        .map_err(|m| err(e.match_.as_ref().map_or(name.span(), |x| x.span()), m))?,
                );
            }
            out
        }
    };
    let mut sender_own = false;
    let mut sender_queried = Vec::new();
    if let Some(s) = &e.sender {
        for rule in s.get_ref().to_vec() {
            if rule == "own_account" {
                sender_own = true;
            } else if let Some(event) = rule.strip_prefix("queried:") {
                let (line, col) = src.position(s.span().start);
                sender_queried.push(QueriedIr {
                    event: event.to_owned(),
                    file: src.display.clone(),
                    line,
                    col,
                });
            } else {
                return Err(err(s.span(), format!("unknown sender rule '{rule}'")));
            }
        }
    }
    let queried_owns = match &e.queried_owns {
        None => None,
        Some(p) => {
            let path = parse_path(p)?;
            if sender_queried.is_empty() || !matches!(path.last(), Some(Seg::Attr { .. })) {
                return Err(err(
                    p.span(),
                    "'queried_owns' is the attribute path of a JID, with a 'queried:' sender rule"
                        .into(),
                ));
            }
            Some(path)
        }
    };
    let reply_result = match &e.reply {
        None => false,
        Some(r) if r.get_ref() == "result" && stanzas == ["iq"] => true,
        Some(r) => {
            return Err(err(
                r.span(),
                format!("unknown reply '{}' (only \"result\", for iq)", r.get_ref()),
            ));
        }
    };
    let mut set = Vec::new();
    for (p, v) in &e.set {
        set.push((parse_path(p)?, v.get_ref().clone()));
    }
    let mut ensure = Vec::new();
    for p in &e.ensure {
        ensure.push(parse_path(p)?);
    }
    let result = match &e.result {
        None => None,
        Some(r) => {
            if iq.is_none() {
                return Err(err(r.span(), "'result' needs an iq event".into()));
            }
            let mut each_all: Vec<EachIr> = Vec::new();
            if let Some(v) = &r.get_ref().each {
                let bad = || {
                    err(
                        v.span(),
                        "result: 'each' is a path or a list of { path = \"...\", tag = { key = \"value\" }, type = \"...\" }".into(),
                    )
                };
                let parse = |p: &str| {
                    path::parse(p, prefixes, Some(NS_CLIENT))
                        .map_err(|m| err(v.span(), format!("bad path '{p}': {m}")))
                };
                let plain = |path: PathIr| EachIr {
                    path,
                    tags: Vec::new(),
                    fields: None,
                };
                match v.get_ref() {
                    toml::Value::String(p) => each_all.push(plain(parse(p)?)),
                    toml::Value::Array(items) => {
                        for item in items {
                            let t = item.as_table().ok_or_else(bad)?;
                            if t.keys()
                                .any(|k| !matches!(k.as_str(), "path" | "tag" | "type"))
                            {
                                return Err(bad());
                            }
                            let p = t.get("path").and_then(|p| p.as_str()).ok_or_else(bad)?;
                            let mut each = plain(parse(p)?);
                            if let Some(tag) = t.get("tag") {
                                for (k, v) in tag.as_table().ok_or_else(bad)? {
                                    each.tags
                                        .push((k.clone(), v.as_str().ok_or_else(bad)?.to_owned()));
                                }
                            }
                            if let Some(tname) = t.get("type") {
                                let tname = tname.as_str().ok_or_else(bad)?;
                                let Some(TypeKind::Object(type_fields)) =
                                    reg.types.get(tname).map(|(i, _)| &types[*i].kind)
                                else {
                                    return Err(err(
                                        v.span(),
                                        format!("result: '{tname}' is not an object type"),
                                    ));
                                };
                                each.fields = Some(
                                    type_fields.iter().filter(|f| f.dirs.inc).cloned().collect(),
                                );
                            }
                            each_all.push(each);
                        }
                        if each_all.is_empty() {
                            return Err(bad());
                        }
                    }
                    _ => return Err(bad()),
                }
                let parent = |p: &PathIr| p.segs[..p.segs.len().saturating_sub(1)].to_vec();
                let first_parent = parent(&each_all[0].path);
                for e in &each_all {
                    if !matches!(e.path.last(), Some(Seg::Elem { .. }))
                        || parent(&e.path) != first_parent
                    {
                        return Err(err(
                            v.span(),
                            format!(
                                "result: each path must end in an element, and all share one parent ('{}')",
                                e.path.text
                            ),
                        ));
                    }
                }
            }
            let each = each_all.first().map(|e| e.path.clone());
            let each_ns = each.as_ref().and_then(|p| match p.last() {
                Some(Seg::Elem { ns, .. }) => Some(ns.clone()),
                _ => None,
            });
            let rcx = FieldCx {
                src,
                prefixes,
                spec,
                owner: format!("event '{n}' result"),
                default_ns: Some(each_ns.as_deref().unwrap_or(NS_CLIENT)),
            };
            let mut fields = resolve_fields(&rcx, reg, &r.get_ref().fields)?;
            if let Some(t) = &r.get_ref().r#type {
                let Some(TypeKind::Object(type_fields)) =
                    reg.types.get(t.get_ref()).map(|(i, _)| &types[*i].kind)
                else {
                    return Err(err(
                        t.span(),
                        format!("result: '{}' is not an object type", t.get_ref()),
                    ));
                };
                let mut all: Vec<FieldIr> =
                    type_fields.iter().filter(|f| f.dirs.inc).cloned().collect();
                all.append(&mut fields);
                fields = all;
            }
            // `rsm`, `value` and `error`: one field read coming in from one element of
            // the reply; `object` asks for an object type, `alone` for nothing else in
            // the result.
            let reply_field = |key: &str,
                               raw: &Sp<RawField>,
                               object: bool,
                               alone: bool,
                               why: &str|
             -> Result<FieldIr, SpecError> {
                let icx = FieldCx {
                    owner: format!("event '{n}' result"),
                    default_ns: Some(NS_CLIENT),
                    ..rcx
                };
                let f = resolve_field(&icx, reg, &Sp::new(raw.span(), key.to_owned()), raw)?;
                let is_object =
                    matches!(f.ty, Ty::Named(i) if matches!(types[i].kind, TypeKind::Object(_)));
                let at_element = matches!(
                    f.path.as_ref().and_then(|p| p.last()),
                    Some(Seg::Elem { .. })
                );
                if (object && !is_object) || !at_element || f.many || !f.dirs.inc || !alone {
                    return Err(icx.err(key, raw.span(), why));
                }
                Ok(f)
            };
            let r = r.get_ref();
            let rsm = r
                .rsm
                .as_ref()
                .map(|raw| {
                    reply_field(
                        "rsm",
                        raw,
                        true,
                        true,
                        "'rsm' is one object type at an element path, read coming in",
                    )
                })
                .transpose()?;
            let value = r
                .value
                .as_ref()
                .map(|raw| {
                    reply_field(
                        "value",
                        raw,
                        false,
                        each_all.len() + fields.len() == 0,
                        "'value' is one value at an element path, read coming in, and the whole result",
                    )
                })
                .transpose()?;
            let error = r
                .error
                .as_ref()
                .map(|raw| {
                    reply_field(
                        "error",
                        raw,
                        true,
                        true,
                        "'error' is one object type at an element path, read coming in",
                    )
                })
                .transpose()?;
            Some(ResultIr {
                each,
                each_all,
                fields,
                rsm,
                value,
                error,
            })
        }
    };
    let answer = match &e.answer {
        None => None,
        Some(a) => {
            if !dirs.inc {
                return Err(err(a.span(), "'answer' needs direction in".into()));
            }
            let a = a.get_ref();
            if let Some((to, _)) = a
                .copy
                .iter()
                .find(|(to, _)| to.get_ref() == a.key.get_ref())
            {
                return Err(err(
                    to.span(),
                    format!(
                        "answer: '{}' is the key of the answer data and cannot be copied too",
                        to.get_ref()
                    ),
                ));
            }
            Some(AnswerIr {
                event: a.event.get_ref().clone(),
                key: a.key.get_ref().clone(),
                copy: a
                    .copy
                    .iter()
                    .map(|(to, from)| (to.get_ref().clone(), from.get_ref().clone()))
                    .collect(),
                event_at: src.site(a.event.span()),
                key_at: src.site(a.key.span()),
                copy_at: a
                    .copy
                    .iter()
                    .map(|(to, from)| (src.site(to.span()), src.site(from.span())))
                    .collect(),
            })
        }
    };
    Ok(EventIr {
        name: n.clone(),
        ident: n.clone(),
        mode: None,
        mode_given: false,
        spec: spec.clone(),
        spec_file: src.display.clone(),
        doc,
        stanzas,
        iq,
        dirs,
        callback,
        ack,
        aliases: e.aliases.clone(),
        set,
        ensure,
        groups,
        exclusive,
        hooks,
        matches,
        priority: e.priority,
        sender_own,
        sender_queried,
        queried_owns,
        reply_result,
        fields,
        result,
        answer,
    })
}

/// TOML value as JSON text (specs only hold strings, numbers, booleans and arrays of them).
pub fn toml_to_json(v: &toml::Value) -> String {
    match v {
        toml::Value::String(s) => json_string(s),
        toml::Value::Integer(i) => i.to_string(),
        toml::Value::Float(f) => f.to_string(),
        toml::Value::Boolean(b) => b.to_string(),
        toml::Value::Datetime(d) => json_string(&d.to_string()),
        toml::Value::Array(a) => {
            let items: Vec<String> = a.iter().map(toml_to_json).collect();
            format!("[{}]", items.join(","))
        }
        toml::Value::Table(t) => {
            let items: Vec<String> = t
                .iter()
                .map(|(k, v)| format!("{}:{}", json_string(k), toml_to_json(v)))
                .collect();
            format!("{{{}}}", items.join(","))
        }
    }
}

fn json_string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if (c as u32) < 0x20 => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}
