//! Rebuild when a spec is added, removed or edited: the macro reads the folders,
//! and Cargo only tracks files it was told about. `XMPP_FTW_SPECS` lists a
//! deployer's own spec folders (see `docs/writing-a-spec.md`).
fn main() {
    println!("cargo:rerun-if-changed=../specs");
    println!("cargo:rerun-if-env-changed=XMPP_FTW_SPECS");
    if let Some(list) = std::env::var_os("XMPP_FTW_SPECS") {
        for dir in std::env::split_paths(&list).filter(|d| !d.as_os_str().is_empty()) {
            if !dir.is_absolute() {
                panic!(
                    "XMPP_FTW_SPECS: spec folders must be absolute paths, got '{}'",
                    dir.display()
                );
            }
            if !dir.is_dir() {
                panic!("XMPP_FTW_SPECS: '{}' is not a folder", dir.display());
            }
            println!("cargo:rerun-if-changed={}", dir.display());
        }
    }
}
