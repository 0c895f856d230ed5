import type { TFunction } from 'i18next';
import { isApiError } from './api.ts';

/** The message to show for a failed request, in the interface language. */
export function problemMessage(error: unknown, t: TFunction, language: string): string {
  if (isApiError(error)) {
    const messages = error.problem?.messages;
    if (messages) return language.startsWith('en') ? messages.en : messages.fr;
    if (error.status === 429) return t('errors.tooManyRequests');
    if (error.status === 401) return t('errors.unauthorized');
    if (error.status === 403) return t('errors.forbidden');
    if (error.status === 404) return t('errors.notFound');
  }
  return t('errors.generic');
}

/** Field errors of a problem+json answer, keyed by the first segment of their path. */
export function problemFieldErrors(error: unknown, language: string): Record<string, string> {
  if (!isApiError(error) || !error.problem?.errors) return {};
  const fields: Record<string, string> = {};
  for (const item of error.problem.errors) {
    const key = item.path.replace(/^\//, '').split(/[./]/)[0] ?? item.path;
    fields[key] ??= language.startsWith('en') ? item.messages.en : item.messages.fr;
  }
  return fields;
}
