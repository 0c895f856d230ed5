import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import type { Organisation } from '../../../../src/contracts/organisations.ts';
import { problemMessage } from '../../lib/problem-message.ts';
import { useArchiveOrganisation } from './queries.ts';

/** Archives an organisation after the user confirms it in a dialog. */
export function ArchiveOrganisationButton({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  const [opened, { open, close }] = useDisclosure(false);
  const archive = useArchiveOrganisation(organisation.id);

  return (
    <>
      <Button color="red.8" variant="outline" onClick={open}>
        {t('organisation.archive')}
      </Button>
      <Modal
        opened={opened}
        onClose={close}
        title={t('organisation.archiveTitle')}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        <Stack gap="md">
          <Text>{t('organisation.archiveConfirm', { name: organisation.name })}</Text>
          {archive.isError && (
            <Alert color="red" role="alert">
              {problemMessage(archive.error, t, i18n.language)}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.8"
              loading={archive.isPending}
              onClick={() => archive.mutate(undefined, { onSuccess: close })}
            >
              {t('organisation.archiveSubmit')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
