//! Regenerate the fixture tests when a fixture is added or removed, and the
//! spec-language examples when an example spec or fixture changes; with
//! `XMPP_FTW_SPECS` (a deployer's own spec folders), compile the test that runs
//! their fixtures.
fn main() {
    println!("cargo:rerun-if-changed=fixtures");
    println!("cargo:rerun-if-changed=spec-language");
    println!("cargo:rerun-if-env-changed=XMPP_FTW_SPECS");
    println!("cargo::rustc-check-cfg=cfg(private_specs)");
    if std::env::var_os("XMPP_FTW_SPECS").is_some() {
        println!("cargo::rustc-cfg=private_specs");
    }
}
