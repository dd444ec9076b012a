// How a difference's values and counts read in the text formats (Markdown, console): short, one line.
import type { DifferenceReport } from './report.ts';

const LONGEST = 120;

/** A value as one line of JSON, cut to a readable length; `(absent)` where a side has nothing. */
export function valueText(value: unknown, longest = LONGEST): string {
  if (value === undefined) return '(absent)';
  const text = JSON.stringify(value);
  return [...text].length > longest ? `${[...text].slice(0, longest - 1).join('')}…` : text;
}

export function sideLabel(report: DifferenceReport, side: 'a' | 'b'): string {
  return report.sides[side].role;
}

/** `2 differences (1 error name, 1 output member), 1 accepted, 1 stale, 3 cases skipped`. */
export function countsLine(report: DifferenceReport): string {
  const s = report.summary;
  const kinds = Object.entries(s.byKind).map(([k, n]) => `${n} ${k}`);
  const parts = [
    `${s.compared} case${s.compared === 1 ? '' : 's'} compared`,
    `${s.differences} difference${s.differences === 1 ? '' : 's'}${kinds.length ? ` (${kinds.join(', ')})` : ''}`,
    s.accepted ? `${s.accepted} accepted` : '',
    s.stale ? `${s.stale} stale` : '',
    s.skipped ? `${s.skipped} skipped` : '',
  ].filter(Boolean);
  return parts.join(', ');
}

/** Skip reasons with how many cases each. */
export function skipReasons(report: DifferenceReport): [string, number][] {
  const counts = new Map<string, number>();
  for (const s of report.skipped) counts.set(s.reason, (counts.get(s.reason) ?? 0) + 1);
  return [...counts.entries()];
}
