//! Real-browser tests: a private Prosody and the gateway in-process, then headless
//! Debian Chromium driven by the Node scripts in `tests/browser/` (playwright-core).
//! Each script gets the URLs and accounts in environment variables, prints `step: …`
//! lines and `ok: <name>` when everything it checked held; this test asserts the exit
//! status and that line. Chromium and the scripts' `node_modules` come from
//! `scripts/setup`; without them the tests fail, they never skip.

use std::path::{Path, PathBuf};
use std::process::Command;
use xmpp_ftw_gateway::server::RunningServer;
use xmpp_ftw_tests::browser::start_gateway_with;
use xmpp_ftw_tests::prosody::Prosody;

const CHROMIUM: &str = "/usr/bin/chromium";

fn scripts_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("browser")
}

/// Fails loudly, with the fix, when the browser or the scripts' packages are missing.
fn require_tools() {
    assert!(
        Path::new(CHROMIUM).exists(),
        "{CHROMIUM} not found: run scripts/setup (installs Debian's chromium)"
    );
    for package in ["playwright-core", "socket.io-client"] {
        let dir = scripts_dir().join("node_modules").join(package);
        assert!(
            dir.exists(),
            "{} missing: run scripts/setup (npm ci in tests/browser)",
            dir.display()
        );
    }
    let node = Command::new("node").arg("--version").output();
    assert!(
        node.is_ok_and(|o| o.status.success()),
        "node not found: install Node.js (Debian's nodejs)"
    );
}

struct Stack {
    prosody: Prosody,
    gateway: RunningServer,
}

async fn stack() -> Stack {
    require_tools();
    let prosody = Prosody::builder()
        .users([("romeo", "romeo-pw"), ("juliet", "juliet-pw")])
        .muc(true)
        .start_for_test();
    let gateway = start_gateway_with(|_| {}).await;
    Stack { prosody, gateway }
}

/// Runs `tests/browser/<script>` against `stack` and asserts it passed; returns its output.
async fn run_script(stack: &Stack, script: &str, extra_env: &[(&str, String)]) -> String {
    let p = &stack.prosody;
    let mut command = Command::new("node");
    command
        .arg(scripts_dir().join(script))
        .current_dir(scripts_dir())
        .env(
            "GATEWAY_URL",
            format!("http://{}", stack.gateway.local_addr()),
        )
        .env("XMPP_HOST", p.host().to_string())
        .env("XMPP_PORT", p.c2s_port().to_string())
        .env("MUC_DOMAIN", p.muc_domain().expect("MUC is on"))
        .env("ROMEO_JID", p.jid("romeo"))
        .env("ROMEO_PASSWORD", "romeo-pw")
        .env("JULIET_JID", p.jid("juliet"))
        .env("JULIET_PASSWORD", "juliet-pw")
        .env("CHROMIUM", CHROMIUM);
    for (key, value) in extra_env {
        command.env(key, value);
    }
    // The gateway runs on this runtime, so the script waits on a blocking thread.
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("the script's thread")
        .expect("node starts");
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    let stderr = String::from_utf8_lossy(&output.stderr);
    eprintln!("--- {script} stdout ---\n{stdout}--- {script} stderr ---\n{stderr}");
    let name = script.trim_end_matches(".mjs");
    assert!(
        output.status.success() && stdout.contains(&format!("ok: {name}\n")),
        "{script} failed ({}):\n{stdout}{stderr}",
        output.status
    );
    assert!(
        !stdout.contains("FAILED"),
        "{script} reported a failure:\n{stdout}"
    );
    stdout
}

/// Two pages log in through `/demo`, chat, join a room and speak; the manual shows
/// every event with its examples. `SCREENSHOT_DIR=docs/img` refreshes the README's
/// pictures.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn demo_pages_chat_and_join_a_room() {
    let stack = stack().await;
    let screenshots: Vec<(&str, String)> = std::env::var("SCREENSHOT_DIR")
        .map(|dir| vec![("SCREENSHOT_DIR", dir)])
        .unwrap_or_default();
    let out = run_script(&stack, "demo.mjs", &screenshots).await;
    assert!(out.contains("step: juliet spoke in the room and romeo heard her"));
    assert!(out.contains("step: a bad payload is refused with \"Missing 'room' key\""));
}

/// A page imports the JS client from `/client.js`, logs in, sends and receives.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn js_client_in_a_page() {
    let stack = stack().await;
    let out = run_script(&stack, "client.mjs", &[]).await;
    assert!(out.contains("step: the client's promise got the roster"));
}

/// The chat example: roster with presence, one-to-one chat with typing
/// notifications, a room.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn chat_example() {
    let stack = stack().await;
    let out = run_script(&stack, "chat.mjs", &[]).await;
    assert!(out.contains("step: juliet saw romeo typing"));
    assert!(out.contains("step: both spoke in the room"));
}

/// `socket.io-client` over long-polling only, a page reload that resumes the session
/// without losing a message sent meanwhile, and XML on demand in the demo
/// (docs/protocol.md).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn socketio_polling_resume_after_reload_and_xml() {
    let stack = stack().await;
    let out = run_script(&stack, "socketio.mjs", &[]).await;
    assert!(out.contains("step: roster callback over long-polling"));
    let out = run_script(&stack, "resume.mjs", &[]).await;
    assert!(out.contains("step: the message sent during the reload arrived once"));
    let out = run_script(&stack, "xml.mjs", &[]).await;
    assert!(out.contains("step: an incoming message shows the stanza it came from"));
}
