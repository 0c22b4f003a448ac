import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { ConfigError, loadConfig } from './config.ts';

test('runs with nothing set: embedded database under ./data, port 3000, demo data', () => {
  const config = loadConfig({});
  assert.deepEqual(config.database, { kind: 'pglite', dataDir: path.resolve('data/pglite') });
  assert.equal(config.port, 3000);
  assert.equal(config.seedDemoData, true);
});

test('a DATABASE_URL selects PostgreSQL; empty variables count as unset', () => {
  assert.equal(loadConfig({ DATABASE_URL: 'postgres://127.0.0.1/meedoen' }).database.kind, 'postgresql');
  assert.equal(loadConfig({ DATABASE_URL: '', PORT: '' }).database.kind, 'pglite');
});

test('refuses invalid settings with a message naming each variable', () => {
  assert.throws(
    () => loadConfig({ PORT: 'eighty', DATABASE_URL: 'mysql://x', MEEDOEN_DEMO_DATA: 'maybe' }),
    (error: unknown) =>
      error instanceof ConfigError &&
      /PORT/.test(error.message) &&
      /DATABASE_URL/.test(error.message) &&
      /MEEDOEN_DEMO_DATA/.test(error.message),
  );
});

test('production refuses to start without its own secret; development has one of its own', () => {
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production' }),
    (error: unknown) => error instanceof ConfigError && /MEEDOEN_SECRET/.test(error.message),
  );
  assert.throws(() => loadConfig({ MEEDOEN_SECRET: 'too-short' }), ConfigError);
  const secret = 'x'.repeat(40);
  const childKeySecret = 'y'.repeat(40);
  const production = { NODE_ENV: 'production', MEEDOEN_SECRET: secret };
  assert.equal(loadConfig({ ...production, MEEDOEN_CHILD_KEY_SECRET: childKeySecret }).secret, secret);
  assert.ok(loadConfig({}).secret.length >= 32);
});

test('child keys have a secret of their own, required in production and never the platform secret', () => {
  const secret = 'x'.repeat(40);
  assert.throws(
    () => loadConfig({ NODE_ENV: 'production', MEEDOEN_SECRET: secret }),
    (error: unknown) =>
      error instanceof ConfigError && /MEEDOEN_CHILD_KEY_SECRET: required/.test(error.message),
  );
  assert.throws(
    () => loadConfig({ MEEDOEN_SECRET: secret, MEEDOEN_CHILD_KEY_SECRET: secret }),
    (error: unknown) => error instanceof ConfigError && /must differ/.test(error.message),
  );
  const config = loadConfig({ MEEDOEN_SECRET: secret, MEEDOEN_CHILD_KEY_SECRET: 'y'.repeat(40) });
  assert.equal(config.childKeySecret, 'y'.repeat(40));
  assert.notEqual(loadConfig({}).childKeySecret, loadConfig({}).secret);
});
