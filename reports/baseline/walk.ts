// Walking a JSON value: every string with the member name it is under, and a copy with every string mapped.
import type { Json } from './callView.ts';

export const asObject = (v: Json | undefined): { [key: string]: Json } | undefined => (v !== null && v !== undefined && typeof v === 'object' && !Array.isArray(v) ? v : undefined);

export function visit(node: Json | undefined, key: string | undefined, at: (key: string | undefined, value: string) => void): void {
  if (typeof node === 'string') at(key, node);
  else if (Array.isArray(node)) for (const item of node) visit(item, key, at);
  else if (node !== null && typeof node === 'object') for (const [k, v] of Object.entries(node)) visit(v, k, at);
}

export function mapStrings(node: Json, f: (text: string) => string): Json {
  if (typeof node === 'string') return f(node);
  if (Array.isArray(node)) return node.map((item) => mapStrings(item, f));
  if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, mapStrings(v, f)]));
  return node;
}
