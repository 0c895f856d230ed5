import {
  OrganisationInputSchema,
  type Organisation,
  type OrganisationInput,
} from '../../../../src/contracts/organisations.ts';

/** What the form edits: text as typed, the commune as its INSEE code and its shown label. */
export interface OrganisationFormValues {
  name: string;
  universe: string;
  communeInsee: string | null;
  communeLabel: string | null;
  siren: string;
  siret: string;
  rna: string;
  description: string;
}

export type FieldErrors = Partial<Record<keyof OrganisationFormValues, string>>;

export const emptyOrganisationValues: OrganisationFormValues = {
  name: '',
  universe: '',
  communeInsee: null,
  communeLabel: null,
  siren: '',
  siret: '',
  rna: '',
  description: '',
};

export function valuesFromOrganisation(organisation: Organisation): OrganisationFormValues {
  return {
    name: organisation.name,
    universe: organisation.universe,
    communeInsee: organisation.communeInsee,
    communeLabel: organisation.communeName
      ? `${organisation.communeName} (${organisation.departement ?? organisation.communeInsee})`
      : organisation.communeInsee,
    siren: organisation.siren ?? '',
    siret: organisation.siret ?? '',
    rna: organisation.rna ?? '',
    description: organisation.description,
  };
}

// Registry numbers are often typed with spaces ("443 061 841 00047"): keep the digits only.
const digits = (value: string) => value.replace(/\s+/g, '');
const orNull = (value: string) => (value === '' ? null : value);

/** Checks the values with the contract's own schema; error messages are i18n keys per field. */
export function parseOrganisationValues(
  values: OrganisationFormValues,
): { ok: true; input: OrganisationInput } | { ok: false; errors: FieldErrors } {
  const parsed = OrganisationInputSchema.safeParse({
    name: values.name,
    universe: values.universe,
    communeInsee: values.communeInsee,
    siren: orNull(digits(values.siren)),
    siret: orNull(digits(values.siret)),
    rna: orNull(values.rna.trim().toUpperCase()),
    description: values.description.trim(),
  });
  if (parsed.success) return { ok: true, input: parsed.data };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = String(issue.path[0] ?? '') as keyof OrganisationFormValues;
    errors[field] ??= `validation.organisation.${field}`;
  }
  return { ok: false, errors };
}
