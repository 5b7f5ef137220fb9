/**
 * Operations anyone may call without signing in (OpenAPI `security: []`); every other operation needs the session
 * cookie, and on writes its CSRF header too (src/shared/http/openapi.ts). Reads here answer a signed-in caller with
 * more (unpublished records of their scope, richer disclosure tiers); a session sent to a write here still needs the
 * CSRF header. Checked against the server's answers to anonymous callers in src/shared/http/openapi.test.ts.
 */
export const PUBLIC_OPERATIONS: ReadonlySet<string> = new Set([
  // reads: health, the signed-in user (or none), registry and transfer listings, published evaluations and facts
  'GET /api/achievements', 'GET /api/achievements/{id}', 'GET /api/achievements/{id}/audit',
  'GET /api/annual-statistics', 'GET /api/annual-statistics/{id}', 'GET /api/annual-statistics/{id}/audit',
  'GET /api/auth/me', 'GET /api/demands', 'GET /api/demands/{id}', 'GET /api/demands/{id}/audit',
  'GET /api/demands/{id}/disclosure', 'GET /api/demands/{id}/matches', 'GET /api/demands/{id}/quality',
  'GET /api/demands/{id}/status-history', 'GET /api/exports/{entity}', 'GET /api/frameworks',
  'GET /api/frameworks/{id}', 'GET /api/funds/voucher-categories', 'GET /api/health', 'GET /api/health/live',
  'GET /api/health/ready', 'GET /api/indicator-publications', 'GET /api/indicator-values', 'GET /api/indicators',
  'GET /api/indicators/computations', 'GET /api/indicators/{id}', 'GET /api/intelligence/zone-facts',
  'GET /api/meta/entities', 'GET /api/offers', 'GET /api/offers/{id}', 'GET /api/offers/{id}/audit',
  'GET /api/offers/{id}/disclosure', 'GET /api/offers/{id}/matches', 'GET /api/offers/{id}/quality',
  'GET /api/offers/{id}/status-history', 'GET /api/organizations', 'GET /api/organizations/{id}',
  'GET /api/organizations/{id}/audit', 'GET /api/people', 'GET /api/people/{id}', 'GET /api/people/{id}/audit',
  'GET /api/projects', 'GET /api/projects/{id}', 'GET /api/projects/{id}/audit', 'GET /api/qualifications',
  'GET /api/qualifications/{id}', 'GET /api/qualifications/{id}/audit', 'GET /api/registrations/status',
  'GET /api/talent/sources', 'GET /api/transfer/challenges', 'GET /api/transfer/challenges/{id}',
  'GET /api/transfer/demands', 'GET /api/transfer/demands/{id}', 'GET /api/transfer/offers',
  'GET /api/transfer/offers/{id}', 'GET /api/zone-facts', 'GET /api/zone-facts/{id}',
  'GET /api/zone-facts/{id}/audit', 'GET /api/zones', 'GET /api/zones/{id}', 'GET /api/zones/{id}/classification',
  'GET /api/zones/{id}/dashboard',
  'GET /api/zones/{id}/evaluation', 'GET /api/zones/{id}/evaluation.csv', 'GET /api/zones/{id}/evaluation.json',
  'GET /api/zones/{id}/evaluation.pdf', 'GET /api/zones/{id}/evaluation.xlsx', 'GET /api/zones/{id}/match-weights',
  'GET /api/zones/{id}/partners',
  // writes: signing in and out, an enterprise's own registration, scoring a draft listing, expressing interest,
  // evaluations and the super-deduction calculator (computed, nothing stored)
  'POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/registrations', 'POST /api/transfer/quality/demand',
  'POST /api/transfer/quality/offer', 'POST /api/transfer/demands/{id}/interest',
  'POST /api/transfer/offers/{id}/interest', 'POST /api/frameworks/{id}/evaluate',
  'POST /api/frameworks/{id}/uncertainty', 'POST /api/policy/super-deduction',
]);
