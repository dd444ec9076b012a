// Routes from the http bindings in specs/: method plus uri template, labels captured from the raw
// (still percent-encoded) path and decoded after matching, so an encoded '/' in an ARN stays inside its label.
import { operationNames, operations, type OperationName } from '../../specs/index.ts';

interface Route {
  readonly operation: OperationName;
  readonly method: string;
  readonly pattern: RegExp;
  readonly labels: readonly string[];
}

export interface RouteMatch {
  readonly operation: OperationName;
  /** Decoded label values by label name; undefined when a label is not valid percent-encoding. */
  readonly labels: Readonly<Record<string, string>> | undefined;
}

function compile(operation: OperationName): Route {
  const { method, uri } = operations[operation].http;
  const labels: string[] = [];
  const source = uri
    .split('/')
    .map((segment) => {
      const label = /^\{([^}+]+)\}$/.exec(segment);
      if (label) {
        labels.push(label[1]!);
        return '([^/]+)';
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    })
    .join('/');
  return { operation, method, labels, pattern: new RegExp(`^${source}/?$`) };
}

const routes: readonly Route[] = operationNames.map(compile);

export function decodeComponent(value: string): string | undefined {
  try {
    return decodeURIComponent(value);
  } catch {
    return undefined;
  }
}

/** The operation a method and raw path name, or undefined when none does. */
export function route(method: string, rawPath: string): RouteMatch | undefined {
  for (const r of routes) {
    if (r.method !== method) continue;
    const m = r.pattern.exec(rawPath);
    if (!m) continue;
    const labels: Record<string, string> = {};
    for (const [i, name] of r.labels.entries()) {
      const decoded = decodeComponent(m[i + 1]!);
      if (decoded === undefined) return { operation: r.operation, labels: undefined };
      labels[name] = decoded;
    }
    return { operation: r.operation, labels };
  }
  return undefined;
}

/** Whether any operation's path could start with this prefix (the admin prefix must not). */
export function anyRouteStartsWith(prefix: string): boolean {
  return operationNames.some((op) => operations[op].http.uri.startsWith(prefix));
}
