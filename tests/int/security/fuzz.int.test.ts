import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { databaseAvailable, testEngine } from '../../support/database.ts';
import { TEST_ORIGIN, useHarness } from '../../support/harness.ts';
import { ACCOUNTS, loadWorld, type World } from './world.ts';

/**
 * T3-lite — fuzzing every route of the route table (ASVS 2.2, 16.5.1; API8), signed in as a
 * facilitator: arbitrary and hostile path parameters, query strings, JSON bodies (naughty strings,
 * deep nesting, prototype keys, huge values) and wrong content types. No answer may be a 5xx, and
 * no error may carry a stack trace, a file path or SQL.
 */

/**
 * About this many requests per engine, spread over the routes (at least 60 each), and at most this
 * long: the time is shared between the routes, so that new routes never push the run past a minute.
 */
const REQUEST_BUDGET = 2_600;
const MIN_RUNS_PER_ROUTE = 60;
const TIME_BUDGET_MS = 50_000;
/** Below this many requests on a route, its time share was too short to mean anything. */
const MIN_REQUESTS_PER_ROUTE = 20;

/**
 * A valid body per route, of which the fuzzer breaks one field at a time, so hostile values get
 * past validation and reach the use cases and the database. Routes without one get generic bodies.
 */
const BASE_BODIES: Record<string, Record<string, unknown>> = {
  'POST /api/organisations': { name: 'Atelier du fuzz', universe: 'association', description: 'Un texte.' },
  'PATCH /api/organisations/:id': { name: 'Nom modifié', description: 'Un texte.' },
  'POST /api/organisations/:id/archive': {},
  'POST /api/admin/invitations': { email: 'invitation-fuzz@labo.test', role: 'viewer' },
  'POST /api/invitations/accept': {
    token: 'x'.repeat(43),
    name: 'Fuzz',
    password: 'une phrase assez longue',
  },
  'POST /api/auth/*': { email: 'personne@labo.test', password: 'un mauvais mot de passe' },
};

/** Strings that broke other systems: injection, encodings, control characters, lookalikes. */
const NAUGHTY = [
  '',
  ' ',
  '\u0000',
  'nul\u0000inside',
  '\u0000\u0001\u0002\u001f\u007f',
  "'; DROP TABLE organisations; --",
  "' OR '1'='1",
  '" OR ""="',
  '1; SELECT pg_sleep(5)',
  "%' AND 1=1 --",
  '\\',
  '\\x00',
  '$1',
  '{{7*7}}',
  '${jndi:ldap://x}',
  '<script>alert(1)</script>',
  '"><img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '../../../../etc/passwd',
  '%00',
  '%2e%2e%2f',
  '\uFEFFbom',
  '\uD800',
  '\uDFFF\uD800',
  '\u202Eevil',
  'ﷺ'.repeat(50),
  '𝕃𝕒𝕓𝕠',
  'Ω≈ç√∫˜µ≤≥÷',
  'Ⅰ Ⅱ Ⅲ',
  'NaN',
  'Infinity',
  '-1',
  '0',
  '1e309',
  '9'.repeat(400),
  'true',
  'null',
  'undefined',
  '__proto__',
  'constructor',
  'W123456789',
  '67482',
  '2A004',
  '40048550400064',
  'a'.repeat(10_000),
  '😀'.repeat(3000),
  '\r\nSet-Cookie: x=1',
  '*',
  '%',
  '_',
  "l'Économie Sociale et Solidaire",
];

const naughty = fc.constantFrom(...NAUGHTY);
const text = fc.oneof(
  { weight: 3, arbitrary: naughty },
  { weight: 2, arbitrary: fc.string() },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 300 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 100 }) },
);

/** Field names the routes know, so that fuzzed values reach validation and the database, not only key checks. */
const FIELDS = [
  'name',
  'universe',
  'communeInsee',
  'siren',
  'siret',
  'rna',
  'description',
  'email',
  'password',
  'role',
  'organisationId',
  'token',
  'newPassword',
  'redirectTo',
  'callbackURL',
  'q',
  'page',
  'pageSize',
  'status',
  '__proto__',
  'constructor',
  'prototype',
];
const fieldName = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...FIELDS) },
  { weight: 1, arbitrary: fc.string() },
);

const scalar = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(Number.MAX_SAFE_INTEGER, -1, 0, 1e308),
  fc.constantFrom('association', 'sme', 'member', 'network_admin', 'lab_admin', 'active', 'archived'),
);

const { tree } = fc.letrec((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    scalar,
    fc.array(tie('tree'), { maxLength: 4 }),
    fc.dictionary(fieldName, tie('tree'), { maxKeys: 6 }),
  ),
}));

/** Bodies: known fields with hostile values, arbitrary JSON, very deep nesting, and raw non-JSON text. */
const body = fc.oneof(
  { weight: 4, arbitrary: fc.dictionary(fieldName, scalar, { maxKeys: 8 }).map((o) => JSON.stringify(o)) },
  { weight: 2, arbitrary: tree.map((value) => JSON.stringify(value)) },
  { weight: 1, arbitrary: fc.jsonValue().map((value) => JSON.stringify(value)) },
  {
    weight: 1,
    arbitrary: fc.integer({ min: 1_000, max: 200_000 }).map((depth) => '['.repeat(depth) + ']'.repeat(depth)),
  },
  {
    weight: 1,
    arbitrary: fc
      .integer({ min: 100, max: 5_000 })
      .map((depth) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth)),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{"__proto__":{"role":"network_admin"}}',
      '{"constructor":{"prototype":{"x":1}}}',
    ),
  },
  { weight: 1, arbitrary: text },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '{',
      '{"name":',
      '[1,2',
      '\u0000',
      'null',
      '"string"',
      '1e999',
      '{"a":1}{"b":2}',
    ),
  },
);

const contentType = fc.oneof(
  { weight: 8, arbitrary: fc.constant('application/json') },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      'text/plain',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=----x',
      'application/xml',
      'application/json; charset=utf-16',
      'application/json; charset=latin1',
      'application/vnd.api+json',
      'application/json, text/plain',
      '',
      '*/*',
      'application/octet-stream',
    ),
  },
);

/** Percent-encodes any string, lone surrogates included (they become U+FFFD, as a browser sends them). */
const encode = (s: string): string => encodeURIComponent(Buffer.from(s, 'utf8').toString('utf8'));

/** Raw, malformed percent sequences that no encoder would produce. */
const rawSegment = fc.constantFrom(
  '%',
  '%zz',
  '%E0%A4%A',
  '%C0%AF',
  '%00',
  '%FF%FE',
  '..',
  '.',
  '%2F',
  '%252e',
);

const queryString = fc.oneof(
  fc
    .array(fc.tuple(fieldName, text), { maxLength: 6 })
    .map((pairs) => pairs.map(([k, v]) => `${encode(k)}=${encode(v)}`).join('&')),
  // The parameters the list routes read, one of them hostile.
  fc
    .tuple(fc.constantFrom('q', 'page', 'pageSize', 'status', 'universe'), naughty)
    .map(([k, v]) => `q=jardin&pageSize=5&${k}=${encode(v)}`),
);

/** What an error body must never contain: stack frames, source paths, SQL or database error text. */
const LEAK_PATTERNS = [
  /\bat [\w$.<>]+ \(/,
  /\.(ts|js|mjs):\d+/,
  /node_modules/,
  /\/work\/|\/home\/|\/tmp\//,
  /\b(SELECT|INSERT INTO|UPDATE \w+ SET|DELETE FROM)\b/,
  /syntax error|relation "|violates|duplicate key|invalid byte sequence|DrizzleQueryError|PGlite|postgres/i,
];

describe.skipIf(!databaseAvailable())(`T3 fuzzing every route on ${testEngine}`, () => {
  const harness = useHarness();
  let world: World;
  let cookie: string;

  beforeAll(async () => {
    world = await loadWorld(harness);
    cookie = await harness.signIn(ACCOUNTS.facilitatorAlsace);
  });

  // Regressions the fuzzer found: both used to answer 500.
  it('refuses U+0000 in a body, a path or a query string with 400 (PostgreSQL text cannot hold it)', async () => {
    const headers = { origin: TEST_ORIGIN, cookie, 'content-type': 'application/json' };
    const inject = harness.runtime.app.inject.bind(harness.runtime.app);
    const cases = [
      inject({
        method: 'POST',
        url: '/api/organisations',
        headers,
        payload: JSON.stringify({ name: 'nul\u0000dedans', universe: 'association' }),
      }),
      inject({
        method: 'PATCH',
        url: `/api/organisations/${world.otherOrganisationAlsace}`,
        headers,
        payload: JSON.stringify({ description: 'a\u0000b' }),
      }),
      inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        headers,
        payload: JSON.stringify({ email: 'a\u0000@b.fr', password: 'x' }),
      }),
      inject({ method: 'GET', url: '/api/organisations?q=a%00b', headers: { cookie } }),
      inject({ method: 'GET', url: '/api/organisations/%00', headers: { cookie } }),
    ];
    for (const response of await Promise.all(cases)) {
      expect(response.statusCode).toBe(400);
      expect(response.json()).toMatchObject({ code: 'malformed_request' });
    }
  });

  it('refuses JSON nested deeper than 32 levels with 400 on every write route, the auth bridge included', async () => {
    const deep = '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000);
    const writes = harness.runtime.app.routeTable.filter((r) => r.method !== 'GET');
    for (const route of writes) {
      const url = route.url.replace(/:(\w+)/g, world.otherOrganisationAlsace).replace('*', 'sign-in/email');
      const response = await harness.runtime.app.inject({
        method: route.method as 'POST',
        url,
        headers: { origin: TEST_ORIGIN, cookie, 'content-type': 'application/json' },
        payload: deep,
      });
      expect(response.statusCode, `${route.method} ${url}`).toBe(400);
    }
    const shallow = await harness.runtime.app.inject({
      method: 'POST',
      url: '/api/organisations',
      headers: { origin: TEST_ORIGIN, cookie, 'content-type': 'application/json' },
      payload: JSON.stringify({
        name: 'Profondeur raisonnable',
        universe: 'association',
        description: '[[[{{"texte"}}]]]',
      }),
    });
    expect(shallow.statusCode).toBe(201);
  });

  it('answers thousands of hostile requests over every route without a 5xx or a leaked error', async () => {
    const routes = harness.runtime.app.routeTable;
    const runsPerRoute = Math.max(MIN_RUNS_PER_ROUTE, Math.floor(REQUEST_BUDGET / routes.length));
    const msPerRoute = Math.floor(TIME_BUDGET_MS / routes.length);
    const starved: string[] = [];
    let requests = 0;
    const statuses = new Map<number, number>();
    const param = fc.oneof(
      {
        weight: 3,
        arbitrary: fc.constantFrom(
          world.otherOrganisationAlsace,
          world.organisationIsere,
          world.memberOrganisationAlsace,
        ),
      },
      { weight: 1, arbitrary: fc.uuid() },
      { weight: 3, arbitrary: text.map(encode) },
      { weight: 1, arbitrary: rawSegment },
    );
    // better-auth's own endpoints, minus those that would end the facilitator's session mid-run.
    const authPath = fc.oneof(
      fc.constantFrom(
        'get-session',
        'sign-in/email',
        'request-password-reset',
        'reset-password',
        'reset-password/abc',
        'update-user',
        'change-password',
        'change-email',
        'list-sessions',
        'verify-email',
        'sign-up/email',
        'ok',
        'error',
        'unknown/deep/path',
      ),
      rawSegment,
      text.map(encode).filter((s) => !/sign-out|revoke|delete-user/i.test(s)),
    );

    for (const route of routes) {
      const hasBody = route.method !== 'GET' && route.method !== 'HEAD';
      const base = BASE_BODIES[`${route.method} ${route.url}`] ?? {};
      const baseKeys = Object.keys(base);
      const brokenKey =
        baseKeys.length > 0
          ? fc.oneof(
              { weight: 4, arbitrary: fc.constantFrom(...baseKeys) },
              { weight: 1, arbitrary: fieldName },
            )
          : fieldName;
      const brokenBase = fc
        .tuple(
          brokenKey,
          fc.oneof(
            { weight: 4, arbitrary: naughty },
            { weight: 1, arbitrary: scalar },
            { weight: 1, arbitrary: tree },
          ),
        )
        .map(([key, value]) => JSON.stringify({ ...base, [key]: value }));
      const routeBody = fc.oneof(
        { weight: baseKeys.length > 0 ? 3 : 1, arbitrary: brokenBase },
        { weight: 2, arbitrary: body },
      );
      const run = await fc.check(
        fc.asyncProperty(
          param,
          authPath,
          queryString,
          routeBody,
          contentType,
          fc.boolean(),
          async (id, authSuffix, query, payload, type, signedIn) => {
            const path = route.url.replace(/:(\w+)/g, () => id).replace('*', authSuffix);
            const url = query ? `${path}?${query}` : path;
            const headers: Record<string, string> = { origin: TEST_ORIGIN };
            if (signedIn) headers['cookie'] = cookie;
            if (hasBody && type) headers['content-type'] = type;
            const response = await harness.runtime.app.inject({
              method: route.method as 'POST',
              url,
              headers,
              ...(hasBody && { payload }),
            });
            requests++;
            statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
            const where = `${route.method} ${url.slice(0, 200)} [${type}] ${payload.slice(0, 200)}`;
            expect(response.statusCode, `${where} → ${response.body.slice(0, 300)}`).toBeLessThan(500);
            if (response.statusCode >= 400) {
              for (const pattern of LEAK_PATTERNS) {
                expect(response.body, `${where}: error body matches ${pattern}`).not.toMatch(pattern);
              }
            }
          },
        ),
        { numRuns: runsPerRoute, interruptAfterTimeLimit: msPerRoute, markInterruptAsFailure: false },
      );
      // A short report (the counterexample of a deep body runs to megabytes): the failing request, the seed and path to replay it.
      if (run.numRuns < MIN_REQUESTS_PER_ROUTE) starved.push(`${route.method} ${route.url} (${run.numRuns})`);
      if (run.failed) {
        const cause =
          run.errorInstance instanceof Error ? run.errorInstance.message : String(run.errorInstance);
        throw new Error(
          `${route.method} ${route.url}: ${cause.slice(0, 1200)}\nreplay with { seed: ${run.seed}, path: "${run.counterexamplePath}" }`,
        );
      }
    }
    // The facilitator's session survived the run: the fuzzing reached the routes signed in.
    expect(
      (await harness.runtime.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode,
    ).toBe(200);
    const summary = [...statuses.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, count]) => `${status}×${count}`)
      .join(' ');
    console.log(
      `T3 ${testEngine}: ${requests} fuzzed requests over ${routes.length} routes, 0 × 5xx; statuses ${summary}`,
    );
    expect(starved, 'routes fuzzed too little in their time share').toEqual([]);
  }, 120_000);
});
