//! Loading and validating a catalogue: every problem becomes a finding with its path.

use std::collections::{BTreeMap, BTreeSet};

use serde_json::{Map, Value};

use super::walk::Ctx;
use super::{Catalogue, Category, Criterion, FocusArea, Gap, Level};
use crate::entity::BusinessType;
use crate::error::Error;
use crate::finding::{Finding, sort_findings};
use crate::ident::truncate_for_message;

const TOP_KEYS: &[&str] = &[
    "version",
    "effective_from",
    "source",
    "complete",
    "notes",
    "focus_areas",
    "categories",
    "criteria",
    "gaps",
];
const CRITERION_KEYS: &[&str] = &[
    "id",
    "category",
    "focus_area",
    "level",
    "applies_to",
    "tags",
    "text",
    "guidance",
    "source",
    "uncertain",
    "note",
];

/// Parses `<category>.<n>` with positive numbers and no leading zeros.
fn parse_id(id: &str) -> Option<(u32, u32)> {
    let (a, b) = id.split_once('.')?;
    let num = |s: &str| -> Option<u32> {
        let ok = !s.is_empty() && !s.starts_with('0') && s.bytes().all(|c| c.is_ascii_digit());
        ok.then(|| s.parse().ok()).flatten()
    };
    Some((num(a)?, num(b)?))
}

/// The 2019 focus areas and categories, taken from the embedded catalogue (parsed once).
fn embedded_defaults() -> &'static (Vec<FocusArea>, Vec<Category>) {
    static DEFAULTS: std::sync::OnceLock<(Vec<FocusArea>, Vec<Category>)> =
        std::sync::OnceLock::new();
    DEFAULTS.get_or_init(|| {
        let value: Value = serde_json::from_str(super::EMBEDDED_JSON).unwrap_or(Value::Null);
        let field = |key: &str| value.get(key).cloned().unwrap_or(Value::Null);
        let focus = serde_json::from_value(field("focus_areas")).unwrap_or_default();
        let categories = serde_json::from_value(field("categories")).unwrap_or_default();
        (focus, categories)
    })
}

pub(super) fn load(value: &Value) -> Result<Catalogue, Error> {
    let mut cx = Ctx::default();
    let Some(root) = value.as_object() else {
        return Err(reject(vec![
            Finding::error("catalogue.invalid_type", "")
                .message("a catalogue must be a json object"),
        ]));
    };
    cx.unknown_keys(root, TOP_KEYS, "");
    let version = cx
        .string(root, "version", "", true)
        .unwrap_or_default()
        .to_owned();
    if root.get("version").is_some_and(Value::is_string) && version.trim().is_empty() {
        cx.add(
            "catalogue.empty_version",
            "/version".to_owned(),
            "`version` is empty".to_owned(),
        );
    }
    let effective_from = cx
        .string(root, "effective_from", "", true)
        .and_then(|text| {
            let date = crate::calendar::parse_date(text);
            if date.is_none() {
                cx.add(
                    "catalogue.invalid_date",
                    "/effective_from".to_owned(),
                    format!(
                        "`{}` is not a date in YYYY-MM-DD form",
                        truncate_for_message(text)
                    ),
                );
            }
            date
        });
    let source = cx
        .string(root, "source", "", false)
        .unwrap_or_default()
        .to_owned();
    let complete = cx.boolean(root, "complete", "");
    let notes = cx.strings(root, "notes", "");
    let focus_areas: Vec<FocusArea> = cx
        .list(root, "focus_areas", "catalogue.invalid_category")
        .unwrap_or_else(|| embedded_defaults().0.clone());
    let mut categories: Vec<Category> = cx
        .list(root, "categories", "catalogue.invalid_category")
        .unwrap_or_else(|| embedded_defaults().1.clone());
    let gaps: Vec<Gap> = cx
        .list(root, "gaps", "catalogue.invalid_category")
        .unwrap_or_default();

    let focus_codes: BTreeSet<&str> = focus_areas.iter().map(|f| f.code.as_str()).collect();
    let mut category_focus: BTreeMap<u32, String> = BTreeMap::new();
    for (i, cat) in categories.iter().enumerate() {
        if category_focus
            .insert(cat.number, cat.focus_area.clone())
            .is_some()
        {
            cx.add(
                "catalogue.duplicate_category",
                format!("/categories/{i}/number"),
                format!("category `{}` is listed twice", cat.number),
            );
        }
        if !focus_codes.contains(cat.focus_area.as_str()) {
            cx.add(
                "catalogue.unknown_focus_area",
                format!("/categories/{i}/focus_area"),
                format!(
                    "unknown focus area `{}`",
                    truncate_for_message(&cat.focus_area)
                ),
            );
        }
    }
    categories.sort_by_key(|c| c.number);

    let criteria = match root.get("criteria") {
        Some(Value::Array(items)) => {
            let mut seen: BTreeMap<String, usize> = BTreeMap::new();
            let mut out = Vec::with_capacity(items.len());
            for (i, item) in items.iter().enumerate() {
                if let Some(c) = criterion(&mut cx, item, i, &category_focus, &mut seen) {
                    out.push(c);
                }
            }
            out
        }
        Some(_) => {
            cx.add(
                "catalogue.invalid_type",
                "/criteria".to_owned(),
                "`criteria` must be an array".to_owned(),
            );
            Vec::new()
        }
        None => {
            cx.add(
                "catalogue.missing_field",
                "/criteria".to_owned(),
                "`criteria` is required".to_owned(),
            );
            Vec::new()
        }
    };

    match effective_from {
        Some(effective_from) if cx.findings.is_empty() => Ok(Catalogue {
            version,
            effective_from,
            source,
            complete,
            notes,
            focus_areas,
            categories,
            criteria,
            gaps,
        }),
        _ => Err(reject(cx.findings)),
    }
}

fn reject(mut findings: Vec<Finding>) -> Error {
    sort_findings(&mut findings);
    let message = format!("the catalogue has {} problem(s)", findings.len());
    Error::rejected("catalogue.invalid", message, findings)
}

fn criterion(
    cx: &mut Ctx,
    item: &Value,
    index: usize,
    category_focus: &BTreeMap<u32, String>,
    seen: &mut BTreeMap<String, usize>,
) -> Option<Criterion> {
    let base = format!("/criteria/{index}");
    let Some(obj) = item.as_object() else {
        cx.add(
            "catalogue.invalid_type",
            base,
            "a criterion must be an object".to_owned(),
        );
        return None;
    };
    let before = cx.findings.len();
    cx.unknown_keys(obj, CRITERION_KEYS, &base);
    let id = cx.string(obj, "id", &base, true).map(str::to_owned);
    let category = match obj.get("category") {
        None | Some(Value::Null) => {
            cx.add(
                "catalogue.missing_field",
                format!("{base}/category"),
                "`category` is required".to_owned(),
            );
            None
        }
        Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
            Some(n) => Some(n),
            None => {
                cx.add(
                    "catalogue.invalid_type",
                    format!("{base}/category"),
                    "`category` must be a positive whole number".to_owned(),
                );
                None
            }
        },
    };
    if let Some(id) = &id {
        match parse_id(id) {
            None => cx.add(
                "catalogue.invalid_id",
                format!("{base}/id"),
                format!(
                    "`{}` is not of the form `<category>.<n>`",
                    truncate_for_message(id)
                ),
            ),
            Some((prefix, _)) => {
                if let Some(cat) = category
                    && cat != prefix
                {
                    cx.add(
                        "catalogue.id_category_mismatch",
                        format!("{base}/id"),
                        format!("id `{id}` does not belong to category `{cat}`"),
                    );
                }
            }
        }
        if let Some(first) = seen.get(id) {
            cx.findings.push(
                Finding::error("catalogue.duplicate_id", format!("{base}/id"))
                    .message(format!(
                        "id `{}` is already used by `/criteria/{first}`",
                        truncate_for_message(id)
                    ))
                    .param("first", *first),
            );
        } else {
            seen.insert(id.clone(), index);
        }
    }
    let category_area = category.and_then(|cat| {
        let area = category_focus.get(&cat);
        if area.is_none() {
            cx.add(
                "catalogue.unknown_category",
                format!("{base}/category"),
                format!("unknown category `{cat}`"),
            );
        }
        area
    });
    let focus_area = cx
        .string(obj, "focus_area", &base, false)
        .map(str::to_owned);
    if let (Some(given), Some(expected)) = (&focus_area, category_area)
        && given != expected
    {
        let known = category_focus.values().any(|a| a == given);
        let code = if known {
            "catalogue.focus_area_mismatch"
        } else {
            "catalogue.unknown_focus_area"
        };
        cx.add(
            code,
            format!("{base}/focus_area"),
            format!(
                "focus area `{}` is not `{expected}`, that of the category",
                truncate_for_message(given)
            ),
        );
    }
    let level = cx.string(obj, "level", &base, true).and_then(|text| {
        let level = Level::from_code(text);
        if level.is_none() {
            cx.add(
                "catalogue.invalid_level",
                format!("{base}/level"),
                format!(
                    "level `{}` is not `must` or `should`",
                    truncate_for_message(text)
                ),
            );
        }
        level
    });
    let applies_to = applies_to(cx, obj, &base);
    let tags = cx.strings(obj, "tags", &base);
    let text = cx.string(obj, "text", &base, true).map(str::to_owned);
    if let Some(t) = &text
        && t.trim().is_empty()
    {
        cx.add(
            "catalogue.empty_text",
            format!("{base}/text"),
            "the criterion text is empty".to_owned(),
        );
    }
    let guidance = cx.string(obj, "guidance", &base, false).map(str::to_owned);
    let source = cx
        .string(obj, "source", &base, false)
        .unwrap_or_default()
        .to_owned();
    let uncertain = cx.boolean(obj, "uncertain", &base);
    let note = cx.string(obj, "note", &base, false).map(str::to_owned);
    if cx.findings.len() != before {
        return None;
    }
    Some(Criterion {
        id: id?,
        category: category?,
        focus_area: category_area?.clone(),
        level: level?,
        applies_to,
        tags,
        text: text?,
        guidance,
        source,
        uncertain,
        note,
    })
}

fn applies_to(cx: &mut Ctx, obj: &Map<String, Value>, base: &str) -> Vec<BusinessType> {
    let path = format!("{base}/applies_to");
    let Some(value) = obj.get("applies_to") else {
        cx.add(
            "catalogue.missing_field",
            path,
            "`applies_to` is required".to_owned(),
        );
        return Vec::new();
    };
    let Some(items) = value.as_array() else {
        cx.add(
            "catalogue.invalid_type",
            path,
            "`applies_to` must be an array of business types".to_owned(),
        );
        return Vec::new();
    };
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        match item.as_str().map(|s| (s, BusinessType::from_code(s))) {
            Some((_, Some(t))) => {
                if !out.contains(&t) {
                    out.push(t);
                }
            }
            Some((s, None)) => cx.add(
                "catalogue.unknown_business_type",
                format!("{path}/{i}"),
                format!("unknown business type `{}`", truncate_for_message(s)),
            ),
            None => cx.add(
                "catalogue.invalid_type",
                format!("{path}/{i}"),
                "business types are strings".to_owned(),
            ),
        }
    }
    if items.is_empty() {
        cx.add(
            "catalogue.empty_applies_to",
            path,
            "the criterion applies to no business type".to_owned(),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::msc::CATALOGUE_CHECKS;
    use serde_json::json;

    fn criterion(id: &str, category: u32) -> Value {
        json!({"id": id, "category": category, "level": "must", "applies_to": ["importer"], "text": "x"})
    }

    fn codes(value: Value) -> Vec<(String, String)> {
        let err = Catalogue::from_value(&value).unwrap_err();
        assert_eq!(err.code(), "catalogue.invalid");
        err.findings()
            .iter()
            .map(|f| (f.code.clone(), f.path.clone()))
            .collect()
    }

    #[test]
    fn a_minimal_catalogue_takes_the_2019_categories() {
        let cat = Catalogue::from_value(&json!({
            "version": "v", "effective_from": "2020-01-01", "criteria": [criterion("4.1", 4)]
        }))
        .unwrap();
        assert_eq!(cat.categories.len(), 12);
        assert_eq!(
            cat.criteria.first().unwrap().focus_area,
            "corporate_security"
        );
        assert!(!cat.complete);
    }

    #[test]
    fn every_problem_is_listed_with_its_path() {
        let got = codes(json!({
            "version": "v", "effective_from": "2020-02-30",
            "criteria": [
                criterion("4.1", 4), criterion("4.1", 4), criterion("5.1", 4), criterion("13.1", 13),
                {"id": "4.x", "category": 4, "level": "may", "applies_to": ["pirate"], "text": " "},
                {"id": "1.1", "category": 1, "level": "must", "applies_to": [], "text": "t", "colour": 1}
            ]
        }));
        let want = [
            ("catalogue.invalid_date", "/effective_from"),
            ("catalogue.duplicate_id", "/criteria/1/id"),
            ("catalogue.id_category_mismatch", "/criteria/2/id"),
            ("catalogue.unknown_category", "/criteria/3/category"),
            (
                "catalogue.unknown_business_type",
                "/criteria/4/applies_to/0",
            ),
            ("catalogue.invalid_id", "/criteria/4/id"),
            ("catalogue.invalid_level", "/criteria/4/level"),
            ("catalogue.empty_text", "/criteria/4/text"),
            ("catalogue.empty_applies_to", "/criteria/5/applies_to"),
            ("catalogue.unknown_field", "/criteria/5/colour"),
        ];
        for (code, path) in want {
            assert!(
                got.contains(&(code.to_owned(), path.to_owned())),
                "{code} {path}: {got:?}"
            );
        }
        assert_eq!(got.len(), want.len(), "{got:?}");
    }

    #[test]
    fn ids_must_be_positive_numbers() {
        assert_eq!(parse_id("7.37"), Some((7, 37)));
        for bad in ["4", "4.", ".1", "04.1", "4.0", "4.1.2", "a.1", "4.x"] {
            assert_eq!(parse_id(bad), None, "{bad}");
        }
    }

    #[test]
    fn text_that_is_not_json_is_invalid_json() {
        assert_eq!(
            Catalogue::from_json("{version").unwrap_err().code(),
            "invalid_json"
        );
        assert_eq!(
            codes(json!([1])),
            [("catalogue.invalid_type".to_owned(), String::new())]
        );
    }

    #[test]
    fn every_code_produced_is_listed() {
        let listed: BTreeSet<_> = CATALOGUE_CHECKS.iter().map(|c| c.code).collect();
        assert_eq!(listed.len(), CATALOGUE_CHECKS.len());
        for c in [
            "catalogue.duplicate_id",
            "catalogue.id_category_mismatch",
            "catalogue.unknown_category",
            "catalogue.unknown_business_type",
            "catalogue.invalid_level",
            "catalogue.empty_text",
        ] {
            assert!(listed.contains(c), "{c}");
        }
    }
}
