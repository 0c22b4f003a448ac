import assert from 'node:assert/strict';
import { test } from 'node:test';
import { can, type Actor } from './policy.ts';
import type { Role } from './roles.ts';

const staff = (role: Role, organisationKey = 'leergeld-utrecht', secondFactorDone = true): Actor => ({
  kind: 'staff',
  personId: 'p',
  memberships: [{ role, organisationKey }],
  secondFactorDone,
});

test('nobody anonymous, and no staff member before the second factor, may do anything here', () => {
  assert.equal(can({ kind: 'anonymous' }, 'staff.home'), false);
  assert.equal(can(staff('platform_admin', '', false), 'mail.outbox.read'), false);
});

test('a coordinator manages their own organisation only', () => {
  assert.equal(can(staff('coordinator'), 'members.manage', { organisationKey: 'leergeld-utrecht' }), true);
  assert.equal(can(staff('coordinator'), 'members.manage', { organisationKey: 'leergeld-groningen' }), false);
  assert.equal(can(staff('coordinator'), 'members.manage'), false);
  assert.equal(can(staff('handler'), 'members.manage', { organisationKey: 'leergeld-utrecht' }), false);
});

test('platform-wide permissions go to their one role', () => {
  assert.equal(can(staff('platform_admin', ''), 'mail.outbox.read'), true);
  assert.equal(can(staff('coordinator'), 'mail.outbox.read'), false);
  assert.equal(can(staff('privacy_officer'), 'processing_log.search'), true);
  assert.equal(can(staff('national_analyst'), 'processing_log.search'), false);
});
