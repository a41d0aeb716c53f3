//! Parsing of stanza paths such as `muc:x/muc:history/@maxstanzas`, `cs:*`,
//! `!err:*`, `@xml:lang` or `text()`.

use super::ir::{NS_CLIENT, NS_XML, PathIr, Seg};
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
        text.split('/').collect()
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
        }),
        None if step == "*" => Err("'*' needs a namespace: write 'prefix:*'".into()),
        None => match scope_ns {
            Some(ns) => Ok(Seg::Elem {
                ns: ns.to_owned(),
                name: check_name(step)?,
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
                name: "password".into()
            }
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
