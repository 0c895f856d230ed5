import { Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadError } from '../../app/page-state.tsx';
import { useFormat } from '../../lib/format.ts';
import { useMatchingStats } from './queries.ts';

/** The lab's acceptance rate of suggested partners: how often a suggestion shown was not marked "pas pertinent". */
export function MatchingStatsCard() {
  const { t } = useTranslation();
  const format = useFormat();
  const stats = useMatchingStats();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="matching-stats-title">
      <Stack gap="xs">
        <Title order={2} fz="h3" id="matching-stats-title">
          {t('suggestions.stats.title')}
        </Title>
        {stats.isError && <LoadError error={stats.error} />}
        {stats.isSuccess && (
          <Text>
            {stats.data.acceptanceRate === null
              ? t('suggestions.stats.none')
              : t('suggestions.stats.summary', {
                  rate: format.percent(stats.data.acceptanceRate),
                  shown: format.number(stats.data.shown),
                  notRelevant: format.number(stats.data.notRelevant),
                })}
          </Text>
        )}
        <Text fz="sm" c="dimmed">
          {t('suggestions.stats.help')}
        </Text>
      </Stack>
    </Paper>
  );
}
