import { Badge, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedOffer } from '../../../../src/contracts/directory.ts';
import type { Organisation } from '../../../../src/contracts/organisations.ts';
import { LoadError } from '../../app/page-state.tsx';
import { useFormat } from '../../lib/format.ts';
import { NeedOfferForm } from './need-offer-form.tsx';
import { useNeedsOffers } from './needs-offers-queries.ts';
import { OrganisationSection } from './organisation-section.tsx';

type Dialog = { kind: NeedOffer['kind']; item?: NeedOffer };

const STATUS_COLOURS: Record<NeedOffer['status'], string> = {
  open: 'green.9',
  in_discussion: 'blue.9',
  met: 'dark.6',
  withdrawn: 'gray.8',
};

/** "du 1 mars 2026 au 30 juin 2026", "à partir du …", "jusqu'au …" (or nothing). */
function usePeriod() {
  const { t } = useTranslation();
  const format = useFormat();
  return (item: NeedOffer): string | null => {
    const start = item.periodStart ? format.date(item.periodStart) : null;
    const end = item.periodEnd ? format.date(item.periodEnd) : null;
    if (start && end) return t('needsOffers.periodBetween', { start, end });
    if (start) return t('needsOffers.periodFrom', { start });
    if (end) return t('needsOffers.periodUntil', { end });
    return null;
  };
}

function NeedOfferItem({ item, onEdit }: { item: NeedOffer; onEdit?: (() => void) | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const period = usePeriod()(item);
  return (
    <Paper withBorder p="md" component="li" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start">
          <Group gap="xs">
            <Badge variant="filled" color={item.kind === 'need' ? 'red.9' : 'dark.6'}>
              {t(item.kind === 'need' ? 'organisation.need' : 'organisation.offer')}
            </Badge>
            <Text fw={600} component="h3" m={0} fz="md">
              {item.title}
            </Text>
          </Group>
          {onEdit && (
            <Button
              size="xs"
              variant="default"
              onClick={onEdit}
              aria-label={t('needsOffers.editAria', { title: item.title })}
            >
              {t('needsOffers.edit')}
            </Button>
          )}
        </Group>
        <Group gap="xs">
          <Badge variant="dot" color={STATUS_COLOURS[item.status]}>
            {t(`needsOffers.statuses.${item.status}`)}
          </Badge>
          <Text size="sm">{t(`needsOffers.categories.${item.category}`)}</Text>
          {item.quantity !== null && (
            <Text size="sm">
              · {format.number(item.quantity)} {item.unit ?? ''}
            </Text>
          )}
          {period && <Text size="sm">· {period}</Text>}
        </Group>
        {item.description && (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {item.description}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

/** Needs and offers of an organisation; editable by its member and by the lab's team. */
export function NeedsOffersSection({ organisation }: { organisation: Organisation }) {
  const { t } = useTranslation();
  const needs = useNeedsOffers(organisation.id);
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const close = () => setDialog(null);
  const canAdd = organisation.can.edit && organisation.status === 'active';
  const items = needs.data?.items ?? [];
  const title = dialog?.item
    ? t('needsOffers.editTitle', { title: dialog.item.title })
    : t(dialog?.kind === 'offer' ? 'needsOffers.addOfferTitle' : 'needsOffers.addNeedTitle');

  return (
    <OrganisationSection
      headingId="needs-offers-heading"
      heading={t('organisation.needsOffers')}
      actions={
        canAdd && (
          <Group gap="xs">
            <Button variant="default" onClick={() => setDialog({ kind: 'need' })}>
              {t('needsOffers.addNeed')}
            </Button>
            <Button variant="default" onClick={() => setDialog({ kind: 'offer' })}>
              {t('needsOffers.addOffer')}
            </Button>
          </Group>
        )
      }
      dialogTitle={title}
      onCloseDialog={close}
      dialog={
        dialog && (
          <NeedOfferForm
            organisationId={organisation.id}
            item={dialog.item}
            kind={dialog.kind}
            onDone={close}
          />
        )
      }
    >
      {needs.isError ? (
        <LoadError error={needs.error} />
      ) : needs.isPending ? (
        <Text>{t('common.loading')}</Text>
      ) : items.length === 0 ? (
        <Text>{t('organisation.noNeedsOffers')}</Text>
      ) : (
        <Stack component="ul" gap="sm" p={0} m={0}>
          {items.map((item) => (
            <NeedOfferItem
              key={item.id}
              item={item}
              onEdit={
                (item.can?.edit ?? organisation.can.edit)
                  ? () => setDialog({ kind: item.kind, item })
                  : undefined
              }
            />
          ))}
        </Stack>
      )}
    </OrganisationSection>
  );
}
