// Types of the public ctpat surface. Keys are snake_case, as in the JSON Schemas.

/** Every identifier kind (domain.md §3). */
export type IdentifierKind =
  | 'irs_number' | 'ssn' | 'cbp_assigned_number' | 'ein' | 'duns' | 'scac' | 'usdot'
  | 'mc_number' | 'broker_license' | 'filer_code' | 'fmc_org_number' | 'fmc_mto_number'
  | 'iata_org_number' | 'iata_code' | 'icao_code' | 'mid' | 'rfc' | 'sct_number' | 'caat'
  | 'bond_number' | 'canadian_bn' | 'firms_code' | 'entry_number'

/** Every CTPAT business type code. */
export type BusinessType =
  | 'importer' | 'exporter' | 'highway_carrier_us_canada' | 'highway_carrier_us_mexico'
  | 'mexican_long_haul_carrier' | 'rail_carrier' | 'sea_carrier' | 'air_carrier'
  | 'air_freight_consolidator_oti_nvocc' | 'customs_broker'
  | 'marine_port_authority_terminal_operator' | 'foreign_marine_port_terminal_operator'
  | 'foreign_manufacturer' | 'third_party_logistics'

/** Kinds of CBP bond. */
export type BondType =
  | 'continuous_import' | 'continuous_international_carrier' | 'custodial_type2'
  | 'common_carrier' | 'single_transaction' | 'other'

/** How much a finding matters. */
export type Severity = 'error' | 'warning' | 'info'

/** One problem or remark; `path` is a JSON Pointer into the input. */
export interface Finding {
  code: string
  severity: Severity
  path: string
  message: string
  params?: Record<string, unknown>
}

/** Answer of `checkIdentifier`. */
export interface IdentifierCheck {
  kind: IdentifierKind
  valid: boolean
  /** Canonical form; redacted for personal kinds unless `reveal` was set. */
  normalized: string | null
  /** Display form with separators; always redacted for personal kinds. */
  display: string | null
  redacted: boolean
  findings: Finding[]
}

/** One identifier requirement: any one of `any_of` satisfies it. */
export interface IdentifierRequirement {
  any_of: IdentifierKind[]
  condition: string | null
  uncertain: boolean
}

/** A business type with what it requires. */
export interface BusinessTypeInfo {
  code: BusinessType
  name: string
  cbp_type: string
  required_identifiers: IdentifierRequirement[]
  required_bond_any_of: BondType[]
  bond_uncertain: boolean
  sources: string
}

/** Options of `checkIdentifier`. */
export interface CheckIdentifierOptions {
  /** Return a personal identifier's `normalized` value in full (default: redacted). */
  reveal?: boolean
  /** For `irs_number`: the IOR is SSN-based, hence personal data. */
  ssnBased?: boolean
  /** Date for advisory date checks (`YYYY-MM-DD` or a `Date`). */
  asOf?: string | Date
}

/** Error thrown by every ctpat function. */
export declare class CtpatError extends Error {
  /** Stable code, e.g. `unknown_identifier_kind`, `invalid_input`, `invalid_date`. */
  readonly code: string
  /** JSON Pointer of the bad field (`''` for the whole input). */
  readonly path: string
  readonly findings: Finding[]
}

export declare const VERSION: string
export declare const RULES_VERSION: string
export declare const SCHEMA_VERSION: string

/** Runs any core operation by name on an object of named snake_case arguments. */
export declare function call(op: string, args?: Record<string, unknown>): unknown
/** One native call for many argument objects; failed calls give a `CtpatError` in their place. */
export declare function callMany(op: string, calls: Array<Record<string, unknown>>): Array<unknown>
/** `callMany` on the libuv thread pool. */
export declare function callManyAsync(op: string, calls: Array<Record<string, unknown>>): Promise<Array<unknown>>
/** Every core operation with a one-line summary. */
export declare function operations(): Array<{ name: string; summary: string }>
/** Normalises and checks one identifier of a declared kind. */
export declare function checkIdentifier(kind: IdentifierKind, text: string, options?: CheckIdentifierOptions): IdentifierCheck
/** Every business type with its requirements. */
export declare function businessTypes(): BusinessTypeInfo[]
/** Today's date in UTC (`YYYY-MM-DD`): what the binding uses when `asOf` is omitted. */
export declare function todayUtc(): string
