import { Anchor, Table, VisuallyHidden } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Organisation } from '../../../../src/contracts/organisations.ts';

/** One row per organisation; its name links to its page. */
export function OrganisationsTable({ organisations }: { organisations: Organisation[] }) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped highlightOnHover verticalSpacing="sm">
        <caption>
          <VisuallyHidden>{t('directory.tableCaption')}</VisuallyHidden>
        </caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('organisation.name')}</Table.Th>
            <Table.Th scope="col">{t('organisation.universe')}</Table.Th>
            <Table.Th scope="col">{t('organisation.commune')}</Table.Th>
            <Table.Th scope="col">{t('organisation.departement')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {organisations.map((organisation) => (
            <Table.Tr key={organisation.id}>
              <Table.Th scope="row" fw={500}>
                <Anchor component={Link} to={`/annuaire/${organisation.id}`}>
                  {organisation.name}
                </Anchor>
              </Table.Th>
              <Table.Td>{t(`universes.${organisation.universe}`)}</Table.Td>
              <Table.Td>{organisation.communeName ?? '—'}</Table.Td>
              <Table.Td>{organisation.departement ?? '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
