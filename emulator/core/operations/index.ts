import type { OperationName } from '../../../specs/index.ts';
import type { Handler } from './context.ts';
import { createSequenceStore } from './createSequenceStore.ts';
import { deleteSequenceStore } from './deleteSequenceStore.ts';
import { getSequenceStore } from './getSequenceStore.ts';
import { listSequenceStores } from './listSequenceStores.ts';
import { listTagsForResource, tagResource, untagResource } from './tags.ts';
import { updateSequenceStore } from './updateSequenceStore.ts';

export const handlers: Readonly<Record<OperationName, Handler>> = {
  CreateSequenceStore: createSequenceStore,
  GetSequenceStore: getSequenceStore,
  ListSequenceStores: listSequenceStores,
  UpdateSequenceStore: updateSequenceStore,
  DeleteSequenceStore: deleteSequenceStore,
  TagResource: tagResource,
  UntagResource: untagResource,
  ListTagsForResource: listTagsForResource,
};
