// The eight sequence-store operations: HTTP binding, input, output and errors, as the model has them.
import {
  ClientToken,
  DateTime,
  ETagAlgorithmFamily,
  FallbackLocation,
  ListSequenceStoresMaxResults,
  NextToken,
  PropagatedSetLevelTags,
  S3AccessConfig,
  SequenceStoreArn,
  SequenceStoreDescription,
  SequenceStoreDetailList,
  SequenceStoreFilter,
  SequenceStoreId,
  SequenceStoreName,
  SequenceStoreS3Access,
  SequenceStoreStatus,
  SequenceStoreStatusMessage,
  SseConfig,
  TagArn,
  TagKeyList,
  TagMap,
  TagResourceRequestTags,
} from './shapes.ts';
import type { Member, OperationSpec, StructureShape } from './types.ts';

const CONTROL = 'control-storage-';
const TAGS = 'tags-';

function structure(name: string, members: Record<string, Member>): StructureShape {
  return { type: 'structure', name, members };
}

const storeIdLabel: Member = { target: SequenceStoreId, required: true, location: 'label', locationName: 'id' };
const resourceArnLabel: Member = { target: TagArn, required: true, location: 'label', locationName: 'resourceArn' };

export const CreateSequenceStore: OperationSpec = {
  name: 'CreateSequenceStore',
  http: { method: 'POST', uri: '/sequencestore', code: 200, hostPrefix: CONTROL },
  input: structure('CreateSequenceStoreRequest', {
    name: { target: SequenceStoreName, required: true },
    description: { target: SequenceStoreDescription },
    sseConfig: { target: SseConfig },
    tags: {
      target: TagMap,
      documented: {
        length: { max: 50 },
        source: 'CreateSequenceStoreRequest$tags documentation: "Tags for the store. You can configure up to 50 tags."',
      },
    },
    clientToken: { target: ClientToken, idempotencyToken: true },
    fallbackLocation: { target: FallbackLocation },
    eTagAlgorithmFamily: {
      target: ETagAlgorithmFamily,
      documented: {
        default: 'MD5up',
        source: 'CreateSequenceStoreRequest$eTagAlgorithmFamily documentation: "The default value is MD5up."',
      },
    },
    propagatedSetLevelTags: { target: PropagatedSetLevelTags },
    s3AccessConfig: { target: S3AccessConfig },
  }),
  output: structure('CreateSequenceStoreResponse', {
    id: { target: SequenceStoreId, required: true },
    arn: { target: SequenceStoreArn, required: true },
    name: { target: SequenceStoreName },
    description: { target: SequenceStoreDescription },
    sseConfig: { target: SseConfig },
    creationTime: { target: DateTime, required: true },
    fallbackLocation: { target: FallbackLocation },
    eTagAlgorithmFamily: { target: ETagAlgorithmFamily },
    status: { target: SequenceStoreStatus },
    statusMessage: { target: SequenceStoreStatusMessage },
    propagatedSetLevelTags: { target: PropagatedSetLevelTags },
    s3Access: { target: SequenceStoreS3Access },
  }),
  errors: [
    'AccessDeniedException',
    'InternalServerException',
    'RequestTimeoutException',
    'ServiceQuotaExceededException',
    'ThrottlingException',
    'ValidationException',
  ],
};

export const GetSequenceStore: OperationSpec = {
  name: 'GetSequenceStore',
  http: { method: 'GET', uri: '/sequencestore/{id}', code: 200, hostPrefix: CONTROL },
  readonly: true,
  input: structure('GetSequenceStoreRequest', { id: storeIdLabel }),
  output: structure('GetSequenceStoreResponse', {
    id: { target: SequenceStoreId, required: true },
    arn: { target: SequenceStoreArn, required: true },
    name: { target: SequenceStoreName },
    description: { target: SequenceStoreDescription },
    sseConfig: { target: SseConfig },
    creationTime: { target: DateTime, required: true },
    fallbackLocation: { target: FallbackLocation },
    s3Access: { target: SequenceStoreS3Access },
    eTagAlgorithmFamily: { target: ETagAlgorithmFamily },
    status: { target: SequenceStoreStatus },
    statusMessage: { target: SequenceStoreStatusMessage },
    propagatedSetLevelTags: { target: PropagatedSetLevelTags },
    updateTime: { target: DateTime },
  }),
  errors: [
    'AccessDeniedException',
    'InternalServerException',
    'RequestTimeoutException',
    'ResourceNotFoundException',
    'ThrottlingException',
    'ValidationException',
  ],
};

export const ListSequenceStores: OperationSpec = {
  name: 'ListSequenceStores',
  http: { method: 'POST', uri: '/sequencestores', code: 200, hostPrefix: CONTROL },
  readonly: true,
  paginated: { inputToken: 'nextToken', outputToken: 'nextToken', pageSize: 'maxResults', items: 'sequenceStores' },
  input: structure('ListSequenceStoresRequest', {
    maxResults: { target: ListSequenceStoresMaxResults, location: 'query', locationName: 'maxResults' },
    nextToken: { target: NextToken, location: 'query', locationName: 'nextToken' },
    filter: { target: SequenceStoreFilter },
  }),
  output: structure('ListSequenceStoresResponse', {
    nextToken: { target: NextToken },
    sequenceStores: { target: SequenceStoreDetailList, required: true },
  }),
  errors: [
    'AccessDeniedException',
    'InternalServerException',
    'RequestTimeoutException',
    'ThrottlingException',
    'ValidationException',
  ],
};

export const UpdateSequenceStore: OperationSpec = {
  name: 'UpdateSequenceStore',
  http: { method: 'PATCH', uri: '/sequencestore/{id}', code: 200, hostPrefix: CONTROL },
  input: structure('UpdateSequenceStoreRequest', {
    id: storeIdLabel,
    name: { target: SequenceStoreName },
    description: { target: SequenceStoreDescription },
    clientToken: { target: ClientToken, idempotencyToken: true },
    fallbackLocation: { target: FallbackLocation },
    propagatedSetLevelTags: { target: PropagatedSetLevelTags },
    s3AccessConfig: { target: S3AccessConfig },
  }),
  output: structure('UpdateSequenceStoreResponse', {
    id: { target: SequenceStoreId, required: true },
    arn: { target: SequenceStoreArn, required: true },
    name: { target: SequenceStoreName },
    description: { target: SequenceStoreDescription },
    sseConfig: { target: SseConfig },
    creationTime: { target: DateTime, required: true },
    updateTime: { target: DateTime },
    propagatedSetLevelTags: { target: PropagatedSetLevelTags },
    status: { target: SequenceStoreStatus },
    statusMessage: { target: SequenceStoreStatusMessage },
    fallbackLocation: { target: FallbackLocation },
    s3Access: { target: SequenceStoreS3Access },
    eTagAlgorithmFamily: { target: ETagAlgorithmFamily },
  }),
  errors: [
    'AccessDeniedException',
    'ConflictException',
    'InternalServerException',
    'RequestTimeoutException',
    'ResourceNotFoundException',
    'ThrottlingException',
    'ValidationException',
  ],
};

export const DeleteSequenceStore: OperationSpec = {
  name: 'DeleteSequenceStore',
  http: { method: 'DELETE', uri: '/sequencestore/{id}', code: 200, hostPrefix: CONTROL },
  idempotent: true,
  input: structure('DeleteSequenceStoreRequest', { id: storeIdLabel }),
  output: structure('DeleteSequenceStoreResponse', {}),
  errors: [
    'AccessDeniedException',
    'ConflictException',
    'InternalServerException',
    'RequestTimeoutException',
    'ResourceNotFoundException',
    'ThrottlingException',
    'ValidationException',
  ],
};

const TAG_ERRORS = [
  'AccessDeniedException',
  'ConflictException',
  'InternalServerException',
  'RequestTimeoutException',
  'ResourceNotFoundException',
  'ServiceQuotaExceededException',
  'ThrottlingException',
  'ValidationException',
] as const;

export const TagResource: OperationSpec = {
  name: 'TagResource',
  http: { method: 'POST', uri: '/tags/{resourceArn}', code: 204, hostPrefix: TAGS },
  input: structure('TagResourceRequest', {
    resourceArn: resourceArnLabel,
    tags: { target: TagResourceRequestTags, required: true },
  }),
  output: structure('TagResourceResponse', {}),
  errors: TAG_ERRORS,
};

export const UntagResource: OperationSpec = {
  name: 'UntagResource',
  http: { method: 'DELETE', uri: '/tags/{resourceArn}', code: 204, hostPrefix: TAGS },
  idempotent: true,
  input: structure('UntagResourceRequest', {
    resourceArn: resourceArnLabel,
    tagKeys: { target: TagKeyList, required: true, location: 'query', locationName: 'tagKeys' },
  }),
  output: structure('UntagResourceResponse', {}),
  errors: TAG_ERRORS,
};

export const ListTagsForResource: OperationSpec = {
  name: 'ListTagsForResource',
  http: { method: 'GET', uri: '/tags/{resourceArn}', code: 200, hostPrefix: TAGS },
  readonly: true,
  input: structure('ListTagsForResourceRequest', { resourceArn: resourceArnLabel }),
  output: structure('ListTagsForResourceResponse', {
    tags: { target: TagMap, required: true },
  }),
  errors: TAG_ERRORS,
};

export const operations = {
  CreateSequenceStore,
  GetSequenceStore,
  ListSequenceStores,
  UpdateSequenceStore,
  DeleteSequenceStore,
  TagResource,
  UntagResource,
  ListTagsForResource,
} as const satisfies Record<string, OperationSpec>;

export type OperationName = keyof typeof operations;

export const operationNames = Object.keys(operations) as OperationName[];
