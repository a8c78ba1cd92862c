//! Renders the rule catalogue as Markdown (`docs/rules.md`).

use super::{RuleKind, rule_table};
use crate::entity::BusinessType;

fn kind_name(kind: RuleKind) -> &'static str {
    match kind {
        RuleKind::Computed => "computed",
        RuleKind::CbpDecision => "cbp_decision",
        RuleKind::Advisory => "advisory",
    }
}

/// The eligibility rule catalogue as Markdown: rule counts per business type, then one table
/// row per rule. `docs/rules.md` holds this text; a test fails when it is stale.
///
/// ```
/// let md = ctpat::eligibility::rules_markdown();
/// assert!(md.starts_with("# Eligibility rules\n"));
/// assert!(md.contains(&format!("Rules edition `{}`", ctpat::RULES_VERSION)));
/// assert!(md.contains("importer.continuous_bond"));
/// ```
pub fn rules_markdown() -> String {
    let rules = rule_table();
    let mut out = String::new();
    out.push_str("# Eligibility rules\n\n");
    out.push_str(
        "Generated from `ctpat::eligibility::rules()` by `core/tests/rules_doc.rs`; do not edit.\n",
    );
    out.push_str("Regenerate with `UPDATE_DOCS=1 cargo test -p ctpat --test rules_doc`.\n\n");
    out.push_str(&format!("Rules edition `{}`.\n\n", crate::RULES_VERSION));
    out.push_str("Kinds: `computed` rules decide the outcome; `cbp_decision` rules are recorded by CBP \
(unknown until recorded, without making the report incomplete; a recorded `false` makes the partner \
ineligible); `advisory` rules only warn. `common.no_final_unpaid_cbp_debt` is listed as computed for \
every type; the policy decides its scope (`unpaid_debt_rule_types`, by default importers, port operators \
and consolidators): for other types it is advisory (`unpaid_debt_rule_other_types_warn`) or skipped.\n\n");
    out.push_str("## Rules per business type\n\n| Business type | Rules | Computed | CBP decision | Advisory |\n|---|---|---|---|---|\n");
    for t in BusinessType::ALL {
        let of_type: Vec<_> = rules.iter().filter(|r| r.applies_to(*t)).collect();
        let count = |k| of_type.iter().filter(|r| r.kind == k).count();
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            t.code(),
            of_type.len(),
            count(RuleKind::Computed),
            count(RuleKind::CbpDecision),
            count(RuleKind::Advisory)
        ));
    }
    out.push_str("\n## Catalogue\n\n| Code | Kind | Business types | Requirement | Source |\n|---|---|---|---|---|\n");
    for rule in rules {
        let types = if rule.business_types.len() == BusinessType::ALL.len() {
            "all".to_owned()
        } else {
            let codes: Vec<String> = rule
                .business_types
                .iter()
                .map(|t| format!("`{}`", t.code()))
                .collect();
            codes.join(", ")
        };
        out.push_str(&format!(
            "| `{}` | {} | {} | {} | {} |\n",
            rule.code,
            kind_name(rule.kind),
            types,
            rule.description.replace('|', "\\|"),
            rule.source.replace('|', "\\|"),
        ));
    }
    out.push_str(NOTES);
    out
}

/// How domain.md §2 maps onto the catalogue where it is not one rule per line.
const NOTES: &str = "
## Notes on domain.md §2

- `consolidator.no_final_unpaid_cbp_debt` and `mpto.no_final_unpaid_cbp_debt` are evaluated as
  `common.no_final_unpaid_cbp_debt`; the policy's `unpaid_debt_rule_types` puts consolidators and
  both port-operator types in scope (§9 C16).
- Importer and exporter identifiers have no separate `<type>.identifiers` rule: the IOR number is
  checked by `importer.ior_number_active`, the continuous bond by `importer.continuous_bond`, and
  the EIN or DUNS by `exporter.ein_or_duns`.
- `mpto.staffed_office_us` applies to U.S. port operators only; a foreign port terminal operator
  is not expected to staff a U.S. office (it joins by invitation, `foreign_mpto.cbp_invitation`).
- Common rule 6 (`common.industry_requirements_met`) applies to carriers, brokers and
  manufacturers only, as domain.md §2.2 states.
- Advisory parts inside computed rules: a Mexican highway carrier's Acta Constitutiva (\"if
  applicable\") and a consolidator's FMC or IATA organisation number (\"if applicable\") give
  warnings (`eligibility.acta_if_applicable`, `eligibility.org_number_if_applicable`), never
  `not_met`.
- The 3PL pilot's slot count (10 asset-based + 10 non-asset-based, first come) is not computed:
  whether the partner holds a slot is the fact `facts.pilot_slot`; the pilot's start and length
  come from the policy (`third_party_logistics_pilot_start`, `third_party_logistics_pilot_years`).
";
