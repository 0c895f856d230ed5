import { Anchor, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { toQuery } from '../../lib/api.ts';
import { filterParams, type OrganisationFilters } from './queries.ts';

/** Downloads of the filtered list (same filters, every page): plain links, the browser saves the file. */
export function ExportLinks({ filters }: { filters: OrganisationFilters }) {
  const { t } = useTranslation();
  const query = (format: 'csv' | 'xlsx') =>
    toQuery({ ...filterParams(filters), page: undefined, pageSize: undefined, format });
  return (
    <Group gap="sm">
      <Text size="sm">{t('directory.export')}</Text>
      <Anchor href={`/api/organisations/export${query('csv')}`} download size="sm" underline="always">
        CSV
      </Anchor>
      <Anchor href={`/api/organisations/export${query('xlsx')}`} download size="sm" underline="always">
        XLSX
      </Anchor>
    </Group>
  );
}
