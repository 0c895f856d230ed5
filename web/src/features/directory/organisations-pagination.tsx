import { Group, Pagination } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** Page buttons with spoken labels, inside their own navigation landmark. */
export function OrganisationsPagination({
  page,
  total,
  onChange,
}: {
  page: number;
  total: number;
  onChange: (page: number) => void;
}) {
  const { t } = useTranslation();
  if (total <= 1) return null;
  return (
    <Group component="nav" aria-label={t('pagination.label')} justify="center">
      <Pagination
        value={page}
        total={total}
        onChange={onChange}
        getItemProps={(item) => ({
          'aria-label': t('pagination.page', { page: item }),
          'aria-current': item === page ? 'page' : undefined,
        })}
        getControlProps={(control) => ({ 'aria-label': t(`pagination.${control}`) })}
      />
    </Group>
  );
}
