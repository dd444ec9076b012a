// TagResource merges, UntagResource removes, ListTagsForResource lists; a resource carries at most
// the documented number of tags.
import { ServiceError } from '../serviceError.ts';
import { storeByArn, type Handler } from './context.ts';

export const tagResource: Handler = (input, context) => {
  const store = storeByArn(context, input.resourceArn as string);
  const given = input.tags as Record<string, string>;
  const merged = { ...store.tags, ...given };
  const max = context.config.behaviour.maxTagsPerResource;
  const count = Object.keys(merged).length;
  if (max !== undefined && count > max) {
    throw new ServiceError('ValidationException', `tags: a resource can carry at most ${max} tags; this request would give it ${count}`);
  }
  store.tags = merged;
  return {};
};

export const untagResource: Handler = (input, context) => {
  const store = storeByArn(context, input.resourceArn as string);
  const tags = { ...store.tags };
  for (const key of input.tagKeys as string[]) delete tags[key];
  store.tags = tags;
  return {};
};

export const listTagsForResource: Handler = (input, context) => ({ tags: { ...storeByArn(context, input.resourceArn as string).tags } });
