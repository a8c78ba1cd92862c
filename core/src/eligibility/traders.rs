//! Importer and exporter rules (domain.md §2.3).

use super::eval::{
    Eval, bond_any, fact_path, flag, identifier_any, incorporation_country, staffed_office,
    within_window,
};
use super::{Ctx, Rule, RuleKind};
use crate::entity::{BondType, BusinessType as T};
use crate::ident::IdentifierKind as K;

const IMP: &str = "seed 003_748fa2daea8a8359.txt; [CBP-IMP]";
const EXP_SEED: &str = "seed 003_748fa2daea8a8359.txt; [CBP-EXP]";
const EXP: &str = "[CBP-EXP]";

/// Importer rules; common rules 3-5 and 7 also apply.
pub(crate) const IMPORTER: &[Rule] = &[
    Rule {
        code: "importer.us_or_nrci",
        business_types: &[T::Importer],
        kind: RuleKind::Computed,
        description: "a u.s. importer or a non-resident canadian importer",
        source: IMP,
        evaluate: |ctx| Some(us_or_nrci(ctx)),
    },
    Rule {
        code: "importer.active_importer_12_months",
        business_types: &[T::Importer],
        kind: RuleKind::Computed,
        description: "imported into the u.s. within the activity window (12 months) before `as_of`",
        source: IMP,
        evaluate: |ctx| {
            Some(within_window(
                ctx,
                ctx.partner.facts.last_import_on,
                "last_import_on",
                "import",
            ))
        },
    },
    Rule {
        code: "importer.ior_number_active",
        business_types: &[T::Importer],
        kind: RuleKind::Computed,
        description: "an active, well-formed ior number: irs number, ssn or cbp-assigned number",
        source: IMP,
        evaluate: |ctx| {
            let id = identifier_any(ctx, &[K::IrsNumber, K::Ssn, K::CbpAssignedNumber]);
            let active = flag(
                ctx.partner.facts.ior_number_active,
                "ior_number_active",
                true,
                "the ior number is active",
                "the ior number is not active",
            );
            Some(Eval::all(
                vec![id, active],
                "an active, well-formed ior number",
            ))
        },
    },
    Rule {
        code: "importer.continuous_bond",
        business_types: &[T::Importer],
        kind: RuleKind::Computed,
        description: "a valid continuous import bond registered with cbp",
        source: IMP,
        evaluate: |ctx| Some(bond_any(ctx, &[BondType::ContinuousImport])),
    },
    Rule {
        code: "importer.staffed_office_us_or_ca",
        business_types: &[T::Importer],
        kind: RuleKind::Computed,
        description: "a staffed office in the u.s. or canada",
        source: IMP,
        evaluate: |ctx| Some(staffed_office(ctx, &["US", "CA"])),
    },
];

fn us_or_nrci(ctx: &Ctx<'_>) -> Eval {
    let nrci = ctx.partner.facts.non_resident_canadian;
    let country = incorporation_country(ctx);
    let country_path = fact_path("incorporation_country");
    let nrci_path = fact_path("non_resident_canadian");
    match (country.as_deref(), nrci) {
        (Some("US"), _) => Eval::met("a u.s. importer", country_path),
        (_, Some(true)) => Eval::met("a non-resident canadian importer", nrci_path),
        (Some("CA"), None) => Eval::unknown("`non_resident_canadian` is not given", nrci_path),
        (Some("CA"), Some(false)) => Eval::not_met(
            "a canadian company must import as a non-resident canadian importer",
            nrci_path,
        ),
        (Some(_), _) => Eval::not_met(
            "neither a u.s. importer nor a non-resident canadian importer",
            country_path,
        ),
        (None, _) => Eval::unknown("`incorporation_country` is not given", country_path),
    }
}

/// Exporter rules; common rules 3-5 apply (7 as a warning by default).
pub(crate) const EXPORTER: &[Rule] = &[
    Rule {
        code: "exporter.active_us_exporter",
        business_types: &[T::Exporter],
        kind: RuleKind::Computed,
        description: "exported from the u.s. within the activity window (12 months) before `as_of`",
        source: EXP_SEED,
        evaluate: |ctx| {
            Some(within_window(
                ctx,
                ctx.partner.facts.last_export_on,
                "last_export_on",
                "export",
            ))
        },
    },
    Rule {
        code: "exporter.ein_or_duns",
        business_types: &[T::Exporter],
        kind: RuleKind::Computed,
        description: "a documentable, well-formed ein or duns number",
        source: EXP_SEED,
        evaluate: |ctx| Some(identifier_any(ctx, &[K::Ein, K::Duns])),
    },
    Rule {
        code: "exporter.staffed_office_us",
        business_types: &[T::Exporter],
        kind: RuleKind::Computed,
        description: "a staffed office in the u.s.",
        source: EXP_SEED,
        evaluate: |ctx| Some(staffed_office(ctx, &["US"])),
    },
    Rule {
        code: "exporter.principal_party_in_interest",
        business_types: &[T::Exporter],
        kind: RuleKind::Computed,
        description: "the principal party in interest that controls the export (ear sense)",
        source: EXP,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.principal_party_in_interest,
                "principal_party_in_interest",
                true,
                "the principal party in interest",
                "not the principal party in interest of the export",
            ))
        },
    },
    Rule {
        code: "exporter.documented_export_security_program",
        business_types: &[T::Exporter],
        kind: RuleKind::Computed,
        description: "a documented export security program",
        source: EXP,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.export_security_program_documented,
                "export_security_program_documented",
                true,
                "the export security program is documented",
                "no documented export security program",
            ))
        },
    },
    Rule {
        code: "exporter.main_and_alternate_poc",
        business_types: &[T::Exporter],
        kind: RuleKind::Computed,
        description: "a main and an alternate point of contact",
        source: EXP,
        evaluate: |ctx| {
            Some(match ctx.partner.contacts.len() {
                0 => Eval::unknown("no contact is given", "/contacts"),
                1 => Eval::not_met(
                    "only one contact; a main and an alternate are needed",
                    "/contacts",
                ),
                n => Eval::met(format!("{n} contacts"), "/contacts"),
            })
        },
    },
    Rule {
        code: "exporter.export_reporting_compliance_12_months",
        business_types: &[T::Exporter],
        kind: RuleKind::Computed,
        description: "compliant with export reporting over the last 12 months",
        source: EXP,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.export_reporting_compliant_12_months,
                "export_reporting_compliant_12_months",
                true,
                "export reporting compliant for 12 months",
                "export reporting not compliant over the last 12 months",
            ))
        },
    },
    Rule {
        code: "exporter.good_standing_agencies",
        business_types: &[T::Exporter],
        kind: RuleKind::Computed,
        description: "in good standing with commerce, state, treasury, nrc, dea and dod",
        source: EXP,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.good_standing_with_agencies,
                "good_standing_with_agencies",
                true,
                "in good standing with the export agencies",
                "not in good standing with every export agency",
            ))
        },
    },
];
