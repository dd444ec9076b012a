// The exit code of verify and diff, from their report's outcome.
import type { DifferenceReport } from '../../reports/differences/report.ts';
import { EXIT_FAILED, EXIT_OK, EXIT_USAGE } from '../usage.ts';

export function exitCodeOf(report: DifferenceReport, command: string, interrupted: boolean): number {
  if (interrupted) return EXIT_FAILED;
  switch (report.outcome) {
    case 'same':
      return EXIT_OK;
    case 'nothing-compared':
      console.error(`omics-conformance ${command}: nothing was compared: no case ran on both sides (the report says why each was not)`);
      return EXIT_USAGE;
    default:
      return EXIT_FAILED;
  }
}
