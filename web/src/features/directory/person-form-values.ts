import {
  PersonInputSchema,
  PersonPatchSchema,
  type Person,
  type PersonInput,
  type PersonPatch,
} from '../../../../src/contracts/directory.ts';

/** What the person form edits, as typed. */
export interface PersonFormValues {
  firstName: string;
  lastName: string;
  jobTitle: string;
  email: string;
  phone: string;
  legalBasis: Person['legalBasis'];
  /** The role at the organisation of the page (only when adding). */
  role: string;
  /** Art. 14: the day an imported person was informed, `YYYY-MM-DD` or empty. */
  informedOn: string;
}

export type PersonFieldErrors = Partial<Record<keyof PersonFormValues, string>>;

export const emptyPersonValues: PersonFormValues = {
  firstName: '',
  lastName: '',
  jobTitle: '',
  email: '',
  phone: '',
  legalBasis: 'legitimate_interest',
  role: '',
  informedOn: '',
};

export function valuesFromPerson(person: Person): PersonFormValues {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    jobTitle: person.jobTitle ?? '',
    email: person.email ?? '',
    phone: person.phone ?? '',
    legalBasis: person.legalBasis,
    role: '',
    informedOn: person.informedAt ? person.informedAt.slice(0, 10) : '',
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
// The day only matters; noon UTC keeps it the same calendar day in every European time zone.
const dayToIso = (day: string) => (day ? `${day}T12:00:00.000Z` : null);

function fieldErrors(issues: readonly { path: readonly PropertyKey[] }[]): PersonFieldErrors {
  const errors: PersonFieldErrors = {};
  for (const issue of issues) {
    const raw = String(issue.path[0] ?? '');
    const field = (raw === 'informedAt' ? 'informedOn' : raw) as keyof PersonFormValues;
    errors[field] ??= `people.errors.${field}`;
  }
  return errors;
}

const common = (values: PersonFormValues) => ({
  firstName: values.firstName,
  lastName: values.lastName,
  jobTitle: orNull(values.jobTitle),
  email: orNull(values.email),
  phone: orNull(values.phone),
  legalBasis: values.legalBasis,
});

/** A new person acting for `organisationId`, checked with the contract's schema. */
export function parseNewPerson(
  values: PersonFormValues,
  organisationId: string,
): { ok: true; input: PersonInput } | { ok: false; errors: PersonFieldErrors } {
  const parsed = PersonInputSchema.safeParse({
    ...common(values),
    organisationId,
    role: orNull(values.role),
    informedAt: dayToIso(values.informedOn),
  });
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, errors: fieldErrors(parsed.error.issues) };
}

/** A rectification of an existing person, checked with the contract's schema. */
export function parsePersonPatch(
  values: PersonFormValues,
): { ok: true; input: PersonPatch } | { ok: false; errors: PersonFieldErrors } {
  const parsed = PersonPatchSchema.safeParse({ ...common(values), informedAt: dayToIso(values.informedOn) });
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, errors: fieldErrors(parsed.error.issues) };
}
