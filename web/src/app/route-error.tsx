import { Alert, Anchor, Container, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** The last resort when a page throws while rendering. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <Container component="main" py="xl" size="sm">
      <Stack>
        <Title order={1}>{t('errors.crashTitle')}</Title>
        <Alert color="red" role="alert">
          {t('errors.crashBody')}
        </Alert>
        <Anchor href="/">{t('notFound.home')}</Anchor>
      </Stack>
    </Container>
  );
}
