//! Commands over the domain operations: read input, call the core, print, choose the exit code.

use std::process::ExitCode;

use serde_json::{Map, Value, json};

use crate::{Failure, call, input, output};

/// Builds the common arguments: `as_of` and an optional `policy`.
fn args_with(as_of: &str, policy: Option<&str>) -> Result<Map<String, Value>, Failure> {
    let mut args = Map::new();
    args.insert("as_of".into(), json!(as_of));
    if let Some(p) = input::policy(policy)? {
        args.insert("policy".into(), p);
    }
    Ok(args)
}

/// `ctpat eligibility`.
pub fn eligibility(
    path: &str,
    as_of: &str,
    policy: Option<&str>,
    as_json: bool,
) -> Result<ExitCode, Failure> {
    let base = args_with(as_of, policy)?;
    let partners = if input::is_json_lines(path) {
        input::read_json_lines(path)?
    } else {
        vec![input::read_json(path)?]
    };
    let progress = output::Progress::new(partners.len());
    let mut all_eligible = true;
    for (i, partner) in partners.into_iter().enumerate() {
        let mut args = base.clone();
        args.insert("partner".into(), partner);
        let report =
            call("check_eligibility", &Value::Object(args)).map_err(|f| f.at_record(i, path))?;
        all_eligible &= report.get("outcome").and_then(Value::as_str) == Some("eligible");
        progress.tick(i + 1);
        if as_json {
            output::print_json_line(&report, progress.total() > 1);
        } else {
            output::print_eligibility(&report);
        }
    }
    progress.finish();
    Ok(if all_eligible {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Exit 0 when `ok`, else 1.
fn exit_if(ok: bool) -> ExitCode {
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `ctpat profile`.
pub fn profile(
    path: &str,
    as_of: &str,
    catalogue: Option<&str>,
    policy: Option<&str>,
    as_json: bool,
) -> Result<ExitCode, Failure> {
    let mut base = args_with(as_of, policy)?;
    if let Some(file) = catalogue {
        base.insert("catalogue".into(), input::read_json(file)?);
    }
    let profiles = if input::is_json_lines(path) {
        input::read_json_lines(path)?
    } else {
        vec![input::read_json(path)?]
    };
    let progress = output::Progress::new(profiles.len());
    let batch = profiles.len() > 1 || input::is_json_lines(path);
    let mut all_valid = true;
    for (i, profile) in profiles.into_iter().enumerate() {
        let mut args = base.clone();
        args.insert("profile".into(), profile);
        let report = call("validate_profile", &Value::Object(args))
            .map_err(|f| if batch { f.at_record(i, path) } else { f })?;
        all_valid &= report.get("outcome").and_then(Value::as_str) == Some("valid");
        progress.tick(i + 1);
        if as_json {
            output::print_json_line(&report, batch);
        } else {
            output::print_profile(&report);
        }
    }
    progress.finish();
    Ok(exit_if(all_valid))
}

/// The four screening results, in the order the summary lists them.
const SCREEN_RESULTS: [&str; 4] = [
    "accepted_by_documentation",
    "questionnaire_required",
    "expired",
    "not_recognised",
];

/// The part of a screening answer the `--summary` of a stream needs.
#[derive(serde::Deserialize)]
struct SummaryOnly {
    summary: Value,
}

/// Number of JSON Lines screened per core call.
const SCREEN_CHUNK: usize = 10_000;

/// Running summary counts of a streamed screening.
#[derive(Default)]
struct Tally {
    total: u64,
    counts: [u64; 4],
}

impl Tally {
    fn add_summary(&mut self, summary: &Value) {
        self.total += summary["total"].as_u64().unwrap_or(0);
        for (k, c) in SCREEN_RESULTS.iter().zip(self.counts.iter_mut()) {
            *c += summary[*k].as_u64().unwrap_or(0);
        }
    }

    fn to_json(&self) -> Value {
        let mut m = Map::new();
        m.insert("total".into(), json!(self.total));
        for (k, c) in SCREEN_RESULTS.iter().zip(self.counts) {
            m.insert((*k).into(), json!(c));
        }
        Value::Object(m)
    }
}

/// `ctpat screen`.
pub fn screen(
    path: &str,
    as_of: &str,
    policy: Option<&str>,
    as_json: bool,
    summary_only: bool,
) -> Result<ExitCode, Failure> {
    let base = args_with(as_of, policy)?;
    if input::is_json_lines(path) {
        return screen_stream(path, &base, as_json, summary_only);
    }
    let partners = if path.ends_with(".csv") {
        input::read_partners_csv(path)?
    } else {
        input::read_json(path)?
    };
    let mut args = base;
    args.insert("partners".into(), partners);
    if summary_only {
        args.insert("summary_only".into(), json!(true));
    }
    let report = call("screen_partners", &Value::Object(args))?;
    let summary = crate::field(&report, "summary");
    let all = summary["total"] == summary["accepted_by_documentation"];
    match (as_json, summary_only) {
        (true, true) => output::print_json(summary),
        (true, false) => output::print_json(&report),
        (false, only) => {
            if !only {
                output::print_screening(&report);
            }
            output::print_screening_summary(summary);
        }
    }
    Ok(exit_if(all))
}

/// Screens a JSON Lines file chunk by chunk so that it never sits whole in memory.
fn screen_stream(
    path: &str,
    base: &Map<String, Value>,
    as_json: bool,
    summary_only: bool,
) -> Result<ExitCode, Failure> {
    let mut lines = input::JsonLines::open(path)?;
    let progress = output::Progress::new(input::count_hint(path));
    let mut tally = Tally::default();
    let mut header_printed = false;
    // Records screened before the current chunk: result paths are made file-wide with it.
    let mut offset = 0;
    loop {
        let chunk = lines.next_chunk(SCREEN_CHUNK)?;
        if chunk.records.is_empty() {
            break;
        }
        let text = format!(
            "{{\"as_of\":{},\"policy\":{},\"summary_only\":{summary_only},\"partners\":[{}]}}",
            base.get("as_of").cloned().unwrap_or(Value::Null),
            base.get("policy").cloned().unwrap_or(Value::Null),
            chunk.joined()
        );
        let answer =
            crate::call_raw("screen_partners", &text).map_err(|f| chunk.locate(f, path, offset))?;
        if summary_only {
            // Only the counts are needed: skip building the results.
            let report: SummaryOnly = serde_json::from_str(&answer)
                .map_err(|e| Failure::new("internal", e.to_string()))?;
            tally.add_summary(&report.summary);
        } else {
            let report: Value = serde_json::from_str(&answer)
                .map_err(|e| Failure::new("internal", e.to_string()))?;
            tally.add_summary(crate::field(&report, "summary"));
            if as_json {
                output::print_results_lines(&report, offset);
            } else {
                output::print_screening_rows(&report, !header_printed);
                header_printed = true;
            }
        }
        offset += chunk.records.len();
        progress.tick(usize::try_from(tally.total).unwrap_or(usize::MAX));
    }
    progress.finish();
    let summary = tally.to_json();
    if as_json {
        if summary_only {
            output::print_json(&summary);
        } else {
            output::print_json_line(&json!({ "summary": summary }), true);
        }
    } else {
        output::print_screening_summary(&summary);
    }
    Ok(exit_if(tally.total == tally.counts[0]))
}

/// Reads a membership and adds it to `as_of`/`policy` arguments.
fn membership_args(
    path: &str,
    as_of: Option<&str>,
    policy: Option<&str>,
) -> Result<Map<String, Value>, Failure> {
    let mut args = Map::new();
    args.insert("membership".into(), input::read_json(path)?);
    if let Some(day) = as_of {
        args.insert("as_of".into(), json!(day));
    }
    if let Some(p) = input::policy(policy)? {
        args.insert("policy".into(), p);
    }
    Ok(args)
}

/// `ctpat status`.
pub fn status(
    path: &str,
    as_of: &str,
    policy: Option<&str>,
    as_json: bool,
    advance: Option<Option<&str>>,
) -> Result<ExitCode, Failure> {
    let args = membership_args(path, Some(as_of), policy)?;
    if let Some(target) = advance {
        let answer = call("advance", &Value::Object(args))?;
        let membership = crate::field(&answer, "membership");
        match target {
            Some(file) => {
                output::write_json_file(file, membership)?;
                output::print_transitions(&answer, file);
            }
            None if as_json => output::print_json(&answer),
            None => output::print_json(membership),
        }
        return Ok(ExitCode::SUCCESS);
    }
    let deadlines = call("deadlines", &Value::Object(args.clone()))?;
    let mut benefit_args = args;
    benefit_args.remove("as_of");
    let benefits = call("benefits", &Value::Object(benefit_args))?;
    let overdue = crate::field(&deadlines, "deadlines")
        .as_array()
        .into_iter()
        .flatten()
        .any(|d| d["state"] == "overdue");
    if as_json {
        output::print_json(&json!({
            "as_of": crate::field(&deadlines, "as_of"),
            "status": crate::field(&benefits, "status"),
            "tier": crate::field(&benefits, "tier"),
            "deadlines": crate::field(&deadlines, "deadlines"),
            "benefits": crate::field(&benefits, "benefits"),
            "rules_version": crate::field(&deadlines, "rules_version"),
        }));
    } else {
        output::print_status(&deadlines, &benefits);
    }
    Ok(exit_if(!overdue))
}

/// `ctpat status --new BUSINESS_TYPE`.
pub fn new_membership(business_type: &str) -> Result<ExitCode, Failure> {
    let answer = call("new_membership", &json!({ "business_type": business_type }))?;
    output::print_json(&answer);
    Ok(ExitCode::SUCCESS)
}

/// `ctpat event`.
pub fn event(
    path: &str,
    event: &str,
    actor: &str,
    at: &str,
    policy: Option<&str>,
    target: Option<&str>,
) -> Result<ExitCode, Failure> {
    let mut args = membership_args(path, None, policy)?;
    args.insert("event".into(), input::json_or_file(event)?);
    args.insert("actor".into(), json!(actor));
    args.insert("at".into(), json!(at));
    let answer = call("apply_event", &Value::Object(args))?;
    match target {
        Some(file) => {
            output::write_json_file(file, crate::field(&answer, "membership"))?;
            output::print_event(&answer, file);
        }
        None => output::print_json(crate::field(&answer, "membership")),
    }
    Ok(ExitCode::SUCCESS)
}

/// `ctpat authorize`.
pub fn authorize(
    principal: &str,
    action: &str,
    account: &str,
    as_of: Option<&str>,
    policy: Option<&str>,
    as_json: bool,
) -> Result<ExitCode, Failure> {
    let day = as_of.map_or_else(input::today_utc, str::to_owned);
    let mut args = args_with(&day, policy)?;
    args.insert("principal".into(), input::read_json(principal)?);
    args.insert("action".into(), json!(action));
    args.insert("account".into(), input::read_json(account)?);
    let decision = call("authorize", &Value::Object(args))?;
    if as_json {
        output::print_json(&decision);
    } else {
        output::print_decision(&decision);
    }
    Ok(exit_if(crate::field(&decision, "allowed") == true))
}
