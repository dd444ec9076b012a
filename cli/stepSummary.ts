// On GitHub Actions, GITHUB_STEP_SUMMARY names a file whose Markdown the job's page shows: a command
// that wrote summary.md appends it there.
import { appendFile, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { REPORTERS } from '../reports/reporters.ts';

/** Appends the summary.md among `files` to $GITHUB_STEP_SUMMARY; the file appended to, if any. */
export async function appendStepSummary(files: readonly string[], env: NodeJS.ProcessEnv = process.env): Promise<string | undefined> {
  const target = env.GITHUB_STEP_SUMMARY;
  const summary = files.find((f) => basename(f) === REPORTERS.md.file);
  if (!target || !summary) return undefined;
  await appendFile(target, `${await readFile(summary, 'utf8')}\n`);
  return target;
}
