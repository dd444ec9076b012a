// Ctrl-C during record, verify or diff: the run stops between cases and deletes the stores it made,
// then the command says that nothing was written; a second signal stops at once.
import { TargetUnreachableError } from '../runConformance.ts';
import { EXIT_USAGE } from '../usage.ts';
export interface Interrupt {
  readonly signal: AbortSignal;
  readonly interrupted: () => boolean;
  release(): void;
}

export function onInterrupt(command: string): Interrupt {
  const abort = new AbortController();
  let signals = 0;
  const handler = () => {
    if (++signals > 1) {
      process.stderr.write(`\nomics-conformance ${command}: interrupted again; stopping without finishing the cleanup (stores this run made may be left)\n`);
      process.exit(130);
    }
    process.stderr.write(`\nomics-conformance ${command}: interrupted; deleting the stores this run made (interrupt again to stop at once)\n`);
    abort.abort();
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  return {
    signal: abort.signal,
    interrupted: () => signals > 0,
    release: () => {
      process.off('SIGINT', handler);
      process.off('SIGTERM', handler);
    },
  };
}

/**
 * Runs a command's work with Ctrl-C handled as above: a target that cannot be reached is one line
 * and exit 2 (`clearLine`: the progress line on stderr is wiped first).
 */
export async function interruptible(command: string, work: (interrupt: Interrupt) => Promise<number>, clearLine = false): Promise<number> {
  const interrupt = onInterrupt(command);
  try {
    return await work(interrupt);
  } catch (err) {
    if (clearLine) process.stderr.write('\r\x1b[2K');
    if (!(err instanceof TargetUnreachableError)) throw err;
    console.error(`omics-conformance ${command}: ${err.message}`);
    return EXIT_USAGE;
  } finally {
    interrupt.release();
  }
}
