import * as client from 'openid-client';
import type { Config } from '../platform/config.ts';

export type OidcSettings = NonNullable<Config['oidc']>;

/** What must survive the round trip to the provider: checked on return, so a forged return is refused. */
export type PendingSignIn = { state: string; nonce: string; verifier: string };

/**
 * The provider's metadata is fetched once per process (it is public and the same for every instance) and
 * fetched again after a failure.
 */
export function createOidcClient(settings: OidcSettings) {
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
