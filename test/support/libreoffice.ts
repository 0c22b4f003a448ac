import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const SOFFICE = process.env.SOFFICE_PATH ?? 'soffice';

export type Conversion = { code: number | null; stdout: string; stderr: string; outputs: string[] };

/**
 * Converts a file with LibreOffice as a user would open and save it: headless, with a profile of its own in
 * a temporary folder (-env:UserInstallation), so parallel runs never share or lock one. `infilter` chooses
 * the import filter, e.g. 'CSV:59,34,76' (separator ";", quote '"', UTF-8).
 */
export async function convertWithLibreOffice(
  input: string,
  convertTo: string,
  options: { outdir: string; infilter?: string; timeoutMs?: number },
): Promise<Conversion> {
  const profile = await mkdtemp(path.join(tmpdir(), 'meedoen-lo-profile-'));
  const args = [
    `-env:UserInstallation=file://${profile}/${randomUUID()}`,
    '--headless',
    '--norestore',
    '--nolockcheck',
    ...(options.infilter ? [`--infilter=${options.infilter}`] : []),
    '--convert-to',
    convertTo,
    '--outdir',
    options.outdir,
    input,
  ];
  try {
    const result = await new Promise<Omit<Conversion, 'outputs'>>((resolve, reject) => {
      const child = spawn(SOFFICE, args, { env: { ...process.env, HOME: profile } });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk) => (stdout += chunk));
      child.stderr.on('data', (chunk) => (stderr += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 120_000);
      child.on('error', reject);
      child.on('close', (code) => {
        clearTimeout(timer);
        resolve({ code, stdout, stderr });
      });
    });
    return { ...result, outputs: await readdir(options.outdir) };
  } finally {
    await rm(profile, { recursive: true, force: true });
  }
}
