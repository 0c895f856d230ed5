import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCommunes } from './queries.ts';

export interface CommuneValue {
  code: string | null;
  label: string | null;
}

/** Picks a commune by name; the API searches, so the list is not filtered again here. */
export function CommuneSelect({
  value,
  error,
  onChange,
}: {
  value: CommuneValue;
  error?: string;
  onChange: (value: CommuneValue) => void;
}) {
  const { t } = useTranslation();
  const [search, setSearch] = useState(value.label ?? '');
  const [debounced] = useDebouncedValue(search, 250);
  const communes = useCommunes(debounced === value.label ? '' : debounced);

  const options = (communes.data?.items ?? []).map((commune) => ({
    value: commune.code,
    label: `${commune.name} (${commune.departement})`,
  }));
  if (value.code && !options.some((option) => option.value === value.code)) {
    options.unshift({ value: value.code, label: value.label ?? value.code });
  }

  return (
    <Select
      label={t('organisation.commune')}
      description={t('organisation.communeHint')}
      placeholder={t('organisation.communePlaceholder')}
      searchable
      clearable
      clearButtonProps={{ 'aria-label': t('organisation.communeClear') }}
      data={options}
      value={value.code}
      searchValue={search}
      onSearchChange={setSearch}
      filter={({ options: all }) => all}
      nothingFoundMessage={
        debounced.trim().length >= 2 ? t('organisation.communeNone') : t('organisation.communeType')
      }
      error={error}
      onChange={(code, option) => onChange({ code, label: code && option ? option.label : null })}
    />
  );
}
