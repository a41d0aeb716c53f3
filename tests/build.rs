//! Regenerate the fixture tests when a fixture is added or removed.
fn main() {
    println!("cargo:rerun-if-changed=fixtures");
}
