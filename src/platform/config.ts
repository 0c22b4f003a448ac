import path from 'node:path';
import { z } from 'zod';
import {
  issuerProblem,
  readOidcProvidersFile,
  SINGLE_PROVIDER_ID,
  type OidcProviderSettings,
} from './oidc-config.ts';

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'])
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const environmentSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  MEEDOEN_DATA_DIR: z.string().min(1).default('./data/pglite'),
  MEEDOEN_DEMO_DATA: booleanFlag.default(true),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  MEEDOEN_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Shared with partners who compute child keys on their own machines, so never the same as MEEDOEN_SECRET.
  MEEDOEN_CHILD_KEY_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Meedoen <noreply@meedoen.localhost>'),
  PUBLIC_BASE_URL: z.url().optional(),
  OIDC_ISSUER: z.url().optional(),
  OIDC_CLIENT_ID: z.string().min(1).optional(),
  OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  OIDC_ALLOW_HTTP: booleanFlag.default(false),
  OIDC_PROVIDERS_FILE: z.string().min(1).optional(),
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(5).default(0),
  MEEDOEN_RETENTION_MONTHS: z.coerce.number().int().min(1).max(120).default(24),
});

// Only for development and tests: anyone can read this, so production refuses to start without its own.
const DEVELOPMENT_SECRET = 'meedoen-development-secret-not-for-production-use';
const DEVELOPMENT_CHILD_KEY_SECRET = 'meedoen-development-child-key-secret-not-for-production';

export type Config = {
  environment: 'development' | 'test' | 'production';
  host: string;
  port: number;
  database: { kind: 'postgresql'; url: string } | { kind: 'pglite'; dataDir: string | null };
  seedDemoData: boolean;
  /** Seals state that passes through the browser (the self-check's answers); the same on every instance. */
  secret: string;
  childKeySecret: string;
  /** Where mail goes; without SMTP it stays in the outbox, which a platform admin can read. */
  mail: { smtpUrl: string | null; from: string };
  /** The address people use, for links in e-mails. */
  publicBaseUrl: string;
  /** How many reverse proxies stand before the app; their X-Forwarded-* headers are believed, no others. */
  trustProxyHops: number;
  /**
   * Sign-in for parents and young people through OpenID Connect providers (DigiD brokers), each serving the
   * municipalities that configured it; off when none is set.
   */
  oidc: { providers: readonly OidcProviderSettings[] } | null;
  logLevel: z.infer<typeof environmentSchema>['LOG_LEVEL'];
  /** Months after an application's last final status until its personal data is erased. */
  retentionMonths: number;
};

export class ConfigError extends Error {}

/** Reads and validates the environment once; the rest of the code receives a typed Config. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const withoutBlanks = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== ''));
  const parsed = environmentSchema.safeParse(withoutBlanks);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
    throw new ConfigError(`Invalid configuration:\n  ${problems.join('\n  ')}`);
  }
  const e = parsed.data;
  const oidcParts = [e.OIDC_ISSUER, e.OIDC_CLIENT_ID, e.OIDC_CLIENT_SECRET].filter(
    (part) => part !== undefined,
  );
  if (oidcParts.length !== 0 && oidcParts.length !== 3) {
    throw new ConfigError(
      'Invalid configuration:\n  OIDC_ISSUER, OIDC_CLIENT_ID, OIDC_CLIENT_SECRET: set all three or none',
    );
  }
  if (oidcParts.length !== 0 && e.OIDC_PROVIDERS_FILE) {
    throw new ConfigError(
      'Invalid configuration:\n  OIDC_PROVIDERS_FILE, OIDC_ISSUER: set one or the other (the file can list a provider for every municipality)',
    );
  }
  if (e.NODE_ENV === 'production' && e.OIDC_ALLOW_HTTP) {
    throw new ConfigError('Invalid configuration:\n  OIDC_ALLOW_HTTP: not allowed in production');
  }
  if (e.NODE_ENV === 'production' && !e.MEEDOEN_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  MEEDOEN_SECRET: required in production (at least 32 random characters)',
    );
  }
  if (e.NODE_ENV === 'production' && !e.MEEDOEN_CHILD_KEY_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  MEEDOEN_CHILD_KEY_SECRET: required in production (at least 32 random characters, see docs/child-key.md)',
    );
  }
  if (e.MEEDOEN_CHILD_KEY_SECRET && e.MEEDOEN_CHILD_KEY_SECRET === e.MEEDOEN_SECRET) {
    throw new ConfigError(
      'Invalid configuration:\n  MEEDOEN_CHILD_KEY_SECRET: must differ from MEEDOEN_SECRET (partners receive it)',
    );
  }
  return {
    environment: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    database: e.DATABASE_URL
      ? { kind: 'postgresql', url: e.DATABASE_URL }
      : { kind: 'pglite', dataDir: path.resolve(e.MEEDOEN_DATA_DIR) },
    seedDemoData: e.MEEDOEN_DEMO_DATA,
    secret: e.MEEDOEN_SECRET ?? DEVELOPMENT_SECRET,
    childKeySecret: e.MEEDOEN_CHILD_KEY_SECRET ?? DEVELOPMENT_CHILD_KEY_SECRET,
    mail: { smtpUrl: e.SMTP_URL ?? null, from: e.MAIL_FROM },
    trustProxyHops: e.TRUST_PROXY_HOPS,
    oidc: oidcProviders(e, withoutBlanks),
    publicBaseUrl: (e.PUBLIC_BASE_URL ?? `http://${e.HOST}:${e.PORT}`).replace(/\/$/, ''),
    logLevel: e.LOG_LEVEL,
    retentionMonths: e.MEEDOEN_RETENTION_MONTHS,
  };
}

function oidcProviders(
  e: z.infer<typeof environmentSchema>,
  env: Record<string, string | undefined>,
): Config['oidc'] {
  if (e.OIDC_PROVIDERS_FILE) {
    const file = readOidcProvidersFile(e.OIDC_PROVIDERS_FILE, env, e.OIDC_ALLOW_HTTP);
    if (!file.ok) throw new ConfigError(`Invalid configuration:\n  ${file.problems.join('\n  ')}`);
    return { providers: file.providers };
  }
  if (!e.OIDC_ISSUER || !e.OIDC_CLIENT_ID || !e.OIDC_CLIENT_SECRET) return null;
  const insecure = issuerProblem(e.OIDC_ISSUER, e.OIDC_ALLOW_HTTP);
  if (insecure) throw new ConfigError(`Invalid configuration:\n  OIDC_ISSUER: ${insecure}`);
  return {
    providers: [
      {
        id: SINGLE_PROVIDER_ID,
        name: { nl: 'je gemeente', en: 'your municipality' },
        issuer: e.OIDC_ISSUER,
        clientId: e.OIDC_CLIENT_ID,
        clientSecret: e.OIDC_CLIENT_SECRET,
        allowHttp: e.OIDC_ALLOW_HTTP,
        municipalities: 'all',
      },
    ],
  };
}
