//! Trade identifiers: broker licence, filer code, FMC and IATA numbers, FIRMS, entry number.

use serde_json::Value;

use super::rules::{Ctx, all_digits, alnum, digit};

/// 5 digits [CBP-BRK].
pub(crate) fn broker_license(ctx: &mut Ctx<'_>, c: &str) {
    ctx.fixed(c, 5, digit, "digits");
}

/// 3 alphanumeric characters [19 CFR 142.3a].
pub(crate) fn filer_code(ctx: &mut Ctx<'_>, c: &str) {
    ctx.fixed(c, 3, alnum, "letters and digits");
}

/// 6 digits (FMC organisation and MTO numbers, as CBP asks for them).
pub(crate) fn six_digits(ctx: &mut Ctx<'_>, c: &str) {
    ctx.fixed(c, 6, digit, "digits");
}

/// 6 digits; 7-11 digits are accepted with a warning (longer IATA numbers are UNVERIFIED).
pub(crate) fn iata_org_number(ctx: &mut Ctx<'_>, c: &str) {
    let length_ok = ctx.length(c, 6, 11, "digits");
    let charset_ok = ctx.charset(c, digit, "digits");
    let n = c.chars().count();
    if length_ok && charset_ok && n > 6 {
        let mut params = ctx.value_param(c);
        params.push(("length", Value::from(n)));
        let message = format!(
            "{} has {n} digits; cbp asks for 6 and longer iata numbers are unverified",
            ctx.subject(c)
        );
        ctx.emit("long_form", message, &params);
    }
}

/// 4 alphanumeric characters.
pub(crate) fn firms_code(ctx: &mut Ctx<'_>, c: &str) {
    ctx.fixed(c, 4, alnum, "letters and digits");
}

/// Filer code (3 alphanumeric) + 7 digits + 1 check digit; the check digit formula is unknown.
pub(crate) fn entry_number(ctx: &mut Ctx<'_>, c: &str) {
    if !ctx.length(c, 11, 11, "characters") {
        return;
    }
    let filer: String = c.chars().take(3).collect();
    let rest: String = c.chars().skip(3).collect();
    if !filer.chars().all(alnum) {
        let mut params = ctx.value_param(c);
        params.push(("filer_code", Value::from(filer.clone())));
        let message = format!(
            "{} must start with a 3-character filer code of letters and digits",
            ctx.subject(c)
        );
        ctx.emit("filer_code", message, &params);
    }
    if !all_digits(&rest) {
        let params = ctx.value_param(c);
        let message = format!(
            "{} must end with 7 digits and a check digit",
            ctx.subject(c)
        );
        ctx.emit("charset", message, &params);
    }
}
