//! A deployer's own spec folder, as `docs/writing-a-spec.md` teaches: the example
//! extension in `specs/examples/` (`urn:example:weather`).
//!
//! - Its fixtures run against a registry built from the project's specs plus that
//!   folder (`include_specs!`'s `extra`), with the same runner as the project's.
//! - The tutorial quotes the spec, its fixtures and the manual entry generated for
//!   it; those quotes must be the real files and the real rendering.
//! - End to end: the gateway binary is built with `XMPP_FTW_SPECS` naming the
//!   folder (in its own target directory), and two browser sockets exchange a
//!   weather report through it and a real Prosody.

use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use xmpp_ftw_runtime::catalog;
use xmpp_ftw_tests::fixture::{Fixture, fixture_names, uncovered};
use xmpp_ftw_tests::manual::manual_examples;

mod private {
    xmpp_ftw_macros::include_specs!(
        dir = "../specs",
        extra = ["../specs/examples"],
        hooks = xmpp_ftw_runtime::hooks
    );
}

const SPEC_ID: &str = "example-weather";

fn examples_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../specs/examples")
}

fn example_fixtures() -> PathBuf {
    examples_dir().join("fixtures")
}

const PRIVATE: xmpp_ftw_tests::Registry = xmpp_ftw_tests::registry_of!(private, example_fixtures);

fn run_example(name: &str) {
    xmpp_ftw_tests::run_fixture_with(&PRIVATE, name)
}

xmpp_ftw_macros::fixture_tests!(dir = "../specs/examples/fixtures", runner = run_example);

fn fixtures() -> Vec<Fixture> {
    let dir = example_fixtures();
    fixture_names(&dir)
        .iter()
        .map(|n| Fixture::load(&dir, n))
        .collect()
}

#[test]
fn every_weather_event_direction_has_a_fixture() {
    let missing: Vec<String> = uncovered(&private::CATALOG, &fixtures())
        .into_iter()
        .filter(|m| m.contains("weather"))
        .collect();
    assert!(missing.is_empty(), "without a fixture: {missing:?}");
    assert!(
        private::FEATURES.contains(&"urn:example:weather"),
        "the example's feature is advertised"
    );
}

fn tutorial() -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/writing-a-spec.md");
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The fenced block after `<!-- begin: NAME -->`, up to `<!-- end: NAME -->`.
fn quoted(page: &str, name: &str) -> String {
    let begin = format!("<!-- begin: {name} -->");
    let end = format!("<!-- end: {name} -->");
    let start = page
        .find(&begin)
        .unwrap_or_else(|| panic!("the tutorial has no {begin}"))
        + begin.len();
    let stop = page[start..]
        .find(&end)
        .unwrap_or_else(|| panic!("the tutorial has no {end}"))
        + start;
    let block = page[start..stop].trim();
    let body = block
        .split_once('\n')
        .map(|(_, rest)| rest)
        .unwrap_or_default();
    body.trim_end_matches('`')
        .strip_suffix('\n')
        .unwrap_or_else(|| panic!("{name}: not a fenced block"))
        .trim_end()
        .to_owned()
}

#[test]
fn the_tutorial_quotes_the_real_spec_and_fixtures() {
    let page = tutorial();
    let spec = std::fs::read_to_string(examples_dir().join("weather.toml")).expect("spec");
    assert_eq!(quoted(&page, "weather.toml"), spec.trim_end(), "the spec");
    for case in ["report", "get", "get-result"] {
        for ext in ["json", "xml"] {
            let file = format!("{case}.{ext}");
            let text = std::fs::read_to_string(example_fixtures().join(SPEC_ID).join(&file))
                .expect("fixture");
            assert_eq!(quoted(&page, &file), text.trim_end(), "{file}");
        }
    }
}

#[test]
fn the_tutorial_shows_the_generated_manual_entry() {
    let rendered = catalog::markdown::render_spec_events(
        &private::CATALOG,
        SPEC_ID,
        &manual_examples(&fixtures()),
    );
    let page = tutorial();
    if std::env::var_os("UPDATE_GENERATED").is_some() {
        let begin = "<!-- begin: manual -->";
        let end = "<!-- end: manual -->";
        let (head, rest) = page.split_once(begin).expect("begin marker");
        let (_, tail) = rest.split_once(end).expect("end marker");
        let updated = format!(
            "{head}{begin}\n````markdown\n{}\n````\n{end}{tail}",
            rendered.trim_end()
        );
        let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../docs/writing-a-spec.md");
        std::fs::write(path, updated).expect("write the tutorial");
        return;
    }
    assert_eq!(
        quoted(&page, "manual"),
        rendered.trim_end(),
        "the tutorial's manual excerpt is stale: UPDATE_GENERATED=1 cargo test -p xmpp-ftw-tests --test private_specs"
    );
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("workspace")
        .to_owned()
}

/// The cargo that builds these tests, run in the workspace.
fn cargo(workspace: &Path) -> Command {
    let mut command = Command::new(option_env!("CARGO").unwrap_or("cargo"));
    command.current_dir(workspace);
    command
}

/// The gateway binary built with the example folder in `XMPP_FTW_SPECS`.
fn build_gateway_with_examples() -> PathBuf {
    let workspace = workspace();
    let target = workspace.join("target/private-specs");
    let specs = examples_dir().canonicalize().expect("specs/examples");
    let status = cargo(&workspace)
        .args(["build", "--offline", "--locked", "-p", "xmpp-ftw-gateway"])
        .env("CARGO_TARGET_DIR", &target)
        .env("XMPP_FTW_SPECS", &specs)
        .status()
        .expect("cargo runs");
    assert!(status.success(), "the gateway builds with XMPP_FTW_SPECS");
    target.join("debug/xmpp-ftw-gateway")
}

struct Gateway(Child);

impl Drop for Gateway {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_gateway_built_with_the_folder_relays_its_events() {
    let binary = tokio::task::block_in_place(build_gateway_with_examples);
    let prosody = xmpp_ftw_tests::prosody::Prosody::builder()
        .users([("romeo", "r0meo-pw"), ("juliet", "jul1et-pw")])
        .start_for_test();
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port();
    let _gateway = Gateway(
        Command::new(&binary)
            .args(["--listen", &format!("127.0.0.1:{port}")])
            .stdout(Stdio::null())
            .spawn()
            .expect("the gateway starts"),
    );
    let url = format!("ws://127.0.0.1:{port}/ws");
    let mut romeo = connect_when_up(&url, "romeo").await;
    let mut juliet = connect_when_up(&url, "juliet").await;
    romeo.online(&prosody, "romeo", "r0meo-pw").await;
    let juliet_jid = juliet.online(&prosody, "juliet", "jul1et-pw").await;

    let report = json!({"to": juliet_jid, "location": "Verona", "temperature": 21, "conditions": "clear skies"});
    let ack = romeo.send_ack("xmpp.weather.report", report).await;
    let (error, data) = romeo.callback(ack).await;
    assert_eq!(error, Value::Null, "the report is sent");
    assert_eq!(data, json!(true));
    let got = juliet.event("xmpp.weather.report", |_| true).await;
    assert_eq!(got["location"], "Verona", "{got}");
    assert_eq!(got["temperature"], 21, "{got}");
    assert_eq!(got["conditions"], "clear skies", "{got}");
    assert_eq!(got["from"]["user"], "romeo", "{got}");
    romeo.logout().await;
    juliet.logout().await;
}

/// The gateway process needs a moment to bind: retry the WebSocket until it opens.
async fn connect_when_up(url: &str, name: &'static str) -> xmpp_ftw_tests::browser::Client {
    let request = url.to_owned();
    for _ in 0..100 {
        if tokio::net::TcpStream::connect(
            request.trim_start_matches("ws://").trim_end_matches("/ws"),
        )
        .await
        .is_ok()
        {
            return xmpp_ftw_tests::browser::Client::connect_url(url, name).await;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    panic!("the gateway at {url} never came up");
}

#[test]
fn a_relative_spec_folder_is_refused_with_a_clear_message() {
    let workspace = workspace();
    let output = cargo(&workspace)
        .args(["check", "--offline", "--locked", "-p", "xmpp-ftw-runtime"])
        // Its own target directory: sharing the other test's would rebuild the
        // registry at every switch of XMPP_FTW_SPECS.
        .env(
            "CARGO_TARGET_DIR",
            workspace.join("target/private-specs-refused"),
        )
        .env("XMPP_FTW_SPECS", "specs/examples")
        .output()
        .expect("cargo runs");
    assert!(
        !output.status.success(),
        "a relative folder fails the build"
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr
            .contains("XMPP_FTW_SPECS: spec folders must be absolute paths, got 'specs/examples'"),
        "{stderr}"
    );
}
