import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'meedoen-oidc-config-'));
after(() => rmSync(folder, { recursive: true, force: true }));

let files = 0;
function providersFile(text: string, extension = 'yaml'): string {
  files += 1;
  const file = path.join(folder, `providers-${files}.${extension}`);
  writeFileSync(file, text);
  return file;
}

const provider = (fields: Record<string, string>) =>
  `  - id: ${fields.id ?? 'noord'}
    name: { nl: Noord, en: North }
    issuer: ${fields.issuer ?? 'https://login.noord.example'}
    clientId: meedoen
    clientSecretEnv: ${fields.secret ?? 'OIDC_SECRET_NOORD'}
    municipalities: [${fields.municipalities ?? 'GM0014'}]
${fields.extra ?? ''}`;

const secrets = { OIDC_SECRET_NOORD: 'noord-secret', OIDC_SECRET_WEST: 'west-secret' };

/** The configuration's complaint, or a failure when it accepted the file. */
function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    assert.ok(error instanceof ConfigError, String(error));
    return error.message;
  }
  assert.fail('the configuration was accepted');
}

describe('OpenID Connect providers per municipality', () => {
  test('the three variables still give one provider, for every municipality', () => {
    const config = loadConfig({
      OIDC_ISSUER: 'https://login.example',
      OIDC_CLIENT_ID: 'meedoen',
      OIDC_CLIENT_SECRET: 'secret',
    });
    assert.equal(config.oidc?.providers.length, 1);
    assert.equal(config.oidc.providers[0]!.municipalities, 'all');
    assert.equal(config.oidc.providers[0]!.clientSecret, 'secret');
    assert.equal(loadConfig({}).oidc, null);
  });

  test('a file gives each provider its municipalities and the secret from the variable it names', () => {
    const file = providersFile(
      `providers:\n${provider({ municipalities: 'GM0014, GM0080' })}${provider({ id: 'west', secret: 'OIDC_SECRET_WEST', municipalities: 'GM0363' })}`,
    );
    const config = loadConfig({ OIDC_PROVIDERS_FILE: file, ...secrets });
    assert.deepEqual(
      config.oidc?.providers.map((p) => [p.id, p.clientSecret, p.municipalities, p.allowHttp]),
      [
        ['noord', 'noord-secret', ['GM0014', 'GM0080'], false],
        ['west', 'west-secret', ['GM0363'], false],
      ],
    );
    assert.deepEqual(config.oidc?.providers[0]!.name, { nl: 'Noord', en: 'North' });
  });

  test('JSON works too, and the example in docs/ is valid', () => {
    const json = providersFile(
      JSON.stringify({
        providers: [
          {
            id: 'noord',
            name: { nl: 'Noord', en: 'North' },
            issuer: 'http://127.0.0.1:9999',
            clientId: 'meedoen',
            clientSecretEnv: 'OIDC_SECRET_NOORD',
            municipalities: ['GM0014'],
          },
        ],
      }),
      'json',
    );
    const config = loadConfig({ OIDC_PROVIDERS_FILE: json, OIDC_ALLOW_HTTP: 'true', ...secrets });
    assert.equal(config.oidc?.providers[0]!.allowHttp, true);
    const example = loadConfig({
      OIDC_PROVIDERS_FILE: 'docs/oidc-providers.example.yaml',
      OIDC_SECRET_BROKER_NOORD: 'x',
      OIDC_SECRET_AMSTERDAM: 'y',
    });
    assert.deepEqual(
      example.oidc?.providers.map((p) => p.id),
      ['broker-noord', 'amsterdam'],
    );
  });

  const refused: { label: string; file: string; expected: RegExp[] }[] = [
    {
      label: 'a bad field is named with its place in the file',
      file: `providers:\n${provider({ issuer: 'not a url', municipalities: 'GM0014, 0363' })}`,
      expected: [
        /OIDC_PROVIDERS_FILE providers\[0\]\.issuer: /,
        /OIDC_PROVIDERS_FILE providers\[0\]\.municipalities\[1\]: must be a CBS municipality code/,
      ],
    },
    {
      label: 'a missing field is named',
      file: `providers:\n  - id: noord\n    issuer: https://login.noord.example\n    clientId: x\n    clientSecretEnv: OIDC_SECRET_NOORD\n    municipalities: [GM0014]\n`,
      expected: [/providers\[0\]\.name: /],
    },
    {
      label: 'a secret in the file is refused, pointing at clientSecretEnv',
      file: `providers:\n${provider({ extra: '    clientSecret: hunter2\n' })}`,
      expected: [/providers\[0\]\.clientSecret: secrets do not belong in this file.*clientSecretEnv/],
    },
    {
      label: 'a secret variable that is not set',
      file: `providers:\n${provider({ secret: 'OIDC_SECRET_ZUID' })}`,
      expected: [/providers\[0\]\.clientSecretEnv: the environment variable OIDC_SECRET_ZUID is not set/],
    },
    {
      label: 'a municipality listed for two providers',
      file: `providers:\n${provider({ municipalities: 'GM0014, GM0363' })}${provider({ id: 'west', secret: 'OIDC_SECRET_WEST', municipalities: 'GM0363' })}`,
      expected: [
        /providers\[1\]\.municipalities\[0\]: GM0363 is already listed for provider "noord"; a municipality has at most one provider/,
      ],
    },
    {
      label: 'a municipality listed twice for one provider',
      file: `providers:\n${provider({ municipalities: 'GM0014, GM0014' })}`,
      expected: [/providers\[0\]\.municipalities\[1\]: GM0014 is already listed for this provider/],
    },
    {
      label: 'two providers with one id',
      file: `providers:\n${provider({})}${provider({ municipalities: 'GM0363' })}`,
      expected: [/providers\[1\]\.id: "noord" is used by an earlier provider/],
    },
    {
      label: 'an http issuer without OIDC_ALLOW_HTTP',
      file: `providers:\n${provider({ issuer: 'http://login.noord.example' })}`,
      expected: [/providers\[0\]\.issuer: must use https/],
    },
    {
      label: 'no providers at all',
      file: 'providers: []\n',
      expected: [/OIDC_PROVIDERS_FILE providers: /],
    },
    {
      label: 'a file that is not YAML',
      file: 'providers:\n  - id: [unclosed\n',
      expected: [/OIDC_PROVIDERS_FILE: .* not valid YAML or JSON \(line \d+\)/],
    },
  ];
  for (const { label, file, expected } of refused) {
    test(`refuses to start: ${label}`, () => {
      const message = refusal({ OIDC_PROVIDERS_FILE: providersFile(file), ...secrets });
      assert.match(message, /^Invalid configuration:\n {2}OIDC_PROVIDERS_FILE/);
      for (const pattern of expected) assert.match(message, pattern);
      // Secrets are never repeated in a message that ends up in a terminal or a log.
      assert.doesNotMatch(message, /noord-secret|west-secret|hunter2/);
    });
  }

  test('refuses a file that is not there, and a file together with the three variables', () => {
    assert.match(
      refusal({ OIDC_PROVIDERS_FILE: path.join(folder, 'missing.yaml') }),
      /OIDC_PROVIDERS_FILE: .*missing\.yaml cannot be read \(ENOENT\)/,
    );
    assert.match(
      refusal({
        OIDC_PROVIDERS_FILE: providersFile(`providers:\n${provider({})}`),
        OIDC_ISSUER: 'https://login.example',
        OIDC_CLIENT_ID: 'meedoen',
        OIDC_CLIENT_SECRET: 'secret',
        ...secrets,
      }),
      /OIDC_PROVIDERS_FILE, OIDC_ISSUER: set one or the other/,
    );
    assert.match(
      refusal({ OIDC_ISSUER: 'http://login.example', OIDC_CLIENT_ID: 'x', OIDC_CLIENT_SECRET: 'y' }),
      /OIDC_ISSUER: must use https/,
    );
  });
});
