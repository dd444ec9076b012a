// omics-conformance drift --model FILE [--json]
import { describeDrift, driftFromModelFile, ModelFileError } from '../../specs/drift/index.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE, parseOptions, UsageError } from '../usage.ts';

const HELP = `Usage: omics-conformance drift --model FILE [--json]

Compares the contract in specs/ with an official model file of the Omics service: a botocore
service-2.json or a Smithy JSON AST, plain or gzip-compressed. Reports, for the eight sequence-store
operations, every member added or removed, required-ness, constraints (length, pattern, range, enum,
list/map size), errors and their status/fault/retry, and HTTP bindings.

Options:
  --model FILE  the model file to compare with
  --json        print the differences as JSON
  -h, --help    this text

Exit codes: 0 no drift, 1 drift, 2 unreadable or unknown file, or bad usage.`;

export async function main(argv: string[]): Promise<number> {
  const values = parseOptions('drift', argv, { model: { type: 'string' }, json: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    console.log(HELP);
    return EXIT_OK;
  }
  if (!values.model) throw new UsageError('drift: --model FILE is required. See drift --help.');

  let report;
  try {
    report = driftFromModelFile(values.model);
  } catch (err) {
    if (err instanceof ModelFileError) {
      console.error(`omics-conformance drift: ${err.message}`);
      return EXIT_USAGE;
    }
    throw err;
  }

  if (values.json) {
    console.log(JSON.stringify(report, null, 2));
  } else if (report.drift.length === 0) {
    console.log(`No drift: specs/ matches ${report.model} (${report.format}) for the eight sequence-store operations.`);
  } else {
    console.log(`Drift between specs/ and ${report.model} (${report.format}):`);
    for (const d of report.drift) console.log(`  - ${describeDrift(d)}`);
    console.log(`${report.drift.length} difference${report.drift.length === 1 ? '' : 's'}. Update specs/ where the model is right.`);
  }
  return report.drift.length === 0 ? EXIT_OK : EXIT_FAILED;
}
