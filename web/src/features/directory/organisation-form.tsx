import { Alert, Button, Group, NativeSelect, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationInput } from '../../../../src/contracts/organisations.ts';
import { problemFieldErrors, problemMessage } from '../../lib/problem-message.ts';
import { useFocusFirstError } from '../../lib/use-focus-first-error.ts';
import { CommuneSelect } from './commune-select.tsx';
import {
  parseOrganisationValues,
  type FieldErrors,
  type OrganisationFormValues,
} from './organisation-form-values.ts';
import { universeOptions } from './universe.ts';

interface Props {
  initialValues: OrganisationFormValues;
  submitLabel: string;
  isSubmitting: boolean;
  /** The failed request's error, whose field errors are shown beside the fields. */
  submitError: unknown;
  onSubmit: (input: OrganisationInput) => void;
  onCancel: () => void;
}

/** The organisation's fields, checked with the contract's schema before they are sent. */
export function OrganisationForm({
  initialValues,
  submitLabel,
  isSubmitting,
  submitError,
  onSubmit,
  onCancel,
}: Props) {
  const { t, i18n } = useTranslation();
  const [values, setValues] = useState(initialValues);
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const formRef = useRef<HTMLFormElement>(null);
  useFocusFirstError(formRef, Object.keys(clientErrors).length > 0 ? clientErrors : submitError);
  const serverErrors: FieldErrors = problemFieldErrors(submitError, i18n.language);
  const errorOf = (field: keyof OrganisationFormValues) =>
    clientErrors[field] ? t(clientErrors[field]) : serverErrors[field];
  const set = (changes: Partial<OrganisationFormValues>) => {
    setValues((current) => ({ ...current, ...changes }));
    setClientErrors((current) => {
      const next = { ...current };
      for (const key of Object.keys(changes)) delete next[key as keyof OrganisationFormValues];
      return next;
    });
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = parseOrganisationValues(values);
    if (!parsed.ok) {
      setClientErrors(parsed.errors);
      return;
    }
    setClientErrors({});
    onSubmit(parsed.input);
  };

  const hasErrors = Object.keys(clientErrors).length > 0 || !!submitError;
  return (
    <form ref={formRef} onSubmit={submit} noValidate>
      <Stack gap="md" maw={760}>
        {hasErrors && (
          <Alert color="red" role="alert">
            {submitError ? problemMessage(submitError, t, i18n.language) : t('validation.fixFields')}
          </Alert>
        )}
        <TextInput
          label={t('organisation.name')}
          required
          value={values.name}
          error={errorOf('name')}
          onChange={(event) => set({ name: event.currentTarget.value })}
        />
        <NativeSelect
          label={t('organisation.universe')}
          required
          value={values.universe}
          error={errorOf('universe')}
          data={[{ value: '', label: t('organisation.chooseUniverse') }, ...universeOptions(t)]}
          onChange={(event) => set({ universe: event.currentTarget.value })}
        />
        <CommuneSelect
          value={{ code: values.communeInsee, label: values.communeLabel }}
          error={errorOf('communeInsee')}
          onChange={(commune) => set({ communeInsee: commune.code, communeLabel: commune.label })}
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label={t('organisation.siren')}
            description={t('organisation.sirenHint')}
            inputMode="numeric"
            value={values.siren}
            error={errorOf('siren')}
            onChange={(event) => set({ siren: event.currentTarget.value })}
          />
          <TextInput
            label={t('organisation.siret')}
            description={t('organisation.siretHint')}
            inputMode="numeric"
            value={values.siret}
            error={errorOf('siret')}
            onChange={(event) => set({ siret: event.currentTarget.value })}
          />
          <TextInput
            label={t('organisation.rna')}
            description={t('organisation.rnaHint')}
            value={values.rna}
            error={errorOf('rna')}
            onChange={(event) => set({ rna: event.currentTarget.value })}
          />
        </SimpleGrid>
        <Textarea
          label={t('organisation.description')}
          autosize
          minRows={4}
          maxRows={12}
          value={values.description}
          error={errorOf('description')}
          onChange={(event) => set({ description: event.currentTarget.value })}
        />
        <Group>
          <Button type="submit" loading={isSubmitting}>
            {submitLabel}
          </Button>
          <Button variant="default" onClick={onCancel}>
            {t('common.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
