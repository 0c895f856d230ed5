import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations } from '../directory/queries.ts';

/** Picks one of the lab's organisations by name (searched by the API). */
export function OrganisationSelect({
  value,
  error,
  onChange,
}: {
  value: string | null;
  error?: string;
  onChange: (id: string | null) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [selectedLabel, setSelectedLabel] = useState<string | null>(null);
  const [debounced] = useDebouncedValue(search, 250);
  const organisations = useOrganisations({
    q: debounced && debounced !== selectedLabel ? debounced : undefined,
    status: 'active',
    page: 1,
    pageSize: 20,
  });
  const options = (organisations.data?.items ?? []).map((organisation) => ({
    value: organisation.id,
    label: organisation.name,
  }));
  if (value && selectedLabel && !options.some((option) => option.value === value)) {
    options.unshift({ value, label: selectedLabel });
  }
  return (
    <Select
      label={t('admin.invite.organisation')}
      description={t('admin.invite.organisationHint')}
      required
      searchable
      data={options}
      value={value}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={t('admin.invite.noOrganisation')}
      error={error}
      onChange={(id, option) => {
        setSelectedLabel(id && option ? option.label : null);
        onChange(id);
      }}
    />
  );
}
