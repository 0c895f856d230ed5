import { z } from 'zod';

const EnvSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  LABO_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z.url().optional(),
  /** Signs sessions; generated and stored in the database when absent. At least 32 characters. */
  LABO_SECRET: z.string().min(32).optional(),
  /** The address users reach (links in e-mails, cookie security); defaults to http://localhost:PORT. */
  LABO_PUBLIC_URL: z.url().optional(),
  /** smtp://user:pass@host:port — without it, e-mails are kept in the outbox table. */
  SMTP_URL: z.url().optional(),
  SMTP_FROM: z.string().default('Labo <no-reply@labo.local>'),
  LABO_DEMO: z.enum(['0', '1']).default('1'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

/** The only reader of process.env: parsed once, with a readable message when a variable is wrong. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  // An empty variable (DATABASE_URL= in a shell or a CI file) means unset.
  const set = Object.fromEntries(
    Object.entries(source).filter(([, value]) => value !== undefined && value !== ''),
  );
  const parsed = EnvSchema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Configuration invalide / invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.data;
}
