import { Badge, Button, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../app/use-page-title.ts';
import { MISSION_AVAILABLE, type Mission } from './missions.ts';

function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

/** An honest landing page per mission: what it covers, and what Labo offers for it today. */
export function MissionPage({ mission }: { mission: Mission }) {
  const { t } = useTranslation();
  const name = t(`missions.${mission}.name`);
  usePageTitle(name);
  const covers = stringList(t(`missions.${mission}.covers`, { returnObjects: true }));
  const isAvailable = MISSION_AVAILABLE[mission];

  return (
    <Stack gap="lg" maw={820}>
      <div>
        <Text fz="sm" fw={700} tt="uppercase" c="indigo.9">
          {t('missions.kicker')}
        </Text>
        <Title order={1}>{name}</Title>
        <Text fz="lg" mt="xs">
          {t(`missions.${mission}.tagline`)}
        </Text>
      </div>
      <Text>{t(`missions.${mission}.intro`)}</Text>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Title order={2} fz="h3">
            {t('missions.coversTitle')}
          </Title>
          <List spacing="xs">
            {covers.map((item) => (
              <List.Item key={item}>{item}</List.Item>
            ))}
          </List>
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <Stack gap="sm">
          <Group gap="sm">
            <Title order={2} fz="h3">
              {t('missions.todayTitle')}
            </Title>
            {!isAvailable && (
              <Badge variant="filled" color="gray.8">
                {t('missions.comingSoon')}
              </Badge>
            )}
          </Group>
          <Text>{t(`missions.${mission}.today`)}</Text>
          <Button component={Link} to="/annuaire" w="fit-content">
            {t('missions.openDirectory')}
          </Button>
        </Stack>
      </Paper>
    </Stack>
  );
}
