//! Manufacturer Identification Code: check and construction [19 CFR 102 App.].

use serde_json::Value;

use super::rules::{Ctx, alnum, normalize};
use super::{CheckOptions, IdentifierKind, truncate_for_message};
use crate::finding::Finding;

/// ISO 3166-1 alpha-2 country codes (249), sorted.
const ISO_COUNTRIES: &[&str] = &[
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// Canada's MID province codes (the MID never starts with `CA`).
const CANADA_PROVINCES: &[(&str, &str)] = &[
    ("XA", "AB"),
    ("XB", "NB"),
    ("XC", "BC"),
    ("XM", "MB"),
    ("XN", "NS"),
    ("XO", "ON"),
    ("XP", "PE"),
    ("XQ", "QC"),
    ("XS", "SK"),
    ("XT", "NT"),
    ("XV", "NU"),
    ("XW", "NL"),
    ("XY", "YT"),
];

/// Name words skipped by the construction rules.
const SKIPPED_WORDS: &[&str] = &["A", "AN", "AND", "OF", "THE"];

fn is_iso_country(code: &str) -> bool {
    ISO_COUNTRIES.binary_search(&code).is_ok()
}

/// Whether `code` may open a MID: an ISO country other than `CA`, or a Canadian province code.
///
/// ```
/// use ctpat::ident::is_mid_country;
/// assert!(is_mid_country("MX") && is_mid_country("XO")); // XO: Ontario
/// assert!(!is_mid_country("CA")); // Canada uses its province codes
/// assert!(!is_mid_country("QQ"));
/// ```
pub fn is_mid_country(code: &str) -> bool {
    (code != "CA" && is_iso_country(code)) || CANADA_PROVINCES.iter().any(|(x, _)| *x == code)
}

/// Up to 15 of [A-Z0-9]; the first two are an ISO country (Canada: province code).
pub(crate) fn mid(ctx: &mut Ctx<'_>, c: &str) {
    ctx.length(c, 2, 15, "letters and digits");
    ctx.charset(c, alnum, "letters and digits");
    let country: String = c.chars().take(2).collect();
    if country == "CA" {
        let params = ctx.value_param(c);
        let message = format!(
            "{} starts with `CA`; canada uses its province code (`XA` alberta .. `XY` yukon)",
            ctx.subject(c)
        );
        ctx.emit("canada_province", message, &params);
    } else if !is_mid_country(&country) {
        let mut params = ctx.value_param(c);
        params.push(("country", Value::from(country.clone())));
        let message = format!(
            "{} must start with an iso country code, not `{country}`",
            ctx.subject(c)
        );
        ctx.emit("country", message, &params);
    }
}

/// Letters of a name word (periods of joined initials dropped), ASCII A-Z only.
fn word_letters(word: &str) -> String {
    word.chars()
        .flat_map(char::to_uppercase)
        .filter(char::is_ascii_uppercase)
        .collect()
}

/// Constructs a MID from the manufacturer's country code, name, street and city.
///
/// Rules [19 CFR 102 App.]: the country code (Canada: its province code); the first 3 letters
/// of each of the first two name words (joined initials are one word; `a`, `an`, `and`, `of`,
/// `the` are skipped); up to 4 leading digits of the largest street number; the first 3
/// letters of the city. `None` when the country is not a MID country or the name has no
/// letters.
///
/// ```
/// use ctpat::ident::construct_mid;
/// let mid = construct_mid("MX", "Northwind Textile Works", "4821 Industrial Ave", "Monterrey");
/// assert_eq!(mid.as_deref(), Some("MXNORTEX4821MON"));
/// ```
pub fn construct_mid(country: &str, name: &str, street: &str, city: &str) -> Option<String> {
    let country = normalize(country);
    if !is_mid_country(&country) {
        return None;
    }
    let words: Vec<String> = name
        .split(|c: char| c.is_whitespace() || c == ',' || c == '-')
        .map(word_letters)
        .filter(|w| !w.is_empty() && !SKIPPED_WORDS.contains(&w.as_str()))
        .take(2)
        .collect();
    if words.is_empty() {
        return None;
    }
    let mut mid = country;
    for word in &words {
        mid.extend(word.chars().take(3));
    }
    mid.push_str(&largest_number_prefix(street));
    mid.extend(word_letters(city).chars().take(3));
    Some(mid)
}

/// The first 4 digits of the largest number in `street` (leading zeros ignored).
fn largest_number_prefix(street: &str) -> String {
    let mut best = "";
    for run in street.split(|c: char| !c.is_ascii_digit()) {
        let run = run.trim_start_matches('0');
        if (run.len(), run) > (best.len(), best) {
            best = run;
        }
    }
    best.chars().take(4).collect()
}

/// Compares a declared MID with the one constructed from name and address; a difference is
/// the warning `ident.mid.construction_mismatch` at `path` (CBP accepts MIDs built otherwise
/// in the past, so it never fails the answer). `None` when they agree or no MID can be built.
///
/// ```
/// use ctpat::ident::compare_mid;
/// let same = compare_mid("mx-nortex-4821-mon", "MX", "Northwind Textile Works",
///     "4821 Industrial Ave", "Monterrey", "/mid");
/// assert!(same.is_none());
/// let other = compare_mid("MXNORTEX4821MTY", "MX", "Northwind Textile Works",
///     "4821 Industrial Ave", "Monterrey", "/mid").unwrap();
/// assert_eq!(other.code, "ident.mid.construction_mismatch");
/// ```
pub fn compare_mid(
    declared: &str,
    country: &str,
    name: &str,
    street: &str,
    city: &str,
    path: &str,
) -> Option<Finding> {
    let declared = normalize(declared);
    let constructed = construct_mid(country, name, street, city)?;
    if declared == constructed {
        return None;
    }
    let mut out = Vec::new();
    let mut ctx = Ctx {
        kind: IdentifierKind::Mid,
        path,
        options: CheckOptions::default(),
        personal: false,
        out: &mut out,
    };
    let shown = truncate_for_message(&declared);
    ctx.emit(
        "construction_mismatch",
        format!("mid `{shown}` differs from `{constructed}` constructed from the name and address"),
        &[
            ("declared", Value::from(shown.clone())),
            ("constructed", Value::from(constructed.clone())),
        ],
    );
    out.pop()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_table_is_complete_and_sorted() {
        let codes: Vec<&str> = ISO_COUNTRIES.to_vec();
        assert_eq!(codes.len(), 249);
        let mut sorted = codes.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(codes, sorted);
        assert!(codes.iter().all(|c| c.len() == 2));
    }

    #[test]
    fn construction_follows_the_cfr_examples() {
        let m = |n: &str, s: &str, c: &str| construct_mid("MX", n, s, c).unwrap();
        assert_eq!(
            m(
                "Northwind Textile Works",
                "4821 Industrial Ave",
                "Monterrey"
            ),
            "MXNORTEX4821MON"
        );
        assert_eq!(m("A.B.C. Company", "1 Main", "Tijuana"), "MXABCCOM1TIJ");
        assert_eq!(
            m("The Bird of Paradise", "11455 Main St Suite 9999", "Leon"),
            "MXBIRPAR1145LEO"
        );
        assert_eq!(m("Acme", "no number", "Puebla"), "MXACMPUE");
        assert_eq!(
            construct_mid("xo", "Birch Polymers", "77 King St", "Toronto").as_deref(),
            Some("XOBIRPOL77TOR")
        );
        assert_eq!(
            construct_mid("CA", "Birch Polymers", "77 King St", "Toronto"),
            None
        );
        assert_eq!(construct_mid("MX", "and of the", "1", "X"), None);
    }
}
