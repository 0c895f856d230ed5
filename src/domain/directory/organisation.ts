import { DomainError } from '../errors.ts';
import { parseRna, parseSiren, parseSiret, sirenOf, type IdentifierProblem } from './identifiers.ts';

/** A field of an organisation that failed its check, with the stable code the interface translates. */
export interface FieldProblem {
  path: string;
  code: `${'siren' | 'siret' | 'rna' | 'commune'}_${IdentifierProblem | 'mismatch' | 'unknown' | 'not_for_universe'}`;
}

export interface IdentifierFields {
  universe: string;
  siren?: string | null | undefined;
  siret?: string | null | undefined;
  rna?: string | null | undefined;
}

export interface CheckedIdentifiers {
  siren: string | null;
  siret: string | null;
  rna: string | null;
}

const RNA_UNIVERSES = new Set(['association', 'foundation']);

/**
 * Checks and normalises an organisation's legal identifiers. The SIREN is derived from the SIRET
 * when only the latter is given; a SIRET must belong to the given SIREN; an RNA number is for an
 * association (or a foundation registered as one). Throws `invalid_identifiers` with every problem.
 */
export function checkIdentifiers(fields: IdentifierFields): CheckedIdentifiers {
  const problems: FieldProblem[] = [];
  let siren: string | null = null;
  let siret: string | null = null;
  let rna: string | null = null;

  if (fields.siren) {
    const parsed = parseSiren(fields.siren);
    if (parsed.ok) siren = parsed.value;
    else problems.push({ path: 'siren', code: `siren_${parsed.problem}` });
  }
  if (fields.siret) {
    const parsed = parseSiret(fields.siret);
    if (parsed.ok) {
      siret = parsed.value;
      if (siren && sirenOf(parsed.value) !== siren) problems.push({ path: 'siret', code: 'siret_mismatch' });
      siren ??= sirenOf(parsed.value);
    } else problems.push({ path: 'siret', code: `siret_${parsed.problem}` });
  }
  if (fields.rna) {
    const parsed = parseRna(fields.rna);
    if (!parsed.ok) problems.push({ path: 'rna', code: `rna_${parsed.problem}` });
    else if (!RNA_UNIVERSES.has(fields.universe))
      problems.push({ path: 'rna', code: 'rna_not_for_universe' });
    else rna = parsed.value;
  }
  if (problems.length > 0)
    throw new DomainError('invalid_identifiers', 'Invalid legal identifiers', { problems });
  return { siren, siret, rna };
}
