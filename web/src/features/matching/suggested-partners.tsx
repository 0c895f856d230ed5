import { Anchor, Badge, Button, Group, Paper, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { Suggestion } from '../../../../src/contracts/matching.ts';
import { LoadError } from '../../app/page-state.tsx';
import { useMarkNotRelevant, useSuggestions, type SuggestionMode } from './queries.ts';

function SuggestionItem({
  suggestion,
  onDismiss,
  isDismissing,
}: {
  suggestion: Suggestion;
  onDismiss: (() => void) | undefined;
  isDismissing: boolean;
}) {
  const { t } = useTranslation();
  const { organisation } = suggestion;
  return (
    <Paper component="li" withBorder p="md" style={{ listStyle: 'none' }}>
      <Stack gap={6}>
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={4}>
            <Anchor component={Link} to={`/annuaire/${organisation.id}`} fw={600}>
              {organisation.name}
            </Anchor>
            <Group gap="xs">
              <Badge variant="outline" color="gray.8">
                {t(`universes.${organisation.universe}`)}
              </Badge>
              <Badge variant="outline" color="indigo.9">
                {suggestion.type}
              </Badge>
              {organisation.communeName && (
                <Text fz="sm" c="dimmed">
                  {organisation.communeName}
                </Text>
              )}
            </Group>
          </Stack>
          {onDismiss && (
            <Button
              variant="subtle"
              color="gray.8"
              size="compact-sm"
              loading={isDismissing}
              onClick={onDismiss}
              aria-label={t('suggestions.notRelevantFor', { name: organisation.name })}
            >
              {t('suggestions.notRelevant')}
            </Button>
          )}
        </Group>
        <Text fz="sm">{suggestion.why}</Text>
      </Stack>
    </Paper>
  );
}

/**
 * "Partenaires suggérés": complementary partners of the lab's directory, each with the reason a
 * facilitator can read aloud and Le Rameau's partnership type; "pas pertinent" removes one for good.
 */
export function SuggestedPartners({
  organisationId,
  canGiveFeedback,
}: {
  organisationId: string;
  canGiveFeedback: boolean;
}) {
  const { t } = useTranslation();
  const [mode, setMode] = useState<SuggestionMode>('complementary');
  const suggestions = useSuggestions(organisationId, mode);
  const dismiss = useMarkNotRelevant(organisationId);

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="suggested-partners-title">
      <Stack gap="md">
        <Group justify="space-between" align="center">
          <Title order={2} fz="h3" id="suggested-partners-title">
            {t('suggestions.title')}
          </Title>
          <SegmentedControl
            value={mode}
            onChange={(value) => setMode(value === 'improbable' ? 'improbable' : 'complementary')}
            aria-label={t('suggestions.modeLabel')}
            data={[
              { value: 'complementary', label: t('suggestions.complementary') },
              { value: 'improbable', label: t('suggestions.improbable') },
            ]}
          />
        </Group>
        <Text fz="sm" c="dimmed">
          {t(mode === 'improbable' ? 'suggestions.improbableIntro' : 'suggestions.intro')}
        </Text>
        {suggestions.isPending && <Text aria-live="polite">{t('suggestions.loading')}</Text>}
        {suggestions.isError && <LoadError error={suggestions.error} />}
        {suggestions.isSuccess && suggestions.data.items.length === 0 && <Text>{t('suggestions.none')}</Text>}
        {suggestions.isSuccess && suggestions.data.items.length > 0 && (
          <Stack component="ol" gap="sm" p={0} m={0}>
            {suggestions.data.items.map((suggestion) => (
              <SuggestionItem
                key={suggestion.organisation.id}
                suggestion={suggestion}
                isDismissing={dismiss.isPending && dismiss.variables === suggestion.organisation.id}
                onDismiss={canGiveFeedback ? () => dismiss.mutate(suggestion.organisation.id) : undefined}
              />
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
