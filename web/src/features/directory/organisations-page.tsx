import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { LoadError, PageLoader } from '../../app/page-state.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { useFormat } from '../../lib/format.ts';
import { isStaff, useMe } from '../auth/queries.ts';
import { DirectoryExtraFilters } from './directory-extra-filters.tsx';
import { DirectoryMap } from './directory-map.tsx';
import { ExportLinks } from './export-links.tsx';
import { OrganisationFiltersForm } from './organisation-filters-form.tsx';
import { OrganisationsPagination } from './organisations-pagination.tsx';
import { OrganisationsTable } from './organisations-table.tsx';
import { useOrganisations, type OrganisationFilters } from './queries.ts';
import { isUniverse } from './universe.ts';

const PAGE_SIZE = 25;

/** Reads the filters from the address, so a search can be shared and survives "back". */
function filtersFrom(params: URLSearchParams): OrganisationFilters {
  const universe = params.get('universe');
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  return {
    q: params.get('q')?.trim() || undefined,
    universe: isUniverse(universe) ? universe : undefined,
    status: params.get('status') === 'archived' ? 'archived' : 'active',
    page: Number.isFinite(page) && page > 0 ? page : 1,
    pageSize: PAGE_SIZE,
    theme: params.get('theme') || undefined,
    departement: params.get('departement') || undefined,
    hasOpenNeeds: params.get('hasOpenNeeds') === 'true' || undefined,
    hasOpenOffers: params.get('hasOpenOffers') === 'true' || undefined,
  };
}

/** `/annuaire`: the lab's organisations, searchable and filtered by universe. */
export function OrganisationsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const filters = filtersFrom(params);
  const organisations = useOrganisations(filters);
  usePageTitle(t('directory.title'));

  const update = (changes: Partial<OrganisationFilters>) => {
    const next = { ...filters, page: 1, ...changes };
    const search = new URLSearchParams();
    if (next.q) search.set('q', next.q);
    if (next.universe) search.set('universe', next.universe);
    if (next.status === 'archived') search.set('status', 'archived');
    if (next.page > 1) search.set('page', String(next.page));
    if (next.theme) search.set('theme', next.theme);
    if (next.departement) search.set('departement', next.departement);
    if (next.hasOpenNeeds) search.set('hasOpenNeeds', 'true');
    if (next.hasOpenOffers) search.set('hasOpenOffers', 'true');
    setParams(search);
  };

  const total = organisations.data?.total ?? 0;
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={1}>{t('directory.title')}</Title>
          <Text c="dimmed">{t('directory.intro')}</Text>
        </div>
        {isStaff(me.data) && (
          <Button component={Link} to="/annuaire/nouvelle">
            {t('directory.new')}
          </Button>
        )}
      </Group>
      <OrganisationFiltersForm filters={filters} onChange={update} />
      <DirectoryExtraFilters filters={filters} onChange={update} />
      <Text role="status" aria-live="polite" fw={600}>
        {organisations.data
          ? t(filters.status === 'archived' ? 'directory.countArchived' : 'directory.count', {
              count: total,
              formatted: format.number(total),
            })
          : ''}
      </Text>
      {organisations.isPending && <PageLoader />}
      {organisations.isError && <LoadError error={organisations.error} />}
      {organisations.data && organisations.data.items.length > 0 && (
        <>
          {me.data?.user.role !== 'member' && <ExportLinks filters={filters} />}
          <DirectoryMap filters={filters} />
          <div id="organisations-list">
            <OrganisationsTable organisations={organisations.data.items} />
          </div>
        </>
      )}
      {organisations.data?.items.length === 0 && (
        <Text>
          {filters.q ||
          filters.universe ||
          filters.theme ||
          filters.departement ||
          filters.hasOpenNeeds ||
          filters.hasOpenOffers
            ? t('directory.noMatch')
            : t('directory.empty')}
        </Text>
      )}
      {organisations.data && (
        <OrganisationsPagination
          page={filters.page}
          total={Math.ceil(total / PAGE_SIZE)}
          onChange={(page) => update({ page })}
        />
      )}
    </Stack>
  );
}
