import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedSireneLines, SIRENE_HEADER } from '../../../bench/fixtures/sirene.ts';
import type { DirectoryRepository } from '../../app/directory/ports.ts';
import { territory } from '../territory/territory.ts';
import { importRegistryFile } from './registry-import.ts';

describe('importRegistryFile', () => {
  it('stops the reading thread when the database fails first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'labo-import-abort-'));
    const file = join(dir, 'sirene.csv');
    writeFileSync(file, [SIRENE_HEADER, ...generatedSireneLines(20_000, ['67482'])].join('\n'));
    const failing: Pick<DirectoryRepository, 'loadRegistry'> = {
      async loadRegistry(_lab, _key, _source, batches) {
        for await (const _batch of batches) throw new Error('disque plein');
        return { created: 0, updated: 0, archived: 0 };
      },
    };
    const ports = () => process.getActiveResourcesInfo().filter((r) => r === 'MessagePort').length;
    const before = ports();
    await expect(
      importRegistryFile(
        { directory: failing as DirectoryRepository, territory: territory() },
        { kind: 'sirene', file, labId: 'lab', departements: null, reportPath: join(dir, 'rejets.csv') },
      ),
    ).rejects.toThrow('disque plein');
    expect(ports()).toBe(before);
  });
});
