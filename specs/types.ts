// The types of the contract. Everything in specs/ is plain data of these types; every other
// stage reads it through them.

/** MUST: in the service model. SHOULD: in the documentation only. OBSERVED: recorded from a real service. */
export type Level = 'MUST' | 'SHOULD' | 'OBSERVED';

export interface Bounds {
  readonly min?: number;
  readonly max?: number;
}

interface ShapeBase {
  /** The shape's name in the service model (`com.amazonaws.omics#<name>`), or `<Structure>$<member>` for member-level traits. */
  readonly name: string;
}

export interface StringShape extends ShapeBase {
  readonly type: 'string';
  /** Counted in Unicode code points, as Smithy counts string length. */
  readonly length?: Bounds;
  /** ECMAScript regex as in the Smithy model; Smithy patterns are not implicitly anchored. */
  readonly pattern?: string;
  /** How the botocore model writes the same pattern where it differs by more than dropped anchors. */
  readonly botocorePattern?: string;
  readonly enum?: readonly string[];
}

export interface IntegerShape extends ShapeBase {
  readonly type: 'integer';
  readonly range?: Bounds;
}

export interface TimestampShape extends ShapeBase {
  readonly type: 'timestamp';
  readonly format: 'date-time';
}

export interface ListShape extends ShapeBase {
  readonly type: 'list';
  readonly member: Shape;
  readonly length?: Bounds;
}

export interface MapShape extends ShapeBase {
  readonly type: 'map';
  readonly key: StringShape;
  readonly value: Shape;
  readonly length?: Bounds;
}

export interface StructureShape extends ShapeBase {
  readonly type: 'structure';
  readonly members: Readonly<Record<string, Member>>;
}

export type Shape = StringShape | IntegerShape | TimestampShape | ListShape | MapShape | StructureShape;

/** A behaviour the documentation states and the model does not encode. */
export interface Documented {
  readonly length?: Bounds;
  readonly default?: string;
  /** Where it is written: the model member whose documentation says it, and the words. */
  readonly source: string;
}

export interface Member {
  readonly target: Shape;
  readonly required?: true;
  /** Where the member travels in the HTTP request; body when absent. */
  readonly location?: 'label' | 'query';
  /** The label or query parameter name. */
  readonly locationName?: string;
  readonly idempotencyToken?: true;
  readonly documented?: Documented;
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpBinding {
  readonly method: HttpMethod;
  /** Path with `{label}` placeholders, as in the model. */
  readonly uri: string;
  /** Success status code. */
  readonly code: number;
  /** Prepended to the host name by SDKs; joined with a hyphen in this model. */
  readonly hostPrefix: string;
}

export interface Pagination {
  readonly inputToken: string;
  readonly outputToken: string;
  readonly pageSize: string;
  readonly items: string;
}

export interface OperationSpec {
  readonly name: string;
  readonly http: HttpBinding;
  readonly input: StructureShape;
  readonly output: StructureShape;
  readonly errors: readonly ErrorName[];
  readonly readonly?: true;
  readonly idempotent?: true;
  readonly paginated?: Pagination;
}

export interface ErrorSpec {
  readonly name: string;
  readonly httpStatus: number;
  readonly fault: 'client' | 'server';
  /** Present when the model marks the error retryable. */
  readonly retryable?: { readonly throttling: boolean };
  readonly shape: StructureShape;
}

export type ErrorName =
  | 'AccessDeniedException'
  | 'ConflictException'
  | 'InternalServerException'
  | 'RequestTimeoutException'
  | 'ResourceNotFoundException'
  | 'ServiceQuotaExceededException'
  | 'ThrottlingException'
  | 'ValidationException';

export interface ServiceSpec {
  readonly sdkId: string;
  readonly apiVersion: string;
  readonly endpointPrefix: string;
  readonly signingName: string;
  readonly arnNamespace: string;
  readonly protocol: 'restJson1';
  /** The Smithy namespace every shape name lives in. */
  readonly namespace: string;
}
