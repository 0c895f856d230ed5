import type { z } from 'zod';
import { ProblemSchema, type Problem } from '../../../src/contracts/common.ts';

/** An answer of the API that is not a success; `problem` is set when the body was problem+json. */
export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem | undefined;

  constructor(status: number, problem: Problem | undefined) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }
}

export const isApiError = (error: unknown, status?: number): error is ApiError =>
  error instanceof ApiError && (status === undefined || error.status === status);

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

interface RequestOptions<T> {
  method?: Method;
  /** Sent as JSON; every mutation sends a body (even `{}`) because the server checks the content type. */
  body?: unknown;
  /** Validates the answer at the edge; omit for answers without a body (204). */
  schema?: z.ZodType<T>;
  signal?: AbortSignal;
}

async function readProblem(response: Response): Promise<Problem | undefined> {
  try {
    const parsed = ProblemSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Calls the Labo API with same-origin credentials and turns errors into {@link ApiError}. */
export async function api<T = void>(path: string, options: RequestOptions<T> = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? 'GET' : 'POST');
  const hasBody = method !== 'GET';
  const response = await fetch(path, {
    method,
    credentials: 'same-origin',
    headers: hasBody
      ? { 'content-type': 'application/json', accept: 'application/json' }
      : { accept: 'application/json' },
    body: hasBody ? JSON.stringify(options.body ?? {}) : undefined,
    signal: options.signal,
  });
  if (!response.ok) throw new ApiError(response.status, await readProblem(response));
  if (!options.schema || response.status === 204) return undefined as T;
  return options.schema.parse(await response.json());
}

/** Builds a query string from the defined, non-empty values only. */
export function toQuery(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `?${text}` : '';
}
