import { useMutation, useQueryClient } from '@tanstack/react-query';
import {
  ImportPreviewSchema,
  ImportResultSchema,
  type SpreadsheetImportInput,
} from '../../../../../src/contracts/directory.ts';
import { api } from '../../../lib/api.ts';

/** The file as the API takes it (JSON only): its name and its bytes in base64. */
export interface ChosenFile {
  fileName: string;
  contentBase64: string;
  size: number;
}

/** Reads a chosen file into base64 without going through a data: URL's prefix by hand. */
export async function readChosenFile(file: File): Promise<ChosenFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let binary = '';
  // Chunks keep String.fromCharCode's argument list far below the engine's limit.
  for (let start = 0; start < bytes.length; start += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(start, start + 0x8000));
  }
  return { fileName: file.name, contentBase64: btoa(binary), size: file.size };
}

/** The dry run: nothing is written. */
export function usePreviewImport() {
  return useMutation({
    mutationFn: (input: SpreadsheetImportInput) =>
      api('/api/directory/imports/preview', { body: input, schema: ImportPreviewSchema }),
  });
}

/** Writes the whole file or nothing; the directory's lists are stale afterwards. */
export function useApplyImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: SpreadsheetImportInput) =>
      api('/api/directory/imports/apply', { body: input, schema: ImportResultSchema }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['organisations'] }),
  });
}
