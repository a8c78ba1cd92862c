// Types of the public ctpat surface. Keys are snake_case, as in the JSON Schemas; the
// models in ./types.d.ts are generated from those schemas.
import type {
  AccessRulesAnswer,
  Account,
  AccountOpAnswer,
  Action,
  Actor,
  AdvanceAnswer,
  ApplyEventAnswer,
  AuthorizeAnswer,
  BenefitsAnswer,
  BusinessPartner,
  BusinessType,
  BusinessTypeInfo,
  Catalogue,
  CatalogueCheck,
  CompanyProfile,
  ConstructMidAnswer,
  ConstructMidCall,
  DeadlinesAnswer,
  EligibilityReport,
  Event,
  EventKind,
  Finding,
  IdentifierCheck,
  IdentifierKind,
  IdentRuleInfo,
  LinkAnswer,
  LoadCatalogueAnswer,
  LogEntry,
  LogVerification,
  Membership,
  MraTable,
  Partner,
  Policy,
  ProfileCheck,
  ProfileReport,
  ReviewWindow,
  RuleInfo,
  ScreeningReport,
  ScreeningRule,
  SecurityProfile,
  SplitCompanyProfileAnswer,
  TransitionRule,
  ValidateAccountAnswer,
} from './types'

export * from './types'

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
  /** Stable code, e.g. `unknown_identifier_kind`, `invalid_input`, `invalid_date`, `unknown_field`. */
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
/** How a batch is cut into native calls. */
export interface ChunkOptions {
  /**
   * Records (or calls) per native call; default 256. Answers keep their order whatever the size;
   * one huge chunk only makes the garbage collector work harder.
   */
  chunkSize?: number
}
/**
 * Many argument objects in native calls of `chunkSize` calls; failed calls give a `CtpatError`
 * in their place.
 */
export declare function callMany(op: string, calls: Array<Record<string, unknown>>, options?: ChunkOptions): Array<unknown>
/** `callMany` on the libuv thread pool. */
export declare function callManyAsync(
  op: string,
  calls: Array<Record<string, unknown>>,
  options?: ChunkOptions,
): Promise<Array<unknown>>
/** Every core operation with a one-line summary. */
export declare function operations(): Array<{ name: string; summary: string }>
/** The crate, rules and schema versions of this build. */
export declare function versions(): { version: string; rules_version: string; schema_version: string }
/** Normalises and checks one identifier of a declared kind. */
export declare function checkIdentifier(kind: IdentifierKind, text: string, options?: CheckIdentifierOptions): IdentifierCheck
/** Every identifier check rule with its code, severity and source. */
export declare function identifierRules(): IdentRuleInfo[]
/** Builds a manufacturer identification code (MID) from name and address; compares `declared`. */
export declare function constructMid(input: ConstructMidCall): ConstructMidAnswer
/** Every business type with its requirements. */
export declare function businessTypes(): BusinessTypeInfo[]
/** Today's date in UTC (`YYYY-MM-DD`): what the binding uses when `asOf` is omitted. */
export declare function todayUtc(): string

/** A policy preset name or a (partial) policy object. */
export type PolicyInput = 'current' | 'portal_2006' | 'portal_2006_importers_july' | Partial<Policy>

/** Options shared by time-dependent calls. */
export interface CommonOptions {
  /** The date of the answer (`YYYY-MM-DD` or a `Date`); default today in UTC. */
  asOf?: string | Date
  /** A preset name or a policy object; default `current`. */
  policy?: PolicyInput
  /** The rules edition you expect; another edition is refused. */
  rulesVersion?: string
}

/** A full policy: a preset by name, or a (partial) policy object checked and completed. */
export declare function policy(presetOrObject?: PolicyInput): Policy
/** Evaluates every eligibility rule of the partner's business type. */
export declare function checkEligibility(partner: Partner, options?: CommonOptions): EligibilityReport
/** Options of the batch forms: the call's options, once for every record, and `chunkSize`. */
export type BatchOptions<O = CommonOptions> = O & ChunkOptions
/**
 * Many partners, each an object or the JSON text of one, as a string or UTF-8 bytes (e.g. a line
 * of a JSON Lines file: Rust checks that the text is exactly one JSON value; it is never parsed in
 * JavaScript). A record that cannot be understood gives its error in place (`invalid_json` at
 * `/partner` for bad text).
 */
export declare function checkEligibilityMany(
  records: Array<Partner | string | Uint8Array>,
  options?: BatchOptions,
): Array<EligibilityReport | CtpatError>
/**
 * `checkEligibilityMany` on the libuv thread pool, two chunks at a time. Records are encoded chunk
 * by chunk while the Promise is pending: do not change the record objects until it settles.
 */
export declare function checkEligibilityManyAsync(
  records: Array<Partner | string | Uint8Array>,
  options?: BatchOptions,
): Promise<Array<EligibilityReport | CtpatError>>
/** Every eligibility rule. */
export declare function rules(): RuleInfo[]

/** Options of `validateProfile` and its batch forms. */
export interface ProfileOptions extends CommonOptions {
  /** A user-supplied MSC catalogue (object or JSON text); default the embedded partial one. */
  catalogue?: Catalogue | string
}
/** Validates a security profile against an MSC catalogue as of a date. */
export declare function validateProfile(profile: SecurityProfile, options?: ProfileOptions): ProfileReport
/**
 * Many profiles, each an object or the JSON text of one, as a string or UTF-8 bytes (checked by
 * Rust, never parsed in JavaScript); a profile that cannot be understood gives its error in place.
 */
export declare function validateProfileMany(
  profiles: Array<SecurityProfile | string | Uint8Array>,
  options?: BatchOptions<ProfileOptions>,
): Array<ProfileReport | CtpatError>
/** `validateProfileMany` on the libuv thread pool. */
export declare function validateProfileManyAsync(
  profiles: Array<SecurityProfile | string | Uint8Array>,
  options?: BatchOptions<ProfileOptions>,
): Promise<Array<ProfileReport | CtpatError>>

/** Options of `annualReviewWindow`. */
export interface ReviewWindowOptions extends CommonOptions {
  /** Date of the last annual review submitted, if any. */
  lastSubmittedOn?: string | Date
}
/** The annual review window around a certification anniversary and its state on `asOf`. */
export declare function annualReviewWindow(anniversary: string | Date, options?: ReviewWindowOptions): ReviewWindow
/** Screens business partners on their CTPAT, AEO (MRA) or BASC documentation in one native call. */
export declare function screenPartners(partners: Array<BusinessPartner>, options?: CommonOptions): ScreeningReport
/** `screenPartners` on the libuv thread pool (one native call for the whole array). */
export declare function screenPartnersAsync(
  partners: Array<BusinessPartner>,
  options?: CommonOptions,
): Promise<ScreeningReport>
/** The mutual recognition arrangements used by partner screening. */
export declare function mraTable(): MraTable
/** Every security-profile check with its severity and source. */
export declare function profileChecks(): ProfileCheck[]
/** Every partner-screening rule with its result and source. */
export declare function screeningRules(): ScreeningRule[]
/** The checks a user-supplied MSC catalogue must pass. */
export declare function catalogueChecks(): CatalogueCheck[]
/** Validates a user-supplied MSC catalogue (object or JSON text); returns it normalised with a summary. */
export declare function loadCatalogue(catalogue: Catalogue | string): LoadCatalogueAnswer
/** The embedded (partial) 2019 MSC catalogue. */
export declare function catalogue(): Catalogue

/** Options of calls that take a policy but no date. */
export interface PolicyOptions {
  /** A preset name or a policy object; default `current`. */
  policy?: PolicyInput
  /** The rules edition you expect; another edition is refused. */
  rulesVersion?: string
}
/** Options of `applyEvent`. */
export interface ApplyEventOptions extends PolicyOptions {
  /** The date of the event (`YYYY-MM-DD` or a `Date`); default today in UTC. */
  at?: string | Date
}
/** A membership that has not applied yet. */
export declare function newMembership(businessType: BusinessType, options?: { rulesVersion?: string }): Membership
/** Applies one lifecycle event (an object, or just its kind) by an actor: state in, state out. */
export declare function applyEvent(
  membership: Membership,
  event: Event | EventKind,
  actor: Actor,
  options?: ApplyEventOptions,
): ApplyEventAnswer
/** Applies every deadline consequence that took effect by `asOf`. */
export declare function advance(membership: Membership, options?: CommonOptions): AdvanceAnswer
/** What a membership has due next on `asOf`. */
export declare function deadlines(membership: Membership, options?: CommonOptions): DeadlinesAnswer
/** The benefits a membership enjoys now. */
export declare function benefits(membership: Membership, options?: PolicyOptions): BenefitsAnswer
/** The lifecycle transition table. */
export declare function transitions(): TransitionRule[]
/** Checks a membership audit log's hash chain. */
export declare function verifyLog(log: LogEntry[], options?: { rulesVersion?: string }): LogVerification
/** Rebuilds a membership from its audit log. */
export declare function replay(businessType: BusinessType, log: LogEntry[], options?: PolicyOptions): Membership
/** Links memberships into one validation group and returns the shared schedule. */
export declare function linkForJointValidation(
  memberships: Membership[],
  group: string,
  options?: PolicyOptions,
): LinkAnswer

/** Who asks: a portal login acting in one account, a CBP role, or nobody. */
export type PortalPrincipal =
  | { kind: 'user'; email: string; account_id: string }
  | { kind: 'cbp_scss' }
  | { kind: 'cbp_hq' }
  | { kind: 'cbp_other' }
  | { kind: 'anonymous' }
/** Decides whether a principal may take an action in a portal account. */
export declare function authorize(
  principal: PortalPrincipal,
  action: Action,
  account: Account,
  options?: CommonOptions,
): AuthorizeAnswer
/** Checks a portal account's contact and user invariants. */
export declare function validateAccount(account: Account, options?: PolicyOptions): ValidateAccountAnswer
/** Designates a new user of a portal account (primary POC only). */
export declare function addUser(principal: PortalPrincipal, account: Account, email: string, options?: CommonOptions): AccountOpAnswer
/** Removes a designated user of a portal account (primary POC only). */
export declare function removeUser(principal: PortalPrincipal, account: Account, email: string, options?: CommonOptions): AccountOpAnswer
/** Hands the primary POC role to another contact. */
export declare function changePrimaryPoc(
  principal: PortalPrincipal,
  account: Account,
  email: string,
  options?: CommonOptions,
): AccountOpAnswer
/** Changes a contact's or user's e-mail (delete and re-add). */
export declare function changeEmail(
  principal: PortalPrincipal,
  account: Account,
  oldEmail: string,
  newEmail: string,
  options?: CommonOptions,
): AccountOpAnswer
/** Links another account for a joint review. */
export declare function linkAccounts(
  principal: PortalPrincipal,
  account: Account,
  otherAccountId: string,
  options?: CommonOptions,
): AccountOpAnswer
/** Removes the link to another account. */
export declare function unlinkAccounts(
  principal: PortalPrincipal,
  account: Account,
  otherAccountId: string,
  options?: CommonOptions,
): AccountOpAnswer
/** Splits a Portal 2.0 company profile into one account per security model. */
export declare function splitCompanyProfile(
  profile: CompanyProfile,
  options?: { rulesVersion?: string },
): SplitCompanyProfileAnswer
/** The portal access rules in evaluation order and the account invariants. */
export declare function accessRules(): AccessRulesAnswer
