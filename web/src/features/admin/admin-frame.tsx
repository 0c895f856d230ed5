import { Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { usePageTitle } from '../../app/use-page-title.ts';

const SECTIONS = [
  { to: '/administration', key: 'users' },
  { to: '/administration/inviter', key: 'invite' },
  { to: '/administration/courriels', key: 'outbox' },
] as const;

/** Title and section links shared by the administration pages. */
export function AdminFrame({
  title,
  intro,
  children,
}: {
  title: string;
  intro?: string;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  usePageTitle(title);
  return (
    <Stack gap="lg">
      <div>
        <Text fz="sm" fw={700} tt="uppercase" c="indigo.9">
          {t('nav.admin')}
        </Text>
        <Title order={1}>{title}</Title>
        {intro && <Text c="dimmed">{intro}</Text>}
      </div>
      <Group component="nav" aria-label={t('admin.sections')} gap="xs">
        {SECTIONS.map((section) => (
          <AdminLink key={section.key} to={section.to} active={pathname === section.to}>
            {t(`admin.${section.key}.tab`)}
          </AdminLink>
        ))}
      </Group>
      {children}
    </Stack>
  );
}

function AdminLink({ to, active, children }: { to: string; active: boolean; children: ReactNode }) {
  return (
    <Text
      component={Link}
      to={to}
      aria-current={active ? 'page' : undefined}
      px="md"
      py={6}
      fw={600}
      c={active ? 'white' : 'indigo.9'}
      bg={active ? 'indigo.8' : 'indigo.0'}
      style={{ borderRadius: 'var(--mantine-radius-md)', textDecoration: 'none' }}
    >
      {children}
    </Text>
  );
}
