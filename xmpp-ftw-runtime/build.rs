//! Rebuild when a spec is added, removed or edited: the macro reads the folder,
//! and Cargo only tracks files it was told about.
fn main() {
    println!("cargo:rerun-if-changed=../specs");
}
