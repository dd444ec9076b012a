// How AWS clients read an error type from `x-amzn-errortype` or a body `__type`/`code`: keep what
// stands after the last `#` and before the first `:`.
export function sanitizeErrorType(value: string): string {
  let v = value;
  const colon = v.indexOf(':');
  if (colon >= 0) v = v.slice(0, colon);
  const hash = v.lastIndexOf('#');
  if (hash >= 0) v = v.slice(hash + 1);
  return v.trim();
}

/** The error type of a response the way a restJson1 client finds it: header first, then body. */
export function errorTypeOf(headers: Readonly<Record<string, string>>, body: string): string | undefined {
  const header = headers['x-amzn-errortype'];
  if (header) return sanitizeErrorType(header);
  try {
    const parsed = JSON.parse(body) as Record<string, unknown>;
    const fromBody = parsed.__type ?? parsed.code;
    return typeof fromBody === 'string' ? sanitizeErrorType(fromBody) : undefined;
  } catch {
    return undefined;
  }
}
