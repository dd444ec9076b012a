// The pinned Unicode table: exactly what specs/unicode/buildTable.ts derives from the pinned
// @unicode/unicode-<version> packages, and the kinds it gives are those the packages give.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { buildTable, pinnedDataVersions, renderTable } from '../../specs/unicode/buildTable.ts';
import { categoryHistory, GENERAL_CATEGORIES, pinnedCharClass, PRINTABLE_UNICODE_PATTERN, unicodeVersions, type CharKind } from '../../specs/index.ts';
import { projectRoot } from '../support/paths.ts';
import { testIf } from '../support/skip.ts';

const table = suite('specs/unicode: the pinned character table');
const installed = existsSync(join(projectRoot, 'node_modules', '@unicode', `unicode-${unicodeVersions[0]}.0`));
const withPackages = testIf(table, installed, 'the @unicode/unicode-<version> dev dependencies are not installed (npm ci)');
const printable = pinnedCharClass(PRINTABLE_UNICODE_PATTERN)!;

table('the window runs from 6.1 (older than Java 8\'s 6.2) to the newest data, oldest first', () => {
  assert.is(unicodeVersions[0], '6.1');
  assert.ok(unicodeVersions.includes('6.2') && unicodeVersions.includes('15.1') && unicodeVersions.includes('17.0'));
  const key = (v: string) => v.split('.').map(Number);
  for (let i = 1; i < unicodeVersions.length; i++) {
    const [a, b] = [key(unicodeVersions[i - 1]!), key(unicodeVersions[i]!)];
    assert.ok(a[0]! < b[0]! || (a[0] === b[0] && a[1]! < b[1]!), `${unicodeVersions[i - 1]} before ${unicodeVersions[i]}`);
  }
});

table('the printable class: known kinds of known characters', () => {
  const expected: Array<[number, CharKind]> = [
    [0x41, 'stable-allowed'],
    [0x7c, 'stable-allowed'], // `|`, Sm, and also literal in the class
    [0x4e00, 'stable-allowed'],
    [0x1f600, 'stable-allowed'],
    [0x20c1, 'version-dependent'], // Sc from 17.0
    [0x20ba, 'version-dependent'], // Turkish lira sign, 6.2
    [0x180e, 'version-dependent'], // Zs until 6.2, Cf from 6.3
    [0x1f9ec, 'version-dependent'], // 🧬, 10.0
    [0x07, 'stable-refused'],
    [0xe000, 'stable-refused'],
    [0xd800, 'stable-refused'],
    [0x200b, 'stable-refused'],
    [0x10ffff, 'stable-refused'],
  ];
  for (const [cp, kind] of expected) assert.is(printable.kind(cp), kind, `U+${cp.toString(16)}: ${categoryHistory(cp).join(' ')}`);
});

withPackages('the committed table is what buildTable derives from the pinned packages (npm run unicode-table)', async () => {
  const versions = await pinnedDataVersions();
  assert.equal(versions.map((v) => v.replace(/\.0$/, '')), [...unicodeVersions], 'package.json and the table name the same versions');
  const committed = readFileSync(join(projectRoot, 'specs', 'unicode', 'table.ts'), 'utf8');
  assert.ok(committed === renderTable(await buildTable()), 'specs/unicode/table.ts is stale: run npm run unicode-table');
});

withPackages('kinds of 600 code points agree with the packages read directly', () => {
  // Every 1867th code point, plus the edges of a few ranges, read against each version's package.
  const sample = [...Array.from({ length: 600 }, (_, i) => (i * 1867) % 0x110000), 0x20c0, 0x20c1, 0x20ba, 0x180e, 0x9fcc, 0x9fcd, 0x9fff];
  return Promise.all(
    unicodeVersions.map(async (v) => {
      const admitted = new Set<number>();
      for (const [code, property] of Object.entries(GENERAL_CATEGORIES)) {
        if (!'LMZSNP'.includes(code[0]!)) continue;
        const ranges = ((await import(`@unicode/unicode-${v}.0/General_Category/${property}/ranges.mjs`)) as { default: Array<{ begin: number; end: number }> }).default;
        for (const cp of sample) if (ranges.some((r) => r.begin <= cp && cp < r.end)) admitted.add(cp);
      }
      return admitted;
    }),
  ).then((perVersion) => {
    for (const cp of sample) {
      const inVersions = perVersion.map((set) => set.has(cp) || cp === 0x7c);
      const kind: CharKind = inVersions.every(Boolean) ? 'stable-allowed' : inVersions.some(Boolean) ? 'version-dependent' : 'stable-refused';
      assert.is(printable.kind(cp), kind, `U+${cp.toString(16)}`);
      unicodeVersions.forEach((v, i) => assert.is(printable.allowedIn(cp, v), inVersions[i], `U+${cp.toString(16)} in ${v}`));
    }
  });
});

table.run();
