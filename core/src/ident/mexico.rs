//! Mexican tax ID (RFC) [SAT], [CBP-HC].

use serde_json::Value;

use super::rules::{Ctx, alnum};

/// The SAT check-digit alphabet: each character's value is its position.
const SAT_ALPHABET: &[char] = &[
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I',
    'J', 'K', 'L', 'M', 'N', '&', 'O', 'P', 'Q', 'R', 'S', 'T', 'U', 'V', 'W', 'X', 'Y', 'Z', ' ',
    'Ñ',
];

fn sat_value(c: char) -> Option<u32> {
    SAT_ALPHABET
        .iter()
        .position(|a| *a == c)
        .and_then(|p| u32::try_from(p).ok())
}

/// The SAT check digit of the first 11 (entity) or 12 (person) characters of an RFC:
/// left-padded with spaces to 12, weighted 13..2, `(11 - sum) mod 11`, 10 written `A`.
pub(crate) fn rfc_check_digit(body: &[char]) -> Option<char> {
    let pad = 12usize.checked_sub(body.len())?;
    let padded = std::iter::repeat_n(' ', pad).chain(body.iter().copied());
    let mut sum = 0u32;
    for (weight, c) in (2..=13u32).rev().zip(padded) {
        sum = sum.checked_add(sat_value(c)?.checked_mul(weight)?)?;
    }
    let digit = (11 - sum % 11) % 11;
    SAT_ALPHABET.get(usize::try_from(digit).ok()?).copied()
}

fn name_char(c: char) -> bool {
    c.is_ascii_uppercase() || c == '&' || c == 'Ñ'
}

/// Whether `yymmdd` (6 ASCII digits) is a real date in 19YY or 20YY.
fn real_date(yymmdd: &str) -> bool {
    let part = |r: std::ops::Range<usize>| yymmdd.get(r).and_then(|s| s.parse::<u8>().ok());
    let (Some(yy), Some(mm), Some(dd)) = (part(0..2), part(2..4), part(4..6)) else {
        return false;
    };
    if yymmdd.len() != 6 || !yymmdd.bytes().all(|b| b.is_ascii_digit()) {
        return false;
    }
    let Ok(month) = time::Month::try_from(mm) else {
        return false;
    };
    [1900, 2000]
        .iter()
        .any(|century| time::Date::from_calendar_date(century + i32::from(yy), month, dd).is_ok())
}

/// 12 (entity) or 13 (person) characters: name letters, YYMMDD, 3-character homoclave.
pub(crate) fn rfc(ctx: &mut Ctx<'_>, c: &str) {
    let chars: Vec<char> = c.chars().collect();
    let n = chars.len();
    if n != 12 && n != 13 {
        let mut params = ctx.value_param(c);
        params.push(("length", Value::from(n)));
        let message = format!(
            "{} must have 12 characters (entity) or 13 (person), not {n}",
            ctx.subject(c)
        );
        ctx.emit("length", message, &params);
        return;
    }
    let name_len = n - 9;
    let name = chars.get(..name_len).unwrap_or_default();
    let date: String = chars.iter().skip(name_len).take(6).collect();
    let homoclave = chars.get(name_len + 6..).unwrap_or_default();
    if !name.iter().copied().all(name_char) {
        let mut params = ctx.value_param(c);
        params.push(("letters", Value::from(name_len)));
        let kind = if n == 12 { "an entity" } else { "a person" };
        let message = format!(
            "{} must start with {name_len} letters (`A`-`Z`, `&`, `Ñ`) for {kind}",
            ctx.subject(c)
        );
        ctx.emit("name_part", message, &params);
    }
    if !real_date(&date) {
        let mut params = ctx.value_param(c);
        params.push(("date", Value::from(date.clone())));
        let message = format!(
            "{} date `{date}` is not a real calendar date (yymmdd)",
            ctx.subject(c)
        );
        ctx.emit("date", message, &params);
    }
    if !homoclave.iter().copied().all(alnum) {
        let params = ctx.value_param(c);
        let message = format!(
            "{} must end with a 3-character homoclave of letters and digits",
            ctx.subject(c)
        );
        ctx.emit("homoclave_charset", message, &params);
        return;
    }
    homoclave_advisory(ctx, c, &chars, homoclave);
}

/// SAT's homoclave conventions and check digit: about 1.5 % of RFCs in use fail them,
/// so they only warn.
fn homoclave_advisory(ctx: &mut Ctx<'_>, c: &str, chars: &[char], homoclave: &[char]) {
    let first_ok = homoclave
        .first()
        .is_some_and(|h| matches!(h, '1'..='9' | 'A'..='V'));
    let second_ok = homoclave
        .get(1)
        .is_some_and(|h| matches!(h, '1'..='9' | 'A'..='Z'));
    if !first_ok || !second_ok {
        let mut params = ctx.value_param(c);
        params.push((
            "homoclave",
            Value::from(homoclave.iter().collect::<String>()),
        ));
        let message = format!(
            "{} homoclave does not follow sat's pattern (first `1`-`9` or `A`-`V`, second `1`-`9` or `A`-`Z`); check it",
            ctx.subject(c)
        );
        ctx.emit("homoclave", message, &params);
    }
    let body = chars
        .get(..chars.len().saturating_sub(1))
        .unwrap_or_default();
    let last = chars.last().copied();
    let expected = rfc_check_digit(body);
    if expected.is_none() || expected != last {
        let mut params = ctx.value_param(c);
        if let Some(e) = expected {
            params.push(("expected", Value::from(e.to_string())));
        }
        let message = match expected {
            Some(e) => format!(
                "{} check digit is not the sat check digit `{e}`; check it",
                ctx.subject(c)
            ),
            None => format!(
                "{} check digit cannot be computed; check it",
                ctx.subject(c)
            ),
        };
        ctx.emit("check_digit", message, &params);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sat_check_digit_matches_published_numbers() {
        let digit = |s: &str| {
            let v: Vec<char> = s.chars().collect();
            rfc_check_digit(v.get(..v.len() - 1).unwrap())
        };
        // A person's RFC (python-stdnum's example), SAT's own RFC and domain.md's examples.
        assert_eq!(digit("GODE561231GR8"), Some('8'));
        assert_eq!(digit("ABC010203K28"), Some('8'));
        assert_eq!(digit("ABCD010203K27"), Some('7'));
        assert_eq!(digit("SAT970701NN3"), Some('3'));
    }

    #[test]
    fn century_is_ambiguous_but_the_date_must_exist() {
        assert!(real_date("000229"));
        assert!(real_date("991231"));
        assert!(!real_date("011303"));
        assert!(!real_date("010230"));
        assert!(!real_date("01023A"));
    }
}
