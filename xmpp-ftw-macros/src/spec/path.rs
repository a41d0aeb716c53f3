//! Parsing of stanza paths such as `muc:x/muc:history/@maxstanzas`, `cs:*`,
//! `!err:*`, `@xml:lang`, `text()` or `xd:field[@var='with']/xd:value`.

use super::ir::{NS_CLIENT, NS_XML, PathIr, Pred, Seg};
use indexmap::IndexMap;

/// Prefix → namespace URI bindings of one spec.
pub type Prefixes = IndexMap<String, String>;

/// Parses `text`. Unprefixed element steps take the namespace of the previous
/// element step, starting from `default_ns`; `None` means a prefix is required.
pub fn parse(text: &str, prefixes: &Prefixes, default_ns: Option<&str>) -> Result<PathIr, String> {
    let mut segs = Vec::new();
    // `.`: the element itself (a data form that is the item of a list result).
    if text == "." {
        return Ok(PathIr {
            segs,
            text: text.to_owned(),
        });
    }
    let mut scope_ns = default_ns.map(str::to_owned);
    let steps: Vec<&str> = if text.is_empty() {
        Vec::new()
    } else {
        split_steps(text)?
    };
    for (i, step) in steps.iter().enumerate() {
        let last = i + 1 == steps.len();
        let seg = parse_step(step, prefixes, scope_ns.as_deref())?;
        if !seg.is_element() && !last {
            return Err(format!("'{step}' must be the last step"));
        }
        if matches!(seg, Seg::AnyIn { .. } | Seg::AnyNotIn { .. }) && !last {
            return Err(format!("wildcard '{step}' must be the last step"));
        }
        if let Seg::Elem { ns, .. } = &seg {
            scope_ns = Some(ns.clone());
        }
        segs.push(seg);
    }
    Ok(PathIr {
        segs,
        text: text.to_owned(),
    })
}

/// Splits at the `/`s outside predicates, whose quoted values may hold any character.
fn split_steps(text: &str) -> Result<Vec<&str>, String> {
    let mut steps = Vec::new();
    let (mut start, mut depth, mut quote) = (0, 0usize, None::<char>);
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '\'' | '"') if depth > 0 => quote = Some(c),
            (None, '[') => depth += 1,
            (None, ']') => {
                depth = depth
                    .checked_sub(1)
                    .ok_or_else(|| format!("unbalanced ']' in '{text}'"))?
            }
            (None, '/') if depth == 0 => {
                steps.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    if depth > 0 || quote.is_some() {
        return Err(format!("unclosed predicate in '{text}'"));
    }
    steps.push(&text[start..]);
    Ok(steps)
}

/// Parses the inside of `[…]`: `@attr='v'`, `@prefix:attr='v'`, `prefix:child='v'`
/// or `child='v'` (in the namespace of the element the predicate is on).
fn parse_pred(inner: &str, prefixes: &Prefixes, elem_ns: &str) -> Result<Pred, String> {
    let bad = || {
        format!("predicate '[{inner}]' must be written [@attr='value'] or [prefix:child='value']")
    };
    let (lhs, rhs) = inner.split_once('=').ok_or_else(bad)?;
    let rhs = rhs.trim();
    let value = ['\'', '"']
        .iter()
        .find_map(|q| rhs.strip_prefix(*q).and_then(|r| r.strip_suffix(*q)))
        .filter(|v| !v.contains(['\'', '"']))
        .ok_or_else(bad)?
        .to_owned();
    let lhs = lhs.trim();
    if let Some(attr) = lhs.strip_prefix('@') {
        return Ok(match attr.split_once(':') {
            Some((prefix, name)) => Pred::Attr {
                ns: resolve_prefix(prefix, prefixes)?,
                name: check_name(name)?,
                value,
            },
            None => Pred::Attr {
                ns: String::new(),
                name: check_name(attr)?,
                value,
            },
        });
    }
    let (ns, name) = match lhs.split_once(':') {
        Some((prefix, name)) => (resolve_prefix(prefix, prefixes)?, name),
        None => (elem_ns.to_owned(), lhs),
    };
    if name.is_empty() {
        return Err(bad());
    }
    Ok(Pred::Child {
        ns,
        name: check_name(name)?,
        value,
    })
}

fn resolve_prefix(prefix: &str, prefixes: &Prefixes) -> Result<String, String> {
    if prefix == "xml" {
        return Ok(NS_XML.to_owned());
    }
    // Stanzas inside other elements (forwarded messages) are in jabber:client,
    // which an unprefixed step below a namespaced element cannot name.
    if prefix == "client" {
        return Ok(NS_CLIENT.to_owned());
    }
    prefixes
        .get(prefix)
        .cloned()
        .ok_or_else(|| format!("undefined namespace prefix '{prefix}'"))
}

fn parse_step(step: &str, prefixes: &Prefixes, scope_ns: Option<&str>) -> Result<Seg, String> {
    match step {
        "" => return Err("empty step".into()),
        "text()" => return Ok(Seg::Text),
        "name()" => return Ok(Seg::Name),
        "ns()" => return Ok(Seg::Ns),
        _ => {}
    }
    if let Some(attr) = step.strip_prefix('@') {
        return Ok(match attr.split_once(':') {
            Some((prefix, name)) => Seg::Attr {
                ns: resolve_prefix(prefix, prefixes)?,
                name: check_name(name)?,
            },
            None => Seg::Attr {
                ns: String::new(),
                name: check_name(attr)?,
            },
        });
    }
    if let Some((base, inner)) = step.strip_suffix(']').and_then(|s| s.split_once('[')) {
        let Seg::Elem { ns, name, .. } = parse_step(base, prefixes, scope_ns)? else {
            return Err(format!(
                "'{step}': only a named element step takes a predicate"
            ));
        };
        let pred = parse_pred(inner, prefixes, &ns)?;
        return Ok(Seg::Elem {
            ns,
            name,
            pred: Some(pred),
        });
    }
    if let Some(rest) = step.strip_prefix('!') {
        let prefix = rest
            .strip_suffix(":*")
            .ok_or_else(|| format!("'{step}' must be written '!prefix:*'"))?;
        return Ok(Seg::AnyNotIn {
            ns: resolve_prefix(prefix, prefixes)?,
        });
    }
    match step.split_once(':') {
        Some((prefix, "*")) => Ok(Seg::AnyIn {
            ns: resolve_prefix(prefix, prefixes)?,
        }),
        Some((prefix, name)) => Ok(Seg::Elem {
            ns: resolve_prefix(prefix, prefixes)?,
            name: check_name(name)?,
            pred: None,
        }),
        None if step == "*" => Err("'*' needs a namespace: write 'prefix:*'".into()),
        None => match scope_ns {
            Some(ns) => Ok(Seg::Elem {
                ns: ns.to_owned(),
                name: check_name(step)?,
                pred: None,
            }),
            None => Err(format!("element '{step}' needs a namespace prefix")),
        },
    }
}

fn check_name(name: &str) -> Result<String, String> {
    let ok = !name.is_empty()
        && name
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_alphanumeric() || c == '_' || (i > 0 && (c == '-' || c == '.')));
    if ok {
        Ok(name.to_owned())
    } else {
        Err(format!("'{name}' is not an XML name"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn prefixes() -> Prefixes {
        let mut p = Prefixes::new();
        p.insert("muc".into(), "http://jabber.org/protocol/muc".into());
        p
    }

    #[test]
    fn unprefixed_steps_inherit_the_parent_namespace() {
        let p = parse("muc:x/password", &prefixes(), Some("jabber:client")).unwrap();
        assert_eq!(
            p.segs[1],
            Seg::Elem {
                ns: "http://jabber.org/protocol/muc".into(),
                name: "password".into(),
                pred: None,
            }
        );
    }

    #[test]
    fn predicates_select_by_attribute_or_child_text() {
        let mut p = prefixes();
        p.insert("xd".into(), "jabber:x:data".into());
        let path = parse("xd:x/xd:field[@var='a/b]']/value", &p, None).unwrap();
        assert_eq!(path.segs.len(), 3);
        assert_eq!(
            path.segs[1],
            Seg::Elem {
                ns: "jabber:x:data".into(),
                name: "field".into(),
                pred: Some(Pred::Attr {
                    ns: String::new(),
                    name: "var".into(),
                    value: "a/b]".into(),
                }),
            }
        );
        let path = parse("muc:x/item[name=\"x\"]", &p, None).unwrap();
        assert_eq!(
            path.segs[1],
            Seg::Elem {
                ns: "http://jabber.org/protocol/muc".into(),
                name: "item".into(),
                pred: Some(Pred::Child {
                    ns: "http://jabber.org/protocol/muc".into(),
                    name: "name".into(),
                    value: "x".into(),
                }),
            }
        );
        assert_eq!(
            parse("muc:x[@a=b]", &p, None).unwrap_err(),
            "predicate '[@a=b]' must be written [@attr='value'] or [prefix:child='value']"
        );
        assert_eq!(
            parse("muc:*[@a='b']", &p, None).unwrap_err(),
            "'muc:*[@a='b']': only a named element step takes a predicate"
        );
        assert_eq!(
            parse("muc:x[@a='b'", &p, None).unwrap_err(),
            "unclosed predicate in 'muc:x[@a='b''"
        );
    }

    #[test]
    fn xml_prefix_is_predefined() {
        let p = parse("body/@xml:lang", &prefixes(), Some("jabber:client")).unwrap();
        assert_eq!(
            p.segs[1],
            Seg::Attr {
                ns: NS_XML.into(),
                name: "lang".into()
            }
        );
    }

    #[test]
    fn errors_are_specific() {
        let p = prefixes();
        assert_eq!(
            parse("cz:*", &p, None).unwrap_err(),
            "undefined namespace prefix 'cz'"
        );
        assert_eq!(
            parse("@to/body", &p, Some("jabber:client")).unwrap_err(),
            "'@to' must be the last step"
        );
        assert_eq!(
            parse("x", &p, None).unwrap_err(),
            "element 'x' needs a namespace prefix"
        );
        assert_eq!(
            parse("a//b", &p, Some("jabber:client")).unwrap_err(),
            "empty step"
        );
    }
}
