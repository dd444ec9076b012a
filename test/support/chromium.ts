// Headless Chromium, for the tests that look at report.html as a browser does and for the README's
// screenshot (docs/screenshot.ts): found once; each run in its own process group and profile, with
// a time limit, the group killed when it ends (Chromium's helpers die with it).
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const CANDIDATES = ['chromium', 'chromium-browser', 'google-chrome'];

/** The command that starts Chromium here, if any. */
export const chromium: string | undefined = CANDIDATES.find((c) => spawnSync(c, ['--version'], { stdio: 'ignore', timeout: 30_000 }).status === 0);
export const noChromiumReason = "headless Chromium (`chromium --version`) is not installed on this machine (.ci/run installs Debian's chromium)";

export interface HeadlessOptions {
  /** Every request of the page goes to this HTTP proxy (`http://127.0.0.1:PORT`), loopback included. */
  readonly proxy?: string;
  /** Write Chromium's network log here (read it with `pageRequests`). */
  readonly netLog?: string;
  readonly timeoutMs?: number;
}

export interface HeadlessResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

// Quiet: as few requests of the browser's own as its switches allow (some remain: see pageRequests).
const QUIET = [
  '--headless',
  '--disable-gpu',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-client-side-phishing-detection',
  '--disable-domain-reliability',
  '--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate,AutofillServerCommunication',
  '--no-pings',
  '--disable-breakpad',
  '--metrics-recording-only',
  '--password-store=basic',
  '--disable-dev-shm-usage',
  '--mute-audio',
  '--hide-scrollbars',
];

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group has already gone.
  }
}

/** Runs Chromium headless with `args` (e.g. `--dump-dom URL`) and a fresh profile. */
export function headless(args: readonly string[], options: HeadlessOptions = {}): Promise<HeadlessResult> {
  if (!chromium) return Promise.reject(new Error(noChromiumReason));
  const profile = mkdtempSync(join(tmpdir(), 'omics-chromium-'));
  const timeoutMs = options.timeoutMs ?? 60_000;
  const flags = [
    ...QUIET,
    `--user-data-dir=${profile}`,
    // Chromium's sandbox refuses to start as root (CI runs as root).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    ...(options.proxy ? [`--proxy-server=${options.proxy}`, '--proxy-bypass-list=<-loopback>'] : []),
    ...(options.netLog ? [`--log-net-log=${options.netLog}`, '--net-log-capture-mode=Default'] : []),
    ...args,
  ];
  return new Promise((done, fail) => {
    const child = spawn(chromium!, flags, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const end = () => {
      clearTimeout(timer);
      killGroup(child.pid);
      rmSync(profile, { recursive: true, force: true });
    };
    const timer = setTimeout(() => {
      end();
      fail(new Error(`${chromium} ${args.join(' ')} did not finish within ${timeoutMs} ms`));
    }, timeoutMs);
    child.on('error', (err) => {
      end();
      fail(err);
    });
    child.on('close', (code) => {
      end();
      done({ code, stdout, stderr });
    });
  });
}

interface NetLog {
  readonly constants: { readonly logEventTypes: Readonly<Record<string, number>> };
  readonly events: ReadonlyArray<{ readonly type: number; readonly params?: { readonly url?: string; readonly initiator?: string } }>;
}

// What Chromium asks for itself (sign-in, search preconnects) has no initiating origin.
const BROWSER_INITIATOR = 'not an origin';

/**
 * The network requests a page started, from Chromium's network log: URL requests with an initiating
 * origin (`null` for a file:// page), to anything but the page's own file:, data: and blob: URLs.
 */
export function pageRequests(netLogFile: string): string[] {
  const log = JSON.parse(readFileSync(netLogFile, 'utf8')) as NetLog;
  const start = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  if (start === undefined) throw new Error(`pageRequests: ${netLogFile} names no URL_REQUEST_START_JOB event: not a Chromium network log this helper can read`);
  return log.events
    .filter((e) => e.type === start && e.params?.url !== undefined && e.params.initiator !== BROWSER_INITIATOR)
    .map((e) => e.params!.url!)
    .filter((url) => !/^(file|data|blob):/.test(url));
}
