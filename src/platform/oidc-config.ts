import { readFileSync } from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import { z } from 'zod';
import { fieldPath } from './validation.ts';

/** One OpenID Connect provider (a DigiD broker) and the municipalities whose residents sign in through it. */
export type OidcProviderSettings = {
  /** Stable: it is part of each resident's pseudonym, so renaming it makes everyone a new person. */
  id: string;
  name: { nl: string; en: string };
  issuer: string;
  clientId: string;
  clientSecret: string;
  allowHttp: boolean;
  /** CBS codes (GM0363); `all` for the one provider of OIDC_ISSUER, which serves every municipality. */
  municipalities: readonly string[] | 'all';
};

/** The id of the provider set with OIDC_ISSUER, OIDC_CLIENT_ID and OIDC_CLIENT_SECRET. */
export const SINGLE_PROVIDER_ID = 'standaard';

const cbsCode = 'must be a CBS municipality code like GM0363';

const providerSchema = z.strictObject({
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes (at most 40)'),
  name: z.strictObject({ nl: z.string().min(1), en: z.string().min(1) }),
  issuer: z.url({ protocol: /^https?$/, error: 'must be an http(s) address' }),
  clientId: z.string().min(1),
  clientSecretEnv: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]*$/, 'must be the name of an environment variable, like OIDC_SECRET_NOORD'),
  municipalities: z.array(z.string({ error: cbsCode }).regex(/^GM[0-9]{4}$/, cbsCode)).min(1),
});

const providersFileSchema = z.strictObject({ providers: z.array(providerSchema).min(1) });

type Env = Record<string, string | undefined>;
type Result = { ok: true; providers: OidcProviderSettings[] } | { ok: false; problems: string[] };

/** An http issuer only where the operator said so (tests and local brokers); production refuses that flag. */
export function issuerProblem(issuer: string, allowHttp: boolean): string | null {
  return !allowHttp && issuer.startsWith('http:')
    ? 'must use https (http only with OIDC_ALLOW_HTTP=true, for local tests)'
    : null;
}

/**
 * Reads OIDC_PROVIDERS_FILE (YAML or JSON). Secrets stay in the environment: the file names the variable
 * that holds each client secret. Every problem is reported at once, each with the field it is about.
 */
export function readOidcProvidersFile(file: string, env: Env, allowHttp: boolean): Result {
  const where = (field: string) => `OIDC_PROVIDERS_FILE ${field}`;
  let data: unknown;
  try {
    data = YAML.parse(readFileSync(path.resolve(file), 'utf8'), { maxAliasCount: 100 });
  } catch (error) {
    const code = (error as { code?: string }).code;
    const line = (error as { linePos?: { line: number }[] }).linePos?.[0]?.line;
    const reason = line ? `not valid YAML or JSON (line ${line})` : `cannot be read (${code ?? 'error'})`;
    return { ok: false, problems: [`OIDC_PROVIDERS_FILE: ${file} ${reason}`] };
  }
  const parsed = providersFileSchema.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      problems: parsed.error.issues.map((issue) =>
        issue.code === 'unrecognized_keys' && issue.keys.includes('clientSecret')
          ? where(
              `${fieldPath([...issue.path, 'clientSecret'])}: secrets do not belong in this file; put it in an environment variable and name that variable in clientSecretEnv`,
            )
          : where(`${fieldPath(issue.path) || '(file)'}: ${issue.message}`),
      ),
    };
  }

  const problems: string[] = [];
  const ids = new Set<string>();
  const servedBy = new Map<string, string>();
  const providers = parsed.data.providers.map((provider, index): OidcProviderSettings => {
    const at = (field: string) => where(`providers[${index}].${field}`);
    if (ids.has(provider.id)) problems.push(at(`id: "${provider.id}" is used by an earlier provider`));
    ids.add(provider.id);
    const insecure = issuerProblem(provider.issuer, allowHttp);
    if (insecure) problems.push(at(`issuer: ${insecure}`));
    const clientSecret = env[provider.clientSecretEnv];
    if (!clientSecret) {
      problems.push(at(`clientSecretEnv: the environment variable ${provider.clientSecretEnv} is not set`));
    }
    provider.municipalities.forEach((code, position) => {
      const earlier = servedBy.get(code);
      if (earlier !== undefined) {
        const whose = earlier === provider.id ? 'this provider' : `provider "${earlier}"`;
        problems.push(
          at(
            `municipalities[${position}]: ${code} is already listed for ${whose}; a municipality has at most one provider`,
          ),
        );
      }
      servedBy.set(code, provider.id);
    });
    return {
      id: provider.id,
      name: provider.name,
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecret: clientSecret ?? '',
      allowHttp,
      municipalities: provider.municipalities,
    };
  });
  return problems.length > 0 ? { ok: false, problems } : { ok: true, providers };
}
