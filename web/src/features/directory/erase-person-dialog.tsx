import { Alert, Button, Group, List, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../src/contracts/directory.ts';
import { problemMessage } from '../../lib/problem-message.ts';
import { useErasePerson } from './people-queries.ts';

/**
 * Confirms an erasure (GDPR Art. 17). It cannot be undone, so the dialog says what goes, offers
 * the export first, and the destructive button is not the one focused when it opens.
 */
export function ErasePersonDialog({
  organisationId,
  person,
  exportLinks,
  onDone,
}: {
  organisationId: string;
  person: Person;
  exportLinks: ReactNode;
  onDone: () => void;
}) {
  const { t, i18n } = useTranslation();
  const erase = useErasePerson(organisationId, person.id);
  const name = `${person.firstName} ${person.lastName}`;
  return (
    <Stack gap="md">
      <Text>{t('people.erase.confirm', { name })}</Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('people.erase.what1')}</List.Item>
        <List.Item>{t('people.erase.what2')}</List.Item>
        <List.Item>{t('people.erase.what3')}</List.Item>
      </List>
      <Text fw={600}>{t('people.erase.irreversible')}</Text>
      {person.can.export && exportLinks}
      {erase.isError && (
        <Alert color="red" role="alert">
          {problemMessage(erase.error, t, i18n.language)}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="default" onClick={onDone} data-autofocus>
          {t('common.cancel')}
        </Button>
        <Button
          color="red.8"
          loading={erase.isPending}
          onClick={() => erase.mutate(undefined, { onSuccess: onDone })}
        >
          {t('people.erase.submit', { name })}
        </Button>
      </Group>
    </Stack>
  );
}
