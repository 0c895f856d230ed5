import { Badge, Code, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LoadError, PageLoader } from '../../app/page-state.tsx';
import { useFormat } from '../../lib/format.ts';
import { AdminFrame } from './admin-frame.tsx';
import { LinkedText } from './linked-text.tsx';
import { useOutbox, type OutboxMessage } from './queries.ts';

function OutboxItem({ message }: { message: OutboxMessage }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <Paper component="article" withBorder p="md">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={2} fz="h4">
              {message.subject}
            </Title>
            <Text fz="sm">{t('admin.outbox.to', { to: message.to })}</Text>
          </div>
          <Stack gap={4} align="flex-end">
            <Text fz="sm" c="dimmed">
              {format.dateTime(message.createdAt)}
            </Text>
            <Badge variant="filled" color={message.sentAt ? 'green.9' : 'gray.8'}>
              {message.sentAt ? t('admin.outbox.sent') : t('admin.outbox.kept')}
            </Badge>
          </Stack>
        </Group>
        <Code block style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
          <LinkedText text={message.text} />
        </Code>
      </Stack>
    </Paper>
  );
}

/** `/administration/courriels`: e-mails kept when no SMTP server is configured. */
export function AdminOutboxPage() {
  const { t } = useTranslation();
  const outbox = useOutbox();
  return (
    <AdminFrame title={t('admin.outbox.title')} intro={t('admin.outbox.intro')}>
      {outbox.isPending && <PageLoader />}
      {outbox.isError && <LoadError error={outbox.error} />}
      {outbox.data?.items.length === 0 && <Text>{t('admin.outbox.empty')}</Text>}
      {outbox.data && outbox.data.items.length > 0 && (
        <Stack gap="md">
          {outbox.data.items.map((message) => (
            <OutboxItem key={message.id} message={message} />
          ))}
        </Stack>
      )}
    </AdminFrame>
  );
}
