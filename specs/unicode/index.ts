// Unicode character data pinned to a window of versions, so the contract's `\p{…}` classes are
// judged the same on every Node.js.
export * from './categories.ts';
export * from './characters.ts';
export * from './charClass.ts';
