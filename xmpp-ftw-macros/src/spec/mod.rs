//! The spec language: raw TOML model ([`raw`]), loading ([`load`]), paths
//! ([`path`]), checks and resolution ([`resolve`]) into the model the generator
//! uses ([`ir`]).

pub mod ir;
pub mod load;
pub mod path;
pub mod raw;
pub mod resolve;

#[cfg(test)]
mod tests {
    use std::path::Path;

    #[test]
    fn the_project_specs_resolve() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs");
        let loaded = super::load::load_dir(&dir, "specs").unwrap();
        let ir = super::resolve::resolve(&loaded).unwrap_or_else(|e| panic!("{e}"));
        assert!(ir.events.iter().any(|e| e.name == "xmpp.chat.message"));
    }
}

#[cfg(test)]
mod bad_specs;
