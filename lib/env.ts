import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/**
 * The only reader of process.env. Everything else asks `env()` and gets typed, validated values.
 *
 * In production every secret must come from the environment and a missing one stops the app with a
 * message naming it. In development and tests the secrets may be generated once and kept under the
 * data directory, so a fresh clone runs with no setup.
 */

export const REQUIRED_IN_PRODUCTION = [
  'BIGCOMMERCE_CLIENT_ID',
  'BIGCOMMERCE_CLIENT_SECRET',
  'APP_URL',
  'ENCRYPTION_KEY',
  'NEXTAUTH_SECRET',
] as const;

const GENERATED_IN_DEVELOPMENT = [
  'BIGCOMMERCE_CLIENT_ID',
  'BIGCOMMERCE_CLIENT_SECRET',
  'ACCOUNTVIEW_CLIENT_ID',
  'ACCOUNTVIEW_CLIENT_SECRET',
  'ENCRYPTION_KEY',
  'NEXTAUTH_SECRET',
] as const;

type GeneratedKey = (typeof GENERATED_IN_DEVELOPMENT)[number];

const DEFAULT_SCOPES = [
  'store_v2_orders_read_only',
  'store_v2_products',
  'store_inventory',
  'store_locations_read_only',
  'store_v2_customers',
  'store_v2_information_read_only',
  // The settings page's payment-method list; without it the list falls back to methods seen on recent orders.
  'store_payments_methods_read',
];

const optionalString = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v.trim() === '' ? undefined : v.trim()));

const url = z.url({ protocol: /^https?$/ }).transform((v) => v.replace(/\/+$/, ''));

const encryptionKey = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes, base64-encoded');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  APP_URL: url.default('http://localhost:3000'),
  BIGCOMMERCE_CLIENT_ID: z.string().min(1),
  BIGCOMMERCE_CLIENT_SECRET: z.string().min(1),
  BIGCOMMERCE_LOGIN_URL: url.default('https://login.bigcommerce.com'),
  BIGCOMMERCE_API_URL: url.default('https://api.bigcommerce.com'),
  BIGCOMMERCE_SCOPES: z
    .string()
    .default(DEFAULT_SCOPES.join(' '))
    .transform((v) => v.split(/[\s,]+/).filter(Boolean)),
  FRAME_ANCESTORS: z
    .string()
    .default('https://*.bigcommerce.com https://*.mybigcommerce.com')
    .transform((v) => v.split(/[\s,]+/).filter(Boolean)),
  /** AccountView.net: the host serving both /ams/authorize.aspx and /api/v3. */
  ACCOUNTVIEW_URL: url.default('https://www.accountview.net'),
  ACCOUNTVIEW_CLIENT_ID: optionalString,
  ACCOUNTVIEW_CLIENT_SECRET: optionalString,
  /** AccountView dates carry no zone; they are read in the administration's. */
  ACCOUNTVIEW_TIME_ZONE: z.string().default('Europe/Amsterdam'),
  /** Inngest Cloud keys, or a self-hosted Inngest's URL; with none of them flows run in-process. */
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_BASE_URL: optionalString,
  /** `1` (or a dev server URL) for a local Inngest dev server. */
  INNGEST_DEV: optionalString,
  ENCRYPTION_KEY: encryptionKey,
  NEXTAUTH_SECRET: z.string().min(16),
  DATABASE_URL: optionalString,
  DATA_DIR: z.string().default('.data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Outgoing mail for notifications, e.g. `smtps://user:pass@smtp.example.com:465`; unset: no e-mail is sent. */
  SMTP_URL: optionalString,
  /** The From address of notification e-mails, e.g. `AccountView koppeling <noreply@example.com>`. */
  MAIL_FROM: optionalString,
});

export type Env = z.output<typeof schema>;

export class MissingConfigError extends Error {
  override name = 'MissingConfigError';
  constructor(readonly problems: string[]) {
    super(`The app cannot start. Fix these settings in the environment:\n${problems.map((p) => `- ${p}`).join('\n')}`);
  }
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= loadEnv(process.env);
  return cached;
}

/** Tests change the environment between cases; production never calls this. */
export function resetEnvCache(): void {
  cached = undefined;
}

export function loadEnv(source: NodeJS.ProcessEnv): Env {
  const raw: Record<string, string | undefined> = { ...source };
  const production = raw.NODE_ENV === 'production';
  if (production) {
    const missing = REQUIRED_IN_PRODUCTION.filter((key) => !raw[key]?.trim());
    if (missing.length > 0) throw new MissingConfigError(missing.map((key) => `${key} is not set`));
  } else {
    const missing = GENERATED_IN_DEVELOPMENT.filter((key) => !raw[key]?.trim());
    if (missing.length > 0) Object.assign(raw, developmentSecrets(raw.DATA_DIR ?? '.data', missing));
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    throw new MissingConfigError(parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`));
  }
  return parsed.data;
}

/**
 * next-auth v4 reads its base URL and path from process.env.NEXTAUTH_URL itself. We derive it from
 * APP_URL so nobody sets it twice; this is the one place that writes it.
 */
export function exportNextAuthUrl(e: Env = env()): void {
  process.env.NEXTAUTH_URL = `${e.APP_URL}/api/session`;
}

const generators: Record<GeneratedKey, () => string> = {
  BIGCOMMERCE_CLIENT_ID: () => `dev-${randomBytes(8).toString('hex')}`,
  BIGCOMMERCE_CLIENT_SECRET: () => randomBytes(24).toString('hex'),
  ACCOUNTVIEW_CLIENT_ID: () => `dev-av-${randomBytes(8).toString('hex')}`,
  ACCOUNTVIEW_CLIENT_SECRET: () => randomBytes(24).toString('hex'),
  ENCRYPTION_KEY: () => randomBytes(32).toString('base64'),
  NEXTAUTH_SECRET: () => randomBytes(32).toString('base64'),
};

const storedSecrets = z.partialRecord(z.enum(GENERATED_IN_DEVELOPMENT), z.string());

/**
 * Local secrets for development, kept in `<dataDir>/dev-secrets.json` so sessions and encrypted rows
 * survive a restart. The demo hands the same client id and secret to the BigCommerce simulator.
 */
export function developmentSecrets(dataDir: string, keys: readonly GeneratedKey[] = GENERATED_IN_DEVELOPMENT) {
  const file = path.resolve(dataDir, 'dev-secrets.json');
  const stored: Partial<Record<GeneratedKey, string>> = existsSync(file)
    ? storedSecrets.parse(JSON.parse(readFileSync(file, 'utf8')))
    : {};
  const added = keys.filter((key) => !stored[key]);
  for (const key of added) stored[key] = generators[key]();
  if (added.length > 0) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(stored, null, 2), { mode: 0o600 });
    console.warn(`[env] generated local development secrets (${added.join(', ')}) in ${file}`);
  }
  return Object.fromEntries(keys.map((key) => [key, stored[key]])) as Record<GeneratedKey, string>;
}
