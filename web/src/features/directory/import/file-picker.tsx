import { Input } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** Files bigger than this are refused before upload (the API takes 10 MB at most). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;

/**
 * A plain file input, labelled and described: it keeps the browser's own keyboard and screen
 * reader behaviour, which a styled drop zone would have to rebuild.
 */
export function FilePicker({
  error,
  onChange,
}: {
  error: string | undefined;
  onChange: (file: File | null) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <Input.Wrapper
      label={t('directoryImport.file')}
      description={t('directoryImport.fileHelp')}
      error={error}
      id={id}
      required
    >
      <input
        id={id}
        type="file"
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-describedby={`${id}-description${error ? ` ${id}-error` : ''}`}
        aria-invalid={error ? true : undefined}
        style={{ display: 'block', marginTop: 'var(--mantine-spacing-xs)' }}
        onChange={(event) => onChange(event.currentTarget.files?.[0] ?? null)}
      />
    </Input.Wrapper>
  );
}
