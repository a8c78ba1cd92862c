//! `ctpat`: the command-line face of the ctpat library.
//!
//! A thin layer like the bindings: it reads arguments and files, calls the core's JSON API and
//! prints JSON (`--json`) or a human table. Exit codes: 0 ok/valid, 1 findings (invalid,
//! ineligible), 2 bad input or usage.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde_json::{Value, json};

mod output;

/// Check CTPAT identifiers, business types and (as the library grows) eligibility, security
/// profiles, membership status and portal access.
#[derive(Parser, Debug)]
#[command(name = "ctpat", version, about, long_about = None)]
#[command(
    after_help = "Examples:\n  ctpat identifier scac qwrt\n  ctpat identifier ssn 123-45-6789 --json\n  ctpat business-types"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Normalise and check one identifier of a declared kind (exit 1 when invalid).
    #[command(
        after_help = "Kinds: irs_number, ssn, cbp_assigned_number, ein, duns, scac, usdot, mc_number,\n  broker_license, filer_code, fmc_org_number, fmc_mto_number, iata_org_number, iata_code,\n  icao_code, mid, rfc, sct_number, caat, bond_number, canadian_bn, firms_code, entry_number"
    )]
    Identifier {
        /// Identifier kind, e.g. `scac`, `irs_number`, `ssn`.
        kind: String,
        /// The value as entered.
        value: String,
        /// Print the answer as JSON.
        #[arg(long)]
        json: bool,
        /// Show a personal identifier (SSN) in full in `normalized`.
        #[arg(long)]
        reveal: bool,
        /// For `irs_number`: the IOR is SSN-based (personal data).
        #[arg(long)]
        ssn_based: bool,
        /// Date for advisory date checks (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
    },
    /// List every business type with the identifiers and bond it requires.
    BusinessTypes {
        /// Print the answer as JSON.
        #[arg(long)]
        json: bool,
    },
}

/// A failure that ends the command with exit code 2.
struct Failure {
    code: String,
    message: String,
}

fn call(op: &str, args: &Value) -> Result<Value, Failure> {
    let text = ctpat::api::call(op, &args.to_string()).map_err(|e| Failure {
        code: e.code().to_owned(),
        message: e.to_string(),
    })?;
    serde_json::from_str(&text).map_err(|e| Failure {
        code: "internal".to_owned(),
        message: e.to_string(),
    })
}

fn run(cli: Cli) -> Result<ExitCode, Failure> {
    match cli.command {
        Command::Identifier {
            kind,
            value,
            json,
            reveal,
            ssn_based,
            as_of,
        } => {
            let mut args = serde_json::Map::new();
            args.insert("kind".into(), json!(kind));
            args.insert("text".into(), json!(value));
            if reveal {
                args.insert("reveal".into(), json!(true));
            }
            if ssn_based {
                args.insert("ssn_based".into(), json!(true));
            }
            if let Some(day) = as_of {
                args.insert("as_of".into(), json!(day));
            }
            let answer = call("check_identifier", &Value::Object(args))?;
            if json {
                output::print_json(&answer);
            } else {
                output::print_identifier(&answer);
            }
            Ok(if answer.get("valid") == Some(&json!(true)) {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
        Command::BusinessTypes { json } => {
            let answer = call("business_types", &json!({}))?;
            if json {
                output::print_json(&answer);
            } else {
                output::print_business_types(&answer);
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            let code = err.exit_code();
            // --help and --version print to stdout and succeed; usage errors exit 2.
            let _ = err.print();
            return ExitCode::from(u8::try_from(code).unwrap_or(2));
        }
    };
    match run(cli) {
        Ok(code) => code,
        Err(failure) => {
            eprintln!("error[{}]: {}", failure.code, failure.message);
            ExitCode::from(2)
        }
    }
}
