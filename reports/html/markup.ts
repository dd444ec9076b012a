// HTML built by a tagged template that escapes every value it is given: text from a report never
// becomes markup. Only `Html` values (markup built here, or a constant wrapped with `trusted`) go in as they are.
export class Html {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

/** A constant of this project's own (the style sheet, the script), never text from a report. */
export function trusted(text: string): Html {
  return new Html(text);
}

function piece(value: unknown): string {
  if (value instanceof Html) return value.text;
  if (Array.isArray(value)) return value.map(piece).join('');
  if (value === undefined || value === null || value === false) return '';
  return escapeHtml(String(value));
}

export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0]!;
  values.forEach((v, i) => (out += piece(v) + strings[i + 1]!));
  return new Html(out);
}

// C0 controls other than tab and line breaks, and DEL: shown as escapes, so a raw body stays legible.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Raw text (a body, a header) with its invisible control characters written as `\u00XX`. */
export function visible(text: string): string {
  return text.replace(CONTROL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** A value as indented JSON (Dates as ISO strings); `undefined` written out. */
export function json(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'undefined';
}
