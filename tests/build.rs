//! Regenerate the fixture tests when a fixture is added or removed, and the
//! spec-language examples when an example spec or fixture changes.
fn main() {
    println!("cargo:rerun-if-changed=fixtures");
    println!("cargo:rerun-if-changed=spec-language");
}
