// The named shapes of the sequence-store operations, as the Omics model (2022-11-28) defines them.
// Member-level traits of the model become their own shapes, named `<Structure>$<member>`.
import type {
  IntegerShape,
  ListShape,
  MapShape,
  StringShape,
  StructureShape,
  TimestampShape,
} from './types.ts';

/** Letters, marks, separators, symbols, numbers and punctuation of every script (the model's `||` are literal `|`, themselves symbols). */
export const PRINTABLE_UNICODE_PATTERN = '^[\\p{L}||\\p{M}||\\p{Z}||\\p{S}||\\p{N}||\\p{P}]+$';

export const SequenceStoreName: StringShape = {
  type: 'string',
  name: 'SequenceStoreName',
  length: { min: 1, max: 127 },
  pattern: PRINTABLE_UNICODE_PATTERN,
};

export const SequenceStoreDescription: StringShape = {
  type: 'string',
  name: 'SequenceStoreDescription',
  length: { min: 1, max: 255 },
  pattern: PRINTABLE_UNICODE_PATTERN,
};

export const ClientToken: StringShape = {
  type: 'string',
  name: 'ClientToken',
  length: { min: 1, max: 127 },
  pattern: PRINTABLE_UNICODE_PATTERN,
};

export const SequenceStoreStatusMessage: StringShape = {
  type: 'string',
  name: 'SequenceStoreStatusMessage',
  length: { min: 1, max: 127 },
  pattern: PRINTABLE_UNICODE_PATTERN,
};

export const NextToken: StringShape = {
  type: 'string',
  name: 'NextToken',
  length: { min: 1, max: 6144 },
  pattern: PRINTABLE_UNICODE_PATTERN,
};

export const SequenceStoreId: StringShape = {
  type: 'string',
  name: 'SequenceStoreId',
  length: { min: 10, max: 36 },
  pattern: '^[0-9]+$',
};

export const SequenceStoreArn: StringShape = {
  type: 'string',
  name: 'SequenceStoreArn',
  length: { min: 1, max: 127 },
  pattern: '^arn:.+$',
};

export const TagArn: StringShape = {
  type: 'string',
  name: 'TagArn',
  length: { min: 1, max: 150 },
  pattern: '^arn:.+$',
};

export const TagKey: StringShape = {
  type: 'string',
  name: 'TagKey',
  length: { min: 1, max: 128 },
};

export const TagValue: StringShape = {
  type: 'string',
  name: 'TagValue',
  length: { min: 0, max: 256 },
};

export const TagMap: MapShape = {
  type: 'map',
  name: 'TagMap',
  key: TagKey,
  value: TagValue,
};

export const TagResourceRequestTags: MapShape = {
  ...TagMap,
  name: 'TagResourceRequest$tags',
  length: { min: 0, max: 50 },
};

export const TagKeyList: ListShape = {
  type: 'list',
  name: 'TagKeyList',
  member: TagKey,
  length: { min: 0, max: 50 },
};

export const PropagatedSetLevelTags: ListShape = {
  type: 'list',
  name: 'PropagatedSetLevelTags',
  member: TagKey,
  length: { min: 0, max: 50 },
};

export const EncryptionType: StringShape = {
  type: 'string',
  name: 'EncryptionType',
  enum: ['KMS'],
};

export const SseConfigKeyArn: StringShape = {
  type: 'string',
  name: 'SseConfig$keyArn',
  length: { min: 20, max: 2048 },
  pattern: 'arn:([^:\n]*):([^:\n]*):([^:\n]*):([0-9]{12}):([^:\n]*)',
  botocorePattern: '.*arn:([^: ]*):([^: ]*):([^: ]*):([0-9]{12}):([^: ]*).*',
};

export const SseConfig: StructureShape = {
  type: 'structure',
  name: 'SseConfig',
  members: {
    type: { target: EncryptionType, required: true },
    keyArn: { target: SseConfigKeyArn },
  },
};

export const FallbackLocation: StringShape = {
  type: 'string',
  name: 'FallbackLocation',
  pattern: '^$|^s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/?((.{1,1024})/)?$',
};

export const AccessLogLocation: StringShape = {
  type: 'string',
  name: 'AccessLogLocation',
  pattern: '^$|^s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/?((.{1,800})/)?$',
};

export const S3Uri: StringShape = {
  type: 'string',
  name: 'S3Uri',
  pattern: '^s3://([a-z0-9][a-z0-9-.]{1,61}[a-z0-9])/(.{1,1024})$',
};

export const S3AccessPointArn: StringShape = {
  type: 'string',
  name: 'S3AccessPointArn',
  length: { min: 1, max: 1024 },
  pattern: '^arn:[^:]*:s3:[^:]*:[^:]*:accesspoint/.*$',
};

export const ETagAlgorithmFamily: StringShape = {
  type: 'string',
  name: 'ETagAlgorithmFamily',
  enum: ['MD5up', 'SHA256up', 'SHA512up'],
};

export const SequenceStoreStatus: StringShape = {
  type: 'string',
  name: 'SequenceStoreStatus',
  enum: ['CREATING', 'ACTIVE', 'UPDATING', 'DELETING', 'FAILED'],
};

export const DateTime: TimestampShape = {
  type: 'timestamp',
  name: 'Timestamp',
  format: 'date-time',
};

export const ListSequenceStoresMaxResults: IntegerShape = {
  type: 'integer',
  name: 'ListSequenceStoresRequest$maxResults',
  range: { min: 1, max: 100 },
};

export const S3AccessConfig: StructureShape = {
  type: 'structure',
  name: 'S3AccessConfig',
  members: {
    accessLogLocation: { target: AccessLogLocation },
  },
};

export const SequenceStoreS3Access: StructureShape = {
  type: 'structure',
  name: 'SequenceStoreS3Access',
  members: {
    s3Uri: { target: S3Uri },
    s3AccessPointArn: { target: S3AccessPointArn },
    accessLogLocation: { target: AccessLogLocation },
  },
};

export const SequenceStoreFilter: StructureShape = {
  type: 'structure',
  name: 'SequenceStoreFilter',
  members: {
    name: { target: SequenceStoreName },
    createdAfter: { target: DateTime },
    createdBefore: { target: DateTime },
    status: { target: SequenceStoreStatus },
    updatedAfter: { target: DateTime },
    updatedBefore: { target: DateTime },
  },
};

export const SequenceStoreDetail: StructureShape = {
  type: 'structure',
  name: 'SequenceStoreDetail',
  members: {
    arn: { target: SequenceStoreArn, required: true },
    id: { target: SequenceStoreId, required: true },
    name: { target: SequenceStoreName },
    description: { target: SequenceStoreDescription },
    sseConfig: { target: SseConfig },
    creationTime: { target: DateTime, required: true },
    fallbackLocation: { target: FallbackLocation },
    eTagAlgorithmFamily: { target: ETagAlgorithmFamily },
    status: { target: SequenceStoreStatus },
    statusMessage: { target: SequenceStoreStatusMessage },
    updateTime: { target: DateTime },
  },
};

export const SequenceStoreDetailList: ListShape = {
  type: 'list',
  name: 'SequenceStoreDetailList',
  member: SequenceStoreDetail,
};

export const ErrorMessage: StructureShape = {
  type: 'structure',
  name: 'ErrorBody',
  members: {
    message: { target: { type: 'string', name: 'String' }, required: true },
  },
};
