// A curl command that sends a reported request again as it went over the wire: same method, URI,
// headers and body. A signed request is signed afresh by curl (--aws-sigv4) with the caller's
// AWS variables, since the report keeps no credentials and an old signature has expired.
import { service } from '../specs/index.ts';
import { wasCut, type ReportedExchange } from './exchange.ts';
import { shellQuote } from './reproduction.ts';

// Headers curl writes itself (host, length), those of the old signature, and the SDK's bookkeeping.
const LEFT_OUT = /^(host|content-length|connection|transfer-encoding|authorization|x-amz-date|x-amz-security-token|x-amz-content-sha256|user-agent|x-amz-user-agent|amz-sdk-invocation-id|amz-sdk-request)$/i;

const named = (headers: Readonly<Record<string, string>>, name: string) => Object.keys(headers).some((k) => k.toLowerCase() === name);

/** The curl command; undefined when the report cut the request body (the command would send another request). */
export function curlCommand(request: ReportedExchange['request'], region: string): string | undefined {
  if (wasCut(request.body)) return undefined;
  const signed = named(request.headers, 'authorization');
  return [
    'curl -sS -i',
    '-X',
    request.method,
    ...(signed ? ['--aws-sigv4', shellQuote(`aws:amz:${region}:${service.signingName}`), '--user', '"$AWS_ACCESS_KEY_ID:$AWS_SECRET_ACCESS_KEY"'] : []),
    ...(signed && named(request.headers, 'x-amz-security-token') ? ['-H', '"x-amz-security-token: $AWS_SESSION_TOKEN"'] : []),
    ...Object.entries(request.headers)
      .filter(([k]) => !LEFT_OUT.test(k))
      .flatMap(([k, v]) => ['-H', shellQuote(`${k}: ${v}`)]),
    ...(request.body ? ['--data-binary', shellQuote(request.body)] : []),
    shellQuote(request.uri),
  ].join(' ');
}
