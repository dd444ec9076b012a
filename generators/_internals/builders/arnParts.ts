// Partitions and regions for well-formed ARNs. Facts of AWS, not constraints of this contract:
// the spec patterns admit any text in these places.
export const arnParts = {
  partitions: ['aws', 'aws-cn', 'aws-us-gov', 'aws-iso'],
  regions: ['us-east-1', 'eu-west-2', 'ap-southeast-1', 'cn-north-1', 'us-gov-west-1', 'il-central-1'],
} as const;

/** A deterministic string of n decimal digits. */
export function digits(n: number, seed: number): string {
  let s = '';
  for (let i = 0; i < n; i++) s += String((seed * 7 + i * 3 + 1) % 10);
  return s;
}
