// The contract lives in specs/ alone: no other source file writes one of its constraint numbers,
// patterns, enum values, paths or distinctive error statuses. The list of literals is derived from
// specs/ itself, so a new constraint is guarded as soon as it is added.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { errors, operations, type Shape } from '../../specs/index.ts';
import { projectRoot } from '../support/paths.ts';

const literals = suite('specs: no contract literal outside specs/');

const SOURCE_DIRS = ['generators', 'targets', 'suites', 'reports', 'emulator', 'cli', 'bench'];
// Small and round numbers are everywhere in code (0, 1, 10, 100, 1024); the distinctive bounds are what a copy would show.
const COMMON_NUMBERS = new Set([0, 1, 2, 10, 12, 20, 100, 1024]);
// Statuses an HTTP server uses for its own, unmodelled errors as well.
const GENERIC_STATUSES = new Set([400, 403, 404, 500]);

function contractLiterals(): { numbers: Set<number>; strings: Set<string> } {
  const numbers = new Set<number>();
  const strings = new Set<string>();
  const visit = (shape: Shape): void => {
    const add = (b?: { min?: number; max?: number }) => [b?.min, b?.max].forEach((n) => n !== undefined && !COMMON_NUMBERS.has(n) && numbers.add(n));
    if (shape.type === 'string') {
      add(shape.length);
      if (shape.pattern) strings.add(shape.pattern);
      shape.enum?.forEach((v) => strings.add(v));
    }
    if (shape.type === 'integer') add(shape.range);
    if (shape.type === 'list') (add(shape.length), visit(shape.member));
    if (shape.type === 'map') (add(shape.length), visit(shape.key), visit(shape.value));
    if (shape.type === 'structure') for (const m of Object.values(shape.members)) (add(m.documented?.length), visit(m.target));
    if (shape.type === 'structure') for (const m of Object.values(shape.members)) if (m.documented?.default) strings.add(m.documented.default);
  };
  for (const op of Object.values(operations)) {
    visit(op.input);
    visit(op.output);
    strings.add(op.http.uri);
    strings.add(op.http.hostPrefix);
  }
  for (const e of Object.values(errors)) if (!GENERIC_STATUSES.has(e.httpStatus)) numbers.add(e.httpStatus);
  return { numbers, strings };
}

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return name.endsWith('.ts') ? [path] : [];
  });
}

/** Code lines only: comment lines do not count. */
function codeLines(text: string): string[] {
  return text.split('\n').map((line) => {
    const t = line.trim();
    return t.startsWith('//') || t.startsWith('*') || t.startsWith('/*') ? '' : line;
  });
}

literals('source files outside specs/ and test/ write no contract literal', () => {
  const { numbers, strings } = contractLiterals();
  const found: string[] = [];
  for (const file of SOURCE_DIRS.flatMap((d) => sourceFiles(join(projectRoot, d)))) {
    codeLines(readFileSync(file, 'utf8')).forEach((line, i) => {
      const where = `${relative(projectRoot, file)}:${i + 1}`;
      for (const s of strings) {
        if (line.includes(`'${s}'`) || line.includes(`"${s}"`) || line.includes(`\`${s}\``)) found.push(`${where} writes '${s}'`);
      }
      for (const n of numbers) {
        if (new RegExp(`(?<![\\w.$])${n}(?![\\w.])`).test(line.replace(/'[^']*'|"[^"]*"/g, "''"))) found.push(`${where} writes ${n}`);
      }
    });
  }
  assert.equal(found, [], `derive these from specs/ instead:\n${found.join('\n')}`);
});

literals('no source file outside specs/ matches Unicode properties with the runtime\'s RegExp (\\p{…} depends on the Node.js version)', () => {
  const found: string[] = [];
  for (const file of SOURCE_DIRS.flatMap((d) => sourceFiles(join(projectRoot, d)))) {
    codeLines(readFileSync(file, 'utf8')).forEach((line, i) => {
      // A regex literal with \p{…}, or a RegExp built from a string that holds one (messages may name it).
      const literal = /\\[pP]\{/.test(line.replace(/'[^']*'|"[^"]*"|`[^`]*`/g, "''"));
      const built = /RegExp\(/.test(line) && /\\[pP]\{/.test(line);
      if (literal || built) found.push(`${relative(projectRoot, file)}:${i + 1}`);
    });
  }
  assert.equal(found, [], `judge characters with specs/unicode (pinnedCharClass, generalCategory) instead:\n${found.join('\n')}`);
});

literals('the guard knows the contract: it would catch a copied bound, pattern and enum value', () => {
  const { numbers, strings } = contractLiterals();
  for (const n of [127, 128, 255, 256, 50, 402, 429]) assert.ok(numbers.has(n), String(n));
  for (const s of ['MD5up', 'KMS', 'ACTIVE', '/sequencestore', 'control-storage-']) assert.ok(strings.has(s), s);
});

literals.run();
