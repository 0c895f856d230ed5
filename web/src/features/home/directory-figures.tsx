import { Anchor, Grid, Group, Paper, Progress, Stack, Text } from '@mantine/core';
import { useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { OrganisationPageSchema, UNIVERSES } from '../../../../src/contracts/organisations.ts';
import { LoadError } from '../../app/page-state.tsx';
import { api, toQuery } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';

// NOTE: the API has no statistics endpoint yet, so each figure is the `total` of a one-row page.
const countQuery = (params: Record<string, string>) => ({
  queryKey: ['organisations', 'count', params],
  queryFn: ({ signal }: { signal: AbortSignal }) =>
    api(`/api/organisations${toQuery({ ...params, pageSize: 1 })}`, {
      schema: OrganisationPageSchema,
      signal,
    }).then((page) => page.total),
});

/** Real figures of the lab's directory: active and archived organisations, and per universe. */
export function DirectoryFigures() {
  const { t } = useTranslation();
  const format = useFormat();
  const [active, archived, ...perUniverse] = useQueries({
    queries: [
      countQuery({ status: 'active' }),
      countQuery({ status: 'archived' }),
      ...UNIVERSES.map((universe) => countQuery({ status: 'active', universe })),
    ],
  });
  const failed = [active, archived, ...perUniverse].find((query) => query?.isError);
  if (failed) return <LoadError error={failed.error} />;
  const activeTotal = active?.data ?? 0;

  return (
    <Grid align="stretch">
      <Grid.Col span={{ base: 12, md: 4 }}>
        <Stack gap="md">
          <Paper withBorder p="lg">
            <Text fz="sm" c="dimmed">
              {t('home.activeOrganisations')}
            </Text>
            <Text fz={36} fw={800} lh={1.1}>
              {active?.data === undefined ? '…' : format.number(activeTotal)}
            </Text>
            <Anchor component={Link} to="/annuaire" fz="sm">
              {t('home.openDirectory')}
            </Anchor>
          </Paper>
          <Paper withBorder p="lg">
            <Text fz="sm" c="dimmed">
              {t('home.archivedOrganisations')}
            </Text>
            <Text fz={36} fw={800} lh={1.1}>
              {archived?.data === undefined ? '…' : format.number(archived.data)}
            </Text>
            <Anchor component={Link} to="/annuaire?status=archived" fz="sm">
              {t('home.openArchived')}
            </Anchor>
          </Paper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, md: 8 }}>
        <Paper withBorder p="lg" h="100%">
          <Text fz="sm" c="dimmed" mb="xs">
            {t('home.byUniverse')}
          </Text>
          <Stack gap={6}>
            {UNIVERSES.map((universe, index) => {
              const count = perUniverse[index]?.data;
              const label = t(`universes.${universe}`);
              return (
                <div key={universe}>
                  <Group justify="space-between" fz="sm">
                    <Anchor component={Link} to={`/annuaire?universe=${universe}`} fz="sm">
                      {label}
                    </Anchor>
                    <Text fz="sm" fw={600}>
                      {count === undefined ? '…' : format.number(count)}
                    </Text>
                  </Group>
                  <Progress
                    value={activeTotal > 0 && count ? (count / activeTotal) * 100 : 0}
                    size="sm"
                    aria-label={t('home.shareOf', { label })}
                  />
                </div>
              );
            })}
          </Stack>
        </Paper>
      </Grid.Col>
    </Grid>
  );
}
