//! Tax and business numbers: IRS number, SSN, CBP-assigned number, EIN, DUNS, Canadian BN.

use serde_json::Value;

use super::rules::{Ctx, all_digits, alnum, digit, letter};

/// EIN prefixes the IRS does not list (domain.md §3, 2nd).
const UNLISTED_EIN_PREFIXES: &[&str] = &[
    "00", "07", "08", "09", "17", "18", "19", "28", "29", "49", "69", "70", "78", "79", "89", "96",
    "97",
];

/// SSNs voided by the SSA (sample cards and advertising).
const VOIDED_SSNS: &[&str] = &["078051120", "219099999"];

/// Known CRA program identifiers (RM = import/export).
const KNOWN_PROGRAMS: &[&str] = &["RC", "RM", "RP", "RR", "RT", "RZ"];

/// `NN-NNNNNNNXX`: 9 digits and a 2-character suffix of [0-9A-Z] without O, I, Z.
pub(crate) fn irs_number(ctx: &mut Ctx<'_>, c: &str) {
    let chars: Vec<char> = c.chars().collect();
    let n = chars.len();
    if n == 9 && all_digits(c) {
        let mut params = ctx.value_param(c);
        params.push(("hint", Value::from("00")));
        let message = format!(
            "{} has no suffix; add the 2-character suffix (usually `00`)",
            ctx.subject(c)
        );
        ctx.emit("missing_suffix", message, &params);
        return;
    }
    if !ctx.length(c, 11, 11, "characters") {
        return;
    }
    let ein: String = chars.iter().take(9).collect();
    let suffix: String = chars.iter().skip(9).collect();
    if !all_digits(&ein) {
        let params = ctx.value_param(c);
        let message = format!("{} must start with 9 digits", ctx.subject(c));
        ctx.emit("charset", message, &params);
        return;
    }
    if !suffix
        .chars()
        .all(|ch| alnum(ch) && !matches!(ch, 'O' | 'I' | 'Z'))
    {
        let mut params = ctx.value_param(c);
        if !ctx.personal {
            params.push(("suffix", Value::from(suffix.clone())));
        }
        let message = format!(
            "{} suffix must be 2 of digits and letters other than `O`, `I` and `Z`",
            ctx.subject(c)
        );
        ctx.emit("suffix_charset", message, &params);
        return;
    }
    if ctx.options.ssn_based {
        ssn_ranges(ctx, &ein);
    } else {
        ein_prefix(ctx, c, &ein);
    }
    if suffix != "00" {
        let mut params = ctx.value_param(c);
        params.push(("suffix", Value::from(suffix.clone())));
        let message = format!(
            "{} suffix `{suffix}` is not the usual `00`; check that it is intended",
            ctx.subject(c)
        );
        ctx.emit("unusual_suffix", message, &params);
    }
}

/// `NNN-NN-NNNN` with the SSA's never-issued ranges and voided numbers.
pub(crate) fn ssn(ctx: &mut Ctx<'_>, c: &str) {
    if ctx.fixed(c, 9, digit, "digits") {
        ssn_ranges(ctx, c);
    }
}

/// Area, group, serial and voided-number checks on 9 digits (no digit is ever echoed).
fn ssn_ranges(ctx: &mut Ctx<'_>, digits: &str) {
    let (Some(area), Some(group), Some(serial)) =
        (digits.get(0..3), digits.get(3..5), digits.get(5..9))
    else {
        return;
    };
    let name = ctx.kind.code().replace('_', " ");
    if area == "000" || area == "666" || area.starts_with('9') {
        let message =
            format!("{name} area number is never issued (000, 666 and 900-999 are not assigned)");
        ctx.emit("invalid_area", message, &[]);
    }
    if group == "00" {
        ctx.emit(
            "invalid_group",
            format!("{name} group number is never issued (group 00 is not assigned)"),
            &[],
        );
    }
    if serial == "0000" {
        ctx.emit(
            "invalid_serial",
            format!("{name} serial number is never issued (serial 0000 is not assigned)"),
            &[],
        );
    }
    if VOIDED_SSNS.contains(&digits) {
        ctx.emit(
            "voided_sample",
            format!("{name} is a sample number voided by the ssa"),
            &[],
        );
    }
}

fn ein_prefix(ctx: &mut Ctx<'_>, value: &str, ein: &str) {
    let Some(prefix) = ein.get(0..2) else { return };
    if UNLISTED_EIN_PREFIXES.contains(&prefix) {
        let mut params = ctx.value_param(value);
        params.push(("prefix", Value::from(prefix)));
        let message = format!(
            "{} has prefix `{prefix}`, which the irs does not list; check the number",
            ctx.subject(value)
        );
        ctx.emit("unlisted_prefix", message, &params);
    }
}

/// `YYDDPP-NNNNN`: 11 digits; a year after `as_of` is a warning.
pub(crate) fn cbp_assigned_number(ctx: &mut Ctx<'_>, c: &str) {
    if !ctx.fixed(c, 11, digit, "digits") {
        return;
    }
    let Some(as_of) = ctx.options.as_of else {
        return;
    };
    let Some(yy) = c.get(0..2).and_then(|s| s.parse::<i32>().ok()) else {
        return;
    };
    let current = as_of.year().rem_euclid(100);
    if yy > current {
        let mut params = ctx.value_param(c);
        params.push(("year", Value::from(format!("{yy:02}"))));
        params.push(("as_of", Value::from(as_of.to_string())));
        let message = format!(
            "{} has year `{yy:02}`, which lies after `{as_of}`; check the number",
            ctx.subject(c)
        );
        ctx.emit("future_year", message, &params);
    }
}

/// `NN-NNNNNNN`: 9 digits, no check digit; unlisted prefixes warn.
pub(crate) fn ein(ctx: &mut Ctx<'_>, c: &str) {
    if ctx.fixed(c, 9, digit, "digits") {
        ein_prefix(ctx, c, c);
    }
}

/// 9 digits; the placeholders `000000000` and `999999999` are rejected.
pub(crate) fn duns(ctx: &mut Ctx<'_>, c: &str) {
    if ctx.fixed(c, 9, digit, "digits") && (c == "000000000" || c == "999999999") {
        let params = ctx.value_param(c);
        let message = format!(
            "{} is a placeholder, not a real duns number",
            ctx.subject(c)
        );
        ctx.emit("placeholder", message, &params);
    }
}

/// Luhn (mod 10) over all digits of `digits` (check digit last).
pub(crate) fn luhn_valid(digits: &str) -> bool {
    let mut sum = 0u32;
    for (i, b) in digits.bytes().rev().enumerate() {
        let d = u32::from(b.wrapping_sub(b'0'));
        let d = if i % 2 == 1 {
            let x = d * 2;
            if x > 9 { x - 9 } else { x }
        } else {
            d
        };
        sum += d;
    }
    sum.is_multiple_of(10)
}

/// 9 digits with a Luhn check digit, optionally a program account (2 letters + 4 digits).
pub(crate) fn canadian_bn(ctx: &mut Ctx<'_>, c: &str) {
    let n = c.chars().count();
    if n != 9 && n != 15 {
        let mut params = ctx.value_param(c);
        params.push(("length", Value::from(n)));
        let message = format!(
            "{} must have 9 digits, optionally followed by a 6-character program account, not {n} characters",
            ctx.subject(c)
        );
        ctx.emit("length", message, &params);
        return;
    }
    let chars: Vec<char> = c.chars().collect();
    let bn: String = chars.iter().take(9).collect();
    if !ctx.charset(&bn, digit, "digits in the first 9 characters") {
        return;
    }
    if !luhn_valid(&bn) {
        let params = ctx.value_param(c);
        let message = format!("{} fails its luhn check digit", ctx.subject(c));
        ctx.emit("check_digit", message, &params);
    }
    if n == 15 {
        let program: String = chars.iter().skip(9).take(2).collect();
        let reference: String = chars.iter().skip(11).collect();
        if !program.chars().all(letter) || !all_digits(&reference) {
            let params = ctx.value_param(c);
            let message = format!(
                "{} program account must be 2 letters and 4 digits",
                ctx.subject(c)
            );
            ctx.emit("program_account", message, &params);
        } else if !KNOWN_PROGRAMS.contains(&program.as_str()) {
            let mut params = ctx.value_param(c);
            params.push(("program", Value::from(program.clone())));
            let message = format!(
                "{} has program identifier `{program}`, not one of {}; check it",
                ctx.subject(c),
                KNOWN_PROGRAMS.join(", ")
            );
            ctx.emit("unknown_program", message, &params);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn luhn_accepts_the_cra_example() {
        assert!(luhn_valid("123456782"));
        assert!(!luhn_valid("123456789"));
        assert!(luhn_valid("046454286"));
    }
}
