//! XML comparison for fixtures: namespace-aware (prefixes do not matter),
//! attribute order ignored, whitespace-only text between elements ignored, and
//! sibling element order ignored except in mixed content.

use xmpp_ftw_runtime::xml::{Elem, Limits, NS_CLIENT, Node, Tree};

pub fn parse(xml: &str) -> Tree {
    Tree::parse(xml, NS_CLIENT, &Limits::default())
        .unwrap_or_else(|e| panic!("fixture XML does not parse: {e}\n{xml}"))
}

/// Compares `actual` with `expected`; `Err` describes the first difference.
pub fn compare(actual: &str, expected: &str) -> Result<(), String> {
    let a = parse(actual);
    let e = parse(expected);
    let ignore_root_id = e.root().attr("id").is_none();
    diff(a.root(), e.root(), ignore_root_id, "/")
}

fn significant_text(el: Elem<'_>) -> bool {
    el.nodes()
        .any(|n| matches!(n, Node::Text(t) if !t.trim().is_empty()))
}

fn diff(a: Elem<'_>, e: Elem<'_>, ignore_id: bool, at: &str) -> Result<(), String> {
    let here = format!("{at}{{{}}}{}", e.ns(), e.name());
    if a.ns() != e.ns() || a.name() != e.name() {
        return Err(format!("{here}: found {{{}}}{}", a.ns(), a.name()));
    }
    let attrs = |x: Elem<'_>| {
        let mut v: Vec<(String, String, String)> = x
            .attrs()
            .filter(|at| !(ignore_id && at.ns.is_empty() && at.name == "id"))
            .map(|at| (at.ns.to_owned(), at.name.to_owned(), at.value.to_owned()))
            .collect();
        v.sort();
        v
    };
    let (aa, ea) = (attrs(a), attrs(e));
    if aa != ea {
        return Err(format!("{here}: attributes {aa:?}, expected {ea:?}"));
    }
    if significant_text(a) || significant_text(e) {
        // Mixed content: order matters, text exactly.
        fn nodes(x: Elem<'_>) -> Vec<Node<'_>> {
            x.nodes()
                .filter(|n| !matches!(n, Node::Text(t) if t.is_empty()))
                .collect()
        }
        let (an, en) = (nodes(a), nodes(e));
        if an.len() != en.len() {
            return Err(format!(
                "{here}: {} child nodes, expected {}\nactual text: {:?}\nexpected text: {:?}",
                an.len(),
                en.len(),
                a.text(),
                e.text()
            ));
        }
        for (x, y) in an.iter().zip(&en) {
            match (x, y) {
                (Node::Text(t1), Node::Text(t2)) if t1 == t2 => {}
                (Node::Text(t1), Node::Text(t2)) => {
                    return Err(format!("{here}: text {t1:?}, expected {t2:?}"));
                }
                (Node::Element(c1), Node::Element(c2)) => {
                    diff(*c1, *c2, false, &format!("{here}/"))?
                }
                _ => return Err(format!("{here}: text and elements differ")),
            }
        }
        return Ok(());
    }
    let ac: Vec<Elem<'_>> = a.children().collect();
    let ec: Vec<Elem<'_>> = e.children().collect();
    if ac.len() != ec.len() {
        return Err(format!(
            "{here}: {} children {:?}, expected {} {:?}",
            ac.len(),
            ac.iter().map(|c| c.name()).collect::<Vec<_>>(),
            ec.len(),
            ec.iter().map(|c| c.name()).collect::<Vec<_>>()
        ));
    }
    let mut used = vec![false; ac.len()];
    for want in &ec {
        let mut last_err = None;
        let mut found = false;
        for (i, got) in ac.iter().enumerate() {
            if used[i] {
                continue;
            }
            match diff(*got, *want, false, &format!("{here}/")) {
                Ok(()) => {
                    used[i] = true;
                    found = true;
                    break;
                }
                Err(err) => {
                    if got.name() == want.name() && got.ns() == want.ns() {
                        last_err = Some(err);
                    }
                }
            }
        }
        if !found {
            return Err(last_err.unwrap_or_else(|| {
                format!("{here}: missing child {{{}}}{}", want.ns(), want.name())
            }));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::compare;

    #[test]
    fn prefixes_attribute_order_and_sibling_order_do_not_matter() {
        compare(
            "<message xmlns='jabber:client' type='chat' to='a@b'><x:y xmlns:x='urn:x'/><body>hi</body></message>",
            "<message to='a@b' type='chat'>\n  <body>hi</body>\n  <y xmlns='urn:x'/>\n</message>",
        )
        .unwrap();
    }

    #[test]
    fn text_namespaces_and_attributes_do_matter() {
        assert!(compare("<m><body>hi</body></m>", "<m><body>ho</body></m>").is_err());
        assert!(compare("<m><y xmlns='urn:a'/></m>", "<m><y xmlns='urn:b'/></m>").is_err());
        assert!(compare("<m a='1'/>", "<m a='2'/>").is_err());
        assert!(compare("<m/>", "<m><x/></m>").is_err());
    }

    #[test]
    fn mixed_content_keeps_its_order() {
        assert!(compare("<p>a<b/>c</p>", "<p>a<b/>c</p>").is_ok());
        assert!(compare("<p>c<b/>a</p>", "<p>a<b/>c</p>").is_err());
    }

    #[test]
    fn the_root_id_is_ignored_only_when_the_fixture_has_none() {
        assert!(compare("<m id='x1'/>", "<m/>").is_ok());
        assert!(compare("<m id='x1'/>", "<m id='x2'/>").is_err());
    }
}
