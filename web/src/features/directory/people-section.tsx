import { Button, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Person } from '../../../../src/contracts/directory.ts';
import type { Organisation } from '../../../../src/contracts/organisations.ts';
import { LoadError } from '../../app/page-state.tsx';
import { ConsentHistory } from './consent-history.tsx';
import { ErasePersonDialog } from './erase-person-dialog.tsx';
import { PersonCard, PersonExportLinks, type PersonAction } from './person-card.tsx';
import { PersonForm } from './person-form.tsx';
import { PersonOrganisations } from './person-organisations.tsx';
import { OrganisationSection } from './organisation-section.tsx';
import { usePeople } from './people-queries.ts';

type Dialog = { kind: 'add' } | { kind: PersonAction; person: Person };

/**
 * The people acting for an organisation: shown to the lab's team, and to a member for its own
 * organisation (the API refuses everyone else; `canAdd` mirrors it so no button fails).
 */
export function PeopleSection({
  organisation,
  canAdd,
  isTeam,
}: {
  organisation: Organisation;
  canAdd: boolean;
  /** Facilitators and lab admins may attach a person to another organisation of the lab. */
  isTeam: boolean;
}) {
  const { t } = useTranslation();
  const people = usePeople(organisation.id, true);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const items = people.data?.items ?? [];
  // The dialog keeps showing the fresh copy of its person after the list is read again.
  const current =
    dialog && dialog.kind !== 'add' ? (items.find((p) => p.id === dialog.person.id) ?? dialog.person) : null;
  const name = current ? `${current.firstName} ${current.lastName}` : '';
  const title =
    dialog?.kind === 'add'
      ? t('people.addTitle', { organisation: organisation.name })
      : dialog?.kind === 'edit'
        ? t('people.editTitle', { name })
        : dialog?.kind === 'consents'
          ? t('people.consent.title', { name })
          : t('people.erase.title', { name });

  return (
    <OrganisationSection
      headingId="people-heading"
      heading={t('organisation.people')}
      actions={
        canAdd && (
          <Button variant="default" onClick={() => setDialog({ kind: 'add' })}>
            {t('people.add')}
          </Button>
        )
      }
      dialogTitle={title}
      dialogSize={dialog?.kind === 'consents' ? 'xl' : 'lg'}
      onCloseDialog={close}
      dialog={
        dialog?.kind === 'add' ? (
          <PersonForm organisationId={organisation.id} onDone={close} />
        ) : dialog?.kind === 'edit' && current ? (
          <Stack gap="xl">
            <PersonForm organisationId={organisation.id} person={current} onDone={close} />
            {isTeam && <PersonOrganisations organisationId={organisation.id} person={current} />}
          </Stack>
        ) : dialog?.kind === 'consents' && current ? (
          <ConsentHistory organisationId={organisation.id} person={current} onDone={close} />
        ) : dialog?.kind === 'erase' && current ? (
          <ErasePersonDialog
            organisationId={organisation.id}
            person={current}
            exportLinks={<PersonExportLinks person={current} />}
            onDone={close}
          />
        ) : null
      }
    >
      <Text size="sm" c="dimmed">
        {t('people.gdprNote')}
      </Text>
      {people.isError ? (
        <LoadError error={people.error} />
      ) : people.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text>{t('organisation.noPeople')}</Text>
      ) : (
        items.map((person) => (
          <PersonCard key={person.id} person={person} onAction={(kind) => setDialog({ kind, person })} />
        ))
      )}
    </OrganisationSection>
  );
}
