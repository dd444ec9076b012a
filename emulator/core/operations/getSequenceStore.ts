import { operations } from '../../../specs/index.ts';
import { project, storeView } from '../storeRecord.ts';
import { requireStore, type Handler } from './context.ts';

export const getSequenceStore: Handler = (input, context) =>
  project(storeView(requireStore(context, input.id as string), context.now), operations.GetSequenceStore.output);
