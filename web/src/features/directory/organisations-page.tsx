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

/** The filters written back into the address, defaults left out so shared links stay short. */
function searchOf(filters: OrganisationFilters): URLSearchParams {
  const search = new URLSearchParams();
  if (filters.q) search.set('q', filters.q);
  if (filters.universe) search.set('universe', filters.universe);
  if (filters.status === 'archived') search.set('status', 'archived');
  if (filters.page > 1) search.set('page', String(filters.page));
  if (filters.theme) search.set('theme', filters.theme);
  if (filters.departement) search.set('departement', filters.departement);
  if (filters.hasOpenNeeds) search.set('hasOpenNeeds', 'true');
  if (filters.hasOpenOffers) search.set('hasOpenOffers', 'true');
  return search;
}

const currentSearchParams = () => new URLSearchParams(window.location.search);

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
    // The filters of this render may lag behind the address: react-router renders a navigation in
    // a transition, so a second change made before that render lands (even through
    // setSearchParams' functional form, which gets the same render's params) would drop the
    // first. The address itself is updated at once, so it is the one source of truth.
    const next = { ...filtersFrom(currentSearchParams()), page: 1, ...changes };
    setParams(searchOf(next));
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
          <Group gap="sm" role="group" aria-label={t('directory.staffTools')}>
            {/* An import goes into the asker's lab: a network admin, who has none, is refused it. */}
            {me.data?.user.labId && (
              <Button component={Link} to="/annuaire/importer" variant="default">
                {t('directory.importLink')}
              </Button>
            )}
            <Button component={Link} to="/annuaire/doublons" variant="default">
              {t('directory.duplicatesLink')}
            </Button>
            <Button component={Link} to="/annuaire/nouvelle">
              {t('directory.new')}
            </Button>
          </Group>
        )}
      </Group>
      <OrganisationFiltersForm filters={filters} onChange={update} />
      <DirectoryExtraFilters filters={filters} onChange={update} />
      <Text role="status" aria-live="polite" fw={600}>
        {organisations.data
          ? t(filters.status === 'archived' ? 'directory.countArchived' : 'directory.count', {
              count: total,
              // A search counts up to 1,000 matches: beyond, "1 000+".
              formatted: `${format.number(total)}${organisations.data.totalCapped ? '+' : ''}`,
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
