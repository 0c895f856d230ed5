import { MERGE_CHOOSABLE_FIELDS } from '../../../../../src/contracts/directory.ts';
import type { Organisation } from '../../../../../src/contracts/organisations.ts';

export type MergeField = (typeof MERGE_CHOOSABLE_FIELDS)[number];
/**
 * Whose value a field keeps. `both` joins the two descriptions, which is what the API does with
 * two different ones unless told to take the absorbed one (it cannot drop the absorbed text).
 */
export type Choice = 'kept' | 'absorbed' | 'both';
export type Choices = Partial<Record<MergeField, Choice>>;

/** A field's value as text, for comparing and showing (empty when the record has none). */
export function valueOf(organisation: Organisation, field: MergeField): string {
  const value = organisation[field];
  return value === null || value === undefined ? '' : String(value).trim();
}

/** The options a field offers: none when the values agree or one is empty (the API fills it). */
export function optionsOf(kept: Organisation, absorbed: Organisation, field: MergeField): Choice[] {
  const a = valueOf(kept, field);
  const b = valueOf(absorbed, field);
  if (!a || !b || a === b) return [];
  return field === 'description' ? ['both', 'absorbed'] : ['kept', 'absorbed'];
}

/** The API's own outcome, as the starting point: the kept record's values, descriptions joined. */
export function defaultChoices(kept: Organisation, absorbed: Organisation): Choices {
  const choices: Choices = {};
  for (const field of MERGE_CHOOSABLE_FIELDS) {
    const [first] = optionsOf(kept, absorbed, field);
    if (first) choices[field] = first;
  }
  return choices;
}

/** The merge's `take` list: the fields whose absorbed value was chosen over the kept one. */
export function takeOf(choices: Choices): MergeField[] {
  return MERGE_CHOOSABLE_FIELDS.filter((field) => choices[field] === 'absorbed');
}
