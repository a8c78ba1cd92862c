//! Per-kind check rules: normalisation, the shared finding context and the dispatcher.
//!
//! Every rule is listed as data in [`super::table::RULES`] (code, severity, description,
//! source); the check functions in the kind modules only decide *whether* a rule fails and
//! emit the finding through [`Ctx::emit`], which takes the severity from that table.

use serde_json::Value;

use super::{CheckOptions, IdentifierKind, MAX_IDENTIFIER_LEN, table, truncate_for_message};
use crate::finding::{Finding, Severity};

/// Trims, uppercases and removes spaces and hyphens.
pub(crate) fn normalize(text: &str) -> String {
    text.trim()
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

/// What a kind check needs: where to point, what to emit into, whether the value is personal.
pub(crate) struct Ctx<'a> {
    /// The declared kind.
    pub kind: IdentifierKind,
    /// JSON Pointer of the value in the caller's input.
    pub path: &'a str,
    /// Extra facts (SSN-based IOR, `as_of`).
    pub options: CheckOptions,
    /// Personal data: messages and params never carry the value.
    pub personal: bool,
    /// Where findings go.
    pub out: &'a mut Vec<Finding>,
}

impl Ctx<'_> {
    /// Emits `ident.<kind>.<problem>` with the severity listed in the rule table.
    pub(crate) fn emit(&mut self, problem: &str, message: String, params: &[(&str, Value)]) {
        let severity = table::severity(self.kind, problem).unwrap_or(Severity::Error);
        let mut finding = Finding::new(
            severity,
            format!("ident.{}.{problem}", self.kind),
            self.path,
        )
        .message(message);
        for (key, value) in params {
            finding = finding.param(key, value.clone());
        }
        self.out.push(finding);
    }

    /// How a message names the value: "scac `QW`" or, for personal data, just "ssn".
    pub(crate) fn subject(&self, value: &str) -> String {
        if self.personal {
            self.kind.code().replace('_', " ")
        } else {
            format!(
                "{} `{}`",
                self.kind.code().replace('_', " "),
                truncate_for_message(value)
            )
        }
    }

    /// A `value` param (omitted for personal data).
    pub(crate) fn value_param(&self, value: &str) -> Vec<(&'static str, Value)> {
        if self.personal {
            Vec::new()
        } else {
            vec![("value", Value::from(truncate_for_message(value)))]
        }
    }

    /// Checks that `value` has exactly `len` characters (`length`) and only characters
    /// accepted by `class` (`charset`, described as `class_name`). True when both hold.
    pub(crate) fn fixed(
        &mut self,
        value: &str,
        len: usize,
        class: fn(char) -> bool,
        class_name: &str,
    ) -> bool {
        let length_ok = self.length(value, len, len, class_name);
        let charset_ok = self.charset(value, class, class_name);
        length_ok && charset_ok
    }

    /// `length` unless `min <= chars <= max`.
    pub(crate) fn length(&mut self, value: &str, min: usize, max: usize, unit: &str) -> bool {
        let n = value.chars().count();
        if (min..=max).contains(&n) {
            return true;
        }
        let want = if min == max {
            format!("{min}")
        } else {
            format!("{min} to {max}")
        };
        let mut params = self.value_param(value);
        params.push(("length", Value::from(n)));
        params.push(("min", Value::from(min)));
        params.push(("max", Value::from(max)));
        let message = format!("{} must have {want} {unit}, not {n}", self.subject(value));
        self.emit("length", message, &params);
        false
    }

    /// `charset` unless every character is accepted by `class`.
    pub(crate) fn charset(
        &mut self,
        value: &str,
        class: fn(char) -> bool,
        class_name: &str,
    ) -> bool {
        if value.chars().all(class) {
            return true;
        }
        let params = self.value_param(value);
        let message = format!("{} must contain only {class_name}", self.subject(value));
        self.emit("charset", message, &params);
        false
    }
}

/// ASCII digit.
pub(crate) fn digit(c: char) -> bool {
    c.is_ascii_digit()
}

/// ASCII uppercase letter.
pub(crate) fn letter(c: char) -> bool {
    c.is_ascii_uppercase()
}

/// ASCII digit or uppercase letter.
pub(crate) fn alnum(c: char) -> bool {
    c.is_ascii_digit() || c.is_ascii_uppercase()
}

/// Whether `s` is non-empty and all ASCII digits.
pub(crate) fn all_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

/// Checks one kind; returns the canonical form when the text could be normalised.
pub(crate) fn check_kind(
    kind: IdentifierKind,
    text: &str,
    path: &str,
    options: CheckOptions,
    out: &mut Vec<Finding>,
) -> Option<String> {
    let personal = super::is_personal(kind, options);
    let mut ctx = Ctx {
        kind,
        path,
        options,
        personal,
        out,
    };
    // Cheap guard first: a byte length bound needs no scan of the text.
    if text.len() > MAX_IDENTIFIER_LEN * 4 {
        too_long(&mut ctx);
        return None;
    }
    let mut canonical = normalize(text);
    if kind == IdentifierKind::Usdot {
        canonical = super::carrier::strip_usdot_prefix(&canonical).to_owned();
    }
    if canonical.chars().count() > MAX_IDENTIFIER_LEN {
        too_long(&mut ctx);
        return None;
    }
    if canonical.is_empty() {
        let message = format!("{} is empty", kind.code().replace('_', " "));
        ctx.emit("empty", message, &[]);
        return None;
    }
    check_canonical(&mut ctx, &canonical);
    Some(canonical)
}

fn too_long(ctx: &mut Ctx<'_>) {
    let message = format!(
        "{} is longer than {MAX_IDENTIFIER_LEN} characters",
        ctx.kind.code().replace('_', " ")
    );
    ctx.emit(
        "too_long",
        message,
        &[("max", Value::from(MAX_IDENTIFIER_LEN))],
    );
}

fn check_canonical(ctx: &mut Ctx<'_>, c: &str) {
    use super::{carrier, mexico, mid, tax, trade};
    use IdentifierKind as K;
    match ctx.kind {
        K::IrsNumber => tax::irs_number(ctx, c),
        K::Ssn => tax::ssn(ctx, c),
        K::CbpAssignedNumber => tax::cbp_assigned_number(ctx, c),
        K::Ein => tax::ein(ctx, c),
        K::Duns => tax::duns(ctx, c),
        K::CanadianBn => tax::canadian_bn(ctx, c),
        K::Scac => carrier::scac(ctx, c),
        K::Usdot => carrier::usdot(ctx, c),
        K::McNumber => carrier::mc_number(ctx, c),
        K::IataCode => carrier::iata_code(ctx, c),
        K::IcaoCode => carrier::icao_code(ctx, c),
        K::SctNumber => {}
        K::Caat => carrier::caat(ctx, c),
        K::BrokerLicense => trade::broker_license(ctx, c),
        K::FilerCode => trade::filer_code(ctx, c),
        K::FmcOrgNumber | K::FmcMtoNumber => trade::six_digits(ctx, c),
        K::IataOrgNumber => trade::iata_org_number(ctx, c),
        K::BondNumber => {}
        K::FirmsCode => trade::firms_code(ctx, c),
        K::EntryNumber => trade::entry_number(ctx, c),
        K::Mid => mid::mid(ctx, c),
        K::Rfc => mexico::rfc(ctx, c),
    }
}

/// The usual display form with separators (canonical when the value has another shape).
pub(crate) fn display_form(kind: IdentifierKind, canonical: &str) -> String {
    use IdentifierKind as K;
    let groups: &[usize] = match kind {
        K::Ssn if is_digits_len(canonical, 9) => &[3, 2, 4],
        K::Ein if is_digits_len(canonical, 9) => &[2, 7],
        K::Duns if is_digits_len(canonical, 9) => &[2, 3, 4],
        K::CbpAssignedNumber if is_digits_len(canonical, 11) => &[6, 5],
        K::IrsNumber if canonical.len() == 11 && canonical.is_ascii() => &[2, 7, 2],
        K::McNumber
            if canonical.len() > 2
                && canonical.is_ascii()
                && super::carrier::mc_prefix(canonical).is_some() =>
        {
            &[2, canonical.len() - 2]
        }
        _ => return canonical.to_owned(),
    };
    let mut parts = Vec::with_capacity(groups.len());
    let mut start = 0usize;
    for len in groups {
        let end = start.saturating_add(*len);
        match canonical.get(start..end) {
            Some(part) => parts.push(part),
            None => return canonical.to_owned(),
        }
        start = end;
    }
    parts.join("-")
}

fn is_digits_len(s: &str, n: usize) -> bool {
    s.len() == n && all_digits(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_forms_use_the_usual_separators() {
        assert_eq!(display_form(IdentifierKind::Ein, "452231907"), "45-2231907");
        assert_eq!(
            display_form(IdentifierKind::IrsNumber, "274418203A1"),
            "27-4418203-A1"
        );
        assert_eq!(
            display_form(IdentifierKind::Duns, "604127785"),
            "60-412-7785"
        );
        assert_eq!(
            display_form(IdentifierKind::CbpAssignedNumber, "19100100042"),
            "191001-00042"
        );
        assert_eq!(
            display_form(IdentifierKind::McNumber, "MC482913"),
            "MC-482913"
        );
        assert_eq!(
            display_form(IdentifierKind::Ssn, "123456789"),
            "123-45-6789"
        );
        assert_eq!(display_form(IdentifierKind::Ein, "45223190"), "45223190");
        assert_eq!(display_form(IdentifierKind::Scac, "QWRT"), "QWRT");
    }

    #[test]
    fn normalisation_trims_uppercases_and_drops_separators() {
        assert_eq!(normalize("  qw-r t\t"), "QWRT");
        assert_eq!(normalize("ñ"), "Ñ");
    }
}
