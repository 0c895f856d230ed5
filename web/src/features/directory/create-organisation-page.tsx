import { Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { usePageTitle } from '../../app/use-page-title.ts';
import { OrganisationForm } from './organisation-form.tsx';
import { emptyOrganisationValues } from './organisation-form-values.ts';
import { useCreateOrganisation } from './queries.ts';

/** `/annuaire/nouvelle`: adds an organisation to the lab's directory. */
export function CreateOrganisationPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const create = useCreateOrganisation();
  usePageTitle(t('organisation.createTitle'));
  return (
    <Stack gap="lg">
      <Title order={1}>{t('organisation.createTitle')}</Title>
      <OrganisationForm
        initialValues={emptyOrganisationValues}
        submitLabel={t('organisation.createSubmit')}
        isSubmitting={create.isPending}
        submitError={create.error}
        onSubmit={(input) =>
          create.mutate(input, { onSuccess: (organisation) => void navigate(`/annuaire/${organisation.id}`) })
        }
        onCancel={() => void navigate('/annuaire')}
      />
    </Stack>
  );
}
