import { Anchor, Button, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../src/contracts/directory.ts';
import { useFormat } from '../../lib/format.ts';
import { personExportUrl } from './people-queries.ts';

export type PersonAction = 'edit' | 'consents' | 'erase';

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" fz="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fz="sm" style={{ overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/** Download links of everything held about a person (Art. 15 and 20); named for screen readers. */
export function PersonExportLinks({ person }: { person: Person }) {
  const { t } = useTranslation();
  const name = `${person.firstName} ${person.lastName}`;
  return (
    <Group gap="sm">
      <Text size="sm">{t('people.export')}</Text>
      {(['json', 'csv'] as const).map((format) => (
        <Anchor
          key={format}
          href={personExportUrl(person.id, format)}
          download
          size="sm"
          underline="always"
          aria-label={t('people.exportAria', { format: format.toUpperCase(), name })}
        >
          {format.toUpperCase()}
        </Anchor>
      ))}
    </Group>
  );
}

/** What Art. 14 asks to show of a person: where the data came from and when they were told. */
function Origin({ person }: { person: Person }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (person.source !== 'import') return <>{t('people.sources.manual')}</>;
  return (
    <>
      {t('people.sources.import')} —{' '}
      {person.informedAt ? (
        t('people.informedAt', { date: format.date(person.informedAt) })
      ) : (
        <Text component="span" c="red.9" fw={600} fz="sm">
          {person.informationOverdue ? t('people.informationOverdue') : t('people.notInformed')}
        </Text>
      )}
    </>
  );
}

/** One person of the organisation, with the actions the asker may take. */
export function PersonCard({
  person,
  onAction,
}: {
  person: Person;
  onAction: (action: PersonAction) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const name = `${person.firstName} ${person.lastName}`;
  const given = person.consents.filter((c) => c.given);
  return (
    <Paper withBorder p="md" component="article" aria-label={name}>
      <Stack gap="sm">
        <div>
          <Title order={3} fz="h4">
            {name}
          </Title>
          {person.jobTitle && <Text size="sm">{person.jobTitle}</Text>}
        </div>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} m={0} spacing="sm" verticalSpacing="xs">
          <Field label={t('people.email')}>{person.email ?? '—'}</Field>
          <Field label={t('people.phone')}>{person.phone ?? '—'}</Field>
          <Field label={t('people.legalBasis')}>{t(`people.legalBases.${person.legalBasis}`)}</Field>
          <Field label={t('people.organisations')}>
            {person.organisations.map((o) => (o.role ? `${o.name} (${o.role})` : o.name)).join(' · ')}
          </Field>
          <Field label={t('people.origin')}>
            <Origin person={person} />
          </Field>
          <Field label={t('people.consentsInForce')}>
            {given.length === 0
              ? t('people.consent.noneInForce')
              : given
                  .map((c) =>
                    t('people.consent.inForce', {
                      purpose: t(`people.consent.purposes.${c.purpose}`),
                      date: format.date(c.since),
                      version: c.textVersion,
                    }),
                  )
                  .join(' · ')}
          </Field>
        </SimpleGrid>
        <Group gap="sm" justify="space-between">
          <Group gap="xs">
            {person.can.edit && (
              <Button
                size="xs"
                variant="default"
                onClick={() => onAction('edit')}
                aria-label={t('people.editAria', { name })}
              >
                {t('people.edit')}
              </Button>
            )}
            <Button
              size="xs"
              variant="default"
              onClick={() => onAction('consents')}
              aria-label={t('people.consentsAria', { name })}
            >
              {t('people.consents')}
            </Button>
            {person.can.erase && (
              <Button
                size="xs"
                color="red.8"
                variant="outline"
                onClick={() => onAction('erase')}
                aria-label={t('people.eraseAria', { name })}
              >
                {t('people.erase.open')}
              </Button>
            )}
          </Group>
          {person.can.export && <PersonExportLinks person={person} />}
        </Group>
      </Stack>
    </Paper>
  );
}
