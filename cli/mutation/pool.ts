// Runs catalogue entries over seeds in worker threads, as many as asked (the cores by default).
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { EntryRun } from './runEntry.ts';

export interface Job {
  readonly id: string;
  readonly seed: number;
  readonly runs: number;
}

export type JobResult = { readonly ok: true; readonly run: EntryRun } | { readonly ok: false; readonly id: string; readonly seed: number; readonly error: string };

export const DEFAULT_JOBS = availableParallelism();

/** Every job's result, in the order of `jobs`; `onResult` as each comes. A worker that dies fails its job, not the pool. */
export async function runPool(jobs: readonly Job[], workers: number, onResult?: (r: JobResult) => void): Promise<JobResult[]> {
  const results: JobResult[] = new Array(jobs.length);
  let next = 0;
  const work = () =>
    new Promise<void>((resolve) => {
      const worker = new Worker(new URL('./worker.js', import.meta.url));
      let current = -1;
      const take = () => {
        if (next >= jobs.length) {
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage(jobs[current]);
      };
      worker.on('message', (r: JobResult) => {
        results[current] = r;
        onResult?.(r);
        take();
      });
      worker.on('error', (error) => {
        const job = jobs[current];
        if (job) {
          const r: JobResult = { ok: false, id: job.id, seed: job.seed, error: `the worker died: ${error.message}` };
          results[current] = r;
          onResult?.(r);
        }
        resolve(work());
      });
      take();
    });
  await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, work));
  return results;
}
