//! What the generated manual shows of the fixtures, shared by the project's manual
//! (`tests/generated.rs`) and the tutorial's excerpt (`tests/private_specs.rs`).

use crate::fixture::Fixture;
use serde_json::Value;
use xmpp_ftw_runtime::catalog::{Direction, Example};

const SUCCESS_EXAMPLES: usize = 2;
const MAX_EXAMPLE_BYTES: usize = 1500;

/// The fixtures the manual shows: per event and direction, the first successful
/// cases by name (short ones, so the manual stays readable), then the first error case.
pub fn manual_examples(fixtures: &[Fixture]) -> Vec<Example> {
    let mut out: Vec<Example> = Vec::new();
    for f in fixtures {
        let Some(event) = f.event() else { continue };
        let direction = match f.direction() {
            "out" => Direction::Out,
            "in" => Direction::In,
            _ => continue,
        };
        let json = serde_json::to_string_pretty(f.payload()).expect("serialisable");
        let error = f.str("error").map(str::to_owned);
        let xml = f.xml.as_ref().map(|x| x.trim().to_owned());
        let size = json.len() + xml.as_ref().map_or(0, String::len);
        if size > MAX_EXAMPLE_BYTES || f.json.get("lossy").and_then(Value::as_bool) == Some(true) {
            continue;
        }
        let same = |e: &&Example| e.event == event && e.direction == direction;
        let successes = out
            .iter()
            .filter(same)
            .filter(|e| e.error.is_none())
            .count();
        let errors = out
            .iter()
            .filter(same)
            .filter(|e| e.error.is_some())
            .count();
        let wanted = if error.is_some() {
            errors < 1
        } else {
            successes < SUCCESS_EXAMPLES
        };
        if wanted {
            out.push(Example {
                event: event.to_owned(),
                direction,
                name: f.name.clone(),
                json,
                xml,
                error,
            });
        }
    }
    out
}
