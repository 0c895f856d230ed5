import { Group, NativeSelect, Switch } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { THEMES } from '../../../../src/contracts/organisations.ts';
import type { OrganisationFilters } from './queries.ts';

const DEPARTEMENTS = [
  { value: '67', label: '67 — Bas-Rhin' },
  { value: '68', label: '68 — Haut-Rhin' },
  { value: '38', label: '38 — Isère' },
];

/** Theme, territory and "has open needs / offers" filters, beside the search form. */
export function DirectoryExtraFilters({
  filters,
  onChange,
}: {
  filters: OrganisationFilters;
  onChange: (changes: Partial<OrganisationFilters>) => void;
}) {
  const { t } = useTranslation();
  return (
    <Group align="flex-end" gap="md" role="group" aria-label={t('directory.moreFilters')}>
      <NativeSelect
        label={t('directory.theme')}
        value={filters.theme ?? ''}
        onChange={(event) => onChange({ theme: event.currentTarget.value || undefined })}
        data={[
          { value: '', label: t('directory.allThemes') },
          ...THEMES.map((theme) => ({ value: theme, label: t(`themes.${theme}`) })),
        ]}
        style={{ flex: '0 1 16rem' }}
      />
      <NativeSelect
        label={t('directory.departement')}
        value={filters.departement ?? ''}
        onChange={(event) => onChange({ departement: event.currentTarget.value || undefined })}
        data={[{ value: '', label: t('directory.allDepartements') }, ...DEPARTEMENTS]}
        style={{ flex: '0 1 14rem' }}
      />
      <Switch
        label={t('directory.hasOpenNeeds')}
        checked={filters.hasOpenNeeds === true}
        onChange={(event) => onChange({ hasOpenNeeds: event.currentTarget.checked || undefined })}
        mb={8}
      />
      <Switch
        label={t('directory.hasOpenOffers')}
        checked={filters.hasOpenOffers === true}
        onChange={(event) => onChange({ hasOpenOffers: event.currentTarget.checked || undefined })}
        mb={8}
      />
    </Group>
  );
}
