import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import {
  NeedOfferPageSchema,
  PersonPageSchema,
  TimelineSchema,
} from '../../../../src/contracts/directory.ts';
import type { Organisation } from '../../../../src/contracts/organisations.ts';
import { api } from '../../lib/api.ts';
import { useFormat } from '../../lib/format.ts';
import { useMe } from '../auth/queries.ts';

/** Needs and offers, people (for those allowed to see them) and the timeline of an organisation. */
export function OrganisationDirectorySections({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const format = useFormat();
  const me = useMe();
  const role = me.data?.user.role;
  // Personal data: the lab's team, or a member for its own organisation (the API enforces it too).
  const seesPeople =
    role === 'facilitator' || role === 'lab_admin' || (role === 'member' && organisation.can.edit);
  const id = encodeURIComponent(organisation.id);
  const needs = useQuery({
    queryKey: ['organisations', 'needs-offers', organisation.id],
    queryFn: ({ signal }) =>
      api(`/api/organisations/${id}/needs-offers?pageSize=100`, { schema: NeedOfferPageSchema, signal }),
  });
  const people = useQuery({
    queryKey: ['organisations', 'people', organisation.id],
    queryFn: ({ signal }) =>
      api(`/api/organisations/${id}/people?pageSize=100`, { schema: PersonPageSchema, signal }),
    enabled: seesPeople,
  });
  const timeline = useQuery({
    queryKey: ['organisations', 'timeline', organisation.id],
    queryFn: ({ signal }) => api(`/api/organisations/${id}/timeline`, { schema: TimelineSchema, signal }),
  });
  const items = needs.data?.items ?? [];
  return (
    <>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Title order={2} fz="h3">
            {t('organisation.needsOffers')}
          </Title>
          {items.length === 0 ? (
            <Text>{needs.isPending ? t('directory.map.loading') : t('organisation.noNeedsOffers')}</Text>
          ) : (
            <List spacing="xs">
              {items.map((item) => (
                <List.Item key={item.id}>
                  <Group gap="xs">
                    <Badge variant="filled" color={item.kind === 'need' ? 'red.9' : 'dark.6'}>
                      {t(item.kind === 'need' ? 'organisation.need' : 'organisation.offer')}
                    </Badge>
                    <Text fw={600}>{item.title}</Text>
                    {item.quantity !== null && (
                      <Text size="sm">
                        {format.number(item.quantity)} {item.unit ?? ''}
                      </Text>
                    )}
                    <Text size="sm">{t(`organisation.needOfferStatus.${item.status}`)}</Text>
                  </Group>
                  {item.description && <Text size="sm">{item.description}</Text>}
                </List.Item>
              ))}
            </List>
          )}
        </Stack>
      </Paper>
      {seesPeople && (
        <Paper withBorder p="lg">
          <Stack gap="md">
            <Title order={2} fz="h3">
              {t('organisation.people')}
            </Title>
            {(people.data?.items.length ?? 0) === 0 ? (
              <Text>{t('organisation.noPeople')}</Text>
            ) : (
              <List spacing="xs">
                {people.data?.items.map((person) => (
                  <List.Item key={person.id}>
                    <Text>
                      {person.firstName} {person.lastName}
                      {person.jobTitle ? ` — ${person.jobTitle}` : ''}
                      {person.informationOverdue ? ` · ${t('organisation.informationOverdue')}` : ''}
                    </Text>
                  </List.Item>
                ))}
              </List>
            )}
          </Stack>
        </Paper>
      )}
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Title order={2} fz="h3">
            {t('organisation.timeline')}
          </Title>
          <List spacing="xs">
            {(timeline.data?.items ?? []).slice(0, 20).map((event) => (
              <List.Item key={event.id}>
                <Text size="sm">
                  {format.date(event.at)} — {event.summary}
                </Text>
              </List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
    </>
  );
}
