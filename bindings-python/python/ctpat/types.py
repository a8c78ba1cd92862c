"""String literal types of the wire format, for type checkers (and ``typing.get_args`` at run time)."""

from __future__ import annotations

from typing import Literal

Severity = Literal["error", "warning", "info"]

IdentifierKind = Literal[
    "irs_number", "ssn", "cbp_assigned_number", "ein", "duns", "scac", "usdot", "mc_number",
    "broker_license", "filer_code", "fmc_org_number", "fmc_mto_number", "iata_org_number",
    "iata_code", "icao_code", "mid", "rfc", "sct_number", "caat", "bond_number", "canadian_bn",
    "firms_code", "entry_number",
]

BusinessType = Literal[
    "importer", "exporter", "highway_carrier_us_canada", "highway_carrier_us_mexico",
    "mexican_long_haul_carrier", "rail_carrier", "sea_carrier", "air_carrier",
    "air_freight_consolidator_oti_nvocc", "customs_broker",
    "marine_port_authority_terminal_operator", "foreign_marine_port_terminal_operator",
    "foreign_manufacturer", "third_party_logistics",
]

BondType = Literal[
    "continuous_import", "continuous_international_carrier", "custodial_type2",
    "common_carrier", "single_transaction", "other",
]
