// A stratified sample of the catalogue, for a quick proof (CI): for every check some mutant must
// catch, the cheapest mutant that declares it; one mutant of every layer; every benign variant.
import { LAYERS, type CatalogueEntry, type Mutant } from '../../emulator/mutants/catalogue.ts';

/** Fewer suites and fewer operations run faster. */
const cost = (m: Mutant) => m.suites.length * 10 + (m.operations?.length ?? 8);

export function stratifiedSample(entries: readonly CatalogueEntry[], checkIds: readonly string[]): CatalogueEntry[] {
  const mutants = entries.filter((e): e is Mutant => e.kind === 'mutant');
  const chosen = new Set<string>();
  const cheapest = (candidates: Mutant[]) => [...candidates].sort((a, b) => cost(a) - cost(b))[0];
  for (const id of checkIds) {
    if (mutants.some((m) => chosen.has(m.id) && m.catches.includes(id))) continue;
    const pick = cheapest(mutants.filter((m) => m.catches.includes(id)));
    if (pick) chosen.add(pick.id);
  }
  for (const layer of LAYERS) {
    if (mutants.some((m) => chosen.has(m.id) && m.layer === layer)) continue;
    const pick = cheapest(mutants.filter((m) => m.layer === layer));
    if (pick) chosen.add(pick.id);
  }
  return entries.filter((e) => e.kind === 'variant' || chosen.has(e.id));
}
