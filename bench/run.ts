// npm run bench [name…]: runs each bench/<name>.ts (its exported run()) in turn and prints its figures.
// Goals are ratios measured side by side in one run; nothing here fails a build.
import { readdirSync } from 'node:fs';

// The SDK warns once per process that its 2027 releases need Node 22; the project runs on Node 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const available = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.startsWith('_'))
  .map((f) => f.slice(0, -3))
  .sort();
const wanted = process.argv.slice(2);
const unknown = wanted.filter((w) => !available.includes(w));
if (unknown.length) {
  console.error(`bench: no bench named ${unknown.join(', ')}. Available: ${available.join(', ')}.`);
  process.exit(2);
}

for (const name of wanted.length ? wanted : available) {
  const module = (await import(`./${name}.ts`)) as { run?: () => Promise<void> };
  if (typeof module.run !== 'function') continue;
  console.log(`\n== bench/${name}.ts`);
  await module.run();
}
