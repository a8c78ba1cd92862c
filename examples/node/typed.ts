// A typed use of ctpat: `tsc --noEmit --strict` checks it in ./run test.
import {
  applyEvent,
  authorize,
  businessTypes,
  checkEligibilityMany,
  checkIdentifier,
  CtpatError,
  deadlines,
  newMembership,
  screenPartners,
  validateProfile,
} from 'ctpat'
import type {
  Account,
  Action,
  BusinessType,
  DeadlineKind,
  Finding,
  IdentifierCheck,
  Membership,
  Partner,
  PortalPrincipal,
  ProfileOutcome,
  ScreeningResult,
  SecurityProfile,
} from 'ctpat'

export function blockingFindings(kind: 'scac' | 'usdot', text: string): Finding[] {
  const check: IdentifierCheck = checkIdentifier(kind, text)
  return check.findings.filter((f) => f.severity === 'error')
}

export function carrierTypes(): BusinessType[] {
  return businessTypes()
    .filter((t) => t.required_identifiers.some((r) => r.any_of.includes('scac')))
    .map((t) => t.code)
}

export function codeOf(err: unknown): string | undefined {
  return err instanceof CtpatError ? err.code : undefined
}

/** Walks a new importer membership through application and returns what falls due next. */
export function firstDeadlines(on: string): DeadlineKind[] {
  let m: Membership = newMembership('importer')
  m = applyEvent(m, 'application_started', 'partner_officer', { at: on }).membership
  m = applyEvent(m, { kind: 'profile_submitted' }, 'partner_officer', { at: new Date(`${on}T00:00:00Z`) }).membership
  return deadlines(m, { asOf: on }).deadlines.map((d) => d.kind)
}

/** Whether a user of one account may take an action in it, with the deciding rule. */
export function mayI(email: string, account: Account, action: Action): [boolean, string] {
  const me: PortalPrincipal = { kind: 'user', email, account_id: account.account_id }
  const decision = authorize(me, action, account, { policy: 'current' })
  return [decision.allowed, decision.code]
}

export function profileOutcome(profile: SecurityProfile, asOf: string): ProfileOutcome {
  return validateProfile(profile, { asOf, rulesVersion: '2026.1' }).outcome
}

export function screeningCounts(ids: string[]): Map<ScreeningResult, number> {
  const report = screenPartners(ids.map((id) => ({ id, name: id, country: 'US' })))
  const counts = new Map<ScreeningResult, number>()
  for (const r of report.results) counts.set(r.result, (counts.get(r.result) ?? 0) + 1)
  return counts
}

/** The types are precise: a misspelt action, actor or business type does not compile. */
export function typosDoNotCompile(account: Account, m: Membership): void {
  const me: PortalPrincipal = { kind: 'cbp_hq' }
  // @ts-expect-error `fly` is not an Action
  authorize(me, 'fly', account)
  // @ts-expect-error `janitor` is not an Actor
  applyEvent(m, 'certified', 'janitor')
  // @ts-expect-error `trucker` is not a BusinessType
  newMembership('trucker')
  // @ts-expect-error options are camelCase
  deadlines(m, { as_of: '2025-01-01' })
}

/** Eligibility outcomes of JSON Lines text and objects mixed; errors stay in place. */
export function outcomes(lines: string[], more: Partner[], asOf: string): Array<string> {
  return checkEligibilityMany([...lines, ...more], { asOf, chunkSize: 512 }).map((r) =>
    r instanceof CtpatError ? r.code : r.outcome,
  )
}
