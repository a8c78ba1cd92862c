//! `ctpat`: the command-line face of the ctpat library.
//!
//! A thin layer like the bindings: it reads arguments and files, calls the core's JSON API and
//! prints JSON (`--json`) or a human table. Exit codes: 0 ok/valid, 1 findings (invalid,
//! ineligible), 2 bad input or usage.

use std::process::ExitCode;

use clap::{Parser, Subcommand};
use serde_json::{Value, json};

mod commands;
mod input;
mod output;

/// mimalloc: the core allocates many small strings per record (≈ 25 % faster batches than the
/// system allocator on the generated partner records).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Check CTPAT identifiers and eligibility, validate security profiles, screen business
/// partners, follow membership status and decide portal access. Exit codes: 0 ok, 1 findings,
/// 2 bad input or usage (one `error[code]: message` line on stderr).
#[derive(Parser, Debug)]
#[command(name = "ctpat", version, long_about = None)]
#[command(
    after_help = "Examples:\n  ctpat identifier scac qwrt\n  ctpat identifier ssn 123-45-6789 --json\n  ctpat business-types\n  ctpat eligibility partner.json --as-of 2025-06-30\n  ctpat profile profile.json --as-of 2025-06-30\n  ctpat screen partners.csv --as-of 2025-06-30\n  ctpat status membership.json --as-of 2025-06-30\n  ctpat authorize --principal me.json --action view_account account.json"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Normalise and check one identifier of a declared kind (exit 1 when invalid).
    #[command(
        after_help = "Examples:\n  ctpat identifier scac qwrt\n  ctpat identifier irs_number 12-3456789 --json\n\nKinds: irs_number, ssn, cbp_assigned_number, ein, duns, scac, usdot, mc_number,\n  broker_license, filer_code, fmc_org_number, fmc_mto_number, iata_org_number, iata_code,\n  icao_code, mid, rfc, sct_number, caat, bond_number, canadian_bn, firms_code, entry_number"
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
    #[command(after_help = "Examples:\n  ctpat business-types\n  ctpat business-types --json")]
    BusinessTypes {
        /// Print the answer as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Check a partner's eligibility for its business type (exit 0 eligible, 1 ineligible or
    /// incomplete). A `.jsonl` file is a batch: one partner per line.
    #[command(
        after_help = "Examples:\n  ctpat eligibility partner.json --as-of 2025-06-30\n  ctpat eligibility partners.jsonl --as-of 2025-06-30 --json\n  cat partner.json | ctpat eligibility - --as-of 2025-06-30 --policy portal_2006"
    )]
    Eligibility {
        /// Partner JSON file, a `.jsonl` batch, or `-` for stdin.
        input: String,
        /// The date of the answer (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: String,
        /// A policy preset name or a policy JSON file.
        #[arg(long, value_name = "PRESET|FILE")]
        policy: Option<String>,
        /// Print the report as JSON (JSON Lines for a batch).
        #[arg(long)]
        json: bool,
    },
    /// Validate a security profile against the MSC catalogue (exit 0 valid, 1 invalid or
    /// incomplete). A `.jsonl` file is a batch: one profile per line.
    #[command(
        after_help = "Examples:\n  ctpat profile examples/cli/profile.json --as-of 2025-06-30\n  ctpat profile profiles.jsonl --as-of 2025-06-30 --json\n  ctpat profile profile.json --as-of 2025-06-30 --catalogue my-catalogue.json --policy portal_2006\n  cat profile.json | ctpat profile - --as-of 2025-06-30"
    )]
    Profile {
        /// Security profile JSON file, a `.jsonl` batch, or `-` for stdin.
        input: String,
        /// The date of the answer (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: String,
        /// A full MSC catalogue JSON file (default: the embedded partial 2019 catalogue).
        #[arg(long, value_name = "FILE")]
        catalogue: Option<String>,
        /// A policy preset name or a policy JSON file.
        #[arg(long, value_name = "PRESET|FILE")]
        policy: Option<String>,
        /// Print the report as JSON (JSON Lines for a batch).
        #[arg(long)]
        json: bool,
    },
    /// Screen business partners by the documentation they hold (exit 0 when every partner is
    /// accepted by documentation, 1 otherwise). Input: a JSON array (`.json`), JSON Lines
    /// (`.jsonl`, streamed) or CSV (`.csv`, one partner per row).
    #[command(after_help = SCREEN_HELP)]
    Screen {
        /// Partners file: `.json` (array), `.jsonl`/`.ndjson` (one partner per line), `.csv`,
        /// or `-` (a JSON array on stdin).
        input: String,
        /// The date of the screening (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: String,
        /// A policy preset name or a policy JSON file.
        #[arg(long, value_name = "PRESET|FILE")]
        policy: Option<String>,
        /// Print JSON: the report (JSON Lines of results then a summary line for `.jsonl`).
        #[arg(long)]
        json: bool,
        /// Print only the summary counts.
        #[arg(long)]
        summary: bool,
    },
    /// Show a membership's status, tier, deadlines and benefits (exit 1 when a deadline is
    /// overdue); `--advance` prints the membership with every passed deadline applied;
    /// `--new TYPE` prints a new membership.
    #[command(
        after_help = "Examples:\n  ctpat status examples/cli/membership.json --as-of 2025-06-30\n  ctpat status examples/cli/membership_2006.json --as-of 2006-10-15 --policy portal_2006 --advance\n  ctpat status examples/cli/membership.json --as-of 2025-06-30 --advance --output advanced.json\n  ctpat status --new importer"
    )]
    Status {
        /// Membership JSON file or `-` for stdin.
        #[arg(required_unless_present = "new", conflicts_with = "new")]
        input: Option<String>,
        /// The date of the answer (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD", required_unless_present = "new")]
        as_of: Option<String>,
        /// A policy preset name or a policy JSON file.
        #[arg(long, value_name = "PRESET|FILE")]
        policy: Option<String>,
        /// Print the answers as JSON.
        #[arg(long)]
        json: bool,
        /// Print (or write with `--output`) the membership advanced to `--as-of` as JSON.
        #[arg(long)]
        advance: bool,
        /// With `--advance`: write the advanced membership to this file instead of stdout.
        #[arg(long, value_name = "FILE", requires = "advance")]
        output: Option<String>,
        /// Print a new membership (status `none`) for a business type.
        #[arg(long, value_name = "BUSINESS_TYPE")]
        new: Option<String>,
    },
    /// Apply one lifecycle event to a membership and print the new membership as JSON.
    #[command(
        after_help = "Examples:\n  ctpat event examples/cli/membership.json --event '{\"kind\":\"annual_review_submitted\"}' --actor partner_officer --at 2025-02-10\n  ctpat event membership.json --event event.json --actor cbp_scss --at 2025-03-01 --output next.json"
    )]
    Event {
        /// Membership JSON file or `-` for stdin.
        input: String,
        /// The event as JSON text (e.g. `{\"kind\":\"certified\"}`) or a JSON file.
        #[arg(long, value_name = "JSON|FILE")]
        event: String,
        /// Who acts (e.g. `partner_officer`, `cbp_scss`, `cbp_hq`).
        #[arg(long)]
        actor: String,
        /// The date of the event (YYYY-MM-DD).
        #[arg(long, value_name = "YYYY-MM-DD")]
        at: String,
        /// A policy preset name or a policy JSON file.
        #[arg(long, value_name = "PRESET|FILE")]
        policy: Option<String>,
        /// Write the new membership to this file instead of stdout.
        #[arg(long, value_name = "FILE")]
        output: Option<String>,
    },
    /// Decide whether a principal may take an action in a portal account (exit 0 allowed,
    /// 1 denied); prints the deciding rule and its source.
    #[command(
        after_help = "Examples:\n  ctpat authorize --principal examples/cli/principal.json --action view_account examples/cli/account.json --as-of 2025-03-10\n  ctpat authorize --principal examples/cli/principal.json --action change_bond examples/cli/account.json --as-of 2025-03-10 --json\n  ctpat authorize --principal examples/cli/principal.json --action change_bond examples/cli/account.json --as-of 2006-06-01 --policy portal_2006"
    )]
    Authorize {
        /// Principal JSON file (e.g. `{\"kind\":\"user\",\"email\":...,\"account_id\":...}`).
        #[arg(long, value_name = "FILE")]
        principal: String,
        /// The action, e.g. `view_account`, `add_user`, `change_bond`.
        #[arg(long)]
        action: String,
        /// Account JSON file or `-` for stdin.
        account: String,
        /// The date of the decision (YYYY-MM-DD); default today (UTC).
        #[arg(long, value_name = "YYYY-MM-DD")]
        as_of: Option<String>,
        /// A policy preset name or a policy JSON file.
        #[arg(long, value_name = "PRESET|FILE")]
        policy: Option<String>,
        /// Print the decision as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List every eligibility rule with its code, business types and source.
    #[command(after_help = "Examples:\n  ctpat rules\n  ctpat rules --json")]
    Rules {
        /// Print the list as JSON.
        #[arg(long)]
        json: bool,
    },
    /// Print a JSON Schema by name (`ctpat schema --list` lists them).
    #[command(
        after_help = "Examples:\n  ctpat schema --list\n  ctpat schema partner\n  ctpat schema screen_partners_call"
    )]
    Schema {
        /// Schema name, e.g. `partner`, `finding`, `identifier_check`.
        name: Option<String>,
        /// List the schema names.
        #[arg(long)]
        list: bool,
    },
    /// Print a policy preset as JSON (`current`, `portal_2006`, `portal_2006_importers_july`).
    #[command(
        after_help = "Examples:\n  ctpat policy\n  ctpat policy portal_2006 > my-policy.json"
    )]
    Policy {
        /// Preset name.
        #[arg(default_value = "current")]
        preset: String,
    },
    /// Run any JSON API operation: arguments from a JSON file or stdin (`-`), answer as JSON.
    #[command(
        after_help = "Examples:\n  ctpat call operations\n  echo '{\"kind\":\"scac\",\"text\":\"QWRT\"}' | ctpat call check_identifier -"
    )]
    Call {
        /// Operation name (`ctpat call operations -` lists them with `{}` as input).
        op: String,
        /// JSON file with the named arguments, or `-` for stdin; default `{}`.
        input: Option<String>,
    },
    /// Print a shell completion script (bash, zsh, fish, elvish, powershell).
    #[command(
        after_help = "Examples:\n  ctpat completions bash > /etc/bash_completion.d/ctpat\n  ctpat completions zsh > ~/.zfunc/_ctpat"
    )]
    Completions {
        /// Target shell.
        shell: clap_complete::Shell,
    },
}

const SCREEN_HELP: &str = "Examples:
  ctpat screen examples/cli/partners.json --as-of 2025-06-30
  ctpat screen examples/cli/partners.csv --as-of 2025-06-30 --json
  ctpat screen partners.jsonl --as-of 2025-06-30 --summary

CSV columns (header row required, any order, unknown columns refused; empty cell = absent):
  id, name, country, ctpat_status, ctpat_account_id, aeo_country, aeo_programme,
  aeo_certificate_id, aeo_valid_until, basc_certificate_id, basc_expires_on
  ctpat_* fill `ctpat`, aeo_* fill `aeo`, basc_* fill `basc` (a group is absent when all its
  cells are empty).";

/// A failure that ends the command with exit code 2.
pub struct Failure {
    code: String,
    message: String,
}

impl Failure {
    /// Names the batch record (1-based line) the failure belongs to.
    pub fn at_record(self, index: usize, path: &str) -> Self {
        Self {
            code: self.code,
            message: format!("`{path}` record {}: {}", index + 1, self.message),
        }
    }

    /// A failure with a code and a one-line message.
    pub fn new(code: &str, message: impl Into<String>) -> Self {
        Self {
            code: code.to_owned(),
            message: message.into(),
        }
    }
}

/// Runs one core operation on named arguments.
pub fn call(op: &str, args: &Value) -> Result<Value, Failure> {
    call_text(op, &args.to_string())
}

/// Runs one core operation on named arguments given as JSON text.
pub fn call_text(op: &str, args: &str) -> Result<Value, Failure> {
    let text = call_raw(op, args)?;
    serde_json::from_str(&text).map_err(|e| Failure::new("internal", e.to_string()))
}

/// Runs one core operation on JSON text and returns the answer's JSON text.
pub fn call_raw(op: &str, args: &str) -> Result<String, Failure> {
    ctpat::api::call(op, args).map_err(|e| {
        let path = e.path();
        let message = if path.is_empty() || e.to_string().contains(path) {
            e.to_string()
        } else {
            format!("{e} (at `{path}`)")
        };
        Failure::new(e.code(), message)
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
        Command::Eligibility {
            input,
            as_of,
            policy,
            json,
        } => commands::eligibility(&input, &as_of, policy.as_deref(), json),
        Command::Profile {
            input,
            as_of,
            catalogue,
            policy,
            json,
        } => commands::profile(
            &input,
            &as_of,
            catalogue.as_deref(),
            policy.as_deref(),
            json,
        ),
        Command::Screen {
            input,
            as_of,
            policy,
            json,
            summary,
        } => commands::screen(&input, &as_of, policy.as_deref(), json, summary),
        Command::Status {
            input,
            as_of,
            policy,
            json,
            advance,
            output,
            new,
        } => match (new, input, as_of) {
            (Some(business_type), _, _) => commands::new_membership(&business_type),
            (None, Some(input), Some(as_of)) => commands::status(
                &input,
                &as_of,
                policy.as_deref(),
                json,
                advance.then_some(output.as_deref()),
            ),
            _ => Err(Failure::new(
                "usage",
                "`ctpat status` needs FILE and --as-of, or --new BUSINESS_TYPE",
            )),
        },
        Command::Event {
            input,
            event,
            actor,
            at,
            policy,
            output,
        } => commands::event(
            &input,
            &event,
            &actor,
            &at,
            policy.as_deref(),
            output.as_deref(),
        ),
        Command::Authorize {
            principal,
            action,
            account,
            as_of,
            policy,
            json,
        } => commands::authorize(
            &principal,
            &action,
            &account,
            as_of.as_deref(),
            policy.as_deref(),
            json,
        ),
        Command::Rules { json } => {
            let answer = call("rules", &json!({}))?;
            if json {
                output::print_json(&answer);
            } else {
                output::print_rules(&answer);
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Schema { name, list } => {
            let index = ctpat::schema::index();
            match name {
                Some(name) if !list => {
                    let schema = ctpat::schema::get(&name).ok_or_else(|| {
                        Failure::new(
                            "unknown_schema",
                            format!("unknown schema `{name}`; see `ctpat schema --list`"),
                        )
                    })?;
                    output::print_json(&schema.schema);
                }
                _ => {
                    for name in index
                        .get("schemas")
                        .and_then(Value::as_array)
                        .into_iter()
                        .flatten()
                    {
                        println!("{}", name.as_str().unwrap_or_default());
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Policy { preset } => {
            let policy = ctpat::Policy::preset(&preset).ok_or_else(|| {
                Failure::new(
                    "unknown_policy_preset",
                    format!(
                        "unknown policy preset `{preset}`; known: {}",
                        ctpat::Policy::PRESETS.join(", ")
                    ),
                )
            })?;
            let value = serde_json::to_value(policy)
                .map_err(|e| Failure::new("internal", e.to_string()))?;
            output::print_json(&value);
            Ok(ExitCode::SUCCESS)
        }
        Command::Call { op, input } => {
            let args = match input {
                Some(path) => input::read_json(&path)?,
                None => json!({}),
            };
            output::print_json(&call(&op, &args)?);
            Ok(ExitCode::SUCCESS)
        }
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            clap_complete::generate(shell, &mut cmd, "ctpat", &mut std::io::stdout());
            Ok(ExitCode::SUCCESS)
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

/// Folds clap's multi-line usage error into one line (without its usage block).
fn usage_line(rendered: &str) -> String {
    let mut parts = Vec::new();
    for line in rendered.lines() {
        let line = line.trim();
        if line.starts_with("Usage:") {
            break;
        }
        if !line.is_empty() {
            parts.push(line.trim_start_matches("error: ").to_owned());
        }
    }
    format!("{} (see `ctpat --help`)", parts.join(" "))
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(err) => {
            // --help and --version print to stdout and succeed; usage errors exit 2 with one
            // coded line on stderr.
            if !err.use_stderr() {
                let _ = err.print();
                return ExitCode::SUCCESS;
            }
            let message =
                if err.kind() == clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand {
                    "a command is required (see `ctpat --help`)".to_owned()
                } else {
                    usage_line(&err.to_string())
                };
            eprintln!("error[usage]: {message}");
            return ExitCode::from(2);
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

/// A member of a JSON object, or `null` when absent (never panics).
pub fn field<'a>(value: &'a Value, key: &str) -> &'a Value {
    value.get(key).unwrap_or(&Value::Null)
}
