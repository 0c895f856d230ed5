import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { TimelineSchema } from '../../../../src/contracts/directory.ts';
import type { Organisation } from '../../../../src/contracts/organisations.ts';
import { api } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { useMe } from '../auth/queries.ts';
import { NeedsOffersSection } from './needs-offers-section.tsx';
import { PeopleSection } from './people-section.tsx';

/** Needs and offers, people (for those allowed to see them) and the timeline of an organisation. */
export function OrganisationDirectorySections({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const role = me.data?.user.role;
  // Personal data: the lab's team, or a member for its own organisation (the API enforces it too).
  const isTeam = role === 'facilitator' || role === 'lab_admin';
  const seesPeople = isTeam || (role === 'member' && organisation.can.edit);
  const timeline = useQuery({
    queryKey: ['organisations', 'timeline', organisation.id],
    queryFn: ({ signal }) =>
      api(`/api/organisations/${encodeURIComponent(organisation.id)}/timeline`, {
        schema: TimelineSchema,
        signal,
      }),
  });
  return (
    <>
      <NeedsOffersSection organisation={organisation} />
      {seesPeople && (
        <PeopleSection
          organisation={organisation}
          canAdd={organisation.status === 'active'}
          isTeam={isTeam}
        />
      )}
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Title order={2} fz="h3">
            {t('organisation.timeline')}
          </Title>
          {(timeline.data?.items.length ?? 0) === 0 ? (
            <Text>{timeline.isPending ? t('common.loading') : t('organisationFacts.noTimeline')}</Text>
          ) : (
            <List spacing="xs">
              {(timeline.data?.items ?? []).slice(0, 20).map((event) => (
                <List.Item key={event.id}>
                  <Text size="sm">
                    {format.date(event.at)} — {event.summary}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Paper>
    </>
  );
}
