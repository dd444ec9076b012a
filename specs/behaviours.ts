// What the documentation and the model's resource traits say that the operation shapes do not.
import { operations } from './operations.ts';
import { service } from './service.ts';
import type { Level } from './types.ts';

export interface Behaviour {
  readonly id: string;
  readonly level: Level;
  readonly source: string;
  readonly statement: string;
}

/** `aws.api#arn` template of the SequenceStoreResource. */
export const SEQUENCE_STORE_ARN_TEMPLATE = 'sequenceStore/{sequenceStoreId}';

export function sequenceStoreArn(partition: string, region: string, account: string, id: string): string {
  return `arn:${partition}:${service.arnNamespace}:${region}:${account}:${SEQUENCE_STORE_ARN_TEMPLATE.replace('{sequenceStoreId}', id)}`;
}

/** The parts of a sequence-store ARN, or undefined when the value is not one. */
export function parseSequenceStoreArn(arn: string): { partition: string; region: string; account: string; id: string } | undefined {
  const parts = arn.split(':');
  if (parts.length !== 6 || parts[0] !== 'arn' || parts[2] !== service.arnNamespace) return undefined;
  const [, partition, , region, account, resource] = parts as [string, string, string, string, string, string];
  const prefix = SEQUENCE_STORE_ARN_TEMPLATE.replace('{sequenceStoreId}', '');
  if (!resource.startsWith(prefix)) return undefined;
  return { partition, region, account, id: resource.slice(prefix.length) };
}

/** The AWS account id form used in ARNs. */
export const ACCOUNT_ID_LENGTH = 12;

/** The values of the SequenceStoreStatus enum by the part they play in a store's life. */
export const storeStatus = {
  creating: 'CREATING',
  active: 'ACTIVE',
  updating: 'UPDATING',
  deleting: 'DELETING',
  failed: 'FAILED',
} as const;

/** Statuses a store leaves on its own: a client waits them out. */
export const transitionalStatuses: readonly string[] = [storeStatus.creating, storeStatus.updating, storeStatus.deleting];

/** Store status moves, as the status enum and the documentation of each operation describe them. */
export const statusTransitions: Readonly<Record<string, readonly string[]>> = {
  [storeStatus.creating]: [storeStatus.active, storeStatus.failed],
  [storeStatus.active]: [storeStatus.updating, storeStatus.deleting],
  [storeStatus.updating]: [storeStatus.active, storeStatus.failed],
  [storeStatus.deleting]: [],
  [storeStatus.failed]: [storeStatus.deleting],
};

export const behaviours: readonly Behaviour[] = [
  {
    id: 'create.etag-default',
    level: 'SHOULD',
    source: operations.CreateSequenceStore.input.members.eTagAlgorithmFamily!.documented!.source,
    statement: 'A store created without eTagAlgorithmFamily reports the documented default.',
  },
  {
    id: 'create.tags-max',
    level: 'SHOULD',
    source: operations.CreateSequenceStore.input.members.tags!.documented!.source,
    statement: 'CreateSequenceStore accepts at most the documented number of tags.',
  },
  {
    id: 'store.arn-template',
    level: 'MUST',
    source: `model ${service.namespace}#SequenceStoreResource (aws.api#arn)`,
    statement: `A store's ARN is arn:<partition>:${service.arnNamespace}:<region>:<account>:${SEQUENCE_STORE_ARN_TEMPLATE}.`,
  },
  {
    id: 'store.idempotency-token',
    level: 'MUST',
    source: `model ${service.namespace}#CreateSequenceStoreRequest$clientToken (idempotencyToken)`,
    statement: 'A retried CreateSequenceStore with the same clientToken creates no second store.',
  },
  {
    id: 'store.status-transitions',
    level: 'SHOULD',
    source: `model ${service.namespace}#SequenceStoreStatus (enum) and the operation documentation`,
    statement: 'A store is CREATING, then ACTIVE (or FAILED); UPDATING during an update; DELETING, then gone.',
  },
];
