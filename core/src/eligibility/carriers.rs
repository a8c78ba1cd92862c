//! Carrier rules: highway (both designations), Mexican long-haul, rail, sea, air (domain.md §2.3).

use super::eval::{
    Eval, bond_any, fact_path, flag, identifier_any, mexican_firm, staffed_office, within_window,
};
use super::{Ctx, Rule, RuleKind};
use crate::entity::{BondType, Border, BusinessType as T};
use crate::ident::IdentifierKind as K;

const HIGHWAY_TYPES: &[T] = &[T::HighwayCarrierUsCanada, T::HighwayCarrierUsMexico];
const HC: &str = "[CBP-HC]";

/// Highway carrier rules (both codes share them).
pub(crate) const HIGHWAY: &[Rule] = &[
    Rule {
        code: "highway_carrier.active_border_crossing",
        business_types: HIGHWAY_TYPES,
        kind: RuleKind::Computed,
        description: "crossed the border into the u.s. within the activity window (past year)",
        source: HC,
        evaluate: |ctx| {
            Some(within_window(
                ctx,
                ctx.partner.facts.last_border_crossing_on,
                "last_border_crossing_on",
                "border crossing",
            ))
        },
    },
    Rule {
        code: "highway_carrier.designation_by_border",
        business_types: HIGHWAY_TYPES,
        kind: RuleKind::Computed,
        description: "the designation matches the border crossed: canadian for canada only, mexican for mexico (or both)",
        source: "seed 000_ce488379f704c3ca.txt; [CBP-HC]",
        evaluate: |ctx| Some(designation_by_border(ctx)),
    },
    Rule {
        code: "highway_carrier.staffed_office_us_mx_ca",
        business_types: HIGHWAY_TYPES,
        kind: RuleKind::Computed,
        description: "a staffed office in the u.s., mexico or canada",
        source: HC,
        evaluate: |ctx| Some(staffed_office(ctx, &["US", "MX", "CA"])),
    },
    Rule {
        code: "highway_carrier.identifiers",
        business_types: HIGHWAY_TYPES,
        kind: RuleKind::Computed,
        description: "scac and usdot number; mexican firms also rfc and, if applicable (warning), acta constitutiva",
        source: HC,
        evaluate: |ctx| {
            Some(Eval::all(
                vec![
                    identifier_any(ctx, &[K::Scac]),
                    identifier_any(ctx, &[K::Usdot]),
                    mexican_firm(ctx, true),
                ],
                "scac and usdot given (and rfc for a mexican firm)",
            ))
        },
    },
];

fn designation_by_border(ctx: &Ctx<'_>) -> Eval {
    let path = fact_path("borders_crossed");
    let Some(borders) = &ctx.partner.facts.borders_crossed else {
        return Eval::unknown("`borders_crossed` is not given", path);
    };
    let canada = borders.contains(&Border::Canada);
    let mexico = borders.contains(&Border::Mexico);
    match (ctx.partner.business_type, canada, mexico) {
        (_, false, false) => Eval::not_met("no border crossed into the u.s.", path),
        (T::HighwayCarrierUsCanada, true, false) => Eval::met("crosses the canadian border", path),
        (T::HighwayCarrierUsCanada, _, true) => Eval::not_met(
            "crosses the mexican border: apply as `highway_carrier_us_mexico`",
            path,
        ),
        (_, _, true) => Eval::met("crosses the mexican border", path),
        (_, true, false) => Eval::not_met(
            "crosses only the canadian border: apply as `highway_carrier_us_canada`",
            path,
        ),
    }
}

const LH: &str = "[CBP-LH]";

/// Mexican long-haul carrier rules.
pub(crate) const LONG_HAUL: &[Rule] = &[
    Rule {
        code: "mexican_long_haul_carrier.active_in_mexico",
        business_types: &[T::MexicanLongHaulCarrier],
        kind: RuleKind::Computed,
        description: "moves u.s.-bound cargo inside mexico",
        source: LH,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.active_in_mexico,
                "active_in_mexico",
                true,
                "moves u.s.-bound cargo in mexico",
                "does not move u.s.-bound cargo in mexico",
            ))
        },
    },
    Rule {
        code: "mexican_long_haul_carrier.no_border_crossing",
        business_types: &[T::MexicanLongHaulCarrier],
        kind: RuleKind::Computed,
        description: "does not cross the border itself (border crossers apply as highway carriers)",
        source: LH,
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.crosses_border,
                "crosses_border",
                false,
                "does not cross the border",
                "crosses the border: apply as `highway_carrier_us_mexico`",
            ))
        },
    },
    Rule {
        code: "mexican_long_haul_carrier.identifiers",
        business_types: &[T::MexicanLongHaulCarrier],
        kind: RuleKind::Computed,
        description: "sct number, rfc and acta constitutiva",
        source: LH,
        evaluate: |ctx| {
            Some(Eval::all(
                vec![
                    identifier_any(ctx, &[K::SctNumber]),
                    identifier_any(ctx, &[K::Rfc]),
                    flag(
                        ctx.partner.facts.acta_constitutiva,
                        "acta_constitutiva",
                        true,
                        "acta constitutiva held",
                        "the acta constitutiva is required",
                    ),
                ],
                "sct number, rfc and acta constitutiva given",
            ))
        },
    },
];

const RAIL_SRC: &str = "[CBP-RAIL]";

/// Rail carrier rules.
pub(crate) const RAIL: &[Rule] = &[
    Rule {
        code: "rail_carrier.active_from_ca_or_mx",
        business_types: &[T::RailCarrier],
        kind: RuleKind::Computed,
        description: "carried cargo into the u.s. from canada or mexico within the activity window (past year)",
        source: RAIL_SRC,
        evaluate: |ctx| {
            Some(within_window(
                ctx,
                ctx.partner.facts.last_border_crossing_on,
                "last_border_crossing_on",
                "border crossing",
            ))
        },
    },
    Rule {
        code: "rail_carrier.staffed_office_us_ca_mx",
        business_types: &[T::RailCarrier],
        kind: RuleKind::Computed,
        description: "a staffed office in the u.s., canada or mexico",
        source: RAIL_SRC,
        evaluate: |ctx| Some(staffed_office(ctx, &["US", "CA", "MX"])),
    },
    Rule {
        code: "rail_carrier.identifiers",
        business_types: &[T::RailCarrier],
        kind: RuleKind::Computed,
        description: "scac and an active common carrier bond",
        source: RAIL_SRC,
        evaluate: |ctx| {
            Some(Eval::all(
                vec![
                    identifier_any(ctx, &[K::Scac]),
                    bond_any(ctx, &[BondType::CommonCarrier]),
                ],
                "scac and common carrier bond given",
            ))
        },
    },
];

/// Sea carrier rules: every one UNVERIFIED, so advisory.
pub(crate) const SEA: &[Rule] = &[
    Rule {
        code: "sea_carrier.identifiers",
        business_types: &[T::SeaCarrier],
        kind: RuleKind::Advisory,
        description: "advisory (unverified): scac and a bond",
        source: "UNVERIFIED; [PUI]",
        evaluate: |ctx| {
            Some(Eval::all(
                vec![
                    identifier_any(ctx, &[K::Scac]),
                    bond_any(
                        ctx,
                        &[BondType::ContinuousInternationalCarrier, BondType::Other],
                    ),
                ],
                "scac and bond given",
            ))
        },
    },
    Rule {
        code: "sea_carrier.isps_mtsa",
        business_types: &[T::SeaCarrier],
        kind: RuleKind::Advisory,
        description: "advisory (unverified): compliant with isps / mtsa (2006 criteria)",
        source: "UNVERIFIED; 2nd",
        evaluate: |ctx| {
            Some(flag(
                ctx.partner.facts.isps_mtsa_compliant,
                "isps_mtsa_compliant",
                true,
                "isps / mtsa compliant",
                "not isps / mtsa compliant",
            ))
        },
    },
];

const AIR_SRC: &str = "[CBP-AIR]";

/// Air carrier rules.
pub(crate) const AIR: &[Rule] = &[
    Rule {
        code: "air_carrier.active_to_us",
        business_types: &[T::AirCarrier],
        kind: RuleKind::Computed,
        description: "flew cargo to the u.s. within the activity window (past year)",
        source: AIR_SRC,
        evaluate: |ctx| {
            Some(within_window(
                ctx,
                ctx.partner.facts.last_activity_on,
                "last_activity_on",
                "flight to the u.s.",
            ))
        },
    },
    Rule {
        code: "air_carrier.identifiers",
        business_types: &[T::AirCarrier],
        kind: RuleKind::Computed,
        description: "iata (or icao) airline code and an active continuous international carrier bond",
        source: AIR_SRC,
        evaluate: |ctx| {
            Some(Eval::all(
                vec![
                    identifier_any(ctx, &[K::IataCode, K::IcaoCode]),
                    bond_any(ctx, &[BondType::ContinuousInternationalCarrier]),
                ],
                "airline code and carrier bond given",
            ))
        },
    },
];
