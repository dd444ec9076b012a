// Rules no JSON request can break, and why. Coverage counts them as covered on the invalid side.
import type { Rule } from '../../specs/index.ts';
import { shapeAt } from './paths.ts';

export function unviolable(rule: Rule): string | undefined {
  if (rule.rule === 'type' && rule.path.endsWith('.<key>')) return 'JSON object keys are always strings';
  if (rule.rule === 'type') {
    const { shape, top } = shapeAt(rule.operation, rule.path);
    // A path or query value arrives as text: only a number member can be sent a text that is no number.
    if (top.location !== undefined && shape.type !== 'integer') return 'a path or query value has no JSON type on the wire: it is always text';
  }
  if (rule.rule === 'length.min' && typeof rule.value === 'number' && rule.value <= 0) return 'a length cannot be below 0';
  return undefined;
}
