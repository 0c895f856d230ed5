import { Alert, Anchor, Badge, Button, Stack, Table, Text, Title, VisuallyHidden } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { DuplicatePair } from '../../../../../src/contracts/directory.ts';
import type { Organisation } from '../../../../../src/contracts/organisations.ts';
import { LoadError, PageLoader } from '../../../app/page-state.tsx';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { useFormat } from '../../../lib/format.ts';
import { useDuplicates } from './duplicates-queries.ts';
import { MergeComparison } from './merge-comparison.tsx';

const keyOf = (pair: DuplicatePair) => `${pair.first.id}:${pair.second.id}`;

/** `/annuaire/doublons`: pairs that look like one organisation, compared, merged or told apart. */
export function DuplicatesPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('duplicates.title'));
  const duplicates = useDuplicates();
  const [selected, setSelected] = useState<string | null>(null);
  // What the last action did, said once the pair has left the list.
  const [merged, setMerged] = useState<Organisation | null>(null);
  const [dismissed, setDismissed] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const pair = duplicates.data?.items.find((item) => keyOf(item) === selected);

  // Opening a comparison moves focus to it, so keyboard and screen reader users land there.
  useEffect(() => {
    if (selected) headingRef.current?.focus();
  }, [selected]);

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/annuaire" fz="sm">
          {t('duplicates.back')}
        </Anchor>
        <Title order={1}>{t('duplicates.title')}</Title>
        <Text c="dimmed">{t('duplicates.intro')}</Text>
      </div>
      {merged && (
        <Alert color="green" role="status" title={t('duplicates.mergedTitle')}>
          {t('duplicates.merged')}{' '}
          <Anchor component={Link} to={`/annuaire/${merged.id}`}>
            {merged.name}
          </Anchor>
        </Alert>
      )}
      {dismissed && (
        <Alert color="blue" role="status" title={t('duplicates.dismissedTitle')}>
          {t('duplicates.dismissed')}
        </Alert>
      )}
      {duplicates.isPending && <PageLoader />}
      {duplicates.isError && <LoadError error={duplicates.error} />}
      {duplicates.data && (
        <Text role="status" fw={600}>
          {t('duplicates.count', {
            count: duplicates.data.items.length,
            formatted: format.number(duplicates.data.items.length),
          })}
        </Text>
      )}
      {duplicates.data && duplicates.data.items.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table striped withTableBorder captionSide="top">
            <Table.Caption>{t('duplicates.listCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('duplicates.first')}</Table.Th>
                <Table.Th scope="col">{t('duplicates.second')}</Table.Th>
                <Table.Th scope="col">{t('duplicates.commune')}</Table.Th>
                <Table.Th scope="col">{t('duplicates.reason')}</Table.Th>
                <Table.Th scope="col">{t('duplicates.similarity')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('duplicates.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {duplicates.data.items.map((item) => (
                <Table.Tr key={keyOf(item)} aria-current={keyOf(item) === selected ? 'true' : undefined}>
                  <Table.Th scope="row" fw={400}>
                    {item.first.name}
                  </Table.Th>
                  <Table.Td>{item.second.name}</Table.Td>
                  <Table.Td>{item.first.communeName ?? item.first.communeInsee ?? '—'}</Table.Td>
                  <Table.Td>
                    <Badge variant="light" color="gray">
                      {t(`duplicates.reasons.${item.reason}`)}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{format.percent(item.score)}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant={keyOf(item) === selected ? 'filled' : 'light'}
                      aria-label={t('duplicates.compareLabel', {
                        first: item.first.name,
                        second: item.second.name,
                      })}
                      onClick={() => {
                        setMerged(null);
                        setDismissed(false);
                        setSelected(keyOf(item));
                      }}
                    >
                      {t('duplicates.compare')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      {pair && (
        <section aria-labelledby="duplicates-comparison">
          <Title order={2} id="duplicates-comparison" ref={headingRef} tabIndex={-1} mb="md">
            {t('duplicates.comparisonTitle', { first: pair.first.name, second: pair.second.name })}
          </Title>
          <MergeComparison
            key={selected}
            pair={pair}
            onMerged={(kept) => {
              setSelected(null);
              setMerged(kept);
            }}
            onDismissed={() => {
              setSelected(null);
              setDismissed(true);
            }}
          />
        </section>
      )}
    </Stack>
  );
}
