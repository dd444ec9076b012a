// A botocore service-2.json seen through the drift view.
import { childPath, compact, type ConstraintView, type ContractView, type ErrorView, type OperationView } from './view.ts';

interface BotocoreShape {
  type: string;
  members?: Record<string, BotocoreMember>;
  required?: string[];
  member?: BotocoreMember;
  key?: BotocoreMember;
  value?: BotocoreMember;
  min?: number;
  max?: number;
  pattern?: string;
  enum?: string[];
  timestampFormat?: string;
  error?: { httpStatusCode?: number; senderFault?: boolean };
  fault?: boolean;
  retryable?: { throttling?: boolean };
}

interface BotocoreMember {
  shape: string;
  location?: string;
  locationName?: string;
  idempotencyToken?: boolean;
  timestampFormat?: string;
}

interface BotocoreOperation {
  http?: { method?: string; requestUri?: string; responseCode?: number };
  input?: { shape: string };
  output?: { shape: string };
  errors?: { shape: string }[];
  endpoint?: { hostPrefix?: string };
}

export interface BotocoreModel {
  metadata: Record<string, unknown>;
  operations: Record<string, BotocoreOperation>;
  shapes: Record<string, BotocoreShape>;
}

export function isBotocoreModel(doc: unknown): doc is BotocoreModel {
  const d = doc as Partial<BotocoreModel> | null;
  return typeof d === 'object' && d !== null && typeof d.metadata === 'object' && typeof d.operations === 'object' && typeof d.shapes === 'object';
}

const LOCATIONS: Record<string, 'label' | 'query'> = { uri: 'label', querystring: 'query' };
const NUMERIC = new Set(['integer', 'long', 'float', 'double']);

function timestampFormat(format: string | undefined): string {
  // restJson1 writes body timestamps as epoch seconds unless the model says otherwise.
  if (format === undefined) return 'epoch-seconds';
  return format === 'iso8601' ? 'date-time' : format === 'unixTimestamp' ? 'epoch-seconds' : format;
}

export function botocoreView(model: BotocoreModel, operationNames: readonly string[]): ContractView {
  const shape = (name: string): BotocoreShape => {
    const s = model.shapes[name];
    if (!s) throw new Error(`the model refers to shape '${name}', which it does not define`);
    return s;
  };

  function walk(name: string, path: string, out: Record<string, ConstraintView>): void {
    const s = shape(name);
    if (s.type === 'list' && s.member) walkMember(s.member, `${path}[]`, false, out);
    if (s.type === 'map' && s.key && s.value) {
      walkMember(s.key, `${path}.<key>`, false, out);
      walkMember(s.value, `${path}.<value>`, false, out);
    }
    if (s.type === 'structure') {
      for (const [m, member] of Object.entries(s.members ?? {})) walkMember(member, childPath(path, m), (s.required ?? []).includes(m), out);
    }
  }

  function walkMember(member: BotocoreMember, path: string, required: boolean, out: Record<string, ConstraintView>): void {
    const s = shape(member.shape);
    const location = member.location ? LOCATIONS[member.location] : undefined;
    const numeric = NUMERIC.has(s.type);
    out[path] = compact({
      type: s.type,
      required: required || undefined,
      location,
      locationName: location ? member.locationName : undefined,
      idempotencyToken: member.idempotencyToken || undefined,
      lengthMin: numeric ? undefined : s.min,
      lengthMax: numeric ? undefined : s.max,
      rangeMin: numeric ? s.min : undefined,
      rangeMax: numeric ? s.max : undefined,
      pattern: s.pattern,
      enum: s.enum ? [...s.enum].sort() : undefined,
      timestampFormat: s.type === 'timestamp' ? timestampFormat(member.timestampFormat ?? s.timestampFormat) : undefined,
    });
    walk(member.shape, path, out);
  }

  function errorView(name: string): ErrorView {
    const s = shape(name);
    const server = s.fault === true;
    return {
      httpStatus: s.error?.httpStatusCode ?? (server ? 500 : 400),
      fault: server ? 'server' : 'client',
      retryable: s.retryable !== undefined,
      throttling: s.retryable?.throttling ?? false,
    };
  }

  const view: ContractView = {};
  for (const opName of operationNames) {
    const op = model.operations[opName];
    if (!op) continue;
    const input: Record<string, ConstraintView> = {};
    const output: Record<string, ConstraintView> = {};
    if (op.input) walk(op.input.shape, '', input);
    if (op.output) walk(op.output.shape, '', output);
    const opView: OperationView = {
      http: compact({
        method: op.http?.method ?? '',
        uri: op.http?.requestUri ?? '',
        code: op.http?.responseCode ?? 200,
        hostPrefix: op.endpoint?.hostPrefix,
      }),
      input,
      output,
      errors: Object.fromEntries((op.errors ?? []).map((e) => [e.shape, errorView(e.shape)])),
    };
    view[opName] = opView;
  }
  return view;
}
