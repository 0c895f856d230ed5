/**
 * French legal identifiers as value objects: a value that exists has passed its checks.
 * Parsing normalises human formatting (spaces, dots, non-breaking spaces) and never turns an
 * identifier into a number, since leading zeros are significant.
 */

export type IdentifierProblem =
  'empty' | 'wrong_length' | 'non_digit' | 'luhn_check_failed' | 'all_zeros' | 'bad_format';

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: IdentifierProblem };

declare const brand: unique symbol;
export type Siren = string & { readonly [brand]: 'Siren' };
export type Siret = string & { readonly [brand]: 'Siret' };
export type Rna = string & { readonly [brand]: 'Rna' };

const LA_POSTE_SIREN = '356000000';

function normalise(input: string): string {
  return input.replace(/[\s.\u00a0\u202f-]/g, '');
}

/** The Luhn sum: every second digit from the right doubled, 9 subtracted above 9. */
export function luhnSum(digits: string): number {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum;
}

function checkDigits(value: string, length: number): IdentifierProblem | null {
  if (value === '') return 'empty';
  if (!/^\d+$/.test(value)) return 'non_digit';
  if (value.length !== length) return 'wrong_length';
  if (/^0+$/.test(value)) return 'all_zeros';
  return null;
}

export function parseSiren(input: string): Parsed<Siren> {
  const value = normalise(input);
  const problem = checkDigits(value, 9) ?? (luhnSum(value) % 10 === 0 ? null : 'luhn_check_failed');
  return problem ? { ok: false, problem } : { ok: true, value: value as Siren };
}

export function parseSiret(input: string): Parsed<Siret> {
  const value = normalise(input);
  const problem = checkDigits(value, 14);
  if (problem) return { ok: false, problem };
  if (luhnSum(value) % 10 === 0) return { ok: true, value: value as Siret };
  // La Poste has more establishments than a Luhn-checked NIC allows: INSEE accepts a digit sum
  // that is a multiple of 5 for its SIREN.
  if (value.startsWith(LA_POSTE_SIREN) && digitSum(value) % 5 === 0)
    return { ok: true, value: value as Siret };
  return { ok: false, problem: 'luhn_check_failed' };
}

/** The SIREN of an establishment: its first nine digits. */
export function sirenOf(siret: Siret): Siren {
  return siret.slice(0, 9) as Siren;
}

/**
 * RNA number of an association: `W` followed by 9 characters — the managing préfecture's code
 * (digits, or a letter: `2A`/`2B` in Corsica, `9T` for Mayotte as in the real file), then 7 digits.
 */
export function parseRna(input: string): Parsed<Rna> {
  const value = normalise(input).toUpperCase();
  if (value === '') return { ok: false, problem: 'empty' };
  if (!/^W[0-9][0-9A-Z]\d{7}$/.test(value)) return { ok: false, problem: 'bad_format' };
  return { ok: true, value: value as Rna };
}

function digitSum(value: string): number {
  let sum = 0;
  for (const c of value) sum += c.charCodeAt(0) - 48;
  return sum;
}
