import { Alert, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import type { Organisation } from '../../../../src/contracts/organisations.ts';
import { NotFoundPage } from '../../app/not-found-page.tsx';
import { LoadError, PageLoader } from '../../app/page-state.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { isApiError } from '../../lib/api.ts';
import { OrganisationForm } from './organisation-form.tsx';
import { valuesFromOrganisation } from './organisation-form-values.ts';
import { useOrganisation, useUpdateOrganisation } from './queries.ts';

function EditOrganisation({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateOrganisation(organisation.id);
  const title = t('organisation.editTitle', { name: organisation.name });
  usePageTitle(title);
  const back = () => void navigate(`/annuaire/${organisation.id}`);
  return (
    <Stack gap="lg">
      <Title order={1}>{title}</Title>
      {organisation.can.edit ? (
        <OrganisationForm
          initialValues={valuesFromOrganisation(organisation)}
          submitLabel={t('organisation.editSubmit')}
          isSubmitting={update.isPending}
          submitError={update.error}
          onSubmit={(input) => update.mutate(input, { onSuccess: back })}
          onCancel={back}
        />
      ) : (
        <Alert color="yellow" role="status">
          {t('organisation.cannotEdit')}
        </Alert>
      )}
    </Stack>
  );
}

/** `/annuaire/:id/modifier`: edits an organisation the user may edit. */
export function EditOrganisationPage() {
  const { id = '' } = useParams();
  const organisation = useOrganisation(id);
  if (organisation.isPending) return <PageLoader />;
  if (organisation.isError) {
    if (isApiError(organisation.error, 404) || isApiError(organisation.error, 400)) return <NotFoundPage />;
    return <LoadError error={organisation.error} />;
  }
  return <EditOrganisation organisation={organisation.data} />;
}
