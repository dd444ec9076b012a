// Ctrl-C during record, verify or diff: the run stops between cases and deletes the stores it made,
// then the command says that nothing was written; a second signal stops at once.
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
