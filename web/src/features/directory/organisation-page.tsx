import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import type { Organisation } from '../../../../src/contracts/organisations.ts';
import { NotFoundPage } from '../../app/not-found-page.tsx';
import { LoadError, PageLoader } from '../../app/page-state.tsx';
import { usePageTitle } from '../../app/use-page-title.ts';
import { isApiError } from '../../lib/api.ts';
import { SuggestedPartners } from '../matching/suggested-partners.tsx';
import { ArchiveOrganisationButton } from './archive-organisation-button.tsx';
import { OrganisationDirectorySections } from './organisation-directory-sections.tsx';
import { OrganisationFacts } from './organisation-facts.tsx';
import { useOrganisation } from './queries.ts';

function OrganisationDetails({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  usePageTitle(organisation.name);
  const isArchived = organisation.status === 'archived';

  return (
    <Stack gap="lg">
      <Anchor component={Link} to="/annuaire" fz="sm">
        {t('organisation.backToDirectory')}
      </Anchor>
      <Group justify="space-between" align="flex-start">
        <Stack gap={6}>
          <Title order={1}>{organisation.name}</Title>
          <Group gap="xs">
            <Badge variant="filled">{t(`universes.${organisation.universe}`)}</Badge>
            {isArchived && (
              <Badge variant="filled" color="gray.8">
                {t('organisation.archived')}
              </Badge>
            )}
          </Group>
        </Stack>
        {!isArchived && (
          <Group gap="sm">
            {organisation.can.edit && (
              <Button component={Link} to={`/annuaire/${organisation.id}/modifier`} variant="default">
                {t('organisation.edit')}
              </Button>
            )}
            {organisation.can.archive && <ArchiveOrganisationButton organisation={organisation} />}
          </Group>
        )}
      </Group>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Title order={2} fz="h3">
            {t('organisation.description')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>
            {organisation.description || t('organisation.noDescription')}
          </Text>
        </Stack>
      </Paper>
      <Paper withBorder p="lg">
        <Stack gap="md">
          <Title order={2} fz="h3">
            {t('organisation.identity')}
          </Title>
          <OrganisationFacts organisation={organisation} />
        </Stack>
      </Paper>
      <OrganisationDirectorySections organisation={organisation} />
      {!isArchived && (
        <SuggestedPartners organisationId={organisation.id} canGiveFeedback={organisation.can.edit} />
      )}
    </Stack>
  );
}

/** `/annuaire/:id`: one organisation; "not found" also when the visitor may not see it. */
export function OrganisationPage() {
  const { id = '' } = useParams();
  const organisation = useOrganisation(id);
  if (organisation.isPending) return <PageLoader />;
  if (organisation.isError) {
    if (isApiError(organisation.error, 404) || isApiError(organisation.error, 400)) return <NotFoundPage />;
    return <LoadError error={organisation.error} />;
  }
  return <OrganisationDetails organisation={organisation.data} />;
}
