// omics-conformance run: the conformance runner. It arrives with the runner issue (targets, the
// runner and the first suites); until then the command says so and exits 2.
import { EXIT_USAGE } from '../usage.ts';

export async function main(_argv: string[]): Promise<number> {
  console.error(
    'omics-conformance run: not yet available — the conformance runner (targets, suites, reports) is the next piece of work. ' +
      'Available now: `omics-conformance drift` and the contract in specs/.',
  );
  return EXIT_USAGE;
}
