#!/usr/bin/env node
// The whole test suite: unit, integration (PGlite, and PostgreSQL when TEST_DATABASE_URL is set) and
// browser tests in Debian's Chromium, which is installed here when it is missing.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  const isRoot = process.getuid?.() === 0;
  const sudo = isRoot ? [] : ['sudo'];
  console.log(
    `Chromium not found at ${CHROMIUM}: installing Debian's chromium package for the browser tests`,
  );
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', 'chromium'],
  ]) {
    const command = [...sudo, ...args];
    const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`Could not install chromium (${command.join(' ')}). Install it, or set CHROMIUM_PATH.`);
      process.exit(1);
    }
  }
}

// The export tests open files in LibreOffice Calc as people do (test/support/libreoffice.ts).
function ensureLibreOffice() {
  const found = spawnSync(process.env.SOFFICE_PATH ?? 'soffice', ['--version'], { stdio: 'ignore' });
  if (found.status === 0) return;
  const sudo = process.getuid?.() === 0 ? [] : ['sudo'];
  console.log("LibreOffice not found: installing Debian's libreoffice-calc-nogui for the export tests");
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  for (const args of [
    ['apt-get', 'update', '-qq'],
    ['apt-get', 'install', '-y', '-qq', 'libreoffice-calc-nogui'],
  ]) {
    const command = [...sudo, ...args];
    const result = spawnSync(command[0], command.slice(1), { stdio: 'inherit', env });
    if (result.status !== 0) {
      console.error(`Could not install LibreOffice (${command.join(' ')}). Install it, or set SOFFICE_PATH.`);
      process.exit(1);
    }
  }
}

function findTests(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'node_modules' ? [] : findTests(full);
    return /\.test\.tsx?$/.test(name) ? [full] : [];
  });
}

const only = process.argv.slice(2);
const files = only.length > 0 ? only : [...findTests('src'), ...findTests('test')].sort();
if (files.some((file) => file.includes(`${path.sep}browser${path.sep}`) || file.includes('/browser/')))
  ensureChromium();
if (files.some((file) => path.basename(file).includes('libreoffice'))) ensureLibreOffice();

const result = spawnSync(
  process.execPath,
  ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=2', ...files],
  { stdio: 'inherit', env: { ...process.env, CHROMIUM_PATH: CHROMIUM } },
);
process.exit(result.status ?? 1);
