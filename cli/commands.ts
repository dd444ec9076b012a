// The command table: each entry loads its module only when it runs.
export interface Command {
  readonly summary: string;
  readonly load: () => Promise<{ main: (argv: string[]) => Promise<number> }>;
}

export const commands: Readonly<Record<string, Command>> = {
  run: {
    summary: 'run the conformance suites against a target and write reports',
    load: () => import('./commands/run.ts'),
  },
  mutate: {
    summary: 'prove the harness: the suites against every mutant and benign variant of the emulator, a kill matrix',
    load: () => import('./commands/mutate.ts'),
  },
  record: {
    summary: 'run a seeded selection of cases against a target and write what it did as a normalised baseline',
    load: () => import('./commands/record.ts'),
  },
  verify: {
    summary: 'run a baseline\'s cases again on a target and report every difference by JSON path',
    load: () => import('./commands/verify.ts'),
  },
  diff: {
    summary: 'run the same seeded cases on two targets at once and report every difference by JSON path',
    load: () => import('./commands/diff.ts'),
  },
  report: {
    summary: 'write a report again in every format (render), or combine the reports of --shard runs into one (merge)',
    load: () => import('./commands/report.ts'),
  },
  emulator: { summary: 'serve the reference HealthOmics emulator over HTTP', load: () => import('./commands/emulator.ts') },
  drift: {
    summary: 'compare the contract in specs/ with an official model file (botocore or Smithy JSON)',
    load: () => import('./commands/drift.ts'),
  },
};
