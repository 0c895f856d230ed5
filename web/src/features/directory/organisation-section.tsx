import { Group, Modal, Paper, Stack, Title, type ModalProps } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

interface Props {
  /** Names the section (a landmark region) after its heading. */
  headingId: string;
  heading: string;
  /** Buttons beside the heading (only those the asker may use). */
  actions?: ReactNode;
  children: ReactNode;
  /** The one dialog of the section: shown when `dialog` is set. */
  dialog: ReactNode;
  dialogTitle: string;
  dialogSize?: ModalProps['size'];
  onCloseDialog: () => void;
}

/** A section of the organisation page with its heading, its actions and the dialog they open. */
export function OrganisationSection({
  headingId,
  heading,
  actions,
  children,
  dialog,
  dialogTitle,
  dialogSize = 'lg',
  onCloseDialog,
}: Props) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={headingId}>
      <Stack gap="md">
        <Group justify="space-between">
          <Title order={2} fz="h3" id={headingId}>
            {heading}
          </Title>
          {actions}
        </Group>
        {children}
      </Stack>
      <Modal
        opened={!!dialog}
        onClose={onCloseDialog}
        title={dialogTitle}
        size={dialogSize}
        closeButtonProps={{ 'aria-label': t('common.close') }}
        centered
      >
        {dialog}
      </Modal>
    </Paper>
  );
}
