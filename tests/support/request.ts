import type { Harness } from './harness.ts';
import { TEST_ORIGIN } from './harness.ts';

export const FACILITATOR_ALSACE = 'facilitatrice@alsace.labo.test';
export const ADMIN_ALSACE = 'admin@alsace.labo.test';
export const VIEWER_ALSACE = 'financeur@alsace.labo.test';
export const MEMBER_ALSACE = 'membre@alsace.labo.test';
export const FACILITATOR_ISERE = 'facilitateur@isere.labo.test';
export const NETWORK_ADMIN = 'reseau@labo.test';

/** An HTTP call as a demo account (or anonymous), with the CSRF and JSON headers mutations need. */
export function requester(harness: Harness) {
  return async (
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    options: { as?: string; body?: unknown; lang?: string } = {},
  ) => {
    const headers: Record<string, string> = { origin: TEST_ORIGIN };
    if (options.as) headers['cookie'] = await harness.signIn(options.as);
    if (options.lang) headers['accept-language'] = options.lang;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    return harness.runtime.app.inject({
      method,
      url,
      headers,
      ...(options.body !== undefined && { payload: JSON.stringify(options.body) }),
    });
  };
}
