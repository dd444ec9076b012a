// A worker thread of `mutate`: takes jobs (entry id, seed) from the parent, answers each with its run.
import { parentPort } from 'node:worker_threads';
import { catalogue } from '../../emulator/mutants/catalogue.ts';
import { runEntry } from './runEntry.ts';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const byId = new Map(catalogue().map((e) => [e.id, e]));

parentPort!.on('message', async (job: { id: string; seed: number; runs: number }) => {
  try {
    const entry = byId.get(job.id);
    if (!entry) throw new Error(`no catalogue entry ${job.id}`);
    parentPort!.postMessage({ ok: true, run: await runEntry(entry, job.seed, job.runs) });
  } catch (error) {
    parentPort!.postMessage({ ok: false, id: job.id, seed: job.seed, error: error instanceof Error ? error.message : String(error) });
  }
});
