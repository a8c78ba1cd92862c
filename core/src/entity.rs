//! Business (enrollment) types and the partner company model (domain.md §2).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::ident::IdentifierKind;

mod facts;

pub use facts::{Agency, Border, CbpDecisions, ConsolidatorSubtype, PartnerFacts};

macro_rules! business_types {
    ($($variant:ident => $code:literal, $name:literal, $cbp:literal, $sources:literal;)*) => {
        /// Every CTPAT enrollment type (domain.md §2.1), serialised as its snake_case code.
        ///
        /// CBP publishes criteria for 12 types; the library keeps the two historical highway
        /// carrier categories apart and splits U.S. and foreign marine port operators, so it has
        /// 14 codes. [`BusinessType::cbp_type`] maps each back to CBP's 12.
        ///
        /// ```
        /// use ctpat::BusinessType;
        /// assert_eq!(BusinessType::ALL.len(), 14);
        /// assert_eq!(serde_json::to_value(BusinessType::CustomsBroker).ok(), Some(serde_json::json!("customs_broker")));
        /// assert_eq!(BusinessType::RailCarrier.to_string(), "rail_carrier");
        /// ```
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
        #[serde(rename_all = "snake_case")]
        pub enum BusinessType {
            $(
                #[doc = $name]
                $variant,
            )*
        }

        impl BusinessType {
            /// Every business type, in declaration order.
            ///
            /// ```
            /// use ctpat::BusinessType;
            /// assert_eq!(BusinessType::ALL.first(), Some(&BusinessType::Importer));
            /// assert!(BusinessType::ALL.iter().all(|t| BusinessType::from_code(t.code()) == Some(*t)));
            /// ```
            pub const ALL: &'static [BusinessType] = &[$(Self::$variant),*];

            /// The snake_case code used on the wire.
            ///
            /// ```
            /// assert_eq!(ctpat::BusinessType::HighwayCarrierUsMexico.code(), "highway_carrier_us_mexico");
            /// ```
            pub fn code(self) -> &'static str {
                match self { $(Self::$variant => $code,)* }
            }

            /// The display name.
            ///
            /// ```
            /// assert_eq!(ctpat::BusinessType::CustomsBroker.name(), "licensed U.S. customs broker");
            /// ```
            pub fn name(self) -> &'static str {
                match self { $(Self::$variant => $name,)* }
            }

            /// The CBP type (one of CBP's 12 published MSC types) this code belongs to.
            ///
            /// ```
            /// use ctpat::BusinessType;
            /// // The two highway carrier codes are one CBP type.
            /// assert_eq!(BusinessType::HighwayCarrierUsCanada.cbp_type(), "highway_carrier");
            /// assert_eq!(BusinessType::HighwayCarrierUsMexico.cbp_type(), "highway_carrier");
            /// ```
            pub fn cbp_type(self) -> &'static str {
                match self { $(Self::$variant => $cbp,)* }
            }

            /// Where the type comes from (seed file names and source keys of domain.md).
            ///
            /// ```
            /// assert!(ctpat::BusinessType::ThirdPartyLogistics.sources().contains("[CBP-3PL]"));
            /// ```
            pub fn sources(self) -> &'static str {
                match self { $(Self::$variant => $sources,)* }
            }

            /// Looks a type up by its code.
            ///
            /// ```
            /// use ctpat::BusinessType;
            /// assert_eq!(BusinessType::from_code("sea_carrier"), Some(BusinessType::SeaCarrier));
            /// assert_eq!(BusinessType::from_code("Sea Carrier"), None);
            /// ```
            pub fn from_code(code: &str) -> Option<Self> {
                match code { $($code => Some(Self::$variant),)* _ => None }
            }
        }
    };
}

business_types! {
    Importer => "importer", "U.S. importer (or non-resident Canadian importer)", "importer",
        "seed 000_ce488379f704c3ca.txt; seed 003_748fa2daea8a8359.txt; [CBP-IMP]";
    Exporter => "exporter", "U.S. exporter", "exporter",
        "seed 003_748fa2daea8a8359.txt; [CBP-EXP]";
    HighwayCarrierUsCanada => "highway_carrier_us_canada", "U.S./Canada highway carrier", "highway_carrier",
        "seed 000_ce488379f704c3ca.txt; [CBP-HC]";
    HighwayCarrierUsMexico => "highway_carrier_us_mexico", "U.S./Mexico highway carrier", "highway_carrier",
        "seed 000_ce488379f704c3ca.txt; [CBP-HC]";
    MexicanLongHaulCarrier => "mexican_long_haul_carrier", "Mexican long-haul highway carrier", "mexican_long_haul_carrier",
        "seed 003_748fa2daea8a8359.txt; [CBP-LH]";
    RailCarrier => "rail_carrier", "rail carrier", "rail_carrier",
        "seed 000_ce488379f704c3ca.txt; seed 003_748fa2daea8a8359.txt; [CBP-RAIL]";
    SeaCarrier => "sea_carrier", "sea carrier", "sea_carrier",
        "seed 000_ce488379f704c3ca.txt; seed 003_748fa2daea8a8359.txt";
    AirCarrier => "air_carrier", "air carrier", "air_carrier",
        "seed 000_ce488379f704c3ca.txt; [CBP-AIR]";
    AirFreightConsolidatorOtiNvocc => "air_freight_consolidator_oti_nvocc",
        "air freight consolidator, ocean transport intermediary or NVOCC", "air_freight_consolidator_oti_nvocc",
        "seed 000_ce488379f704c3ca.txt; seed 003_748fa2daea8a8359.txt; [CBP-CONS]";
    CustomsBroker => "customs_broker", "licensed U.S. customs broker", "customs_broker",
        "seed 000_ce488379f704c3ca.txt; seed 003_748fa2daea8a8359.txt; [CBP-BRK]";
    MarinePortAuthorityTerminalOperator => "marine_port_authority_terminal_operator",
        "U.S. marine port authority or terminal operator", "marine_port_authority_terminal_operator",
        "seed 000_ce488379f704c3ca.txt; seed 003_748fa2daea8a8359.txt; [CBP-MPTO]";
    ForeignMarinePortTerminalOperator => "foreign_marine_port_terminal_operator",
        "foreign marine port terminal operator (by invitation)", "marine_port_authority_terminal_operator",
        "[CBP-MPTO]";
    ForeignManufacturer => "foreign_manufacturer", "foreign manufacturer (Mexico, Canada; others by invitation)", "foreign_manufacturer",
        "seed 000_ce488379f704c3ca.txt; seed 003_748fa2daea8a8359.txt; [CBP-FM]";
    ThirdPartyLogistics => "third_party_logistics", "third-party logistics provider", "third_party_logistics",
        "[CBP-3PL]; [FR-2025-20648]";
}

impl std::fmt::Display for BusinessType {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// One identifier requirement: any one of `any_of` satisfies it.
///
/// ```
/// use ctpat::{BusinessType, IdentifierKind};
/// let reqs = BusinessType::ForeignManufacturer.required_identifiers();
/// assert_eq!(reqs[1].any_of, [IdentifierKind::Rfc]);
/// assert_eq!(reqs[1].condition.as_deref(), Some("mexican_firm"));
/// assert!(!reqs[1].uncertain);
/// ```
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct IdentifierRequirement {
    /// Kinds that each satisfy the requirement.
    pub any_of: Vec<IdentifierKind>,
    /// When the requirement applies (e.g. only for Mexican firms); `null` = always.
    pub condition: Option<String>,
    /// Whether the sources leave it uncertain (then it only warns).
    pub uncertain: bool,
}

/// Kinds of CBP bond that eligibility rules refer to.
///
/// ```
/// use ctpat::entity::BondType;
/// assert_eq!(serde_json::to_value(BondType::CustodialType2).ok(), Some(serde_json::json!("custodial_type2")));
/// assert_eq!(ctpat::BusinessType::Importer.required_bond_any_of(), [BondType::ContinuousImport]);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum BondType {
    /// Continuous import bond (activity code 1).
    ContinuousImport,
    /// Continuous international carrier bond (activity code 3).
    ContinuousInternationalCarrier,
    /// Type 2 custodial bond (formerly IBEC).
    CustodialType2,
    /// Common carrier bond (rail).
    CommonCarrier,
    /// Single-transaction bond.
    SingleTransaction,
    /// Any other bond.
    Other,
}

/// Describes a business type: what CBP calls it and which identifiers and bond it needs.
///
/// ```
/// let info = ctpat::BusinessType::SeaCarrier.info();
/// assert_eq!(info.cbp_type, "sea_carrier");
/// assert!(info.bond_uncertain);
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct BusinessTypeInfo {
    /// The snake_case code.
    pub code: BusinessType,
    /// Display name.
    pub name: String,
    /// CBP's own type this code maps to.
    pub cbp_type: String,
    /// Identifier requirements (domain.md §2.1).
    pub required_identifiers: Vec<IdentifierRequirement>,
    /// Bond types of which one is required, empty when none is.
    pub required_bond_any_of: Vec<BondType>,
    /// Whether the bond requirement is uncertain (warning only).
    pub bond_uncertain: bool,
    /// Where the type and its requirements come from.
    pub sources: String,
}

fn req(
    any_of: &[IdentifierKind],
    condition: Option<&str>,
    uncertain: bool,
) -> IdentifierRequirement {
    IdentifierRequirement {
        any_of: any_of.to_vec(),
        condition: condition.map(str::to_owned),
        uncertain,
    }
}

impl BusinessType {
    /// The identifier requirements of this type (domain.md §2.1).
    ///
    /// ```
    /// use ctpat::{BusinessType, IdentifierKind};
    /// let reqs = BusinessType::Importer.required_identifiers();
    /// assert_eq!(reqs.len(), 1);
    /// assert!(reqs[0].any_of.contains(&IdentifierKind::CbpAssignedNumber));
    /// assert!(BusinessType::ThirdPartyLogistics.required_identifiers().is_empty());
    /// ```
    pub fn required_identifiers(self) -> Vec<IdentifierRequirement> {
        use IdentifierKind as K;
        const IOR: &[IdentifierKind] = &[K::IrsNumber, K::Ssn, K::CbpAssignedNumber];
        const MEXICAN: Option<&str> = Some("mexican_firm");
        match self {
            Self::Importer => vec![req(IOR, None, false)],
            Self::Exporter => vec![req(&[K::Ein, K::Duns], None, false)],
            Self::HighwayCarrierUsCanada => {
                vec![req(&[K::Scac], None, false), req(&[K::Usdot], None, false)]
            }
            Self::HighwayCarrierUsMexico => vec![
                req(&[K::Scac], None, false),
                req(&[K::Usdot], None, false),
                req(&[K::Rfc], MEXICAN, false),
            ],
            Self::MexicanLongHaulCarrier => vec![
                req(&[K::SctNumber], None, false),
                req(&[K::Rfc], None, false),
            ],
            Self::RailCarrier | Self::SeaCarrier => vec![req(&[K::Scac], None, false)],
            Self::AirCarrier => vec![req(&[K::IataCode, K::IcaoCode], None, false)],
            Self::AirFreightConsolidatorOtiNvocc => {
                vec![req(
                    &[K::FmcOrgNumber, K::IataOrgNumber],
                    Some("if_applicable"),
                    true,
                )]
            }
            Self::CustomsBroker => vec![req(&[K::BrokerLicense, K::FilerCode], None, false)],
            Self::MarinePortAuthorityTerminalOperator | Self::ForeignMarinePortTerminalOperator => {
                vec![req(&[K::FmcMtoNumber], None, false)]
            }
            Self::ForeignManufacturer => {
                vec![req(&[K::Mid], None, false), req(&[K::Rfc], MEXICAN, false)]
            }
            Self::ThirdPartyLogistics => vec![],
        }
    }

    /// Bond types of which one is required (empty: no bond required).
    ///
    /// ```
    /// use ctpat::{BusinessType, entity::BondType};
    /// assert_eq!(BusinessType::RailCarrier.required_bond_any_of(), [BondType::CommonCarrier]);
    /// assert!(BusinessType::Exporter.required_bond_any_of().is_empty());
    /// ```
    pub fn required_bond_any_of(self) -> &'static [BondType] {
        use BondType as B;
        match self {
            Self::Importer => &[B::ContinuousImport],
            Self::RailCarrier => &[B::CommonCarrier],
            Self::AirCarrier => &[B::ContinuousInternationalCarrier],
            Self::SeaCarrier => &[B::ContinuousInternationalCarrier, B::Other],
            Self::AirFreightConsolidatorOtiNvocc => {
                &[B::ContinuousInternationalCarrier, B::CustodialType2]
            }
            _ => &[],
        }
    }

    /// Describes this type.
    ///
    /// ```
    /// let info = ctpat::BusinessType::Exporter.info();
    /// assert_eq!((info.name.as_str(), info.required_identifiers.len()), ("U.S. exporter", 1));
    /// assert!(info.required_bond_any_of.is_empty() && !info.bond_uncertain);
    /// ```
    pub fn info(self) -> BusinessTypeInfo {
        BusinessTypeInfo {
            code: self,
            name: self.name().to_owned(),
            cbp_type: self.cbp_type().to_owned(),
            required_identifiers: self.required_identifiers(),
            required_bond_any_of: self.required_bond_any_of().to_vec(),
            bond_uncertain: self == Self::SeaCarrier,
            sources: self.sources().to_owned(),
        }
    }
}

/// Every business type described (what `business_types()` returns in every language).
///
/// ```
/// let all = ctpat::entity::business_types();
/// assert_eq!(all.len(), ctpat::BusinessType::ALL.len());
/// assert_eq!(all[0].code, ctpat::BusinessType::Importer);
/// ```
pub fn business_types() -> Vec<BusinessTypeInfo> {
    BusinessType::ALL.iter().map(|t| t.info()).collect()
}

/// A postal address.
///
/// ```
/// let a: ctpat::entity::Address = serde_json::from_str(r#"{"city": "Laredo", "country": "US"}"#).unwrap_or_default();
/// assert_eq!(a.country.as_deref(), Some("US"));
/// assert_eq!(a.staffed_office, None); // absent: unknown
/// ```
#[derive(Clone, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Address {
    /// Street and number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub street: Option<String>,
    /// City.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub city: Option<String>,
    /// State or province code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub state: Option<String>,
    /// Postal code.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub postal_code: Option<String>,
    /// ISO 3166-1 alpha-2 country code (`US`, `CA`, `MX`, ...).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    /// Whether the company has a staffed office at this address (absent: unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staffed_office: Option<bool>,
}

/// A bond held by the partner.
///
/// ```
/// use ctpat::entity::{Bond, BondType};
/// let b: Option<Bond> = serde_json::from_str(r#"{"bond_type": "continuous_import", "active": true}"#).ok();
/// assert_eq!(b.as_ref().map(|b| b.bond_type), Some(BondType::ContinuousImport));
/// assert_eq!(b.and_then(|b| b.number), None);
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Bond {
    /// Kind of bond.
    pub bond_type: BondType,
    /// Bond number (eBond), if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Whether the bond is valid and registered with CBP (absent: unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<bool>,
}

/// The role of a company contact (domain.md §7.3 #10).
///
/// ```
/// use ctpat::entity::ContactRole;
/// assert_eq!(serde_json::from_str::<ContactRole>("\"consultant\"").ok(), Some(ContactRole::Consultant));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ContactRole {
    /// A company officer (may sign agreements).
    CompanyOfficer,
    /// An employee.
    Employee,
    /// An outside consultant (never the primary POC, never signs).
    Consultant,
    /// Read-only contact.
    ReadOnly,
}

/// A company contact.
///
/// ```
/// use ctpat::entity::{Contact, ContactRole};
/// let json = r#"{"name": "Ana Ruiz", "email": "ana@example.com", "role": "company_officer", "is_primary_poc": true}"#;
/// let c: Option<Contact> = serde_json::from_str(json).ok();
/// assert_eq!(c.map(|c| (c.role, c.is_primary_poc)), Some((ContactRole::CompanyOfficer, true)));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Contact {
    /// Full name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// E-mail address (also the portal login id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Role in the company.
    pub role: ContactRole,
    /// Whether this contact is the primary point of contact.
    #[serde(default)]
    pub is_primary_poc: bool,
}

/// A company as eligibility rules see it. Optional facts left out mean "unknown".
///
/// ```
/// use ctpat::{BusinessType, IdentifierKind, Partner};
/// let json = r#"{"business_type": "rail_carrier", "identifiers": {"scac": "ABCD"}}"#;
/// let p: Option<Partner> = serde_json::from_str(json).ok();
/// assert_eq!(p.as_ref().map(|p| p.business_type), Some(BusinessType::RailCarrier));
/// assert_eq!(p.and_then(|p| p.identifiers.get(&IdentifierKind::Scac).cloned()).as_deref(), Some("ABCD"));
/// ```
#[derive(Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Partner {
    /// Enrollment type.
    pub business_type: BusinessType,
    /// Legal name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legal_name: Option<String>,
    /// Doing-business-as name.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dba: Option<String>,
    /// Identifiers by kind (`{"scac": "QWRT", "usdot": "604211"}`).
    #[serde(default)]
    pub identifiers: BTreeMap<IdentifierKind, String>,
    /// For an `irs_number` IOR: whether it is SSN-based (then it is personal data).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ior_ssn_based: Option<bool>,
    /// Addresses (offices, plants, terminals).
    #[serde(default)]
    pub addresses: Vec<Address>,
    /// Bonds held.
    #[serde(default)]
    pub bonds: Vec<Bond>,
    /// Company contacts.
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Facts the eligibility rules read (all optional: absent = unknown).
    #[serde(default)]
    pub facts: PartnerFacts,
    /// Decisions CBP has recorded (security events, individual review); absent = not decided.
    #[serde(default)]
    pub cbp_decisions: CbpDecisions,
}

crate::redact::masked_debug!(
    IdentifierRequirement,
    BusinessTypeInfo,
    Address,
    Bond,
    Contact,
    Partner
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fourteen_codes_map_to_twelve_cbp_types() {
        assert_eq!(BusinessType::ALL.len(), 14);
        let cbp: std::collections::BTreeSet<_> =
            BusinessType::ALL.iter().map(|t| t.cbp_type()).collect();
        assert_eq!(cbp.len(), 12, "{cbp:?}");
    }

    #[test]
    fn codes_round_trip_through_serde() {
        for t in BusinessType::ALL {
            let json = serde_json::to_string(t).unwrap();
            assert_eq!(json, format!("\"{}\"", t.code()));
            assert_eq!(BusinessType::from_code(t.code()), Some(*t));
        }
    }
}
