import { Button, Group, NativeSelect, Switch, TextInput } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrganisationFilters } from './queries.ts';
import { isUniverse, universeOptions } from './universe.ts';

/** Search box, universe filter and the archived toggle of the directory. */
export function OrganisationFiltersForm({
  filters,
  onChange,
}: {
  filters: OrganisationFilters;
  onChange: (changes: Partial<OrganisationFilters>) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(filters.q ?? '');
  useEffect(() => setQ(filters.q ?? ''), [filters.q]);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    onChange({ q: q.trim() || undefined });
  };

  return (
    <form role="search" aria-label={t('directory.searchLabel')} onSubmit={onSubmit}>
      <Group align="flex-end" gap="md">
        <TextInput
          label={t('directory.search')}
          placeholder={t('directory.searchPlaceholder')}
          type="search"
          value={q}
          onChange={(event) => setQ(event.currentTarget.value)}
          style={{ flex: '1 1 16rem' }}
        />
        <Button type="submit">{t('directory.searchSubmit')}</Button>
        <NativeSelect
          label={t('directory.universe')}
          value={filters.universe ?? ''}
          onChange={(event) => {
            const value = event.currentTarget.value;
            onChange({ universe: isUniverse(value) ? value : undefined });
          }}
          data={[{ value: '', label: t('directory.allUniverses') }, ...universeOptions(t)]}
          style={{ flex: '0 1 16rem' }}
        />
        <Switch
          label={t('directory.showArchived')}
          checked={filters.status === 'archived'}
          onChange={(event) => onChange({ status: event.currentTarget.checked ? 'archived' : 'active' })}
          mb={8}
        />
      </Group>
    </form>
  );
}
