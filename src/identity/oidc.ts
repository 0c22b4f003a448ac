import * as client from 'openid-client';
import { z } from 'zod';
import type { OidcProviderSettings } from '../platform/oidc-config.ts';

export type { OidcProviderSettings };

/**
 * What must survive the round trip to the provider: checked on return, so a forged return is refused. The
 * provider that started is part of it, so the return is finished there and nowhere else.
 */
export const pendingSignInSchema = z.object({
  provider: z.string(),
  state: z.string(),
  nonce: z.string(),
  verifier: z.string(),
});
export type PendingSignIn = z.infer<typeof pendingSignInSchema>;

export type OidcClient = ReturnType<typeof createOidcClient>;

/**
 * The provider's metadata is fetched once per process (it is public and the same for every instance) and
 * fetched again after a failure.
 */
export function createOidcClient(settings: OidcProviderSettings) {
  let configuration: Promise<client.Configuration> | undefined;
  const discover = () => {
    configuration ??= client
      .discovery(new URL(settings.issuer), settings.clientId, settings.clientSecret, undefined, {
        execute: settings.allowHttp ? [client.allowInsecureRequests] : [],
      })
      .catch((error: unknown) => {
        configuration = undefined;
        throw error;
      });
    return configuration;
  };

  return {
    async start(redirectUri: string): Promise<{ url: URL; pending: PendingSignIn }> {
      const config = await discover();
      const pending = {
        provider: settings.id,
        state: client.randomState(),
        nonce: client.randomNonce(),
        verifier: client.randomPKCECodeVerifier(),
      };
      const url = client.buildAuthorizationUrl(config, {
        redirect_uri: redirectUri,
        scope: 'openid',
        state: pending.state,
        nonce: pending.nonce,
        code_challenge: await client.calculatePKCECodeChallenge(pending.verifier),
        code_challenge_method: 'S256',
      });
      return { url, pending };
    },

    /** The provider's subject for a returning sign-in; throws when anything does not check out. */
    async finish(currentUrl: URL, pending: PendingSignIn): Promise<string> {
      if (pending.provider !== settings.id) throw new Error('the sign-in was started at another provider');
      const config = await discover();
      const tokens = await client.authorizationCodeGrant(config, currentUrl, {
        pkceCodeVerifier: pending.verifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      const subject = tokens.claims()?.sub;
      if (!subject) throw new Error('the provider returned no subject');
      return subject;
    },
  };
}

/** Which provider serves a municipality; a provider's client is made when first used, then kept. */
export function createOidcProviders(providers: readonly OidcProviderSettings[]) {
  const clients = new Map<string, OidcClient>();
  const byId = new Map(providers.map((provider) => [provider.id, provider]));
  const forEveryone = providers.find((provider) => provider.municipalities === 'all') ?? null;
  const byMunicipality = new Map(
    providers.flatMap((provider) =>
      provider.municipalities === 'all'
        ? []
        : provider.municipalities.map((code) => [code, provider] as const),
    ),
  );
  return {
    /** When one provider serves everyone, nobody needs to say where they live. */
    sole: providers.length === 1 ? forEveryone : null,
    /** The municipalities named in the configuration; empty when one provider serves everyone. */
    municipalityCodes: [...byMunicipality.keys()],
    forMunicipality: (code: string) => byMunicipality.get(code) ?? forEveryone,
    byId: (id: string) => byId.get(id) ?? null,
    client(provider: OidcProviderSettings): OidcClient {
      let found = clients.get(provider.id);
      if (!found) {
        found = createOidcClient(provider);
        clients.set(provider.id, found);
      }
      return found;
    },
  };
}

/**
 * A subject is unique only at its own provider (OpenID Connect Core §2), so the id Meedoen pseudonymises
 * carries the provider's id. The one provider set by OIDC_ISSUER keeps the bare subject, as before.
 */
export function subjectId(provider: OidcProviderSettings, subject: string): string {
  return provider.municipalities === 'all' ? subject : `${provider.id}:${subject}`;
}
