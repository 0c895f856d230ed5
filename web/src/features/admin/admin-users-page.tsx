import { Anchor, Button, Group, Table, Text, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, PageLoader } from '../../app/page-state.tsx';
import { useFormat } from '../../lib/format.ts';
import { MatchingStatsCard } from '../matching/matching-stats-card.tsx';
import { AdminFrame } from './admin-frame.tsx';
import { useAdminUsers, type AdminUser } from './queries.ts';

function UsersTable({ users }: { users: AdminUser[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped verticalSpacing="sm">
        <caption>
          <VisuallyHidden>{t('admin.users.caption')}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('admin.users.name')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.email')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.role')}</Table.Th>
            <Table.Th scope="col">{t('admin.users.organisation')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {users.map((user) => (
            <Table.Tr key={user.id}>
              <Table.Th scope="row" fw={500}>
                {user.name}
              </Table.Th>
              <Table.Td>{user.email}</Table.Td>
              <Table.Td>{t(`roles.${user.role}`)}</Table.Td>
              <Table.Td>
                {user.organisationId ? (
                  <Anchor component={Link} to={`/annuaire/${user.organisationId}`}>
                    {user.organisationName ?? user.organisationId}
                  </Anchor>
                ) : (
                  '—'
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** `/administration`: the people who use the lab's Labo. */
export function AdminUsersPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const users = useAdminUsers();
  return (
    <AdminFrame title={t('admin.users.title')} intro={t('admin.users.intro')}>
      <Group justify="space-between">
        <Text fw={600}>
          {users.data
            ? t('admin.users.count', {
                count: users.data.items.length,
                formatted: format.number(users.data.items.length),
              })
            : ''}
        </Text>
        <Button component={Link} to="/administration/inviter">
          {t('admin.invite.tab')}
        </Button>
      </Group>
      {users.isPending && <PageLoader />}
      {users.isError && <LoadError error={users.error} />}
      {users.data && <UsersTable users={users.data.items} />}
      <MatchingStatsCard />
    </AdminFrame>
  );
}
