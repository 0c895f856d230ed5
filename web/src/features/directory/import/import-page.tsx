import { Alert, Anchor, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePageTitle } from '../../../app/use-page-title.ts';
import { isApiError } from '../../../lib/api.ts';
import { useFormat } from '../../../lib/format.ts';
import { problemMessage } from '../../../lib/problem-message.ts';
import { ColumnMapping, mappingErrors, type Mapping, type SpreadsheetField } from './column-mapping.tsx';
import { DryRun } from './dry-run.tsx';
import { FilePicker, MAX_FILE_BYTES } from './file-picker.tsx';
import { readChosenFile, useApplyImport, usePreviewImport, type ChosenFile } from './import-queries.ts';

/** Field errors of a refused mapping (`mapping.website`: "this column is not in the file"). */
function serverMappingErrors(error: unknown, english: boolean): Partial<Record<SpreadsheetField, string>> {
  if (!isApiError(error) || !error.problem?.errors) return {};
  const errors: Partial<Record<string, string>> = {};
  for (const item of error.problem.errors) {
    const match = /^mapping\.(\w+)$/.exec(item.path);
    if (match?.[1]) errors[match[1]] = english ? item.messages.en : item.messages.fr;
  }
  return errors;
}

/**
 * `/annuaire/importer`: a lab's own spreadsheet into the directory. Choose the file, check the
 * columns guessed from its headers, look at the dry run, then apply it whole (the API writes
 * nothing while a line is rejected).
 */
export function ImportPage() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const english = i18n.language.startsWith('en');
  usePageTitle(t('directoryImport.title'));
  const preview = usePreviewImport();
  const apply = useApplyImport();
  const [file, setFile] = useState<ChosenFile | null>(null);
  const [fileError, setFileError] = useState<string>();
  const [headers, setHeaders] = useState<string[] | null>(null);
  const [mapping, setMapping] = useState<Mapping>({});
  const [errors, setErrors] = useState<Partial<Record<SpreadsheetField, string>>>({});

  const runPreview = (chosen: ChosenFile, withMapping?: Mapping) => {
    apply.reset();
    preview.mutate(
      {
        fileName: chosen.fileName,
        contentBase64: chosen.contentBase64,
        ...(withMapping && { mapping: withMapping }),
      },
      {
        onSuccess: (answer) => {
          setHeaders(answer.headers);
          setMapping(answer.mapping);
          setErrors(mappingErrors(answer.mapping, t));
        },
        onError: (error) => setErrors(serverMappingErrors(error, english)),
      },
    );
  };

  const onFile = async (chosen: File | null) => {
    setFile(null);
    setHeaders(null);
    setErrors({});
    preview.reset();
    apply.reset();
    if (!chosen) return setFileError(undefined);
    if (!/\.(csv|xlsx)$/i.test(chosen.name)) return setFileError(t('directoryImport.wrongType'));
    if (chosen.size > MAX_FILE_BYTES) return setFileError(t('directoryImport.tooBig'));
    if (chosen.size === 0) return setFileError(t('directoryImport.emptyFile'));
    setFileError(undefined);
    const read = await readChosenFile(chosen);
    setFile(read);
    runPreview(read);
  };

  const onMappingSubmit = () => {
    const found = mappingErrors(mapping, t);
    setErrors(found);
    if (file && Object.keys(found).length === 0) runPreview(file, mapping);
  };

  const planned = preview.data && preview.data.missing.length === 0 ? preview.data : undefined;
  const canApply = !!planned && planned.rejected === 0 && planned.toCreate + planned.toUpdate > 0;

  return (
    <Stack gap="lg">
      <div>
        <Anchor component={Link} to="/annuaire" fz="sm">
          {t('directoryImport.back')}
        </Anchor>
        <Title order={1}>{t('directoryImport.title')}</Title>
        <Text c="dimmed">{t('directoryImport.intro')}</Text>
      </div>
      <FilePicker error={fileError} onChange={(chosen) => void onFile(chosen)} />
      {preview.isError && Object.keys(serverMappingErrors(preview.error, english)).length === 0 && (
        <Alert color="red" role="alert" title={t('directoryImport.failed')}>
          {problemMessage(preview.error, t, i18n.language)}
        </Alert>
      )}
      {file && headers && (
        <ColumnMapping
          headers={headers}
          mapping={mapping}
          errors={errors}
          busy={preview.isPending}
          onChange={(next) => {
            setMapping(next);
            // A dry run describes one mapping: once the mapping changes it must be run again.
            preview.reset();
            apply.reset();
          }}
          onSubmit={onMappingSubmit}
        />
      )}
      {preview.data && preview.data.missing.length > 0 && (
        <Alert color="orange" role="alert" title={t('directoryImport.missingTitle')}>
          {t('directoryImport.missing', {
            fields: preview.data.missing.map((field) => t(`directoryImport.fields.${field}`)).join(', '),
          })}
        </Alert>
      )}
      {planned && <DryRun preview={planned} />}
      {planned && !apply.isSuccess && (
        <Group>
          <Button
            disabled={!canApply}
            loading={apply.isPending}
            onClick={() =>
              file && apply.mutate({ fileName: file.fileName, contentBase64: file.contentBase64, mapping })
            }
          >
            {t('directoryImport.apply', {
              count: planned.toCreate + planned.toUpdate,
              formatted: format.number(planned.toCreate + planned.toUpdate),
            })}
          </Button>
          {!canApply && <Text c="dimmed">{t('directoryImport.applyDisabled')}</Text>}
        </Group>
      )}
      {apply.isError && (
        <Alert color="red" role="alert" title={t('directoryImport.applyFailed')}>
          {problemMessage(apply.error, t, i18n.language)}
        </Alert>
      )}
      {apply.isSuccess && (
        <Alert color="green" role="status" title={t('directoryImport.doneTitle')}>
          <Text>
            {t('directoryImport.done', {
              created: format.number(apply.data.created),
              updated: format.number(apply.data.updated),
              people: format.number(apply.data.people),
            })}{' '}
            <Anchor component={Link} to="/annuaire">
              {t('directoryImport.seeDirectory')}
            </Anchor>
          </Text>
        </Alert>
      )}
    </Stack>
  );
}
