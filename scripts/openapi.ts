import { openDatabase } from '../src/adapters/db/database.ts';
import { composeRuntime } from '../src/compose.ts';

/** The OpenAPI document of the running code, built from the routes' Zod schemas on an empty in-memory database. */
export async function buildOpenApiDocument(): Promise<string> {
  const database = await openDatabase({ kind: 'pglite', dataDir: null });
  try {
    await database.migrate();
    const { app } = await composeRuntime(database, {
      publicUrl: 'http://localhost:3000',
      secret: 'openapi-generation-secret-not-used-for-anything',
      logLevel: 'silent',
    });
    await app.ready();
    const document = JSON.stringify(app.swagger(), null, 2) + '\n';
    await app.close();
    return document;
  } finally {
    await database.close();
  }
}
