//! `ctpat screen FILE.jsonl --summary` streams: a large JSON Lines file is screened in chunks
//! of 10 000 lines and never sits whole in memory. Documented limit: peak RSS under 200 MB.
//!
//! The file has 1 000 000 lines (about 108 MB; some 12 s in a debug build, 3 s in release);
//! `CTPAT_SCREEN_LINES` overrides the count.

#![allow(
    clippy::unwrap_used,
    clippy::panic,
    clippy::indexing_slicing,
    clippy::print_stdout,
    clippy::print_stderr,
    reason = "test code"
)]

use std::io::{BufWriter, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;

/// The documented memory limit of a streamed screening, in kB.
const PEAK_RSS_LIMIT_KB: u64 = 200 * 1024;

fn line_count() -> usize {
    std::env::var("CTPAT_SCREEN_LINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1_000_000)
}

/// Peak RSS (kB) of a finished child from `/usr/bin/time -v` output.
fn time_v_peak(stderr: &str) -> Option<u64> {
    stderr
        .lines()
        .find_map(|l| l.trim().strip_prefix("Maximum resident set size (kbytes):"))
        .and_then(|v| v.trim().parse().ok())
}

/// `VmHWM` (kB) of a running process.
fn vm_hwm(pid: u32) -> Option<u64> {
    let status = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse().ok())
}

/// Runs the binary on `args`; returns (exit code, stdout, peak RSS kB, how it was measured).
fn run_measured(args: &[&str]) -> (i32, String, u64, &'static str) {
    let bin = env!("CARGO_BIN_EXE_ctpat");
    if Path::new("/usr/bin/time").exists() {
        let out = Command::new("/usr/bin/time")
            .arg("-v")
            .arg(bin)
            .args(args)
            .output()
            .unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr);
        if let Some(peak) = time_v_peak(&stderr) {
            return (
                out.status.code().unwrap(),
                String::from_utf8(out.stdout).unwrap(),
                peak,
                "/usr/bin/time -v",
            );
        }
    }
    // Fallback: poll the child's high-water mark until it exits.
    let mut child = Command::new(bin)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).unwrap();
        s
    });
    let mut peak = 0;
    let status = loop {
        if let Some(hwm) = vm_hwm(pid) {
            peak = peak.max(hwm);
        }
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        std::thread::sleep(Duration::from_millis(5));
    };
    (
        status.code().unwrap(),
        reader.join().unwrap(),
        peak,
        "/proc/<pid>/status VmHWM",
    )
}

#[test]
fn screening_a_large_json_lines_file_stays_under_200_mb() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let fixture: Value = serde_json::from_str(
        &std::fs::read_to_string(root.join("tests/fixtures/screening/screen_partners.json"))
            .unwrap(),
    )
    .unwrap();
    let case = &fixture["cases"][0];
    let templates = case["call"]["partners"].as_array().unwrap();
    let results = case["expected"]["results"].as_array().unwrap();
    let as_of = case["call"]["as_of"].as_str().unwrap();

    let n = line_count();
    let dir = std::env::temp_dir().join(format!("ctpat-cli-screen-mem-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("partners.jsonl");
    let mut expected = std::collections::BTreeMap::<String, u64>::new();
    {
        let mut w = BufWriter::new(std::fs::File::create(&file).unwrap());
        for i in 0..n {
            let k = i % templates.len();
            let mut p = templates[k].clone();
            p["id"] = Value::String(format!("P{i}"));
            writeln!(w, "{p}").unwrap();
            *expected
                .entry(results[k]["result"].as_str().unwrap().to_owned())
                .or_default() += 1;
        }
        w.flush().unwrap();
    }
    let size = std::fs::metadata(&file).unwrap().len();

    let start = Instant::now();
    let (code, out, peak_kb, how) = run_measured(&[
        "screen",
        file.to_str().unwrap(),
        "--as-of",
        as_of,
        "--summary",
        "--json",
    ]);
    let elapsed = start.elapsed();
    let _ = std::fs::remove_dir_all(&dir);
    println!(
        "screen {n} lines ({:.1} MB): {:.2} s, peak RSS {:.1} MB (by {how}, {} build)",
        size as f64 / 1e6,
        elapsed.as_secs_f64(),
        peak_kb as f64 / 1024.0,
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );

    assert_eq!(code, 1, "the fixture's partners are not all accepted");
    let summary: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(summary["total"], n);
    for (result, count) in &expected {
        assert_eq!(summary[result.as_str()], *count, "{result}");
    }
    assert!(peak_kb > 0, "no measurement");
    assert!(
        peak_kb < PEAK_RSS_LIMIT_KB,
        "peak RSS {peak_kb} kB is over the documented 200 MB limit"
    );
}
