import type { ServiceSpec } from './types.ts';

export const service: ServiceSpec = {
  sdkId: 'Omics',
  apiVersion: '2022-11-28',
  endpointPrefix: 'omics',
  signingName: 'omics',
  arnNamespace: 'omics',
  protocol: 'restJson1',
  namespace: 'com.amazonaws.omics',
};
