import { Anchor, Badge, Group, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { HEADCOUNT_BANDS, type Organisation } from '../../../../src/contracts/organisations.ts';
import { useFormat } from '../../lib/format.ts';

export function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" fz="sm" c="dimmed">
        {label}
      </Text>
      <Text component="dd" m={0} fw={500}>
        {children}
      </Text>
    </div>
  );
}

/** "Strasbourg (67482)" style: the name when known, with its official code. */
const named = (name: string | null | undefined, code: string | null | undefined) =>
  name ? (code ? `${name} (${code})` : name) : (code ?? '—');

/** The INSEE band in words, in the interface language ("6 à 9 salariés"). */
function headcountInWords(code: string | null | undefined, language: string): string {
  const band = HEADCOUNT_BANDS.find((b) => b.code === code);
  if (!band) return '—';
  return language.startsWith('en') ? band.en : band.fr;
}

/** Identity of an organisation: territory at every level, registry numbers, activity and size. */
export function OrganisationFacts({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const naf = organisation.naf
    ? organisation.nafLabel
      ? `${organisation.naf} — ${organisation.nafLabel}`
      : organisation.naf
    : '—';
  const address = [organisation.address, organisation.postalCode].filter(Boolean).join(', ');
  return (
    <SimpleGrid component="dl" cols={{ base: 1, sm: 2, md: 3 }} m={0}>
      <Fact label={t('organisation.commune')}>
        {named(organisation.communeName, organisation.communeInsee)}
      </Fact>
      <Fact label={t('organisationFacts.epci')}>{named(organisation.epciName, organisation.epci)}</Fact>
      <Fact label={t('organisation.departement')}>
        {named(organisation.departementName, organisation.departement)}
      </Fact>
      <Fact label={t('organisationFacts.region')}>{named(organisation.regionName, organisation.region)}</Fact>
      <Fact label={t('organisationFacts.address')}>{address || '—'}</Fact>
      <Fact label={t('organisationFacts.website')}>
        {organisation.website ? (
          <Anchor href={organisation.website} target="_blank" rel="noopener noreferrer" underline="always">
            {organisation.website.replace(/^https?:\/\//, '')}
          </Anchor>
        ) : (
          '—'
        )}
      </Fact>
      <Fact label={t('organisation.siren')}>{organisation.siren ?? '—'}</Fact>
      <Fact label={t('organisation.siret')}>{organisation.siret ?? '—'}</Fact>
      <Fact label={t('organisation.rna')}>{organisation.rna ?? '—'}</Fact>
      <Fact label={t('organisationFacts.naf')}>{naf}</Fact>
      <Fact label={t('organisationFacts.headcount')}>
        {headcountInWords(organisation.headcountBand, i18n.language)}
      </Fact>
      <Fact label={t('organisation.updatedAt')}>{format.date(organisation.updatedAt)}</Fact>
      <div style={{ gridColumn: '1 / -1' }}>
        <Text component="dt" fz="sm" c="dimmed">
          {t('organisationFacts.themes')}
        </Text>
        <Text component="dd" m={0}>
          {(organisation.themes ?? []).length === 0 ? (
            '—'
          ) : (
            <Group gap="xs" component="span">
              {(organisation.themes ?? []).map((theme) => (
                <Badge key={theme} variant="outline" color="dark.7" component="span">
                  {t(`themes.${theme}`, { defaultValue: theme })}
                </Badge>
              ))}
            </Group>
          )}
        </Text>
      </div>
    </SimpleGrid>
  );
}
