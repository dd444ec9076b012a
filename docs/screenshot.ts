// Takes docs/report-html.png, the README's picture of report.html: a run against an emulator that
// accepts what documented limits refuse (one check fails), its page shot by headless Chromium.
// `npm run screenshot`; needs Chromium (Debian: apt-get install chromium).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, headless, noChromiumReason } from '../test/support/chromium.ts';
import { runCli } from '../test/support/cli.ts';
import { startEmulatorProcess } from '../test/support/emulatorProcess.ts';
import { projectRoot } from '../test/support/paths.ts';

const SEED = 11;
const WINDOW = '1280,3000';
const target = join(projectRoot, 'docs', 'report-html.png');

if (!chromium) {
  console.error(`docs/screenshot.ts: ${noChromiumReason}`);
  process.exit(2);
}
const emulator = await startEmulatorProcess(['--no-documented-limits']);
const dir = mkdtempSync(join(tmpdir(), 'omics-screenshot-'));
try {
  console.log(`run: seed ${SEED}, reports in ${dir}`);
  const run = await runCli(['run', '--endpoint', emulator.url, '--suites', 'validation,shape,exceptions', '--runs', '5', '--seed', String(SEED), '--report-dir', dir], { timeoutMs: 300_000, env: { ...process.env, CI: 'true' } });
  if (run.code !== 1) throw new Error(`docs/screenshot.ts: the run should fail one check (exit 1), it exited ${run.code}:\n${run.stdout}${run.stderr}`);
} finally {
  await emulator.stop();
}
const shot = await headless(['--force-device-scale-factor=1', `--window-size=${WINDOW}`, `--screenshot=${target}`, pathToFileURL(join(dir, 'report.html')).href], { timeoutMs: 120_000 });
if (shot.code !== 0) throw new Error(`docs/screenshot.ts: Chromium could not take the screenshot:\n${shot.stderr}`);
console.log(`wrote ${relative(process.cwd(), target)}`);
