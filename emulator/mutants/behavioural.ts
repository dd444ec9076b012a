// Mutants no single rule names: idempotency, paging, tag merging, status moves, timestamps, what
// Get, List and ListTags answer after a change, how errors travel. Each is one deviation and the
// checks whose promise it breaks.
import { operations, storeStatus } from '../../specs/index.ts';
import type { EmulatorOptions } from '../index.ts';
import { suitesOf, type Layer, type Mutant } from './catalogue.ts';

function mutant(id: string, layer: Layer, breaks: string, emulator: EmulatorOptions, catches: readonly string[], extra: Partial<Mutant> = {}): Mutant {
  return { kind: 'mutant', id, layer, breaks, emulator, catches, suites: suitesOf(catches), ...extra };
}

const otherEtag = operations.CreateSequenceStore.input.members.eTagAlgorithmFamily!.target;
const OTHER_REGION = 'eu-west-1';

export function behaviouralMutants(): Mutant[] {
  const defaultEtag = operations.CreateSequenceStore.input.members.eTagAlgorithmFamily!.documented?.default;
  const anotherEtag = otherEtag.type === 'string' ? otherEtag.enum?.find((v) => v !== defaultEtag) : undefined;
  return [
    mutant('ignore-client-token', 'idempotency', 'a clientToken is not remembered: the same token makes a second store', { deviations: { ignoreClientToken: true } }, ['idempotency.same-token-same-store', 'idempotency.retry-same-token', 'idempotency.concurrent-same-token']),
    mutant('idempotency-by-request', 'idempotency', 'requests are deduplicated by content: a new token with the same request gets the first store back', { deviations: { idempotencyByRequest: true } }, ['idempotency.different-tokens', 'idempotency.sdk-fills-token']),
    mutant('retry-makes-second-store', 'idempotency', 'an answer lost after the effect, and the token not remembered: the SDK\'s retry makes a second store', { deviations: { ignoreClientToken: true, faultAfterEffect: true } }, ['idempotency.same-token-same-store', 'idempotency.retry-same-token', 'idempotency.concurrent-same-token']),
    mutant('validate-after-effect', 'validation', 'a refused request still creates or changes the store', { deviations: { validateAfterEffect: true } }, ['validation.changes-nothing', 'validation.rejects-invalid'], { operations: ['CreateSequenceStore', 'UpdateSequenceStore', 'TagResource'] }),
    mutant('delete-keeps-store', 'handlers', 'DeleteSequenceStore answers success and the store stays', { deviations: { deleteKeepsStore: true } }, ['lifecycle.deleted-is-gone']),
    mutant('tag-replaces', 'handlers', 'TagResource replaces a store\'s tags instead of merging them', { deviations: { tagReplaces: true } }, ['lifecycle.model-agrees']),
    mutant('pages-skip-one', 'handlers', 'every List page after the first leaves out its first store', { deviations: { pagesSkipOne: true } }, ['lifecycle.pagination-complete']),
    mutant('get-status-failed', 'output', 'GetSequenceStore reports a healthy store as FAILED', { deviations: { replacedOutputMembers: { GetSequenceStore: { status: storeStatus.failed } } } }, ['lifecycle.status-transitions']),
    mutant('update-status-creating', 'output', 'UpdateSequenceStore reports the store as CREATING again', { deviations: { replacedOutputMembers: { UpdateSequenceStore: { status: storeStatus.creating } } } }, ['lifecycle.status-transitions']),
    mutant('creation-time-past', 'output', 'CreateSequenceStore answers a creationTime years ago', { deviations: { replacedOutputMembers: { CreateSequenceStore: { creationTime: '2001-01-01T00:00:00Z' } } } }, ['shape.creation-time-recent']),
    ...(anotherEtag ? [mutant('etag-default-other', 'handlers', `a store created without eTagAlgorithmFamily gets ${anotherEtag}, not the documented default`, { behaviour: { defaultETagAlgorithmFamily: anotherEtag } }, ['shape.etag-default'])] : []),
    mutant('list-leaves-out-store', 'output', 'ListSequenceStores lists no store', { deviations: { replacedOutputMembers: { ListSequenceStores: { sequenceStores: [] } } } }, ['shape.list-contains-created', 'lifecycle.pagination-complete']),
    mutant('tags-lost', 'output', 'ListTagsForResource lists no tag', { deviations: { replacedOutputMembers: { ListTagsForResource: { tags: {} } } } }, ['shape.tags-echo', 'lifecycle.model-agrees']),
    mutant('get-arn-other-id', 'output', 'GetSequenceStore answers an ARN naming another store', { deviations: { replacedOutputMembers: { GetSequenceStore: { arn: 'arn:aws:omics:us-east-1:111111111111:sequenceStore/0000000000' } } } }, ['shape.id-arn-agree']),
    mutant('create-name-other', 'output', 'CreateSequenceStore answers another name than given', { deviations: { replacedOutputMembers: { CreateSequenceStore: { name: 'not what you asked for' } } } }, ['shape.echo-inputs']),
    mutant('arn-region-other', 'output', `ARNs name ${OTHER_REGION}, not the region the client called`, { region: OTHER_REGION }, ['shape.arn-consistent'], { clientRegion: 'us-east-1' }),
    mutant('epoch-timestamps', 'front', 'timestamps go out as epoch seconds, not date-time strings', { deviations: { epochTimestamps: true } }, ['wire.response-agrees']),
    mutant('error-type-in-body', 'front', 'the error type travels in the body\'s __type only, not in x-amzn-errortype', { deviations: { errorTypeIn: 'body' } }, ['exceptions.error-type-header']),
    mutant('error-type-nowhere', 'front', 'errors go out without their type', { deviations: { errorTypeIn: 'nowhere' } }, ['exceptions.error-type-header', 'exceptions.sdk-class', 'exceptions.retryable']),
    mutant('client-drops-token', 'client', 'the client leaves the idempotency token out of the request', {}, ['wire.token-sent', 'wire.request-binding'], { client: { dropIdempotencyToken: true } }),
    mutant('client-wrong-content-type', 'client', 'the client sends its JSON body as another protocol\'s content type (to a front that takes any)', { deviations: { anyMediaType: true } }, ['wire.request-binding'], { client: { contentType: 'application/x-amz-json-1.1' } }),
    mutant('error-message-missing', 'front', 'error bodies leave out their required message', { deviations: { omitErrorMessage: true } }, ['exceptions.error-message']),
  ];
}
