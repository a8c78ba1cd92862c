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
