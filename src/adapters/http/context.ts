import type { Actor } from '../../app/access/actor.ts';
import type { Action } from '../../app/access/policy.ts';
import type { Services } from '../../app/ports.ts';

export type SessionUser = {
  userId: string;
  role: Extract<Actor, { kind: 'user' }>['role'];
  labId: string | null;
  organisationId: string | null;
  locale: 'fr' | 'en';
  name: string;
  email: string;
};

export interface SessionReader {
  getSession(headers: Headers): Promise<SessionUser | null>;
}

/** What the HTTP adapter is given by the composition root. */
export interface HttpDependencies {
  services: Services;
  auth: SessionReader & { handler(request: Request): Promise<Response> };
  /** The built web app (index.html and assets); absent in API-only tests. */
  webDir?: string | undefined;
  publicUrl: string;
  logLevel?: string;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Every /api route with its policy action, recorded as routes are added (the authorization tests read it). */
    readonly routeTable: readonly { method: string; url: string; action: string }[];
  }
  interface FastifyContextConfig {
    /** The policy action of this route: every route has one, or the app refuses to start. */
    action?: Action;
  }
  interface FastifyRequest {
    actor: Actor;
    sessionUser: SessionUser | null;
  }
}
