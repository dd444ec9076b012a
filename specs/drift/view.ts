// A flat, format-neutral view of the contract of the eight operations: the common ground on which
// specs/, a botocore service-2.json and a Smithy JSON AST are compared.

export interface ConstraintView {
  type: string;
  required?: boolean;
  location?: 'label' | 'query';
  locationName?: string;
  idempotencyToken?: boolean;
  lengthMin?: number;
  lengthMax?: number;
  rangeMin?: number;
  rangeMax?: number;
  pattern?: string;
  enum?: string[];
  timestampFormat?: string;
}

export interface HttpView {
  method: string;
  uri: string;
  code: number;
  hostPrefix?: string;
}

export interface ErrorView {
  httpStatus: number;
  fault: 'client' | 'server';
  retryable: boolean;
  throttling: boolean;
}

export interface OperationView {
  http: HttpView;
  /** Member path (`a.b`, `a[]`, `a.<key>`, `a.<value>`) → what the contract says of it. */
  input: Record<string, ConstraintView>;
  output: Record<string, ConstraintView>;
  errors: Record<string, ErrorView>;
}

export type ContractView = Record<string, OperationView>;

/** The model files carry their own names for the prelude types; these are the view's. */
export type ViewType = 'string' | 'integer' | 'long' | 'boolean' | 'timestamp' | 'list' | 'map' | 'structure' | 'blob' | 'double' | 'float';

export function childPath(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

/** Drop the keys whose value is undefined, so views compare by what they say. */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
