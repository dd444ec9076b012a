// Lifecycle checks: the suite runs command sequences itself and reports each sequence's outcome
// under the check whose promise it tested, so every check here is run by hand (check() is empty).
import { behaviours, errors, operations, service } from '../../specs/index.ts';
import type { Check } from '../types.ts';

const SUITE = 'lifecycle';
const statusRule = behaviours.find((b) => b.id === 'store.status-transitions');

export const modelAgreesCheck: Check = {
  id: 'lifecycle.model-agrees',
  suite: SUITE,
  level: 'MUST',
  spec: 'model: the input and output shapes of the eight operations; a store reads back as it was created, updated and tagged',
  title: 'After each command of a sequence the target agrees with a model of the run\'s stores',
  check: () => [],
};

export const statusTransitionsCheck: Check = {
  id: 'lifecycle.status-transitions',
  suite: SUITE,
  level: statusRule?.level ?? 'SHOULD',
  spec: statusRule?.source ?? `model ${service.namespace}#SequenceStoreStatus`,
  title: 'A store\'s status moves only along legal transitions and leaves transitional statuses within the wait',
  check: () => [],
};

export const deletedIsGoneCheck: Check = {
  id: 'lifecycle.deleted-is-gone',
  suite: SUITE,
  level: 'MUST',
  spec: `model ${service.namespace}#${operations.DeleteSequenceStore.name}: a deleted store is gone; ${operations.GetSequenceStore.name} answers ${errors.ResourceNotFoundException.name}`,
  title: 'A deleted store is gone from GetSequenceStore (not found) and from ListSequenceStores',
  check: () => [],
};

export const paginationCompleteCheck: Check = {
  id: 'lifecycle.pagination-complete',
  suite: SUITE,
  level: 'MUST',
  spec: `model ${service.namespace}#${operations.ListSequenceStores.name} (paginated: nextToken, maxResults)`,
  title: 'Paging through ListSequenceStores never loses or repeats a store, even while stores come and go',
  check: () => [],
};

export const lifecycleChecks: readonly Check[] = [modelAgreesCheck, statusTransitionsCheck, deletedIsGoneCheck, paginationCompleteCheck];
