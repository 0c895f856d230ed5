import { Alert, Badge, Group, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../../src/contracts/directory.ts';
import { useFormat } from '../../../lib/format.ts';

type Line = ImportPreview['lines'][number];

/** Enough lines to check a file by eye; the counts above always cover every line. */
const SHOWN_LINES = 200;

const OUTCOME_COLOURS = { create: 'green', update: 'blue', reject: 'red' } as const;

function LinesTable({ id, caption, lines }: { id: string; caption: string; lines: readonly Line[] }) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const english = i18n.language.startsWith('en');
  const shown = lines.slice(0, SHOWN_LINES);
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={640}>
        <Table striped withTableBorder captionSide="top" aria-describedby={`${id}-more`}>
          <Table.Caption>{caption}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('directoryImport.line')}</Table.Th>
              <Table.Th scope="col">{t('directoryImport.organisation')}</Table.Th>
              <Table.Th scope="col">{t('directoryImport.outcome')}</Table.Th>
              <Table.Th scope="col">{t('directoryImport.problems')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {shown.map((line) => (
              <Table.Tr key={line.line}>
                <Table.Th scope="row">{format.number(line.line)}</Table.Th>
                <Table.Td>{line.name || '—'}</Table.Td>
                <Table.Td>
                  <Badge color={OUTCOME_COLOURS[line.outcome]} variant="light">
                    {t(`directoryImport.outcomes.${line.outcome}`)}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  {line.problems.length === 0 ? (
                    '—'
                  ) : (
                    <ul style={{ margin: 0, paddingInlineStart: '1.1rem' }}>
                      {line.problems.map((problem, index) => (
                        <li key={index}>
                          {t('directoryImport.problem', {
                            column: problem.column,
                            reason: english ? problem.messages.en : problem.messages.fr,
                          })}
                          {problem.value && (
                            <>
                              {' '}
                              <Text span c="dimmed" fz="sm">
                                ({t('directoryImport.value', { value: problem.value })})
                              </Text>
                            </>
                          )}
                        </li>
                      ))}
                    </ul>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Text id={`${id}-more`} fz="sm" c="dimmed">
        {lines.length > shown.length
          ? t('directoryImport.moreLines', {
              shown: format.number(shown.length),
              total: format.number(lines.length),
            })
          : ''}
      </Text>
    </Stack>
  );
}

/** What the import would do, counted, then line by line: rejected lines first, with their reasons. */
export function DryRun({ preview }: { preview: ImportPreview }) {
  const { t } = useTranslation();
  const format = useFormat();
  const rejected = preview.lines.filter((line) => line.outcome === 'reject');
  const accepted = preview.lines.filter((line) => line.outcome !== 'reject');
  return (
    <Stack gap="md">
      <Title order={2}>{t('directoryImport.dryRunTitle')}</Title>
      <Group gap="lg" role="status" aria-live="polite">
        <Text fw={600}>
          {t('directoryImport.rows', { count: preview.rows, formatted: format.number(preview.rows) })}
        </Text>
        <Text>
          {t('directoryImport.toCreate', {
            count: preview.toCreate,
            formatted: format.number(preview.toCreate),
          })}
        </Text>
        <Text>
          {t('directoryImport.toUpdate', {
            count: preview.toUpdate,
            formatted: format.number(preview.toUpdate),
          })}
        </Text>
        <Text c={preview.rejected > 0 ? 'red.8' : undefined} fw={preview.rejected > 0 ? 700 : undefined}>
          {t('directoryImport.rejected', {
            count: preview.rejected,
            formatted: format.number(preview.rejected),
          })}
        </Text>
      </Group>
      {preview.rejected > 0 && (
        <Alert color="red" title={t('directoryImport.fixFirstTitle')}>
          {t('directoryImport.fixFirst')}
        </Alert>
      )}
      {rejected.length > 0 && (
        <LinesTable id="import-rejected" caption={t('directoryImport.rejectedCaption')} lines={rejected} />
      )}
      {accepted.length > 0 && (
        <LinesTable id="import-accepted" caption={t('directoryImport.acceptedCaption')} lines={accepted} />
      )}
    </Stack>
  );
}
