//! The JSON boundary: every operation as JSON in, JSON out.
//!
//! Python, Node and the CLI all go through [`call`] (or [`call_envelope`], which never fails and
//! never panics), so conversion rules exist once. Each operation takes one JSON object of named
//! arguments and returns one JSON value. [`operations`] lists them.

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::error::Error;
use crate::finding::escape_pointer_token;
use crate::ident::{self, CheckOptions, IdentifierKind};
use crate::policy::Policy;

/// Largest accepted input text, in bytes (64 MiB).
///
/// ```
/// // refused by its size alone, before it is parsed
/// let big = " ".repeat(ctpat::api::MAX_INPUT_BYTES + 1);
/// let err = ctpat::api::call("versions", &big).unwrap_err();
/// assert_eq!(err.code(), "limit_exceeded");
/// assert!(ctpat::api::call("versions", " ").is_ok());
/// ```
pub const MAX_INPUT_BYTES: usize = 64 * 1024 * 1024;

/// Nesting limit of arrays and objects (serde_json's own): input nested `MAX_DEPTH` levels deep
/// or deeper is refused with `limit_exceeded`, so at most `MAX_DEPTH - 1` (127) levels are
/// accepted.
///
/// ```
/// use ctpat::api::{MAX_DEPTH, call};
/// let nested = |depth: usize| format!("{}{}", "[".repeat(depth), "]".repeat(depth));
/// // below the limit the input parses, and is refused only for not being an object
/// assert_eq!(call("versions", &nested(MAX_DEPTH - 1)).unwrap_err().code(), "invalid_input");
/// assert_eq!(call("versions", &nested(MAX_DEPTH)).unwrap_err().code(), "limit_exceeded");
/// ```
pub const MAX_DEPTH: usize = 128;

/// One operation of the JSON API.
///
/// ```
/// let op = ctpat::api::operation("versions").unwrap();
/// assert_eq!(op.name, "versions");
/// assert!(op.fast.is_none());
/// let answer = (op.run)(serde_json::json!({})).unwrap();
/// assert_eq!(answer["rules_version"], ctpat::RULES_VERSION);
/// ```
#[derive(Clone, Copy)]
pub struct Operation {
    /// snake_case name (`check_identifier`); camelCase in Node.
    pub name: &'static str,
    /// One line describing it.
    pub summary: &'static str,
    /// Runs it on the parsed arguments object. This path owns the operation's meaning, its
    /// error codes and their paths.
    pub run: fn(Value) -> Result<Value, Error>,
    /// An optional typed fast path for large inputs (see [`FastFn`]).
    pub fast: Option<FastFn>,
}

/// A typed fast path of an operation: it reads the JSON text straight into the call's Rust
/// types and writes the answer straight to text, with no `serde_json::Value` tree in between.
///
/// It returns `None` whenever it cannot answer exactly as [`Operation::run`] would (the input has
/// an error, is not a JSON object, repeats a key, or has fields the typed form would ignore);
/// [`call`] then runs `run`, which owns the error codes and paths. A test replays every shared
/// fixture and every fuzz case through both and requires the same answer.
///
/// ```
/// let op = ctpat::api::operation("check_eligibility").unwrap();
/// let fast = op.fast.unwrap();
/// let good = r#"{"partner":{"business_type":"importer"},"as_of":"2025-06-30"}"#;
/// assert!(fast(good).is_some_and(|answer| answer.is_ok()));
/// // an input error: left to the `Value` path, which knows the path of the bad field
/// assert!(fast(r#"{"partner":{"business_type":"pirate"},"as_of":"2025-06-30"}"#).is_none());
/// ```
pub type FastFn = fn(&str) -> Option<Result<String, Error>>;

impl std::fmt::Debug for Operation {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Operation")
            .field("name", &self.name)
            .finish()
    }
}

/// Every operation of the JSON API, sorted by name.
///
/// ```
/// let ops = ctpat::api::operations();
/// assert!(ops.iter().any(|op| op.name == "apply_event"));
/// assert!(ops.is_sorted_by_key(|op| op.name));
/// ```
pub fn operations() -> &'static [Operation] {
    static ALL: std::sync::OnceLock<Vec<Operation>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        // Each domain module contributes its own table; add one line per module here.
        let tables: &[&[Operation]] = &[
            BASE_OPERATIONS,
            TEST_OPERATIONS,
            crate::eligibility::api::OPERATIONS,
            crate::ident::api::OPERATIONS,
            crate::lifecycle::api::OPERATIONS,
            crate::msc::api::OPERATIONS,
            crate::portal::api::OPERATIONS,
            crate::profile::api::OPERATIONS,
        ];
        let mut all: Vec<Operation> = tables.iter().flat_map(|t| t.iter().copied()).collect();
        all.sort_by_key(|op| op.name);
        all
    })
}

#[cfg(feature = "test-panic")]
fn run_panic(_args: Value) -> Result<Value, Error> {
    #[expect(
        clippy::panic,
        reason = "test-only operation proving panics never cross the FFI"
    )]
    {
        panic!("deliberate panic for the FFI tests")
    }
}

/// Operations compiled in only for tests (feature `test-panic`).
#[cfg(feature = "test-panic")]
const TEST_OPERATIONS: &[Operation] = &[Operation {
    name: "__panic",
    summary: "test only: panics, to prove a panic never crosses the FFI",
    run: run_panic,
    fast: None,
}];
#[cfg(not(feature = "test-panic"))]
const TEST_OPERATIONS: &[Operation] = &[];

const BASE_OPERATIONS: &[Operation] = &[
    Operation {
        name: "business_types",
        summary: "lists every business type with the identifiers and bond it requires",
        run: run_business_types,
        fast: None,
    },
    Operation {
        name: "check_identifier",
        summary: "normalises and checks one identifier of a declared kind",
        run: run_check_identifier,
        fast: Some(fast_check_identifier),
    },
    Operation {
        name: "operations",
        summary: "lists the operations of the JSON API",
        run: run_operations,
        fast: None,
    },
    Operation {
        name: "policy",
        summary: "a full policy: a preset by name, or a policy object checked and completed with the current defaults",
        run: run_policy,
        fast: None,
    },
    Operation {
        name: "versions",
        summary: "the crate, rules and schema versions of this build",
        run: run_versions,
        fast: None,
    },
];

/// Looks an operation up by name.
///
/// ```
/// let op = ctpat::api::operation("construct_mid").unwrap();
/// assert_eq!(op.name, "construct_mid");
/// let err = ctpat::api::operation("teleport").unwrap_err();
/// assert_eq!(err.code(), "unknown_operation");
/// ```
pub fn operation(name: &str) -> Result<&'static Operation, Error> {
    operations()
        .iter()
        .find(|op| op.name == name)
        .ok_or_else(|| Error::UnknownOperation {
            name: ident::truncate_for_message(name),
        })
}

/// Runs operation `op` on the JSON text `input` and returns the answer as JSON text.
///
/// ```
/// let out = ctpat::api::call("check_identifier", r#"{"kind":"scac","text":"qwrt"}"#).unwrap();
/// assert!(out.contains(r#""normalized":"QWRT""#));
/// let err = ctpat::api::call("check_identifier", r#"{"kind":"nope","text":"x"}"#).unwrap_err();
/// assert_eq!(err.code(), "unknown_identifier_kind");
/// ```
pub fn call(op: &str, input: &str) -> Result<String, Error> {
    call_unmasked(op, input, true).map_err(Error::redacted)
}

/// Like [`call`], but never takes an operation's [`FastFn`]: the reference path the fast paths
/// are tested against (and a way to rule them out when chasing a bug).
///
/// ```
/// let input = r#"{"partner":{"business_type":"importer"},"as_of":"2025-06-30"}"#;
/// assert_eq!(
///     ctpat::api::call_reference("check_eligibility", input).unwrap(),
///     ctpat::api::call("check_eligibility", input).unwrap()
/// );
/// ```
pub fn call_reference(op: &str, input: &str) -> Result<String, Error> {
    call_unmasked(op, input, false).map_err(Error::redacted)
}

fn call_unmasked(op: &str, input: &str, fast_path: bool) -> Result<String, Error> {
    let operation = operation(op)?;
    if input.len() > MAX_INPUT_BYTES {
        return Err(Error::LimitExceeded {
            path: String::new(),
            message: format!(
                "input has {} bytes; the limit is {MAX_INPUT_BYTES}",
                input.len()
            ),
        });
    }
    if fast_path
        && let Some(fast) = operation.fast
        && let Some(answer) = fast(input)
    {
        return answer;
    }
    let args: Value = if input.trim().is_empty() {
        Value::Object(serde_json::Map::new())
    } else {
        serde_json::from_str(input)?
    };
    if !args.is_object() {
        return Err(Error::input("", "arguments must be a json object"));
    }
    let answer = (operation.run)(args)?;
    Ok(serde_json::to_string(&answer)?)
}

/// The answer of [`call_envelope`]: a value or an error, never both.
///
/// ```
/// use ctpat::api::{Envelope, call_envelope};
/// let ok: Envelope = serde_json::from_str(&call_envelope("versions", "{}")).unwrap();
/// let Envelope::Ok { ok: true, value } = ok else { panic!("expected a value") };
/// assert_eq!(value["schema_version"], ctpat::SCHEMA_VERSION);
/// let failed: Envelope = serde_json::from_str(&call_envelope("teleport", "{}")).unwrap();
/// let Envelope::Err { ok: false, error } = failed else { panic!("expected an error") };
/// assert_eq!(error.code, "unknown_operation");
/// ```
#[derive(Debug, Serialize, Deserialize)]
#[serde(untagged)]
pub enum Envelope {
    /// Success.
    Ok {
        /// Always `true`.
        ok: bool,
        /// The operation's answer.
        value: Value,
    },
    /// Failure.
    Err {
        /// Always `false`.
        ok: bool,
        /// The error in its wire form.
        error: crate::error::ErrorInfo,
    },
}

/// Like [`call`], but never fails and never panics: the answer is
/// `{"ok":true,"value":...}` or `{"ok":false,"error":{code,message,path,findings}}`.
/// This is what the bindings call; a panic (a bug) becomes the error code `internal`.
///
/// ```
/// let ok = ctpat::api::call_envelope("check_identifier", r#"{"kind":"scac","text":"qwrt"}"#);
/// assert!(ok.starts_with(r#"{"ok":true,"value":{"#));
/// let bad: serde_json::Value =
///     serde_json::from_str(&ctpat::api::call_envelope("versions", "{")).unwrap();
/// assert_eq!(bad["ok"], false);
/// assert_eq!(bad["error"]["code"], "invalid_json");
/// ```
pub fn call_envelope(op: &str, input: &str) -> String {
    let result = std::panic::catch_unwind(|| call(op, input)).unwrap_or_else(|panic| {
        let message = panic
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| panic.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "panic".to_owned());
        Err(Error::Internal { message })
    });
    match result {
        Ok(value) => format!(r#"{{"ok":true,"value":{value}}}"#),
        Err(err) => {
            let info = err.info();
            serde_json::to_string(&Envelope::Err { ok: false, error: info }).unwrap_or_else(|_| {
                r#"{"ok":false,"error":{"code":"internal","message":"could not encode error","path":"","findings":[]}}"#
                    .to_owned()
            })
        }
    }
}

/// Deserialises a call straight from JSON text, for a [`FastFn`]: no `Value` tree, no path
/// bookkeeping. `None` if the text is not a JSON object, has any error, or has a field that `T`
/// would silently ignore: the `Value` path then gives the exact error or warnings.
///
/// ```
/// use ctpat::{Partner, api::typed_call};
/// let partner: Partner = typed_call(r#"{"business_type":"importer"}"#).unwrap();
/// assert_eq!(partner.business_type, ctpat::BusinessType::Importer);
/// // a field `Partner` would ignore, or text that is no object: left to the `Value` path
/// assert!(typed_call::<Partner>(r#"{"business_type":"importer","colour":"red"}"#).is_none());
/// assert!(typed_call::<Partner>(r#"["importer"]"#).is_none());
/// ```
pub fn typed_call<T: DeserializeOwned>(text: &str) -> Option<T> {
    if !text.trim_start().starts_with('{') {
        return None;
    }
    let mut de = serde_json::Deserializer::from_str(text);
    let mut ignored = false;
    let call = serde_ignored::deserialize(&mut de, |_| ignored = true).ok()?;
    de.end().ok()?;
    (!ignored).then_some(call)
}

/// The usual [`FastFn`]: the call read by [`typed_call`], the answer written by [`answer_text`],
/// `run` shared with the operation's `Value` path.
///
/// ```
/// use ctpat::{api, lifecycle::{Membership, api::NewMembershipCall}};
/// let fast = |text: &str| {
///     api::fast_typed(text, |c: NewMembershipCall| Ok(Membership::new(c.business_type)))
/// };
/// let input = r#"{"business_type":"importer"}"#;
/// assert_eq!(fast(input).unwrap().unwrap(), api::call("new_membership", input).unwrap());
/// assert!(fast(r#"{"business_type":"pirate"}"#).is_none());
/// ```
pub fn fast_typed<C: DeserializeOwned, A: Serialize>(
    text: &str,
    run: impl FnOnce(C) -> Result<A, Error>,
) -> Option<Result<String, Error>> {
    let call = typed_call(text)?;
    Some(run(call).and_then(|answer| answer_text(&answer)))
}

/// Serialises an answer straight to JSON text (the [`FastFn`] counterpart of
/// `serde_json::to_value`).
///
/// ```
/// use ctpat::lifecycle::Status;
/// assert_eq!(ctpat::api::answer_text(&Status::PreApplicant).unwrap(), r#""pre_applicant""#);
/// ```
pub fn answer_text<T: Serialize>(answer: &T) -> Result<String, Error> {
    Ok(serde_json::to_string(answer)?)
}

/// Deserialises `T` from JSON text; a type error carries the JSON Pointer of the bad field.
///
/// ```
/// use ctpat::api::{CheckIdentifierCall, from_str};
/// let c: CheckIdentifierCall =
///     from_str(r#"{"kind":"scac","text":"QWRT","reveal":true}"#).unwrap();
/// assert!(c.reveal);
/// let e = from_str::<CheckIdentifierCall>(r#"{"kind":"scac","text":5}"#).unwrap_err();
/// assert_eq!((e.code(), e.path()), ("invalid_input", "/text"));
/// ```
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, Error> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(path_error)?;
    de.end()?;
    Ok(value)
}

/// Deserialises `T` from a JSON value; a type error carries the JSON Pointer of the bad field,
/// prefixed with `base` (the value's own pointer in the call).
///
/// ```
/// use ctpat::api::{CheckIdentifierCall, from_value};
/// let call = serde_json::json!({"kind": "scac", "text": "QWRT", "as_of": "2024-02-30"});
/// let e = from_value::<CheckIdentifierCall>(call, "/calls/0").unwrap_err();
/// assert_eq!((e.code(), e.path()), ("invalid_date", "/calls/0/as_of"));
/// ```
pub fn from_value<T: DeserializeOwned>(value: Value, base: &str) -> Result<T, Error> {
    serde_path_to_error::deserialize(value).map_err(|e| match path_error(e) {
        Error::Input {
            code,
            path,
            message,
        } => Error::Input {
            code,
            path: format!("{base}{path}"),
            message,
        },
        other => other,
    })
}

fn path_error(err: serde_path_to_error::Error<serde_json::Error>) -> Error {
    use serde_path_to_error::Segment;
    let mut pointer = String::new();
    for segment in err.path().iter() {
        match segment {
            Segment::Seq { index } => pointer.push_str(&format!("/{index}")),
            Segment::Map { key } => {
                pointer.push('/');
                pointer.push_str(&escape_pointer_token(key));
            }
            Segment::Enum { .. } | Segment::Unknown => {}
        }
    }
    let inner = err.into_inner();
    // serde echoes values it cannot use; Error::input_code and From<serde_json::Error> mask
    // SSN-like runs in what is built from it.
    let message = inner.to_string();
    if matches!(inner.classify(), serde_json::error::Category::Data) {
        let text = strip_position(&message);
        // A missing field's error points at the field itself, not at its parent object.
        if let Some((field, _)) = text
            .strip_prefix("missing field `")
            .and_then(|rest| rest.split_once('`'))
        {
            let path = crate::finding::pointer(&pointer, field);
            return Error::input_code("invalid_input", path, text);
        }
        // serde_path_to_error's path already ends at the unknown field itself.
        if text.starts_with("unknown field `") {
            return Error::input_code("unknown_field", pointer, text);
        }
        let code = if text.contains("YYYY-MM-DD") {
            "invalid_date"
        } else {
            "invalid_input"
        };
        Error::input_code(code, pointer, text)
    } else {
        Error::from(inner)
    }
}

/// Removes serde_json's " at line L column C" suffix (the pointer says where).
fn strip_position(message: &str) -> String {
    match message.rfind(" at line ") {
        Some(i) => message.get(..i).unwrap_or(message).to_owned(),
        None => message.to_owned(),
    }
}

/// Takes the named argument `name` out of an arguments object (absent → `null`).
///
/// ```
/// use ctpat::api::arg;
/// use serde_json::{Value, json};
/// let mut args = json!({"policy": "portal_2006", "colour": "red"});
/// assert_eq!(arg(&mut args, "policy").unwrap(), "portal_2006");
/// assert_eq!(arg(&mut args, "rules_version").unwrap(), Value::Null);
/// assert_eq!(args, json!({"colour": "red"}));
/// assert_eq!(arg(&mut json!([1]), "policy").unwrap_err().code(), "invalid_input");
/// ```
pub fn arg(args: &mut Value, name: &str) -> Result<Value, Error> {
    match args {
        Value::Object(map) => Ok(map.remove(name).unwrap_or(Value::Null)),
        _ => Err(Error::input("", "arguments must be a json object")),
    }
}

/// Fails with `unknown_field` if any argument is left after the operation took its own.
///
/// ```
/// use ctpat::api::no_more_args;
/// use serde_json::json;
/// assert!(no_more_args(&json!({})).is_ok());
/// let e = no_more_args(&json!({"colour": "red"})).unwrap_err();
/// assert_eq!((e.code(), e.path()), ("unknown_field", "/colour"));
/// ```
pub fn no_more_args(args: &Value) -> Result<(), Error> {
    if let Value::Object(map) = args
        && let Some(key) = map.keys().next()
    {
        return Err(Error::input_code(
            "unknown_field",
            format!("/{}", escape_pointer_token(key)),
            format!("unknown argument `{}`", ident::truncate_for_message(key)),
        ));
    }
    Ok(())
}

/// Reads the optional `policy` argument: absent or `null` → [`Policy::current`], a string →
/// the preset of that name, an object → a policy (omitted fields take the `current` defaults).
/// `path` is the argument's pointer (usually `/policy`).
///
/// ```
/// use ctpat::{Policy, api::policy_from_value};
/// use serde_json::{Value, json};
/// assert_eq!(policy_from_value(Value::Null, "/policy").unwrap(), Policy::current());
/// assert_eq!(policy_from_value(json!("portal_2006"), "/policy").unwrap(), Policy::portal_2006());
/// let custom = policy_from_value(json!({"joint_validation": true}), "/policy").unwrap();
/// assert!(custom.joint_validation && !Policy::current().joint_validation);
/// let e = policy_from_value(json!("2099"), "/policy").unwrap_err();
/// assert_eq!((e.code(), e.path()), ("unknown_policy_preset", "/policy"));
/// ```
pub fn policy_from_value(value: Value, path: &str) -> Result<Policy, Error> {
    match value {
        Value::Null => Ok(Policy::current()),
        Value::String(name) => Policy::preset(&name).ok_or_else(|| {
            Error::input_code(
                "unknown_policy_preset",
                path,
                format!(
                    "unknown policy preset `{}`; known: {}",
                    ident::truncate_for_message(&name),
                    Policy::PRESETS.join(", ")
                ),
            )
        }),
        other => from_value(other, path),
    }
}

/// Checks the optional `rules_version` argument: a caller naming another rules edition gets
/// `unsupported_rules_version` instead of a different verdict.
///
/// ```
/// use ctpat::api::check_rules_version;
/// assert!(check_rules_version(None).is_ok());
/// assert!(check_rules_version(Some(ctpat::RULES_VERSION)).is_ok());
/// let e = check_rules_version(Some("1999.1")).unwrap_err();
/// assert_eq!(e.code(), "unsupported_rules_version");
/// ```
pub fn check_rules_version(found: Option<&str>) -> Result<(), Error> {
    match found {
        Some(v) if v != crate::RULES_VERSION => Err(Error::UnsupportedRulesVersion {
            found: ident::truncate_for_message(v),
        }),
        _ => Ok(()),
    }
}

fn run_business_types(args: Value) -> Result<Value, Error> {
    no_more_args(&args)?;
    Ok(serde_json::to_value(crate::entity::business_types())?)
}

fn run_policy(mut args: Value) -> Result<Value, Error> {
    let policy = arg(&mut args, "policy")?;
    no_more_args(&args)?;
    Ok(serde_json::to_value(policy_from_value(policy, "/policy")?)?)
}

fn run_operations(args: Value) -> Result<Value, Error> {
    no_more_args(&args)?;
    Ok(Value::Array(
        operations()
            .iter()
            .map(|op| serde_json::json!({"name": op.name, "summary": op.summary}))
            .collect(),
    ))
}

fn run_versions(args: Value) -> Result<Value, Error> {
    no_more_args(&args)?;
    Ok(serde_json::json!({
        "version": crate::VERSION,
        "rules_version": crate::RULES_VERSION,
        "schema_version": crate::SCHEMA_VERSION,
    }))
}

/// Arguments of `check_identifier`.
///
/// ```
/// use ctpat::api::{CheckIdentifierCall, call};
/// let c: CheckIdentifierCall = serde_json::from_str(r#"{"kind":"scac","text":"qwrt"}"#).unwrap();
/// assert_eq!((c.kind.as_str(), c.reveal, c.ssn_based, c.as_of), ("scac", false, false, None));
/// // personal identifiers come back redacted unless `reveal` is set
/// let out = call("check_identifier", r#"{"kind":"ssn","text":"123-45-6789"}"#).unwrap();
/// assert!(out.contains(r#""display":"***-**-6789""#));
/// ```
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct CheckIdentifierCall {
    /// The declared kind (`ssn`, `scac`, ...).
    pub kind: String,
    /// The text to check.
    pub text: String,
    /// Return personal identifiers in full (explicit opt-in; default redacted).
    #[serde(default)]
    pub reveal: bool,
    /// For `irs_number`: the IOR is SSN-based (Form 5106), so it is personal data.
    #[serde(default)]
    pub ssn_based: bool,
    /// Date the check is made for (advisory date rules only); `YYYY-MM-DD`.
    #[serde(default, with = "crate::calendar::serde_date::option")]
    #[cfg_attr(feature = "schema", schemars(with = "Option<String>", extend("format" = "date")))]
    pub as_of: Option<time::Date>,
}

fn run_check_identifier(args: Value) -> Result<Value, Error> {
    Ok(serde_json::to_value(check_identifier(from_value(
        args, "",
    )?)?)?)
}

fn fast_check_identifier(text: &str) -> Option<Result<String, Error>> {
    fast_typed(text, check_identifier)
}

fn check_identifier(call: CheckIdentifierCall) -> Result<ident::IdentifierCheck, Error> {
    let kind: IdentifierKind = call.kind.parse()?;
    let options = CheckOptions {
        ssn_based: call.ssn_based,
        as_of: call.as_of,
    };
    let mut check = ident::check(kind, &call.text, "/text", options);
    if call.reveal {
        check = check.revealed();
    }
    Ok(check)
}

crate::redact::masked_debug!(CheckIdentifierCall);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn envelope_wraps_values_and_errors() {
        let ok = call_envelope("versions", "{}");
        assert!(ok.starts_with(r#"{"ok":true,"value":{"version":"#), "{ok}");
        let err: Value = serde_json::from_str(&call_envelope("nope", "{}")).unwrap();
        assert_eq!(err["error"]["code"], "unknown_operation");
        let bad: Value = serde_json::from_str(&call_envelope("versions", "{")).unwrap();
        assert_eq!(bad["error"]["code"], "invalid_json");
    }

    #[test]
    fn error_messages_never_echo_an_ssn_and_missing_fields_point_at_themselves() {
        let e = call("check_identifier", r#"{"kind":"scac","text":123456789}"#).unwrap_err();
        assert!(!e.to_string().contains("123456789"), "{e}");
        assert!(e.to_string().contains("6789"));
        let e = call(
            "check_eligibility",
            r#"{"partner":{"business_type":"078-05-1120"},"as_of":"2025-01-01"}"#,
        )
        .unwrap_err();
        assert!(!e.to_string().contains("078-05-1120"), "{e}");
        let e = call("check_identifier", r#"{"kind":"scac"}"#).unwrap_err();
        assert_eq!((e.code(), e.path()), ("invalid_input", "/text"));
    }

    #[test]
    fn fast_paths_step_aside_where_the_reference_path_decides() {
        let op = operation("check_eligibility").unwrap();
        let fast = op.fast.unwrap();
        let base = r#""as_of":"2025-06-30""#;
        // repeated keys (last wins), an array for the partner, unknown fields (warnings), a
        // non-object call: all left to the `Value` path
        for input in [
            format!(r#"{{"partner":{{"business_type":"importer"}},{base},{base}}}"#),
            format!(r#"{{"partner":["importer","Acme"],{base}}}"#),
            format!(r#"{{"partner":{{"business_type":"importer","colour":"red"}},{base}}}"#),
            r#"[{"business_type":"importer"},"2025-06-30"]"#.to_owned(),
            String::new(),
        ] {
            assert!(fast(&input).is_none(), "{input}");
            let a = call("check_eligibility", &input).map_err(|e| e.info());
            let b = call_reference("check_eligibility", &input).map_err(|e| e.info());
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "{input}");
        }
        let warned = call(
            "check_eligibility",
            &format!(r#"{{"partner":{{"business_type":"importer","colour":"red"}},{base}}}"#),
        )
        .unwrap();
        assert!(warned.contains("input.unknown_field"), "{warned}");
        let e = call(
            "check_eligibility",
            &format!(r#"{{"partner":["importer"],{base}}}"#),
        )
        .unwrap_err();
        assert_eq!((e.code(), e.path()), ("invalid_input", "/partner"));
        // a domain error after a good parse comes from the fast path itself
        let e = fast(&format!(
            r#"{{"partner":{{"business_type":"importer"}},{base},"rules_version":"1999.1"}}"#
        ))
        .unwrap()
        .unwrap_err();
        assert_eq!(e.code(), "unsupported_rules_version");
    }

    #[test]
    fn deep_nesting_is_a_limit_error() {
        let deep = format!("{{\"kind\":{}1{}}}", "[".repeat(10_000), "]".repeat(10_000));
        let e = call("check_identifier", &deep).unwrap_err();
        assert_eq!(e.code(), "limit_exceeded");
    }

    #[test]
    fn type_errors_point_at_the_field() {
        let e = call("check_identifier", r#"{"kind":"scac","text":5}"#).unwrap_err();
        assert_eq!((e.code(), e.path()), ("invalid_input", "/text"));
        let e = call("check_identifier", r#"{"kind":"scac","text":"A","x":1}"#).unwrap_err();
        assert_eq!((e.code(), e.path()), ("unknown_field", "/x"));
        let e = call(
            "check_identifier",
            r#"{"kind":"scac","text":"A","as_of":"2024-02-30"}"#,
        )
        .unwrap_err();
        assert_eq!((e.code(), e.path()), ("invalid_date", "/as_of"));
        let e = call("check_identifier", "[1]").unwrap_err();
        assert_eq!(e.code(), "invalid_input");
    }

    #[test]
    fn policy_argument_takes_presets_objects_or_nothing() {
        assert_eq!(
            policy_from_value(Value::Null, "/policy").unwrap(),
            Policy::current()
        );
        assert_eq!(
            policy_from_value(Value::from("portal_2006"), "/policy").unwrap(),
            Policy::portal_2006()
        );
        let e = policy_from_value(Value::from("2099"), "/policy").unwrap_err();
        assert_eq!((e.code(), e.path()), ("unknown_policy_preset", "/policy"));
        let e = policy_from_value(serde_json::json!({"appeal_days": "x"}), "/policy").unwrap_err();
        assert_eq!(
            (e.code(), e.path()),
            ("invalid_input", "/policy/appeal_days")
        );
        assert!(check_rules_version(Some(crate::RULES_VERSION)).is_ok());
        assert_eq!(
            check_rules_version(Some("1999.1")).unwrap_err().code(),
            "unsupported_rules_version"
        );
    }

    #[test]
    fn operations_are_sorted_and_unique() {
        let names: Vec<_> = operations().iter().map(|o| o.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(names, sorted);
    }
}
