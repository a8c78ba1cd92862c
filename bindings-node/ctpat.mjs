// ES module entry: the same functions as the CommonJS entry `ctpat.js`.
import { createRequire } from 'node:module'

const require = createRequire(import.meta.url)
const ctpat = require('./ctpat.js')

export const {
  CtpatError,
  VERSION,
  RULES_VERSION,
  SCHEMA_VERSION,
  call,
  callMany,
  callManyAsync,
  operations,
  checkIdentifier,
  businessTypes,
  todayUtc,
  policy,
  checkEligibility,
  checkEligibilityMany,
  checkEligibilityManyAsync,
  rules,
} = ctpat
export default ctpat
