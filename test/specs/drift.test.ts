import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { suite } from '../support/suite.ts';
import * as assert from 'uvu/assert';
import { driftFromModelFile, ModelFileError, type Drift } from '../../specs/drift/index.ts';
import { botocoreModel, haveModels, noModelsReason, smithyModel } from '../support/paths.ts';
import { testIf } from '../support/skip.ts';

const drift = suite('specs: drift against the official model files');
const withModels = testIf(drift, haveModels, noModelsReason);
const dir = mkdtempSync(join(tmpdir(), 'omics-drift-'));

type Json = Record<string, any>;
const load = (file: string): Json => JSON.parse(readFileSync(file, 'utf8'));
let n = 0;
function driftOf(model: Json, gzip = false): readonly Drift[] {
  const file = join(dir, `model-${n++}.json${gzip ? '.gz' : ''}`);
  const text = JSON.stringify(model);
  writeFileSync(file, gzip ? gzipSync(text) : text);
  return driftFromModelFile(file).drift;
}
const summary = (d: Drift) => `${d.kind} ${d.operation} ${d.section} ${d.path}${d.field ? ` ${d.field}` : ''}`;
const S = 'com.amazonaws.omics#';

withModels('the botocore model shows no drift', () => {
  assert.equal(driftFromModelFile(botocoreModel).drift, []);
});

withModels('the Smithy model shows no drift', () => {
  assert.equal(driftFromModelFile(smithyModel).drift, []);
});

withModels('a gzip-compressed model is read the same', () => {
  assert.equal(driftOf(load(botocoreModel), true), []);
});

withModels('botocore: name max 128 is reported as exactly that, wherever the shape is used', () => {
  const m = load(botocoreModel);
  m.shapes.SequenceStoreName.max = 128;
  const d = driftOf(m);
  assert.ok(d.length > 0);
  assert.ok(d.every((x) => x.kind === 'member-changed' && x.field === 'lengthMax' && x.expected === 127 && x.actual === 128), d.map(summary).join('\n'));
  assert.ok(d.some((x) => x.operation === 'CreateSequenceStore' && x.section === 'input' && x.path === 'name'));
});

withModels('botocore: a new input member is reported as one added member', () => {
  const m = load(botocoreModel);
  m.shapes.CreateSequenceStoreRequest.members.retentionDays = { shape: 'ListSequenceStoresRequestMaxResultsInteger' };
  assert.equal(driftOf(m).map(summary), ['member-added CreateSequenceStore input retentionDays']);
});

withModels('botocore: an enum value removed is reported on the enum', () => {
  const m = load(botocoreModel);
  m.shapes.ETagAlgorithmFamily.enum = m.shapes.ETagAlgorithmFamily.enum.filter((v: string) => v !== 'SHA512up');
  const d = driftOf(m);
  assert.ok(d.length > 0);
  assert.ok(d.every((x) => x.field === 'enum' && (x.expected as string[]).includes('SHA512up') && !(x.actual as string[]).includes('SHA512up')));
  assert.ok(d.some((x) => x.operation === 'CreateSequenceStore' && x.path === 'eTagAlgorithmFamily'));
});

withModels('botocore: an error removed from an operation is reported as one removed error', () => {
  const m = load(botocoreModel);
  m.operations.CreateSequenceStore.errors = m.operations.CreateSequenceStore.errors.filter((e: Json) => e.shape !== 'ServiceQuotaExceededException');
  assert.equal(driftOf(m).map(summary), ['error-removed CreateSequenceStore errors ServiceQuotaExceededException']);
});

withModels('botocore: a changed path is reported as one binding change', () => {
  const m = load(botocoreModel);
  m.operations.GetSequenceStore.http.requestUri = '/sequencestores/{id}';
  const d = driftOf(m);
  assert.equal(d.map(summary), ['binding-changed GetSequenceStore http http uri']);
  assert.is(d[0]!.expected, '/sequencestore/{id}');
  assert.is(d[0]!.actual, '/sequencestores/{id}');
});

withModels('botocore: a changed pattern is reported on the pattern', () => {
  const m = load(botocoreModel);
  m.shapes.SequenceStoreId.pattern = '[0-9a-f]+';
  const d = driftOf(m);
  assert.ok(d.length > 0);
  assert.ok(d.every((x) => x.field === 'pattern' && x.actual === '[0-9a-f]+'), d.map(summary).join('\n'));
});

withModels('botocore: an error status change and a required member are reported', () => {
  const m = load(botocoreModel);
  m.shapes.ServiceQuotaExceededException.error.httpStatusCode = 400;
  m.shapes.CreateSequenceStoreRequest.required = [];
  const d = driftOf(m).map(summary);
  assert.ok(d.includes('member-changed CreateSequenceStore input name required'), d.join('\n'));
  assert.ok(d.includes('error-changed CreateSequenceStore errors ServiceQuotaExceededException httpStatus'), d.join('\n'));
});

withModels('Smithy: name max 128, a new member, an enum value removed, an error removed, a path changed, a pattern changed', () => {
  const base = load(smithyModel);
  const edit = (f: (m: Json) => void) => {
    const m = structuredClone(base);
    f(m);
    return driftOf(m);
  };
  let d = edit((m) => (m.shapes[`${S}SequenceStoreName`].traits['smithy.api#length'].max = 128));
  assert.ok(d.length > 0 && d.every((x) => x.field === 'lengthMax' && x.actual === 128));

  d = edit((m) => (m.shapes[`${S}CreateSequenceStoreRequest`].members.retentionDays = { target: 'smithy.api#Integer' }));
  assert.equal(d.map(summary), ['member-added CreateSequenceStore input retentionDays']);

  d = edit((m) => {
    const t = m.shapes[`${S}ETagAlgorithmFamily`].traits;
    t['smithy.api#enum'] = t['smithy.api#enum'].filter((e: Json) => e.value !== 'SHA512up');
  });
  assert.ok(d.length > 0 && d.every((x) => x.field === 'enum'));

  d = edit((m) => {
    const op = m.shapes[`${S}TagResource`];
    op.errors = op.errors.filter((e: Json) => e.target !== `${S}ConflictException`);
  });
  assert.equal(d.map(summary), ['error-removed TagResource errors ConflictException']);

  d = edit((m) => (m.shapes[`${S}DeleteSequenceStore`].traits['smithy.api#http'].uri = '/store/{id}'));
  assert.equal(d.map(summary), ['binding-changed DeleteSequenceStore http http uri']);

  d = edit((m) => (m.shapes[`${S}SseConfig`].members.keyArn.traits['smithy.api#pattern'] = 'arn:.*'));
  assert.ok(d.map(summary).includes('member-changed CreateSequenceStore input sseConfig.keyArn pattern'));
  assert.ok(d.every((x) => x.field === 'pattern' && x.path.endsWith('sseConfig.keyArn')));
});

drift('a JSON file of another service is refused with a one-line reason', () => {
  const file = join(dir, 's3.json');
  writeFileSync(file, JSON.stringify({ metadata: { serviceId: 'S3', endpointPrefix: 's3' }, operations: {}, shapes: {} }));
  assert.throws(() => driftFromModelFile(file), (err: unknown) => err instanceof ModelFileError && /not Omics/.test((err as Error).message));
});

drift('a Smithy model without the Omics service is refused', () => {
  const file = join(dir, 'other-smithy.json');
  writeFileSync(file, JSON.stringify({ smithy: '2.0', shapes: { 'x#Y': { type: 'service', traits: { 'aws.api#service': { sdkId: 'Y' } } } } }));
  assert.throws(() => driftFromModelFile(file), (err: unknown) => err instanceof ModelFileError && /without the Omics service.*Y/.test((err as Error).message));
});

drift('a file that is not JSON, or JSON of no known kind, is refused', () => {
  const notJson = join(dir, 'not.json');
  writeFileSync(notJson, 'hello');
  assert.throws(() => driftFromModelFile(notJson), (err: unknown) => err instanceof ModelFileError && /not valid JSON/.test((err as Error).message));
  const other = join(dir, 'other.json');
  writeFileSync(other, '{"openapi": "3.0.0"}');
  assert.throws(() => driftFromModelFile(other), (err: unknown) => err instanceof ModelFileError && /neither/.test((err as Error).message));
});

drift.run();
