//! Rules of consolidators, customs brokers, port operators, third-party logistics providers and
//! foreign manufacturers (domain.md §2.3).

use super::eval::{
    Eval, bond_any, fact_path, flag, ident_path, identifier_any, incorporation_country,
    mexican_firm, one_of, staffed_office, within_window,
};
use super::{Ctx, Rule, RuleKind, RuleStatus};
use crate::calendar::{add_days, add_years, format_date};
use crate::entity::{BondType, BusinessType as T, ConsolidatorSubtype};
use crate::finding::{Finding, Severity};
use crate::ident::IdentifierKind as K;

const CONS: &str = "[CBP-CONS]";
const CONS_T: &[T] = &[T::AirFreightConsolidatorOtiNvocc];

/// Air freight consolidator / OTI / NVOCC rules (the no-debt rule is the common one).
pub(crate) const CONSOLIDATOR: &[Rule] = &[
    Rule {
        code: "consolidator.active",
        business_types: CONS_T,
        kind: RuleKind::Computed,
        description: "handled international shipments within the activity window (past year)",
        source: CONS,
        evaluate: |ctx| {
            Some(within_window(
                ctx,
                ctx.partner.facts.last_activity_on,
                "last_activity_on",
                "international shipment",
            ))
        },
    },
    Rule {
        code: "consolidator.staffed_office_us",
        business_types: CONS_T,
        kind: RuleKind::Computed,
        description: "a staffed office in the u.s.",
        source: CONS,
        evaluate: |ctx| Some(staffed_office(ctx, &["US"])),
    },
    Rule {
        code: "consolidator.identifiers",
        business_types: CONS_T,
        kind: RuleKind::Computed,
        description: "an active continuous international carrier or type 2 custodial bond; fmc or iata \
            organisation number if applicable (warning only)",
        source: CONS,
        evaluate: |ctx| Some(consolidator_identifiers(ctx)),
    },
];

fn consolidator_identifiers(ctx: &Ctx<'_>) -> Eval {
    let bond = bond_any(
        ctx,
        &[
            BondType::ContinuousInternationalCarrier,
            BondType::CustodialType2,
        ],
    );
    let expected: &[K] = match ctx.partner.facts.consolidator_subtype {
        Some(ConsolidatorSubtype::Air) => &[K::IataOrgNumber],
        Some(ConsolidatorSubtype::Oti | ConsolidatorSubtype::Nvocc) => &[K::FmcOrgNumber],
        None => &[K::FmcOrgNumber, K::IataOrgNumber],
    };
    let org = identifier_any(ctx, &[K::FmcOrgNumber, K::IataOrgNumber]);
    let mut findings: Vec<Finding> = org
        .findings
        .into_iter()
        .map(|mut f| {
            if f.severity == Severity::Error {
                f.severity = Severity::Warning;
            }
            f
        })
        .collect();
    if org.status == RuleStatus::Unknown {
        let path = match expected {
            [one] => ident_path(*one),
            _ => "/identifiers".to_owned(),
        };
        let codes: Vec<&str> = expected.iter().map(|k| k.code()).collect();
        findings.push(
            Finding::warning("eligibility.org_number_if_applicable", path)
                .message(format!("{} is expected if applicable", one_of(&codes))),
        );
    }
    bond.with_findings(findings)
}

const BRK: &str = "[CBP-BRK]";
const BRK_T: &[T] = &[T::CustomsBroker];

/// Customs broker rules.
pub(crate) const BROKER: &[Rule] = &[
    Rule {
        code: "customs_broker.active_licensed",
        business_types: BRK_T,
        kind: RuleKind::Computed,
        description: "a license in force and customs business within the activity window (past year)",
        source: BRK,
        evaluate: |ctx| {
            Some(Eval::all(
                vec![
                    flag(
                        ctx.partner.facts.broker_license_active,
                        "broker_license_active",
                        true,
                        "the license is in force",
                        "the broker license is not in force",
                    ),
                    within_window(
                        ctx,
                        ctx.partner.facts.last_activity_on,
                        "last_activity_on",
                        "customs business",
                    ),
                ],
                "licensed and active",
            ))
        },
    },
    Rule {
        code: "customs_broker.staffed_office_us",
        business_types: BRK_T,
        kind: RuleKind::Computed,
        description: "a staffed office in the u.s.",
        source: BRK,
        evaluate: |ctx| Some(staffed_office(ctx, &["US"])),
    },
    Rule {
        code: "customs_broker.identifiers",
        business_types: BRK_T,
        kind: RuleKind::Computed,
        description: "a broker license number or a filer code (one is enough, §9 C9)",
        source: "[CBP-BRK]; §9 C9",
        evaluate: |ctx| Some(identifier_any(ctx, &[K::BrokerLicense, K::FilerCode])),
    },
];

const MPTO_SRC: &str = "[CBP-MPTO]";
const MPTO_ALL: &[T] = &[
    T::MarinePortAuthorityTerminalOperator,
    T::ForeignMarinePortTerminalOperator,
];
const FOREIGN: &[T] = &[T::ForeignMarinePortTerminalOperator];

/// Port authority / terminal operator rules (U.S. and foreign; the no-debt rule is the common
/// one).
pub(crate) const MPTO: &[Rule] = &[
    Rule {
        code: "mpto.active_international_vessels",
        business_types: MPTO_ALL,
        kind: RuleKind::Computed,
        description: "handled international vessels within the activity window (past year)",
        source: MPTO_SRC,
        evaluate: |ctx| {
            Some(within_window(
                ctx,
                ctx.partner.facts.last_activity_on,
                "last_activity_on",
                "international vessel handled",
            ))
        },
    },
    Rule {
        code: "mpto.staffed_office_us",
        business_types: &[T::MarinePortAuthorityTerminalOperator],
        kind: RuleKind::Computed,
        description: "a staffed office in the u.s. (u.s. port operators)",
        source: MPTO_SRC,
        evaluate: |ctx| Some(staffed_office(ctx, &["US"])),
    },
    Rule {
        code: "mpto.identifiers",
        business_types: MPTO_ALL,
        kind: RuleKind::Computed,
        description: "an fmc marine terminal operator number",
        source: MPTO_SRC,
        evaluate: |ctx| Some(identifier_any(ctx, &[K::FmcMtoNumber])),
    },
    Rule {
        code: "foreign_mpto.cbp_invitation",
        business_types: FOREIGN,
        kind: RuleKind::Computed,
        description: "foreign port operators join by cbp invitation only",
        source: MPTO_SRC,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.cbp_invitation,
                "cbp_invitation",
                true,
                "invited by cbp",
                "foreign port operators join only by cbp invitation",
            ))
        },
    },
    Rule {
        code: "foreign_mpto.handles_us_bound_vessels",
        business_types: FOREIGN,
        kind: RuleKind::Advisory,
        description: "advisory (unverified, source truncated): handles u.s.-bound vessels",
        source: "[CBP-MPTO] (UNVERIFIED)",
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.handles_us_bound_vessels,
                "handles_us_bound_vessels",
                true,
                "handles u.s.-bound vessels",
                "does not handle u.s.-bound vessels",
            ))
        },
    },
];

const TPL: &str = "[CBP-3PL]";
const TPL_T: &[T] = &[T::ThirdPartyLogistics];

/// Third-party logistics rules.
pub(crate) const THIRD_PARTY_LOGISTICS: &[Rule] = &[
    Rule {
        code: "third_party_logistics.handles_international_cargo",
        business_types: TPL_T,
        kind: RuleKind::Computed,
        description: "handles international cargo from stuffing to the first u.s. port",
        source: TPL,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.handles_international_cargo,
                "handles_international_cargo",
                true,
                "handles international cargo",
                "does not handle international cargo",
            ))
        },
    },
    Rule {
        code: "third_party_logistics.not_domestic_only",
        business_types: TPL_T,
        kind: RuleKind::Computed,
        description: "not a purely domestic provider",
        source: TPL,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.domestic_only,
                "domestic_only",
                false,
                "not domestic only",
                "handles only domestic freight",
            ))
        },
    },
    Rule {
        code: "third_party_logistics.asset_based",
        business_types: TPL_T,
        kind: RuleKind::Computed,
        description: "owns transport, consolidation or warehouse assets, or holds a pilot slot",
        source: "[CBP-3PL]; [FR-2025-20648]",
        evaluate: |ctx| Some(asset_based(ctx)),
    },
    Rule {
        code: "third_party_logistics.no_double_brokering",
        business_types: TPL_T,
        kind: RuleKind::Computed,
        description: "subcontracts beyond a second party only to ctpat members",
        source: TPL,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.double_brokering,
                "double_brokering",
                false,
                "no double brokering",
                "subcontracts beyond a second party to non-members",
            ))
        },
    },
    Rule {
        code: "third_party_logistics.staffed_office_us",
        business_types: TPL_T,
        kind: RuleKind::Computed,
        description: "a staffed office in the u.s.",
        source: TPL,
        evaluate: |ctx| Some(staffed_office(ctx, &["US"])),
    },
    Rule {
        code: "third_party_logistics.identifiers",
        business_types: TPL_T,
        kind: RuleKind::Computed,
        description: "licensed or bonded by the fmc, tsa, cbp or dot",
        source: TPL,
        evaluate: |ctx| {
            let path = fact_path("licensed_or_bonded_by");
            Some(match ctx.partner.facts.licensed_or_bonded_by.as_deref() {
                None => Eval::unknown("`licensed_or_bonded_by` is not given", path),
                Some([]) => {
                    Eval::not_met("not licensed or bonded by the fmc, tsa, cbp or dot", path)
                }
                Some(_) => Eval::met("licensed or bonded by a u.s. agency", path),
            })
        },
    },
    Rule {
        code: "third_party_logistics.pilot_slot",
        business_types: TPL_T,
        kind: RuleKind::Computed,
        description: "a pilot slot is taken only while the pilot runs (`policy.third_party_logistics_pilot_*`); \
            non-asset 3pls join only through it",
        source: "[FR-2025-20648]",
        evaluate: |ctx| Some(pilot_slot(ctx)),
    },
];

fn asset_based(ctx: &Ctx<'_>) -> Eval {
    let facts = &ctx.partner.facts;
    match (facts.asset_based, facts.pilot_slot) {
        (Some(true), _) => Eval::met("asset-based", fact_path("asset_based")),
        (Some(false), Some(true)) => Eval::met(
            "not asset-based: admitted through a pilot slot",
            fact_path("pilot_slot"),
        ),
        (Some(false), Some(false)) => Eval::not_met(
            "not asset-based and holds no pilot slot",
            fact_path("asset_based"),
        ),
        (Some(false), None) => Eval::unknown(
            "not asset-based: `pilot_slot` is not given",
            fact_path("pilot_slot"),
        ),
        (None, _) => Eval::unknown("`asset_based` is not given", fact_path("asset_based")),
    }
}

fn pilot_slot(ctx: &Ctx<'_>) -> Eval {
    let facts = &ctx.partner.facts;
    let path = fact_path("pilot_slot");
    match facts.pilot_slot {
        Some(true) => {
            let start = ctx.policy.third_party_logistics_pilot_start.0;
            let years = ctx.policy.third_party_logistics_pilot_years;
            // The pilot lasts `years` years from its start: its last day is the day before.
            let end = i32::try_from(years).ok().and_then(|y| add_years(start, y));
            let last = end.and_then(|e| add_days(e, -1));
            let period = format!(
                "the pilot runs from `{}` to `{}`",
                format_date(start),
                last.map_or_else(|| "the end of the calendar".to_owned(), format_date)
            );
            if ctx.as_of >= start && end.is_none_or(|e| ctx.as_of < e) {
                Eval::met(format!("pilot slot held; {period}"), path)
            } else {
                Eval::not_met(format!("{period}: no pilot slot on `as_of`"), path)
            }
        }
        Some(false) => Eval::met("no pilot slot claimed", path),
        None if facts.asset_based == Some(true) => Eval::met(
            "asset-based: no pilot slot needed",
            fact_path("asset_based"),
        ),
        None => Eval::unknown("`pilot_slot` is not given", path),
    }
}

const FM: &str = "[CBP-FM]";
const FM_T: &[T] = &[T::ForeignManufacturer];

/// Foreign manufacturer rules.
pub(crate) const FOREIGN_MANUFACTURER: &[Rule] = &[
    Rule {
        code: "foreign_manufacturer.incorporated_mx_or_ca_or_invited",
        business_types: FM_T,
        kind: RuleKind::Computed,
        description: "incorporated in mexico or canada, or invited by cbp",
        source: FM,
        evaluate: |ctx| Some(incorporated_mx_or_ca_or_invited(ctx)),
    },
    Rule {
        code: "foreign_manufacturer.identifiers",
        business_types: FM_T,
        kind: RuleKind::Computed,
        description: "a mid; mexican firms also rfc and acta constitutiva",
        source: "[CBP-FM]; [19 CFR 102 App.]",
        evaluate: |ctx| {
            Some(Eval::all(
                vec![identifier_any(ctx, &[K::Mid]), mexican_firm(ctx, false)],
                "mid given (and rfc and acta for a mexican firm)",
            ))
        },
    },
];

fn incorporated_mx_or_ca_or_invited(ctx: &Ctx<'_>) -> Eval {
    let country_path = fact_path("incorporation_country");
    let invitation = ctx.partner.facts.cbp_invitation;
    match (incorporation_country(ctx).as_deref(), invitation) {
        (Some(c @ ("MX" | "CA")), _) => Eval::met(format!("incorporated in `{c}`"), country_path),
        (_, Some(true)) => Eval::met("invited by cbp", fact_path("cbp_invitation")),
        (Some(_), Some(false)) => Eval::not_met(
            "incorporated outside mexico and canada and not invited by cbp",
            fact_path("cbp_invitation"),
        ),
        (Some(_), None) => Eval::unknown(
            "incorporated outside mexico and canada: `cbp_invitation` is not given",
            fact_path("cbp_invitation"),
        ),
        (None, _) => Eval::unknown("`incorporation_country` is not given", country_path),
    }
}
