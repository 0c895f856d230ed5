import { NativeSelect, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  NEED_OFFER_CATEGORIES,
  NEED_OFFER_STATUSES,
  type NeedOffer,
} from '../../../../src/contracts/directory.ts';
import { DialogForm, useFieldError, useFormValues } from './dialog-form.tsx';
import {
  emptyNeedOfferValues,
  parseNeedOfferPatch,
  parseNewNeedOffer,
  valuesFromNeedOffer,
} from './need-offer-form-values.ts';
import { useCreateNeedOffer, useUpdateNeedOffer } from './needs-offers-queries.ts';

interface Props {
  organisationId: string;
  /** The item to edit; absent to add one of `kind`. */
  item?: NeedOffer;
  kind: NeedOffer['kind'];
  onDone: () => void;
}

/** Adds or edits a need or an offer, checked with the contract's schema before it is sent. */
export function NeedOfferForm({ organisationId, item, kind, onDone }: Props) {
  const { t } = useTranslation();
  const form = useFormValues(item ? valuesFromNeedOffer(item) : emptyNeedOfferValues(kind));
  const create = useCreateNeedOffer(organisationId);
  const update = useUpdateNeedOffer(organisationId, item?.id ?? '');
  const mutation = item ? update : create;
  const errorOf = useFieldError(form.errors, mutation.error);
  const { values, set } = form;

  const submit = () => {
    if (item) {
      const parsed = parseNeedOfferPatch(values);
      if (!parsed.ok) return form.setErrors(parsed.errors);
      update.mutate(parsed.input, { onSuccess: onDone });
    } else {
      const parsed = parseNewNeedOffer(values);
      if (!parsed.ok) return form.setErrors(parsed.errors);
      create.mutate(parsed.input, { onSuccess: onDone });
    }
  };

  return (
    <DialogForm
      submitLabel={t(
        item ? 'needsOffers.save' : values.kind === 'need' ? 'needsOffers.addNeed' : 'needsOffers.addOffer',
      )}
      isSubmitting={mutation.isPending}
      hasClientErrors={Object.keys(form.errors).length > 0}
      submitError={mutation.error}
      onSubmit={submit}
      onCancel={onDone}
    >
      <TextInput
        label={t('needsOffers.title')}
        description={t(values.kind === 'need' ? 'needsOffers.titleHintNeed' : 'needsOffers.titleHintOffer')}
        required
        value={values.title}
        error={errorOf('title')}
        onChange={(event) => set({ title: event.currentTarget.value })}
        data-autofocus
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect
          label={t('needsOffers.category')}
          required
          value={values.category}
          error={errorOf('category')}
          data={NEED_OFFER_CATEGORIES.map((c) => ({ value: c, label: t(`needsOffers.categories.${c}`) }))}
          onChange={(event) => set({ category: event.currentTarget.value as NeedOffer['category'] })}
        />
        <NativeSelect
          label={t('needsOffers.status')}
          required
          value={values.status}
          error={errorOf('status')}
          data={NEED_OFFER_STATUSES.map((s) => ({ value: s, label: t(`needsOffers.statuses.${s}`) }))}
          onChange={(event) => set({ status: event.currentTarget.value as NeedOffer['status'] })}
        />
      </SimpleGrid>
      <Textarea
        label={t('needsOffers.description')}
        autosize
        minRows={3}
        maxRows={10}
        value={values.description}
        error={errorOf('description')}
        onChange={(event) => set({ description: event.currentTarget.value })}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('needsOffers.quantity')}
          description={t('needsOffers.quantityHint')}
          inputMode="decimal"
          value={values.quantity}
          error={errorOf('quantity')}
          onChange={(event) => set({ quantity: event.currentTarget.value })}
        />
        <TextInput
          label={t('needsOffers.unit')}
          description={t('needsOffers.unitHint')}
          value={values.unit}
          error={errorOf('unit')}
          onChange={(event) => set({ unit: event.currentTarget.value })}
        />
        <TextInput
          label={t('needsOffers.periodStart')}
          type="date"
          value={values.periodStart}
          error={errorOf('periodStart')}
          onChange={(event) => set({ periodStart: event.currentTarget.value })}
        />
        <TextInput
          label={t('needsOffers.periodEnd')}
          type="date"
          value={values.periodEnd}
          error={errorOf('periodEnd')}
          onChange={(event) => set({ periodEnd: event.currentTarget.value })}
        />
      </SimpleGrid>
    </DialogForm>
  );
}
