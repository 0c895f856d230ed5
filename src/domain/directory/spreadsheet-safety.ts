/**
 * A cell a spreadsheet would run as a formula (CSV/formula injection, OWASP): text starting with
 * `=`, `+`, `-`, `@`, a tab or a carriage return is prefixed with an apostrophe, which spreadsheet
 * programs show as text. Numbers are left alone: `-3` is a number, not a formula.
 */
export function neutraliseCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}
