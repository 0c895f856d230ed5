import { Divider, NavLink, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Me } from '../../../src/contracts/session.ts';
import { isAdmin } from '../features/auth/queries.ts';

interface Item {
  to: string;
  label: string;
  description?: string;
}

function NavItem({ item }: { item: Item }) {
  const { pathname } = useLocation();
  const active =
    item.to === '/' ? pathname === '/' : pathname === item.to || pathname.startsWith(`${item.to}/`);
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      description={item.description}
      active={active}
      aria-current={active ? 'page' : undefined}
      variant="filled"
    />
  );
}

/** The navigation follows the lab's missions, then its tools. */
export function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const missions: Item[] = [
    { to: '/inspirer', label: t('missions.inspire.name'), description: t('missions.inspire.tagline') },
    { to: '/rassembler', label: t('missions.gather.name'), description: t('missions.gather.tagline') },
    { to: '/agir', label: t('missions.act.name'), description: t('missions.act.tagline') },
    { to: '/impact', label: t('missions.impact.name'), description: t('missions.impact.tagline') },
  ];
  const tools: Item[] = [{ to: '/annuaire', label: t('nav.directory') }];
  if (isAdmin(me)) tools.push({ to: '/administration', label: t('nav.admin') });

  return (
    <Stack gap={4}>
      <NavItem item={{ to: '/', label: t('nav.home') }} />
      <Divider my="xs" />
      <Text id="nav-missions" fz="xs" fw={700} tt="uppercase" c="dimmed" px="sm">
        {t('nav.missions')}
      </Text>
      <ul aria-labelledby="nav-missions" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {missions.map((item) => (
          <li key={item.to}>
            <NavItem item={item} />
          </li>
        ))}
      </ul>
      <Divider my="xs" />
      <Text id="nav-tools" fz="xs" fw={700} tt="uppercase" c="dimmed" px="sm">
        {t('nav.tools')}
      </Text>
      <ul aria-labelledby="nav-tools" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
        {tools.map((item) => (
          <li key={item.to}>
            <NavItem item={item} />
          </li>
        ))}
      </ul>
    </Stack>
  );
}
