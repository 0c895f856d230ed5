import { DomainError } from '../../domain/errors.ts';
import type { Services } from '../ports.ts';

/** An organisation's commune must be an official, current INSEE commune code. */
export function checkCommune(
  services: Pick<Services, 'communes'>,
  code: string | null | undefined,
): string | null {
  if (!code) return null;
  if (!services.communes.find(code)) {
    throw new DomainError('invalid_identifiers', 'Unknown commune', {
      problems: [{ path: 'communeInsee', code: 'commune_unknown' }],
    });
  }
  return code;
}
