//! The project's promise: a protocol that needs no runtime hook lives entirely in
//! its spec. For every such spec, none of its namespaces may appear in any Rust
//! file of the repository, nor its element-name values (the chat states, the
//! error conditions) as string literals or XML tags; only specs, fixtures and
//! generated docs name them. (Values are matched as string literals or as the
//! start of an XML tag, so an English word in a comment does not count.)

use std::path::{Path, PathBuf};
use xmpp_ftw_runtime::registry::CATALOG;

/// Specs with Rust of their own on purpose: XEP-0071's `xhtml` type is the
/// sanitiser, which must know the XHTML namespace; RFC 6120 is the core
/// protocol the connection implements (its SASL and stream errors share names
/// such as `not-authorized` with the stanza errors the spec maps); XEP-0030's
/// disco#info and XEP-0199's pings addressed to the user are answered by the
/// gateway itself (RFC 6120 §8.4 requires every entity to answer IQs), from the
/// specs' features, and the browser never sees them; XEP-0077's registration also
/// runs inside the connection, before authentication, when `xmpp.login` asks for a
/// new account.
const BUILT_IN_TYPE_SPECS: &[&str] = &["xep-0071", "rfc6120", "xep-0030", "xep-0199", "xep-0077"];

/// Element names of hook-free specs that are also words of the core protocol, which
/// the connection and the gateway must say: SASL's `<success/>` (RFC 6120 §6.4.6),
/// the `cancel` error type (RFC 6120 §8.3.2) and data-form type (XEP-0004), and
/// `timeout`, a setting. Jingle reasons (XEP-0166 §7.4) reuse them.
///
/// `complete` is an XEP-0050 step element and also a value of its `action`
/// attribute and the key of XEP-0313's last-page flag, which tests send and read.
const CORE_WORDS: &[&str] = &["success", "cancel", "timeout", "complete"];

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("readable folder") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_string_lossy();
        if path.is_dir() {
            if !matches!(
                name.as_ref(),
                "target" | ".git" | "fixtures" | "node_modules"
            ) {
                rust_files(&path, out);
            }
        } else if name.ends_with(".rs") {
            out.push(path);
        }
    }
}

/// `(spec id, words only that spec may say)` for every spec without hooks.
fn spec_only_words() -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(repo().join("specs")).expect("specs folder") {
        let path = entry.expect("entry").path();
        if path.extension().is_none_or(|e| e != "toml") {
            continue;
        }
        let spec: toml::Table = std::fs::read_to_string(&path)
            .expect("readable spec")
            .parse()
            .expect("valid TOML");
        let id = spec["spec"]["id"].as_str().expect("spec id").to_owned();
        let has_hooks = CATALOG
            .events
            .iter()
            .any(|e| e.spec == id && !e.hooks.is_empty());
        if has_hooks || BUILT_IN_TYPE_SPECS.contains(&id.as_str()) {
            continue;
        }
        let mut words: Vec<String> = Vec::new();
        if let Some(ns) = spec["spec"].get("ns").and_then(|n| n.as_table()) {
            words.extend(ns.values().filter_map(|v| v.as_str()).map(str::to_owned));
        }
        if let Some(types) = spec.get("types").and_then(|t| t.as_table()) {
            for t in types.values() {
                if t.get("kind").and_then(|k| k.as_str()) == Some("element_name") {
                    let values = t
                        .get("values")
                        .and_then(|v| v.as_array())
                        .into_iter()
                        .flatten();
                    for v in values
                        .filter_map(|v| v.as_str())
                        .filter(|v| !CORE_WORDS.contains(v))
                    {
                        words.push(format!("\"{v}\""));
                        words.push(format!("<{v}"));
                    }
                }
            }
        }
        out.push((id, words));
    }
    out
}

/// Namespaces of the specs exempted above: other specs may bind prefixes to them
/// (the stanza-error namespace appears in presence errors too); and `jabber:client`,
/// the stanzas' own namespace, which the XML layer must know and a spec may bind to
/// name a stanza inside another element.
fn exempt_namespaces() -> Vec<String> {
    let mut out = vec!["jabber:client".to_owned()];
    for entry in std::fs::read_dir(repo().join("specs")).expect("specs folder") {
        let path = entry.expect("entry").path();
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(spec) = text.parse::<toml::Table>() else {
            continue;
        };
        let id = spec["spec"]["id"].as_str().unwrap_or_default();
        if BUILT_IN_TYPE_SPECS.contains(&id)
            && let Some(ns) = spec["spec"].get("ns").and_then(|n| n.as_table())
        {
            out.extend(ns.values().filter_map(|v| v.as_str()).map(str::to_owned));
        }
    }
    out
}

#[test]
fn specs_without_hooks_are_not_mentioned_in_rust() {
    let mut files = Vec::new();
    rust_files(&repo(), &mut files);
    assert!(files.len() > 10, "found only {} Rust files", files.len());
    let exempt = exempt_namespaces();
    let specs: Vec<(String, Vec<String>)> = spec_only_words()
        .into_iter()
        .map(|(id, words)| {
            (
                id,
                words.into_iter().filter(|w| !exempt.contains(w)).collect(),
            )
        })
        .collect();
    assert!(
        specs.iter().any(|(id, _)| id == "xep-0085"),
        "XEP-0085 must be spec-only"
    );
    let mut found = Vec::new();
    for file in &files {
        let text = std::fs::read_to_string(file).expect("readable file");
        for (id, words) in &specs {
            for w in words {
                if text.contains(w.as_str()) {
                    found.push(format!("{}: mentions {w:?} of {id}", file.display()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "spec-only words in Rust:\n{}",
        found.join("\n")
    );
}
