// A small HTTP service over ctpat with Fastify.
//
//   node examples/node/server.mjs            # listens on 127.0.0.1:3000 (PORT, HOST to change)
//   curl -s localhost:3000/eligibility -H 'content-type: application/json' \
//        -d '{"partner": {...}, "as_of": "2025-06-30"}'
//
// Bodies are the JSON API's call objects (snake_case keys, as in schemas/*_call.json); `as_of`
// defaults to today (UTC). Answers:
//   200  the report (eligible, valid profile, allowed decision)
//   422  a business failure: { code, findings, report } (ineligible or incomplete partner,
//        invalid or incomplete profile, denied decision)
//   400  a malformed body: { code, message, path, findings } (invalid JSON, wrong types, ...)
//   413  a body over 1 MB;  415  a body that is not JSON
import { createRequire } from 'node:module'
import { pathToFileURL } from 'node:url'
import * as ctpat from '../../bindings-node/ctpat.mjs'

// Fastify is a dev dependency of the npm package; load it from there.
const require = createRequire(new URL('../../bindings-node/package.json', import.meta.url))
const fastify = require('fastify')

const BODY_LIMIT = 1024 * 1024

/** The call object of a request, with `as_of` defaulted to today; anything else goes to the core as is. */
function callArgs(body) {
  if (body !== null && typeof body === 'object' && !Array.isArray(body) && body.as_of === undefined) {
    return { ...body, as_of: ctpat.todayUtc() }
  }
  return body
}

function errorBody(code, message, path = '', findings = []) {
  return { code, message, path, findings }
}

/** 200 with the answer when `ok`, else 422 with the coded findings and the answer. */
function answer(reply, ok, code, findings, key, value) {
  if (ok) return value
  return reply.code(422).send({ code, findings, [key]: value })
}

/** Builds the Fastify app (not listening). */
export function build(options = {}) {
  const app = fastify({ logger: false, bodyLimit: BODY_LIMIT, ...options })

  // JSON only: without its default text parser Fastify answers 415 to any other body.
  app.removeContentTypeParser('text/plain')

  app.setErrorHandler((err, _request, reply) => {
    if (err instanceof ctpat.CtpatError) {
      const status = err.code === 'internal' ? 500 : 400
      return reply.code(status).send(errorBody(err.code, err.message, err.path, err.findings))
    }
    const status = err.statusCode ?? 500
    if (status === 413) return reply.code(413).send(errorBody('body_too_large', `request bodies are limited to ${BODY_LIMIT} bytes`))
    if (status === 415) return reply.code(415).send(errorBody('unsupported_media_type', err.message))
    if (status === 400) return reply.code(400).send(errorBody('invalid_json', err.message))
    return reply.code(500).send(errorBody('internal', 'internal error'))
  })

  app.post('/eligibility', async (request, reply) => {
    const report = ctpat.call('check_eligibility', callArgs(request.body))
    return answer(reply, report.outcome === 'eligible', report.outcome, report.findings, 'report', report)
  })

  app.post('/profile/validate', async (request, reply) => {
    const report = ctpat.call('validate_profile', callArgs(request.body))
    return answer(reply, report.outcome === 'valid', report.outcome, report.findings, 'report', report)
  })

  app.post('/authorize', async (request, reply) => {
    const decision = ctpat.call('authorize', callArgs(request.body))
    const finding = { code: decision.code, severity: 'error', path: '/action', message: decision.reason }
    return answer(reply, decision.allowed, decision.code, [finding], 'decision', decision)
  })

  return app
}

/** Builds the app and listens; resolves to `{ app, url }`. Port 0 picks a free port. */
export async function start({ port = 3000, host = '127.0.0.1', ...options } = {}) {
  const app = build(options)
  const url = await app.listen({ port, host })
  return { app, url }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { url } = await start({ port: Number(process.env.PORT ?? 3000), host: process.env.HOST ?? '127.0.0.1' })
  console.log(`ctpat ${ctpat.VERSION} listening on ${url}`)
}
