import { Anchor, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Me } from '../../../../src/contracts/session.ts';
import { PageLoader } from '../../app/page-state.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { useMe } from '../auth/queries.ts';
import { MISSIONS, MISSION_PATHS } from '../missions/missions.ts';
import { DirectoryFigures } from './directory-figures.tsx';

function MissionCards() {
  const { t } = useTranslation();
  return (
    <SimpleGrid cols={{ base: 1, sm: 2, lg: 4 }}>
      {MISSIONS.map((mission) => (
        <Card key={mission} withBorder padding="lg">
          <Title order={3} fz="h4">
            <Anchor component={Link} to={MISSION_PATHS[mission]}>
              {t(`missions.${mission}.name`)}
            </Anchor>
          </Title>
          <Text fz="sm" mt="xs">
            {t(`missions.${mission}.tagline`)}
          </Text>
        </Card>
      ))}
    </SimpleGrid>
  );
}

function Dashboard({ me }: { me: Me }) {
  const { t } = useTranslation();
  const labName = me.lab?.name ?? t('home.network');
  usePageTitle(t('home.title'));
  return (
    <Stack gap="xl">
      <div>
        <Text fz="sm" fw={700} tt="uppercase" c="indigo.9">
          {labName}
        </Text>
        <Title order={1}>{t('home.title')}</Title>
        <Text fz="lg" mt="xs">
          {t('home.welcome', { name: me.user.name })}
        </Text>
        {me.user.organisationId && (
          <Anchor component={Link} to={`/annuaire/${me.user.organisationId}`} fw={600}>
            {t('home.ownOrganisation')}
          </Anchor>
        )}
        {me.lab && me.lab.territory.length > 0 && (
          <Text c="dimmed" fz="sm">
            {t('home.territory', { codes: me.lab.territory.join(', ') })}
          </Text>
        )}
      </div>
      <section aria-labelledby="home-directory">
        <Title order={2} id="home-directory" mb="sm">
          {t('home.directoryTitle')}
        </Title>
        <DirectoryFigures />
      </section>
      <section aria-labelledby="home-missions">
        <Title order={2} id="home-missions" mb="sm">
          {t('home.missionsTitle')}
        </Title>
        <MissionCards />
      </section>
    </Stack>
  );
}

/** `/`: the lab's dashboard after sign-in. */
export function HomePage() {
  const me = useMe();
  if (!me.data) return <PageLoader />;
  return <Dashboard me={me.data} />;
}
