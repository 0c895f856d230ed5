import { Button, NativeSelect, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { SPREADSHEET_FIELDS } from '../../../../../src/contracts/directory.ts';

export type SpreadsheetField = (typeof SPREADSHEET_FIELDS)[number];
export type Mapping = Partial<Record<SpreadsheetField, string>>;

/** Without these two columns no line can become an organisation (the API says the same). */
export const REQUIRED_FIELDS: readonly SpreadsheetField[] = ['name', 'universe'];

/** Field errors of a mapping: a required field unmapped, or one column given to two fields. */
export function mappingErrors(
  mapping: Mapping,
  t: (key: string, options?: Record<string, string>) => string,
): Partial<Record<SpreadsheetField, string>> {
  const errors: Partial<Record<SpreadsheetField, string>> = {};
  for (const field of REQUIRED_FIELDS) if (!mapping[field]) errors[field] = t('directoryImport.required');
  const seen = new Map<string, SpreadsheetField>();
  for (const field of SPREADSHEET_FIELDS) {
    const column = mapping[field];
    if (!column) continue;
    const first = seen.get(column);
    if (first)
      errors[field] = t('directoryImport.columnTwice', { field: t(`directoryImport.fields.${first}`) });
    else seen.set(column, field);
  }
  return errors;
}

/** One select per field of the directory, offering the file's columns; "not imported" by default. */
export function ColumnMapping({
  headers,
  mapping,
  errors,
  busy,
  onChange,
  onSubmit,
}: {
  headers: readonly string[];
  mapping: Mapping;
  errors: Partial<Record<SpreadsheetField, string>>;
  busy: boolean;
  onChange: (mapping: Mapping) => void;
  onSubmit: () => void;
}) {
  const { t } = useTranslation();
  const options = [
    { value: '', label: t('directoryImport.notImported') },
    ...headers.map((header) => ({ value: header, label: header })),
  ];
  return (
    <form
      noValidate
      aria-labelledby="import-mapping-title"
      onSubmit={(event) => {
        event.preventDefault();
        onSubmit();
      }}
    >
      <Stack gap="md">
        <div>
          <Title order={2} id="import-mapping-title">
            {t('directoryImport.mappingTitle')}
          </Title>
          <Text c="dimmed">{t('directoryImport.mappingIntro')}</Text>
        </div>
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="md">
          {SPREADSHEET_FIELDS.map((field) => (
            <NativeSelect
              key={field}
              label={t(`directoryImport.fields.${field}`)}
              required={REQUIRED_FIELDS.includes(field)}
              value={mapping[field] ?? ''}
              error={errors[field]}
              data={options}
              onChange={(event) => {
                const column = event.currentTarget.value;
                const next: Mapping = { ...mapping };
                if (column) next[field] = column;
                else delete next[field];
                onChange(next);
              }}
            />
          ))}
        </SimpleGrid>
        <Button type="submit" loading={busy} w="fit-content">
          {t('directoryImport.runDryRun')}
        </Button>
      </Stack>
    </form>
  );
}
