//! The manual's examples as a JSON document (`docs/events.examples.json`).
//!
//! The examples are fixtures, which live in the test tree; a deployed gateway has no
//! test tree, so the generated-docs test writes them here and the gateway embeds the
//! file to show the same examples in `/manual` and `/demo`.

use super::{Direction, Example};
use serde_json::{Map, Value};

/// A JSON array of `{event, direction, name, json, xml?, error?}`, one line per
/// example so diffs stay readable.
pub fn render(examples: &[Example]) -> String {
    let lines: Vec<String> = examples
        .iter()
        .map(|example| {
            let mut object = Map::new();
            object.insert("event".into(), Value::from(example.event.as_str()));
            object.insert("direction".into(), Value::from(example.direction.as_str()));
            object.insert("name".into(), Value::from(example.name.as_str()));
            object.insert("json".into(), Value::from(example.json.as_str()));
            if let Some(xml) = &example.xml {
                object.insert("xml".into(), Value::from(xml.as_str()));
            }
            if let Some(error) = &example.error {
                object.insert("error".into(), Value::from(error.as_str()));
            }
            format!("  {}", Value::Object(object))
        })
        .collect();
    if lines.is_empty() {
        return "[]\n".to_owned();
    }
    format!("[\n{}\n]\n", lines.join(",\n"))
}

/// Reads what [`render`] wrote.
pub fn parse(text: &str) -> Result<Vec<Example>, String> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let items = value.as_array().ok_or("not a JSON array")?;
    items
        .iter()
        .enumerate()
        .map(|(i, item)| one(i, item))
        .collect()
}

fn one(index: usize, item: &Value) -> Result<Example, String> {
    let text = |key: &str| item.get(key).and_then(Value::as_str).map(str::to_owned);
    let needed = |key: &str| text(key).ok_or_else(|| format!("example {index}: no '{key}'"));
    let direction = match needed("direction")?.as_str() {
        "out" => Direction::Out,
        "in" => Direction::In,
        other => return Err(format!("example {index}: direction '{other}'")),
    };
    Ok(Example {
        event: needed("event")?,
        direction,
        name: needed("name")?,
        json: needed("json")?,
        xml: text("xml"),
        error: text("error"),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::sample;

    #[test]
    fn round_trips() {
        let examples = vec![
            Example {
                xml: Some("<message to='a@b'>\n  <body>&lt;</body>\n</message>".into()),
                ..sample::example(Direction::Out, "x/one", "{\n  \"to\": \"a@b\"\n}")
            },
            sample::refused(),
            sample::example(Direction::In, "x/in", "{}"),
        ];
        let text = render(&examples);
        assert_eq!(text.lines().count(), 5);
        let back = parse(&text).expect("parses");
        assert_eq!(back.len(), 3);
        assert_eq!(back[0].xml, examples[0].xml);
        assert_eq!(back[1].error.as_deref(), Some("Message has no content"));
        assert_eq!(back[2].direction, Direction::In);
        assert_eq!(render(&back), text);
        assert_eq!(parse(&render(&[])).map(|e| e.len()), Ok(0));
    }

    #[test]
    fn refuses_what_it_did_not_write() {
        assert!(parse("{}").is_err());
        assert!(parse("[{\"event\": \"e\"}]").is_err());
        let sideways = "[{\"event\":\"e\",\"direction\":\"up\",\"name\":\"n\",\"json\":\"{}\"}]";
        assert_eq!(
            parse(sideways).err().as_deref(),
            Some("example 0: direction 'up'")
        );
    }
}
