// A finding entry as plain text, for the formats that show it outside report.json (JUnit, Markdown):
// what was found and how often, and how to see it again.
import type { ReportedCheck, ReportedFinding } from './report.ts';

/** The message, with the number of cases the entry stands for. */
export function countedMessage(f: ReportedFinding): string {
  return `${f.message}${f.count > 1 ? ` (×${f.count})` : ''}`;
}

/** The message on one line, cut to `max` characters. */
export function oneLine(text: string, max = 240): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

const json = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Every line a person needs to understand and reproduce one failure entry. */
export function failureLines(f: ReportedFinding): string[] {
  return [
    countedMessage(f),
    ...(f.expected !== undefined ? [`expected: ${json(f.expected)}`] : []),
    ...(f.received !== undefined ? [`received: ${json(f.received)}`] : []),
    ...(f.hint ? [`fix: ${f.hint}`] : []),
    `replay: ${f.replay}`,
    `run again: ${f.replayCommand}`,
    `reproduce: ${f.reproduction.awsCli}`,
  ];
}

/** `… 3 more kinds (report.json lists 20)` when a check has entries the text does not show. */
export function moreEntries(c: ReportedCheck, kind: 'failed' | 'warnings' | 'observed', shown: number): string | undefined {
  const entries = c.entries[kind];
  const listed = kind === 'failed' ? c.failures.length : c[kind].length;
  if (entries <= shown) return undefined;
  const more = entries - shown;
  return `… ${more} more kind${more === 1 ? '' : 's'} (report.json lists ${listed})`;
}
