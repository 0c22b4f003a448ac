import { writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import Provider from 'oidc-provider';
import YAML from 'yaml';
import { freePort } from './ports.ts';

export type TestProvider = { issuer: string; clientId: string; clientSecret: string; close(): Promise<void> };

/**
 * A real OpenID Connect provider (oidc-provider) on 127.0.0.1, with its development login pages: any login
 * name signs in, as that subject. Stands in for a DigiD broker in tests.
 */
export async function startTestProvider(redirectUri: string): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'meedoen-test';
  const clientSecret = 'a-test-client-secret-that-is-long-enough';
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: clientId,
        client_secret: clientSecret,
        redirect_uris: [redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    findAccount: async (_context: unknown, sub: string) => ({
      accountId: sub,
      claims: async () => ({ sub }),
    }),
  });
  // Its warnings about development defaults are expected here.
  provider.on('server_error', () => undefined);
  const server: Server = await new Promise((resolve) => {
    const listening = provider.listen(port, '127.0.0.1', () => resolve(listening));
  });
  return {
    issuer,
    clientId,
    clientSecret,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/**
 * An OIDC_PROVIDERS_FILE in `folder` for test providers, each serving the municipalities given, and the
 * environment that goes with it (the secrets in the variables the file names; http allowed).
 */
export function writeProvidersFile(
  folder: string,
  entries: { id: string; provider: TestProvider; municipalities: string[] }[],
): Record<string, string> {
  const file = path.join(folder, 'providers.yaml');
  const env: Record<string, string> = { OIDC_PROVIDERS_FILE: file, OIDC_ALLOW_HTTP: 'true' };
  const providers = entries.map(({ id, provider, municipalities }) => {
    const clientSecretEnv = `OIDC_SECRET_${id.toUpperCase()}`;
    env[clientSecretEnv] = provider.clientSecret;
    return {
      id,
      name: { nl: `Inloggen ${id}`, en: `Sign-in ${id}` },
      issuer: provider.issuer,
      clientId: provider.clientId,
      clientSecretEnv,
      municipalities,
    };
  });
  writeFileSync(file, YAML.stringify({ providers }));
  return env;
}
