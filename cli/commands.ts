// The command table: each entry loads its module only when it runs.
export interface Command {
  readonly summary: string;
  readonly load: () => Promise<{ main: (argv: string[]) => Promise<number> }>;
}

export const commands: Readonly<Record<string, Command>> = {
};
