//! JSON API operations of the MSC catalogue: `catalogue`, `load_catalogue`, `catalogue_checks`.

use std::borrow::Cow;
use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::{CATALOGUE_CHECKS, Catalogue, Level};
use crate::api::{Operation, from_value, no_more_args};
use crate::error::Error;

pub(crate) const OPERATIONS: &[Operation] = &[
    Operation {
        name: "catalogue",
        summary: "the embedded (partial) 2019 MSC catalogue",
        run: run_catalogue,
        fast: None,
    },
    Operation {
        name: "catalogue_checks",
        summary: "lists the checks a user-supplied MSC catalogue must pass",
        run: run_catalogue_checks,
        fast: None,
    },
    Operation {
        name: "load_catalogue",
        summary: "validates a user-supplied MSC catalogue and returns it normalised with a summary",
        run: run_load_catalogue,
        fast: None,
    },
];

/// Reads a `catalogue` argument: absent or `null` → the embedded catalogue, an object → a
/// catalogue to validate, a string → catalogue JSON text (not JSON → `invalid_json`).
/// Findings of a rejected catalogue point into the call (`/catalogue/criteria/1/id`).
pub(crate) fn catalogue_from_value(
    value: Value,
    path: &str,
) -> Result<Cow<'static, Catalogue>, Error> {
    let loaded = match value {
        Value::Null => return Ok(Cow::Borrowed(Catalogue::embedded())),
        Value::String(text) => Catalogue::from_json(&text),
        v @ Value::Object(_) => Catalogue::from_value(&v),
        _ => {
            return Err(Error::input(
                path,
                "`catalogue` must be a catalogue object or its json text",
            ));
        }
    };
    loaded.map(Cow::Owned).map_err(|err| match err {
        Error::Rejected {
            code,
            message,
            mut findings,
        } => {
            for f in &mut findings {
                f.path = format!("{path}{}", f.path);
            }
            Error::rejected(code, message, findings)
        }
        other => other,
    })
}

/// Counts of a catalogue, returned by `load_catalogue`.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CatalogueSummary {
    /// The catalogue version.
    pub version: String,
    /// First day the criteria apply (`YYYY-MM-DD`).
    #[serde(with = "crate::calendar::serde_date")]
    #[cfg_attr(feature = "schema", schemars(with = "String", extend("format" = "date")))]
    pub effective_from: time::Date,
    /// Whether the catalogue says it is complete.
    pub complete: bool,
    /// Number of criteria.
    pub criteria: usize,
    /// Number of `must` criteria.
    pub must: usize,
    /// Number of `should` criteria.
    pub should: usize,
    /// Number of criteria flagged uncertain.
    pub uncertain: usize,
    /// Criteria per category number.
    pub by_category: BTreeMap<u32, usize>,
}

impl CatalogueSummary {
    /// Counts the criteria of `catalogue`.
    pub fn of(catalogue: &Catalogue) -> Self {
        let mut by_category: BTreeMap<u32, usize> =
            catalogue.categories.iter().map(|c| (c.number, 0)).collect();
        for c in &catalogue.criteria {
            *by_category.entry(c.category).or_default() += 1;
        }
        let count = |level| {
            catalogue
                .criteria
                .iter()
                .filter(|c| c.level == level)
                .count()
        };
        Self {
            version: catalogue.version.clone(),
            effective_from: catalogue.effective_from,
            complete: catalogue.complete,
            criteria: catalogue.criteria.len(),
            must: count(Level::Must),
            should: count(Level::Should),
            uncertain: catalogue.criteria.iter().filter(|c| c.uncertain).count(),
            by_category,
        }
    }
}

/// Answer of `load_catalogue`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct LoadCatalogueAnswer {
    /// Counts.
    pub summary: CatalogueSummary,
    /// The catalogue as loaded (defaults filled in, categories sorted).
    pub catalogue: Catalogue,
}

/// Arguments of `load_catalogue`.
#[derive(Deserialize, Serialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct LoadCatalogueCall {
    /// The catalogue: a JSON object, or its JSON text.
    pub catalogue: Value,
}

fn run_catalogue(args: Value) -> Result<Value, Error> {
    no_more_args(&args)?;
    Ok(serde_json::to_value(Catalogue::embedded())?)
}

fn run_catalogue_checks(args: Value) -> Result<Value, Error> {
    no_more_args(&args)?;
    Ok(serde_json::to_value(CATALOGUE_CHECKS)?)
}

fn run_load_catalogue(args: Value) -> Result<Value, Error> {
    let call: LoadCatalogueCall = from_value(args, "")?;
    if call.catalogue.is_null() {
        return Err(Error::input_code(
            "invalid_input",
            "/catalogue",
            "`catalogue` is required",
        ));
    }
    let catalogue = catalogue_from_value(call.catalogue, "/catalogue")?;
    Ok(serde_json::to_value(LoadCatalogueAnswer {
        summary: CatalogueSummary::of(&catalogue),
        catalogue: catalogue.into_owned(),
    })?)
}

crate::redact::masked_debug!(CatalogueSummary, LoadCatalogueCall);
