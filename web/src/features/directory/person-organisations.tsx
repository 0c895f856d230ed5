import { Alert, Button, Group, List, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PersonLinkInputSchema, type Person } from '../../../../src/contracts/directory.ts';
import { problemMessage } from '../../lib/problem-message.ts';
import { useLinkPerson } from './people-queries.ts';
import { useOrganisations } from './queries.ts';

/** The organisations a person acts for, and (for the lab's team) adding another one of the lab. */
export function PersonOrganisations({ organisationId, person }: { organisationId: string; person: Person }) {
  const { t, i18n } = useTranslation();
  const link = useLinkPerson(organisationId, person.id);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search, 250);
  const [chosen, setChosen] = useState<string | null>(null);
  const [role, setRole] = useState('');
  const [missing, setMissing] = useState(false);
  const found = useOrganisations({ q: debounced.trim(), status: 'active', page: 1, pageSize: 10 });
  const known = new Set(person.organisations.map((o) => o.organisationId));
  const options = (debounced.trim().length >= 2 ? (found.data?.items ?? []) : [])
    .filter((o) => !known.has(o.id))
    .map((o) => ({ value: o.id, label: o.communeName ? `${o.name} (${o.communeName})` : o.name }));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    event.stopPropagation();
    const parsed = PersonLinkInputSchema.safeParse({ organisationId: chosen, role: role.trim() || null });
    setMissing(!parsed.success);
    if (!parsed.success) return;
    link.mutate(parsed.data, {
      onSuccess: () => {
        setChosen(null);
        setSearch('');
        setRole('');
      },
    });
  };

  return (
    <Stack gap="sm">
      <Title order={3} fz="h4">
        {t('people.organisations')}
      </Title>
      <List size="sm">
        {(link.data ?? person).organisations.map((o) => (
          <List.Item key={o.organisationId}>
            {o.name}
            {o.role ? ` — ${o.role}` : ''}
          </List.Item>
        ))}
      </List>
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <Text size="sm">{t('people.linkHint')}</Text>
          {link.isError && (
            <Alert color="red" role="alert">
              {problemMessage(link.error, t, i18n.language)}
            </Alert>
          )}
          <Select
            label={t('people.linkOrganisation')}
            placeholder={t('people.linkPlaceholder')}
            searchable
            data={options}
            value={chosen}
            searchValue={search}
            onSearchChange={setSearch}
            filter={({ options: all }) => all}
            nothingFoundMessage={
              debounced.trim().length >= 2 ? t('people.linkNone') : t('organisation.communeType')
            }
            error={missing ? t('people.errors.organisationId') : undefined}
            onChange={(value) => {
              setChosen(value);
              setMissing(false);
            }}
          />
          <Group align="flex-end">
            <TextInput
              label={t('people.role')}
              value={role}
              onChange={(event) => setRole(event.currentTarget.value)}
              style={{ flex: 1 }}
            />
            <Button type="submit" variant="default" loading={link.isPending}>
              {t('people.linkSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Stack>
  );
}
