// examples/github-actions.yml, the CI recipe of the README, read as GitHub would read it: every
// omics-conformance command it runs exists, with options the command takes and values it accepts
// (with each matrix value put in), and the jobs fit together: three shards of one seed, each shard's
// reports merged, junit.xml published, report.html kept.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { commands } from '../../cli/commands.ts';
import { OPTION_RANGES, RUN_OPTIONS } from '../../cli/commands/run.ts';
import { REPORT_OPTIONS, REPORT_SUBCOMMANDS } from '../../cli/commands/report.ts';
import { parseShard } from '../../cli/runConformance.ts';
import { numberOption } from '../../cli/usage.ts';
import { REPORTERS } from '../../reports/reporters.ts';
import { projectRoot } from '../support/paths.ts';

const test = suite('examples: the GitHub Actions recipe');

interface Step {
  readonly name?: string;
  readonly uses?: string;
  readonly run?: string;
  readonly if?: string;
  readonly with?: Record<string, unknown>;
}
interface Job {
  readonly needs?: string | string[];
  readonly if?: string;
  readonly strategy?: { matrix?: Record<string, unknown[]> };
  readonly steps: Step[];
}

const workflow = parse(readFileSync(join(projectRoot, 'examples', 'github-actions.yml'), 'utf8')) as { jobs: Record<string, Job> };
const jobs = Object.entries(workflow.jobs);

/** The shell words of a command line (the recipe quotes nothing). */
const words = (line: string) => line.replace(/\\\n/g, ' ').trim().split(/\s+/);

/** Each omics-conformance command of a job, with every `${{ matrix.x }}` put in for each value, and `${{ github.run_number }}` as 1. */
function commandsOf(job: Job): string[][] {
  const matrix = Object.entries(job.strategy?.matrix ?? {});
  const variants = matrix.length ? matrix.flatMap(([key, values]) => values.map((v) => ({ [key]: String(v) }))) : [{}];
  return job.steps.flatMap((step) =>
    (step.run ?? '')
      .split('\n')
      .filter((line) => /(^|\s)(npx )?omics-conformance\s/.test(line))
      .flatMap((line) =>
        variants.map((values: Record<string, string>) => {
          const filled = line.replace(/\$\{\{\s*matrix\.(\w+)\s*\}\}/g, (_, key: string) => values[key] ?? `<no matrix value ${key}>`).replace(/\$\{\{\s*github\.run_number\s*\}\}/g, '1');
          assert.not.match(filled, /\$\{\{|<no matrix value/, `an expression the test cannot put in: ${line}`);
          const w = words(filled);
          return w.slice(w.indexOf('omics-conformance') + 1);
        }),
      ),
  );
}

const all = jobs.flatMap(([, job]) => commandsOf(job));

test('every omics-conformance command of the recipe exists and takes the options and values it is given', () => {
  assert.ok(all.length >= 4, `${all.length} commands found`);
  for (const argv of all) {
    const [name, ...rest] = argv as [string, ...string[]];
    assert.ok(name in commands, `omics-conformance ${name}: no such command`);
    if (name === 'run') {
      const { values } = parseArgs({ args: rest, options: RUN_OPTIONS, strict: true, allowPositionals: false });
      if (values.shard !== undefined) parseShard(values.shard);
      for (const option of Object.keys(OPTION_RANGES) as Array<keyof typeof OPTION_RANGES>) numberOption('run', option, values[option], OPTION_RANGES[option]);
    } else if (name === 'report') {
      const { positionals } = parseArgs({ args: rest, options: REPORT_OPTIONS, strict: true, allowPositionals: true });
      assert.ok((REPORT_SUBCOMMANDS as readonly string[]).includes(positionals[0]!), `report ${positionals[0]}: no such subcommand`);
    } else assert.unreachable(`the recipe runs ${name}, which this test does not know`);
  }
});

test('three shards of one seed write their reports where the merge reads them; junit.xml is published and report.html kept', () => {
  const runs = all.filter((a) => a[0] === 'run').map((a) => parseArgs({ args: a.slice(1), options: RUN_OPTIONS, strict: true }).values);
  assert.equal(runs.map((v) => v.shard), ['1/3', '2/3', '3/3']);
  assert.is(new Set(runs.map((v) => v.seed)).size, 1, 'one seed for every shard');
  const [shardJob, reportJob] = [jobs.find(([, j]) => j.strategy?.matrix)!, jobs.find(([, j]) => commandsOf(j).some((a) => a[0] === 'report'))!];
  assert.ok(shardJob && reportJob);
  assert.equal([reportJob[1].needs].flat(), [shardJob[0]]);
  assert.is(reportJob[1].if, 'always()', 'the merge runs when a shard failed');

  const upload = shardJob[1].steps.find((s) => s.uses?.startsWith('actions/upload-artifact@'))!;
  assert.is(upload.with!.path, `${runs[0]!['report-dir']}/`);
  const download = reportJob[1].steps.find((s) => s.uses?.startsWith('actions/download-artifact@'))!;
  const merge = all.find((a) => a[0] === 'report')!;
  const { values, positionals } = parseArgs({ args: merge.slice(1), options: REPORT_OPTIONS, strict: true, allowPositionals: true });
  assert.is(positionals[0], 'merge');
  // download-artifact puts each artifact of the pattern in a folder of its name under `path`.
  assert.equal(positionals.slice(1), [1, 2, 3].map((k) => `${download.with!.path}/${String(upload.with!.name).replace(/\$\{\{\s*matrix\.shard\s*\}\}/, String(k))}`));
  assert.ok(new RegExp(`^${String(download.with!.pattern).replace('*', '.*')}$`).test(`conformance-shard-1`));

  const out = values['report-dir']!;
  const junit = reportJob[1].steps.find((s) => s.with?.report_paths)!;
  assert.is(junit.with!.report_paths, `${out}/${REPORTERS.junit.file}`);
  assert.is(junit.if, 'always()');
  const kept = reportJob[1].steps.filter((s) => s.uses?.startsWith('actions/upload-artifact@')).map((s) => String(s.with!.path));
  assert.ok(kept.some((p) => p.split('\n').includes(`${out}/${REPORTERS.html.file}`)), kept.join(' | '));
});

test.run();
