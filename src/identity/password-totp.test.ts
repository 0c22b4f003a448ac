import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hashPassword, passwordProblem, verifyPassword } from './password.ts';
import { newTotpSecret, totpCodeAt, verifyTotp } from './totp.ts';

test('a password hash is argon2id and checks only the right password', async () => {
  const hashed = await hashPassword('correct horse battery');
  assert.match(hashed, /^\$argon2id\$/);
  assert.equal(await verifyPassword(hashed, 'correct horse battery'), true);
  assert.equal(await verifyPassword(hashed, 'correct horse batterY'), false);
  assert.equal(await verifyPassword('not a hash', 'x'), false);
});

test('passwords need length, not symbols, and not the e-mail name', () => {
  assert.equal(passwordProblem('kort', 'a@b.nl'), 'too_short');
  assert.equal(passwordProblem('twaalf tekens', 'a@b.nl'), null);
  assert.equal(passwordProblem('janssen-wachtwoord', 'janssen@gemeente.nl'), 'contains_email');
  assert.equal(passwordProblem('x'.repeat(201), 'a@b.nl'), 'too_long');
});

test('a TOTP code is valid in its own period and the ones next to it, not further', () => {
  const secret = newTotpSecret();
  const now = new Date('2026-03-29T01:59:45Z');
  assert.equal(verifyTotp(secret, totpCodeAt(secret, now), now), true);
  assert.equal(verifyTotp(secret, totpCodeAt(secret, new Date(now.getTime() - 30_000)), now), true);
  assert.equal(verifyTotp(secret, totpCodeAt(secret, new Date(now.getTime() + 30_000)), now), true);
  assert.equal(verifyTotp(secret, totpCodeAt(secret, new Date(now.getTime() - 90_000)), now), false);
  assert.equal(verifyTotp(secret, '12345', now), false);
  assert.equal(verifyTotp(secret, 'abcdef', now), false);
});
