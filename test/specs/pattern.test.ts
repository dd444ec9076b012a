import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { SequenceStoreName, matchesPattern, validateInput, codePointLength } from '../../specs/index.ts';

const printable = suite('specs: the printable-Unicode pattern of name, description and clientToken');
const pattern = SequenceStoreName.pattern!;

const accepted: Record<string, string> = {
  'Latin with spaces': 'my store 1',
  Cyrillic: 'хранилище',
  Greek: 'αποθήκη',
  Han: '序列存储',
  Japanese: 'シーケンス・ストア',
  Arabic: 'مخزن التسلسل',
  Hebrew: 'מאגר',
  Devanagari: 'अनुक्रम भंडार',
  Thai: 'ที่เก็บ',
  'combining marks (e + U+0301, Devanagari signs)': 'e\u0301\u0902',
  'a lone combining mark': '\u0301',
  'no-break space U+00A0 (Zs)': 'a\u00a0b',
  'ideographic space U+3000 (Zs)': 'a\u3000b',
  'line separator U+2028 (Zl)': 'a\u2028b',
  'paragraph separator U+2029 (Zp)': 'a\u2029b',
  'emoji (So, astral, Unicode 6.1)': '😀🚀',
  'vertical bar (Sm)': '|',
  'currency and maths symbols': '€$+<=>^`~',
  punctuation: '!"#%&\'()*,-./:;?@[\\]_{}',
  'digits of other scripts': '٣٤٥०१२',
  'Roman numeral (Nl)': 'Ⅻ',
};

const rejected: Record<string, string> = {
  'empty string': '',
  'NUL (Cc)': 'a\u0000b',
  'tab (Cc)': 'a\tb',
  'newline (Cc)': 'a\nb',
  'DEL (Cc)': 'a\u007fb',
  'C1 control U+0085 (Cc)': 'a\u0085b',
  'C1 control U+009F (Cc)': 'a\u009fb',
  'zero-width space U+200B (Cf)': 'a\u200bb',
  'soft hyphen U+00AD (Cf)': 'a\u00adb',
  'byte-order mark U+FEFF (Cf)': '\ufeffa',
  'right-to-left mark U+200F (Cf)': 'a\u200f',
  'lone high surrogate': 'a\ud800',
  'lone low surrogate': '\udc00a',
  'private use U+E000 (Co)': 'a\ue000',
  'supplementary private use U+F0000 (Co)': 'a\u{f0000}',
  'unassigned U+0378 (Cn)': 'a\u0378',
  'noncharacter U+FFFF (Cn)': 'a\uffff',
};

for (const [label, value] of Object.entries(accepted)) {
  printable(`accepts ${label}`, () => assert.ok(matchesPattern(pattern, value), JSON.stringify(value)));
}
for (const [label, value] of Object.entries(rejected)) {
  printable(`rejects ${label}`, () => assert.not.ok(matchesPattern(pattern, value), JSON.stringify(value)));
}

printable('validateInput reports a control character in name as a pattern violation', () => {
  const violations = validateInput('CreateSequenceStore', { name: 'bad\u0007name' });
  assert.equal(violations.map((v) => [v.path, v.rule, v.level]), [['name', 'pattern', 'MUST']]);
});

printable('lengths count code points, so 127 emoji make a name of maximal length', () => {
  const name = '😀'.repeat(127);
  assert.is(codePointLength(name), 127);
  assert.equal(validateInput('CreateSequenceStore', { name }), []);
  assert.equal(validateInput('CreateSequenceStore', { name: name + '😀' }).map((v) => v.rule), ['length.max']);
});

printable.run();
