import {
  NeedOfferInputSchema,
  NeedOfferPatchSchema,
  type NeedOffer,
  type NeedOfferInput,
  type NeedOfferPatch,
} from '../../../../src/contracts/directory.ts';

/** What the need/offer form edits, as typed (numbers and dates as text). */
export interface NeedOfferFormValues {
  kind: NeedOffer['kind'];
  category: NeedOffer['category'];
  title: string;
  description: string;
  quantity: string;
  unit: string;
  periodStart: string;
  periodEnd: string;
  status: NeedOffer['status'];
}

export type NeedOfferFieldErrors = Partial<Record<keyof NeedOfferFormValues, string>>;

export const emptyNeedOfferValues = (kind: NeedOffer['kind']): NeedOfferFormValues => ({
  kind,
  category: 'skills',
  title: '',
  description: '',
  quantity: '',
  unit: '',
  periodStart: '',
  periodEnd: '',
  status: 'open',
});

export function valuesFromNeedOffer(item: NeedOffer): NeedOfferFormValues {
  return {
    kind: item.kind,
    category: item.category,
    title: item.title,
    description: item.description,
    quantity: item.quantity === null ? '' : String(item.quantity),
    unit: item.unit ?? '',
    periodStart: item.periodStart ?? '',
    periodEnd: item.periodEnd ?? '',
    status: item.status,
  };
}

const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

/** "1 500,5" as typed in French → 1500.5; anything else is left for the schema to refuse. */
function parseQuantity(text: string): number | null | string {
  const cleaned = text.replace(/[\s\u00a0\u202f]/g, '').replace(',', '.');
  if (cleaned === '') return null;
  const value = Number(cleaned);
  return Number.isFinite(value) ? value : text;
}

const fields = (values: NeedOfferFormValues) => ({
  category: values.category,
  title: values.title,
  description: values.description.trim(),
  quantity: parseQuantity(values.quantity),
  unit: orNull(values.unit),
  periodStart: orNull(values.periodStart),
  periodEnd: orNull(values.periodEnd),
  status: values.status,
});

function fieldErrors(issues: readonly { path: readonly PropertyKey[] }[]): NeedOfferFieldErrors {
  const errors: NeedOfferFieldErrors = {};
  for (const issue of issues) {
    const field = String(issue.path[0] ?? '') as keyof NeedOfferFormValues;
    errors[field] ??= `needsOffers.errors.${field}`;
  }
  return errors;
}

export function parseNewNeedOffer(
  values: NeedOfferFormValues,
): { ok: true; input: NeedOfferInput } | { ok: false; errors: NeedOfferFieldErrors } {
  const parsed = NeedOfferInputSchema.safeParse({ kind: values.kind, ...fields(values) });
  return parsed.success
    ? { ok: true, input: parsed.data }
    : { ok: false, errors: fieldErrors(parsed.error.issues) };
}

/** The patch schema does not compare the dates, so the same rule as on creation is applied here. */
export function parseNeedOfferPatch(
  values: NeedOfferFormValues,
): { ok: true; input: NeedOfferPatch } | { ok: false; errors: NeedOfferFieldErrors } {
  const parsed = NeedOfferPatchSchema.safeParse(fields(values));
  if (!parsed.success) return { ok: false, errors: fieldErrors(parsed.error.issues) };
  const { periodStart, periodEnd } = parsed.data;
  if (periodStart && periodEnd && periodStart > periodEnd) {
    return { ok: false, errors: { periodEnd: 'needsOffers.errors.periodEnd' } };
  }
  return { ok: true, input: parsed.data };
}
