//! Carrier identifiers: SCAC, USDOT, MC/FF/MX docket, IATA and ICAO designators, CAAT.

use serde_json::Value;

use super::rules::{Ctx, all_digits, alnum, digit, letter};

/// Docket number prefixes FMCSA issues.
const MC_PREFIXES: &[&str] = &["FF", "MC", "MX"];

/// Strips every leading `USDOT` / `DOT` (so that checking the result again changes nothing).
pub(crate) fn strip_usdot_prefix(canonical: &str) -> &str {
    let mut rest = canonical;
    loop {
        if let Some(r) = rest.strip_prefix("USDOT") {
            rest = r;
        } else if let Some(r) = rest.strip_prefix("DOT") {
            rest = r;
        } else {
            return rest;
        }
    }
}

/// The docket prefix of a canonical MC number, if it has a known one.
pub(crate) fn mc_prefix(canonical: &str) -> Option<&'static str> {
    MC_PREFIXES
        .iter()
        .copied()
        .find(|p| canonical.starts_with(p))
}

/// 4 letters; a code ending in U, X or Z is an equipment code [NMFTA].
pub(crate) fn scac(ctx: &mut Ctx<'_>, c: &str) {
    if !ctx.fixed(c, 4, letter, "letters") {
        return;
    }
    if let Some(last) = c.chars().last()
        && matches!(last, 'U' | 'X' | 'Z')
    {
        let mut params = ctx.value_param(c);
        params.push(("last", Value::from(last.to_string())));
        let message = format!(
            "{} ends in `{last}`, which marks an equipment code, not a carrier",
            ctx.subject(c)
        );
        ctx.emit("equipment_code", message, &params);
    }
}

/// 1-8 digits (FMCSA); CBP's "six digits" is a warning.
pub(crate) fn usdot(ctx: &mut Ctx<'_>, c: &str) {
    let length_ok = ctx.length(c, 1, 8, "digits");
    let charset_ok = ctx.charset(c, digit, "digits");
    let n = c.chars().count();
    if length_ok && charset_ok && n != 6 {
        let mut params = ctx.value_param(c);
        params.push(("length", Value::from(n)));
        let message = format!(
            "{} has {n} digits; cbp describes usdot numbers as six digits, fmcsa issues 1 to 8",
            ctx.subject(c)
        );
        ctx.emit("not_six_digits", message, &params);
    }
}

/// `MC`, `FF` or `MX` followed by digits.
pub(crate) fn mc_number(ctx: &mut Ctx<'_>, c: &str) {
    let Some(prefix) = mc_prefix(c) else {
        let params = ctx.value_param(c);
        let message = format!("{} must start with `MC`, `FF` or `MX`", ctx.subject(c));
        ctx.emit("prefix", message, &params);
        return;
    };
    let digits = c.get(prefix.len()..).unwrap_or_default();
    if !all_digits(digits) {
        let params = ctx.value_param(c);
        let message = format!("{} must have only digits after `{prefix}`", ctx.subject(c));
        ctx.emit("charset", message, &params);
    }
}

/// 2 of [A-Z0-9]; 3 letters get a hint that it is an ICAO designator.
pub(crate) fn iata_code(ctx: &mut Ctx<'_>, c: &str) {
    let n = c.chars().count();
    if n == 3 && c.chars().all(letter) {
        let params = ctx.value_param(c);
        let message = format!(
            "{} has 3 letters: that is an icao designator; declare it as `icao_code`",
            ctx.subject(c)
        );
        ctx.emit("icao_length", message, &params);
        return;
    }
    ctx.fixed(c, 2, alnum, "letters and digits");
}

/// 3 letters.
pub(crate) fn icao_code(ctx: &mut Ctx<'_>, c: &str) {
    ctx.fixed(c, 3, letter, "letters");
}

/// 4 alphanumeric characters, UNVERIFIED: a warning only.
pub(crate) fn caat(ctx: &mut Ctx<'_>, c: &str) {
    if c.chars().count() != 4 || !c.chars().all(alnum) {
        let params = ctx.value_param(c);
        let message = format!(
            "{} is not 4 letters and digits as caat codes usually are; check it",
            ctx.subject(c)
        );
        ctx.emit("format", message, &params);
    }
}
