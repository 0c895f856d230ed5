import { NativeSelect, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  CONSENT_CHANNELS,
  CONSENT_PURPOSES,
  ConsentInputSchema,
  type ConsentInput,
  type Person,
} from '../../../../src/contracts/directory.ts';
import { useFormat } from '../../lib/format.ts';
import { DialogForm, useFieldError, useFormValues } from './dialog-form.tsx';
import { useConsentHistory, useRecordConsent } from './people-queries.ts';

interface ConsentValues {
  purpose: ConsentInput['purpose'];
  action: ConsentInput['action'];
  textVersion: string;
  channel: ConsentInput['channel'];
  /** `YYYY-MM-DD` when it happened on another day (a paper form signed at an event). */
  on: string;
}

/** The consent records of a person (append-only: a withdrawal is a new record, nothing is edited). */
function ConsentTable({ personId }: { personId: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const history = useConsentHistory(personId, true);
  const items = history.data?.items ?? [];
  if (history.isPending) return <Text>{t('common.loading')}</Text>;
  if (items.length === 0) return <Text>{t('people.consent.none')}</Text>;
  return (
    <Table.ScrollContainer minWidth={480}>
      <Table striped>
        <Table.Caption>{t('people.consent.historyCaption')}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('people.consent.at')}</Table.Th>
            <Table.Th scope="col">{t('people.consent.purpose')}</Table.Th>
            <Table.Th scope="col">{t('people.consent.action')}</Table.Th>
            <Table.Th scope="col">{t('people.consent.textVersion')}</Table.Th>
            <Table.Th scope="col">{t('people.consent.channel')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((record) => (
            <Table.Tr key={record.id}>
              <Table.Td>{format.dateTime(record.at)}</Table.Td>
              <Table.Td>{t(`people.consent.purposes.${record.purpose}`)}</Table.Td>
              <Table.Td>{t(`people.consent.actions.${record.action}`)}</Table.Td>
              <Table.Td>{record.textVersion}</Table.Td>
              <Table.Td>{t(`people.consent.channels.${record.channel}`)}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** History of a person's consents and the form that appends one (given or withdrawn). */
export function ConsentHistory({
  organisationId,
  person,
  onDone,
}: {
  organisationId: string;
  person: Person;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const record = useRecordConsent(organisationId, person.id);
  const form = useFormValues<ConsentValues>({
    purpose: 'newsletter',
    action: 'given',
    textVersion: '',
    channel: 'web_form',
    on: '',
  });
  const errorOf = useFieldError(form.errors, record.error);
  const { values, set } = form;

  const submit = () => {
    const parsed = ConsentInputSchema.safeParse({
      purpose: values.purpose,
      action: values.action,
      textVersion: values.textVersion,
      channel: values.channel,
      ...(values.on && { at: new Date(`${values.on}T12:00:00`).toISOString() }),
    });
    if (!parsed.success) {
      const errors: Partial<Record<keyof ConsentValues, string>> = {};
      for (const issue of parsed.error.issues) {
        const field = (issue.path[0] === 'at' ? 'on' : String(issue.path[0])) as keyof ConsentValues;
        errors[field] ??= `people.consent.errors.${field}`;
      }
      form.setErrors(errors);
      return;
    }
    record.mutate(parsed.data, {
      onSuccess: () => set({ textVersion: '', on: '' }),
    });
  };

  return (
    <Stack gap="lg">
      <ConsentTable personId={person.id} />
      {person.can.edit && (
        <Stack gap="sm">
          <Title order={3} fz="h4">
            {t('people.consent.recordTitle')}
          </Title>
          <DialogForm
            submitLabel={t('people.consent.recordSubmit')}
            isSubmitting={record.isPending}
            hasClientErrors={Object.keys(form.errors).length > 0}
            submitError={record.error}
            onSubmit={submit}
            onCancel={onDone}
          >
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              <NativeSelect
                label={t('people.consent.purpose')}
                required
                value={values.purpose}
                data={CONSENT_PURPOSES.map((p) => ({ value: p, label: t(`people.consent.purposes.${p}`) }))}
                onChange={(event) => set({ purpose: event.currentTarget.value as ConsentValues['purpose'] })}
              />
              <NativeSelect
                label={t('people.consent.action')}
                required
                value={values.action}
                data={(['given', 'withdrawn'] as const).map((a) => ({
                  value: a,
                  label: t(`people.consent.actions.${a}`),
                }))}
                onChange={(event) => set({ action: event.currentTarget.value as ConsentValues['action'] })}
              />
              <TextInput
                label={t('people.consent.textVersion')}
                description={t('people.consent.textVersionHint')}
                required
                value={values.textVersion}
                error={errorOf('textVersion')}
                onChange={(event) => set({ textVersion: event.currentTarget.value })}
              />
              <NativeSelect
                label={t('people.consent.channel')}
                required
                value={values.channel}
                data={CONSENT_CHANNELS.map((c) => ({ value: c, label: t(`people.consent.channels.${c}`) }))}
                onChange={(event) => set({ channel: event.currentTarget.value as ConsentValues['channel'] })}
              />
              <TextInput
                label={t('people.consent.on')}
                description={t('people.consent.onHint')}
                type="date"
                value={values.on}
                error={errorOf('on')}
                onChange={(event) => set({ on: event.currentTarget.value })}
              />
            </SimpleGrid>
          </DialogForm>
        </Stack>
      )}
    </Stack>
  );
}
