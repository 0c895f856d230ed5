import { Alert, Anchor, Button, Group, Radio, Stack, Table, Text } from '@mantine/core';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { MERGE_CHOOSABLE_FIELDS, type DuplicatePair } from '../../../../../src/contracts/directory.ts';
import type { Organisation } from '../../../../../src/contracts/organisations.ts';
import { useFormat } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { useDismissDuplicate, useMerge } from './duplicates-queries.ts';
import {
  defaultChoices,
  optionsOf,
  takeOf,
  valueOf,
  type Choice,
  type Choices,
  type MergeField,
} from './merge-choices.ts';

type Side = 'first' | 'second';

function useDisplay() {
  const { t } = useTranslation();
  return (organisation: Organisation, field: MergeField): string => {
    const value = valueOf(organisation, field);
    if (!value) return '';
    if (field === 'universe') return t(`universes.${value}`);
    if (field === 'communeInsee')
      return organisation.communeName ? `${organisation.communeName} (${value})` : value;
    if (field === 'naf' && organisation.nafLabel) return `${value} — ${organisation.nafLabel}`;
    return value;
  };
}

/** One cell of the comparison: the value, and the radio choosing it when there is a choice. */
function ValueCell({
  organisation,
  field,
  choice,
  options,
  role,
  rowId,
  name,
  onChoose,
}: {
  organisation: Organisation;
  field: MergeField;
  choice: Choice | undefined;
  options: Choice[];
  role: 'kept' | 'absorbed';
  rowId: string;
  name: string;
  onChoose: (choice: Choice) => void;
}) {
  const { t } = useTranslation();
  const display = useDisplay();
  const text = display(organisation, field);
  const option: Choice | undefined =
    role === 'absorbed' ? 'absorbed' : options.includes('both') ? 'both' : 'kept';
  if (options.length === 0) {
    return (
      <Table.Td>
        {text || (
          <Text span c="dimmed">
            {t('duplicates.empty')}
          </Text>
        )}
      </Table.Td>
    );
  }
  const label =
    field === 'description'
      ? t(option === 'both' ? 'duplicates.joinDescriptions' : 'duplicates.onlyThisDescription')
      : text;
  return (
    <Table.Td>
      {field === 'description' && (
        <Text fz="sm" mb={6} style={{ whiteSpace: 'pre-line' }}>
          {text}
        </Text>
      )}
      <Radio
        name={name}
        value={option}
        label={label}
        checked={choice === option}
        aria-describedby={rowId}
        onChange={() => onChoose(option)}
      />
    </Table.Td>
  );
}

/**
 * Two records side by side: which one is kept, and for each field where both hold a different
 * value, whose value stays. Every link of the absorbed one (people, needs and offers, timeline…)
 * moves to the kept one on the server.
 */
export function MergeComparison({
  pair,
  onMerged,
  onDismissed,
}: {
  pair: DuplicatePair;
  onMerged: (kept: Organisation) => void;
  onDismissed: () => void;
}) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const merge = useMerge();
  const dismiss = useDismissDuplicate();
  const [keptSide, setKeptSide] = useState<Side>('first');
  const kept = keptSide === 'first' ? pair.first : pair.second;
  const absorbed = keptSide === 'first' ? pair.second : pair.first;
  const [choices, setChoices] = useState<Choices>(() => defaultChoices(kept, absorbed));
  const [confirming, setConfirming] = useState(false);
  const prefix = `merge-${pair.first.id}-${pair.second.id}`;
  const confirmRef = useRef<HTMLButtonElement>(null);
  // The confirmation replaces the button that opened it: focus follows, so it is not lost.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);

  const chooseKept = (side: Side) => {
    setKeptSide(side);
    const nextKept = side === 'first' ? pair.first : pair.second;
    const nextAbsorbed = side === 'first' ? pair.second : pair.first;
    // Choices are "kept" or "absorbed": they mean the other record once the roles swap.
    setChoices(defaultChoices(nextKept, nextAbsorbed));
    setConfirming(false);
  };

  const columns: [Side, Organisation][] = [
    ['first', pair.first],
    ['second', pair.second],
  ];
  const roleOf = (side: Side) => (side === keptSide ? 'kept' : 'absorbed');

  return (
    <Stack gap="md">
      <Radio.Group
        label={t('duplicates.keptLabel')}
        description={t('duplicates.keptHelp')}
        value={keptSide}
        onChange={(value) => chooseKept(value === 'second' ? 'second' : 'first')}
      >
        <Group mt="xs" gap="lg">
          {columns.map(([side, organisation]) => (
            <Radio
              key={side}
              value={side}
              label={t('duplicates.keepThis', {
                name: organisation.name,
                date: format.date(organisation.createdAt),
              })}
            />
          ))}
        </Group>
      </Radio.Group>
      <Table.ScrollContainer minWidth={720}>
        <Table withTableBorder withColumnBorders layout="fixed" captionSide="top">
          <Table.Caption>{t('duplicates.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col" w="18%">
                {t('duplicates.field')}
              </Table.Th>
              {columns.map(([side, organisation]) => (
                <Table.Th scope="col" key={side}>
                  <Anchor component={Link} to={`/annuaire/${organisation.id}`} fw={700}>
                    {organisation.name}
                  </Anchor>{' '}
                  <Text span fz="sm" c="dimmed">
                    ({t(roleOf(side) === 'kept' ? 'duplicates.kept' : 'duplicates.absorbed')})
                  </Text>
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {MERGE_CHOOSABLE_FIELDS.map((field) => {
              const options = optionsOf(kept, absorbed, field);
              const rowId = `${prefix}-${field}`;
              return (
                <Table.Tr key={field}>
                  <Table.Th scope="row" id={rowId}>
                    {t(`duplicates.fields.${field}`)}
                  </Table.Th>
                  {columns.map(([side, organisation]) => (
                    <ValueCell
                      key={side}
                      organisation={organisation}
                      field={field}
                      choice={choices[field]}
                      options={options}
                      role={roleOf(side)}
                      rowId={rowId}
                      name={rowId}
                      onChoose={(choice) => setChoices({ ...choices, [field]: choice })}
                    />
                  ))}
                </Table.Tr>
              );
            })}
            <Table.Tr>
              <Table.Th scope="row">{t('duplicates.createdAt')}</Table.Th>
              {columns.map(([side, organisation]) => (
                <Table.Td key={side}>{format.date(organisation.createdAt)}</Table.Td>
              ))}
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">{t('duplicates.needsOffers')}</Table.Th>
              {columns.map(([side, organisation]) => (
                <Table.Td key={side}>
                  {t('duplicates.openCounts', {
                    needs: format.number(organisation.openNeeds ?? 0),
                    offers: format.number(organisation.openOffers ?? 0),
                  })}
                </Table.Td>
              ))}
            </Table.Tr>
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text fz="sm" c="dimmed">
        {t('duplicates.linksKept')}
      </Text>
      {(merge.isError || dismiss.isError) && (
        <Alert color="red" role="alert" title={t('duplicates.failed')}>
          {problemMessage(merge.error ?? dismiss.error, t, i18n.language)}
        </Alert>
      )}
      {confirming ? (
        <Alert color="orange" title={t('duplicates.confirmTitle')}>
          <Text mb="sm">{t('duplicates.confirm', { absorbed: absorbed.name, kept: kept.name })}</Text>
          <Group>
            <Button
              color="red"
              loading={merge.isPending}
              ref={confirmRef}
              onClick={() =>
                merge.mutate(
                  { keptId: kept.id, absorbedId: absorbed.id, take: takeOf(choices) },
                  { onSuccess: (result) => onMerged(result.kept) },
                )
              }
            >
              {t('duplicates.confirmMerge')}
            </Button>
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('common.cancel')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <Group>
          <Button onClick={() => setConfirming(true)}>{t('duplicates.merge', { name: kept.name })}</Button>
          <Button
            variant="default"
            loading={dismiss.isPending}
            onClick={() =>
              dismiss.mutate({ firstId: pair.first.id, secondId: pair.second.id }, { onSuccess: onDismissed })
            }
          >
            {t('duplicates.dismiss')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}
