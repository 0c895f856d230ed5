import type { FastifyInstance } from 'fastify';

/** Deeper than any body the API accepts by far; deep enough to hold every real form. */
export const MAX_JSON_DEPTH = 32;

/**
 * The nesting depth of a JSON text, counted without parsing (so without recursion): brackets
 * inside strings do not count.
 */
export function jsonNestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) deepest = Math.max(deepest, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return deepest;
}

/** True when a parsed JSON value holds U+0000 in a key or a string (its depth is already bounded). */
export function containsNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(containsNul);
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).some(([key, v]) => key.includes('\u0000') || containsNul(v));
  }
  return false;
}

const badRequest = (message: string) => Object.assign(new Error(message), { statusCode: 400 });

/**
 * Input no route can use is refused at the edge with 400, before it reaches code that would fail
 * on it with a 500:
 * - JSON nested deeper than {@link MAX_JSON_DEPTH}: JSON.stringify, validation and the auth
 *   library walk bodies recursively and overflow the stack;
 * - U+0000 in a body, a path or a query string: PostgreSQL text cannot hold it, so the query fails.
 * Fastify's own JSON parser (prototype-poisoning keys refused) does the parsing.
 */
export function guardRequestInput(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = typeof body === 'string' ? body : body.toString('utf8');
    if (jsonNestingDepth(text) > MAX_JSON_DEPTH) {
      done(badRequest(`JSON nested deeper than ${MAX_JSON_DEPTH}`), undefined);
      return;
    }
    parse(request, text, (error, value) => {
      if (error) done(error, undefined);
      else if (containsNul(value)) done(badRequest('U+0000 in a JSON string'), undefined);
      else done(null, value);
    });
  });
  app.addHook('onRequest', async (request) => {
    if (/%00/i.test(request.url) || request.url.includes('\u0000')) throw badRequest('U+0000 in the URL');
  });
}
