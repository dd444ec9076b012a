// A Smithy JSON AST seen through the drift view. Member traits override the traits of the target.
import { childPath, compact, type ConstraintView, type ContractView, type ErrorView } from './view.ts';

type Traits = Record<string, unknown>;

interface SmithyShape {
  type: string;
  members?: Record<string, { target: string; traits?: Traits }>;
  member?: { target: string; traits?: Traits };
  key?: { target: string; traits?: Traits };
  value?: { target: string; traits?: Traits };
  input?: { target: string };
  output?: { target: string };
  errors?: { target: string }[];
  operations?: { target: string }[];
  resources?: { target: string }[];
  traits?: Traits;
}

export interface SmithyModel {
  smithy: string;
  shapes: Record<string, SmithyShape>;
}

export function isSmithyModel(doc: unknown): doc is SmithyModel {
  const d = doc as Partial<SmithyModel> | null;
  return typeof d === 'object' && d !== null && typeof d.smithy === 'string' && typeof d.shapes === 'object';
}

const PRELUDE = 'smithy.api#';
const NUMERIC = new Set(['byte', 'short', 'integer', 'long', 'float', 'double', 'bigInteger', 'bigDecimal', 'intEnum']);

/** The service shapes of the model, by their `aws.api#service` sdkId (or shape name). */
export function smithyServices(model: SmithyModel): Map<string, string> {
  const services = new Map<string, string>();
  for (const [id, s] of Object.entries(model.shapes)) {
    if (s.type !== 'service') continue;
    const sdkId = (s.traits?.['aws.api#service'] as { sdkId?: string } | undefined)?.sdkId ?? id.split('#')[1] ?? id;
    services.set(sdkId, id);
  }
  return services;
}

interface Bounds {
  min?: number;
  max?: number;
}

function enumValues(shape: SmithyShape, traits: Traits): string[] | undefined {
  const trait = traits[`${PRELUDE}enum`] as { value: string }[] | undefined;
  if (trait) return trait.map((e) => e.value).sort();
  if (shape.type === 'enum') {
    return Object.entries(shape.members ?? {})
      .map(([name, m]) => (m.traits?.[`${PRELUDE}enumValue`] as string | undefined) ?? name)
      .sort();
  }
  return undefined;
}

export function smithyView(model: SmithyModel, serviceId: string, operationNames: readonly string[]): ContractView {
  const namespace = serviceId.split('#')[0];
  const shape = (id: string): SmithyShape => {
    if (id.startsWith(PRELUDE)) return { type: id.slice(PRELUDE.length).toLowerCase().replace(/^primitive/, '') };
    const s = model.shapes[id];
    if (!s) throw new Error(`the model refers to shape '${id}', which it does not define`);
    return s;
  };

  function walk(id: string, path: string, out: Record<string, ConstraintView>): void {
    const s = shape(id);
    if (s.type === 'list' && s.member) walkMember(s.member.target, s.member.traits ?? {}, `${path}[]`, out);
    if (s.type === 'map' && s.key && s.value) {
      walkMember(s.key.target, s.key.traits ?? {}, `${path}.<key>`, out);
      walkMember(s.value.target, s.value.traits ?? {}, `${path}.<value>`, out);
    }
    if (s.type === 'structure') {
      for (const [m, member] of Object.entries(s.members ?? {})) walkMember(member.target, member.traits ?? {}, childPath(path, m), out);
    }
  }

  function walkMember(target: string, memberTraits: Traits, path: string, out: Record<string, ConstraintView>): void {
    const s = shape(target);
    const traits: Traits = { ...(s.traits ?? {}), ...memberTraits };
    const numeric = NUMERIC.has(s.type);
    const length = traits[`${PRELUDE}length`] as Bounds | undefined;
    const range = traits[`${PRELUDE}range`] as Bounds | undefined;
    const query = memberTraits[`${PRELUDE}httpQuery`] as string | undefined;
    const label = `${PRELUDE}httpLabel` in memberTraits;
    const type = s.type === 'enum' ? 'string' : s.type === 'intEnum' ? 'integer' : s.type;
    out[path] = compact({
      type,
      required: `${PRELUDE}required` in memberTraits || undefined,
      location: label ? 'label' : query !== undefined ? 'query' : undefined,
      locationName: label ? path.split('.').pop() : query,
      idempotencyToken: `${PRELUDE}idempotencyToken` in memberTraits || undefined,
      lengthMin: numeric ? undefined : length?.min,
      lengthMax: numeric ? undefined : length?.max,
      rangeMin: range?.min,
      rangeMax: range?.max,
      pattern: traits[`${PRELUDE}pattern`] as string | undefined,
      enum: enumValues(s, traits),
      timestampFormat: type === 'timestamp' ? ((traits[`${PRELUDE}timestampFormat`] as string | undefined) ?? 'epoch-seconds') : undefined,
    });
    walk(target, path, out);
  }

  function errorView(id: string): ErrorView {
    const traits = shape(id).traits ?? {};
    const server = traits[`${PRELUDE}error`] === 'server';
    const retryable = traits[`${PRELUDE}retryable`] as { throttling?: boolean } | undefined;
    return {
      httpStatus: (traits[`${PRELUDE}httpError`] as number | undefined) ?? (server ? 500 : 400),
      fault: server ? 'server' : 'client',
      retryable: retryable !== undefined,
      throttling: retryable?.throttling ?? false,
    };
  }

  const view: ContractView = {};
  for (const opName of operationNames) {
    const op = model.shapes[`${namespace}#${opName}`];
    if (!op || op.type !== 'operation') continue;
    const http = (op.traits?.[`${PRELUDE}http`] ?? {}) as { method?: string; uri?: string; code?: number };
    const endpoint = op.traits?.[`${PRELUDE}endpoint`] as { hostPrefix?: string } | undefined;
    const input: Record<string, ConstraintView> = {};
    const output: Record<string, ConstraintView> = {};
    if (op.input) walk(op.input.target, '', input);
    if (op.output) walk(op.output.target, '', output);
    view[opName] = {
      http: compact({ method: http.method ?? '', uri: http.uri ?? '', code: http.code ?? 200, hostPrefix: endpoint?.hostPrefix }),
      input,
      output,
      errors: Object.fromEntries((op.errors ?? []).map((e) => [e.target.split('#')[1] ?? e.target, errorView(e.target)])),
    };
  }
  return view;
}
