import { Alert, Center, Loader } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { problemMessage } from '../lib/problem-message.ts';

/** Shown while a page's data loads. */
export function PageLoader() {
  const { t } = useTranslation();
  return (
    <Center py="xl">
      <Loader aria-label={t('common.loading')} role="status" />
    </Center>
  );
}

/** Shown when a page's data could not be loaded. */
export function LoadError({ error }: { error: unknown }) {
  const { t, i18n } = useTranslation();
  return (
    <Alert color="red" title={t('errors.loadFailed')} role="alert">
      {problemMessage(error, t, i18n.language)}
    </Alert>
  );
}
