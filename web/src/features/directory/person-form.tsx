import { NativeSelect, SimpleGrid, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LEGAL_BASES, type Person } from '../../../../src/contracts/directory.ts';
import { DialogForm, useFieldError, useFormValues } from './dialog-form.tsx';
import {
  emptyPersonValues,
  parseNewPerson,
  parsePersonPatch,
  valuesFromPerson,
} from './person-form-values.ts';
import { useCreatePerson, useUpdatePerson } from './people-queries.ts';

interface Props {
  organisationId: string;
  /** The person to rectify; absent to add one acting for `organisationId`. */
  person?: Person;
  onDone: () => void;
}

/** Adds a person to an organisation or rectifies one (GDPR Art. 16), checked with the contract. */
export function PersonForm({ organisationId, person, onDone }: Props) {
  const { t } = useTranslation();
  const form = useFormValues(person ? valuesFromPerson(person) : emptyPersonValues);
  const create = useCreatePerson(organisationId);
  const update = useUpdatePerson(organisationId, person?.id ?? '');
  const mutation = person ? update : create;
  const errorOf = useFieldError(form.errors, mutation.error);
  const { values, set } = form;

  const submit = () => {
    if (person) {
      const parsed = parsePersonPatch(values);
      if (!parsed.ok) return form.setErrors(parsed.errors);
      update.mutate(parsed.input, { onSuccess: onDone });
    } else {
      const parsed = parseNewPerson(values, organisationId);
      if (!parsed.ok) return form.setErrors(parsed.errors);
      create.mutate(parsed.input, { onSuccess: onDone });
    }
  };

  return (
    <DialogForm
      submitLabel={t(person ? 'people.save' : 'people.addSubmit')}
      isSubmitting={mutation.isPending}
      hasClientErrors={Object.keys(form.errors).length > 0}
      submitError={mutation.error}
      onSubmit={submit}
      onCancel={onDone}
    >
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('people.firstName')}
          required
          autoComplete="off"
          value={values.firstName}
          error={errorOf('firstName')}
          onChange={(event) => set({ firstName: event.currentTarget.value })}
          data-autofocus
        />
        <TextInput
          label={t('people.lastName')}
          required
          autoComplete="off"
          value={values.lastName}
          error={errorOf('lastName')}
          onChange={(event) => set({ lastName: event.currentTarget.value })}
        />
      </SimpleGrid>
      <TextInput
        label={t('people.jobTitle')}
        value={values.jobTitle}
        error={errorOf('jobTitle')}
        onChange={(event) => set({ jobTitle: event.currentTarget.value })}
      />
      {!person && (
        <TextInput
          label={t('people.role')}
          description={t('people.roleHint')}
          value={values.role}
          error={errorOf('role')}
          onChange={(event) => set({ role: event.currentTarget.value })}
        />
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label={t('people.email')}
          type="email"
          autoComplete="off"
          value={values.email}
          error={errorOf('email')}
          onChange={(event) => set({ email: event.currentTarget.value })}
        />
        <TextInput
          label={t('people.phone')}
          type="tel"
          autoComplete="off"
          value={values.phone}
          error={errorOf('phone')}
          onChange={(event) => set({ phone: event.currentTarget.value })}
        />
      </SimpleGrid>
      <NativeSelect
        label={t('people.legalBasis')}
        description={t('people.legalBasisHint')}
        required
        value={values.legalBasis}
        error={errorOf('legalBasis')}
        data={LEGAL_BASES.map((basis) => ({ value: basis, label: t(`people.legalBases.${basis}`) }))}
        onChange={(event) => set({ legalBasis: event.currentTarget.value as Person['legalBasis'] })}
      />
      {person?.source === 'import' && (
        <TextInput
          label={t('people.informedOn')}
          description={t('people.informedOnHint')}
          type="date"
          value={values.informedOn}
          error={errorOf('informedOn')}
          onChange={(event) => set({ informedOn: event.currentTarget.value })}
        />
      )}
    </DialogForm>
  );
}
