// Unicode general categories: the two-letter codes the contract's `\p{…}` classes name, and the
// property names the pinned Unicode data packages file them under.

/** Every leaf general category, by its two-letter code; `Cn` (unassigned) first. */
export const GENERAL_CATEGORIES = {
  Cn: 'Unassigned',
  Lu: 'Uppercase_Letter',
  Ll: 'Lowercase_Letter',
  Lt: 'Titlecase_Letter',
  Lm: 'Modifier_Letter',
  Lo: 'Other_Letter',
  Mn: 'Nonspacing_Mark',
  Mc: 'Spacing_Mark',
  Me: 'Enclosing_Mark',
  Nd: 'Decimal_Number',
  Nl: 'Letter_Number',
  No: 'Other_Number',
  Pc: 'Connector_Punctuation',
  Pd: 'Dash_Punctuation',
  Ps: 'Open_Punctuation',
  Pe: 'Close_Punctuation',
  Pi: 'Initial_Punctuation',
  Pf: 'Final_Punctuation',
  Po: 'Other_Punctuation',
  Sm: 'Math_Symbol',
  Sc: 'Currency_Symbol',
  Sk: 'Modifier_Symbol',
  So: 'Other_Symbol',
  Zs: 'Space_Separator',
  Zl: 'Line_Separator',
  Zp: 'Paragraph_Separator',
  Cc: 'Control',
  Cf: 'Format',
  Cs: 'Surrogate',
  Co: 'Private_Use',
} as const;

export type GeneralCategory = keyof typeof GENERAL_CATEGORIES;

export const categoryCodes = Object.keys(GENERAL_CATEGORIES) as GeneralCategory[];

/** Whether `category` is named by a `\p{…}` value: a leaf code (`Lu`) or a major class (`L`). */
export function inCategoryClass(category: GeneralCategory, name: string): boolean {
  return name.length === 1 ? category.startsWith(name) : category === name;
}
