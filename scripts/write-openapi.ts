import { writeFileSync } from 'node:fs';
import { buildOpenApiDocument } from './openapi.ts';

writeFileSync(new URL('../openapi.json', import.meta.url), await buildOpenApiDocument());
process.stdout.write('openapi.json written\n');
