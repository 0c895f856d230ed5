/**
 * A broken business rule. `code` is stable snake_case, used by the HTTP layer to choose a status
 * and by the interface to choose a translated message; `details` carries the values the message needs.
 */
export class DomainError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = 'DomainError';
  }
}
