//! The load tool end to end, small: 4 sessions on each path against a real Prosody,
//! a few hundred messages, the gateway as a child process. Every message must arrive
//! and every figure must be a sane number; how large the numbers are is not checked
//! (that is what `BENCHMARKS.md` is for).

use serde_json::Value;
use std::process::Command;

fn number(v: &Value, what: &str) -> f64 {
    v.as_f64()
        .unwrap_or_else(|| panic!("{what} is not a number: {v}"))
}

fn check_run(run: &Value, what: &str, with_gateway: bool) {
    let sent = run["sent"].as_u64().unwrap_or(0);
    assert!(sent > 0, "{what}: nothing sent: {run}");
    assert_eq!(run["delivered"].as_u64(), Some(sent), "{what}: {run}");
    assert_eq!(run["lost"], 0, "{what}: {run}");
    assert_eq!(run["errors"], 0, "{what}: {run}");
    assert_eq!(run["senders_heard"], run["senders"], "{what}: {run}");
    let p50 = number(&run["latency_us"]["p50"], "p50");
    let p99 = number(&run["latency_us"]["p99"], "p99");
    assert!(p50 > 0.0 && p99 >= p50, "{what}: latencies {p50} {p99}");
    assert!(number(&run["per_second"], "per_second") > 0.0, "{what}");
    let cpu = &run["gateway_cpu_us_per_message"];
    if with_gateway {
        assert!(number(cpu, "gateway CPU").is_finite(), "{what}: {run}");
    } else {
        assert!(
            cpu.is_null(),
            "{what}: the direct path has no gateway: {run}"
        );
    }
}

#[test]
fn four_sessions_relay_every_message_on_both_paths() {
    let dir = std::env::temp_dir().join(format!("xmpp-ftw-load-smoke-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp folder");
    let json = dir.join("figures.json");
    let out = Command::new(env!("CARGO_BIN_EXE_xmpp-ftw-load"))
        .args([
            "--pairs",
            "2",
            "--idle-sessions",
            "4",
            "--max-sessions",
            "6",
            "--tls-idle-sessions",
            "2",
            "--duration",
            "0.5",
            "--rate",
            "100",
            "--window",
            "2",
        ])
        .arg("--json")
        .arg(&json)
        .output()
        .expect("the load tool runs");
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "the load tool failed ({}); run scripts/setup if Prosody is missing\n{stdout}\n{stderr}",
        out.status
    );
    let text = std::fs::read_to_string(&json).expect("figures written");
    let _ = std::fs::remove_dir_all(&dir);
    let figures: Value = serde_json::from_str(&text).expect("figures are JSON");

    for run in ["warm_up", "fixed_rate", "saturation"] {
        check_run(&figures["direct"][run], &format!("direct {run}"), false);
        check_run(
            &figures["gateway_path"]["runs"][run],
            &format!("gateway {run}"),
            true,
        );
    }
    let gateway = &figures["gateway_path"];
    assert_eq!(gateway["logins"]["count"], 4);
    assert!(number(&gateway["logins"]["per_second"], "logins/s") > 0.0);
    assert!(number(&gateway["idle_memory"]["kib_per_session"], "KiB/session").is_finite());
    assert_eq!(gateway["scale"]["sessions_held"], 6, "{}", gateway["scale"]);
    assert!(gateway["scale"]["failure"].is_null());
    check_run(&gateway["scale"]["all_pairs_run"], "scale", true);
    let tls = &figures["gateway_tls"];
    assert_eq!(tls["logins"]["count"], 2, "{tls}");
    assert!(number(&tls["idle_memory"]["kib_per_session"], "TLS KiB/session").is_finite());
    assert!(
        figures["prosody_config"]
            .as_str()
            .is_some_and(|c| c.contains("nagle = false")),
        "Prosody runs with Nagle off"
    );
}
