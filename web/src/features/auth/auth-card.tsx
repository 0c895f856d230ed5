import { Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { usePageTitle } from '../../app/use-page-title.ts';

/** The narrow frame of the sign-in, password and invitation pages. */
export function AuthCard({ title, intro, children }: { title: string; intro?: string; children: ReactNode }) {
  usePageTitle(title);
  return (
    <Paper withBorder shadow="sm" p="xl" maw={460} mx="auto" mt="xl">
      <Stack gap="md">
        <Title order={1} fz="h2">
          {title}
        </Title>
        {intro && <Text c="dimmed">{intro}</Text>}
        {children}
      </Stack>
    </Paper>
  );
}
