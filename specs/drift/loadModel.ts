// Reads an official model file (botocore service-2.json or Smithy JSON AST, plain or gzip) and finds
// the Omics service in it. Every failure is a ModelFileError with a one-line reason.
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { operationNames } from '../operations.ts';
import { service } from '../service.ts';
import { botocoreView, isBotocoreModel } from './botocoreView.ts';
import { isSmithyModel, smithyServices, smithyView } from './smithyView.ts';
import type { ModelFlavour } from './specView.ts';
import type { ContractView } from './view.ts';

export class ModelFileError extends Error {
  override readonly name = 'ModelFileError';
}

export interface LoadedModel {
  readonly file: string;
  readonly flavour: ModelFlavour;
  readonly view: ContractView;
}

function readJson(file: string): unknown {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new ModelFileError(`cannot read ${file}${code === 'ENOENT' ? ': no such file' : code ? `: ${code}` : ''}`);
  }
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch {
      throw new ModelFileError(`${file} looks gzip-compressed but does not decompress`);
    }
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (err) {
    throw new ModelFileError(`${file} is not valid JSON (${(err as Error).message.split('\n')[0]})`);
  }
}

export function loadModel(file: string): LoadedModel {
  const doc = readJson(file);
  if (isSmithyModel(doc)) {
    const services = smithyServices(doc);
    const id = services.get(service.sdkId);
    if (!id) {
      const found = [...services.keys()].join(', ') || 'none';
      throw new ModelFileError(`${file} is a Smithy model without the ${service.sdkId} service (services in it: ${found})`);
    }
    return { file, flavour: 'smithy', view: withShapeErrors(file, () => smithyView(doc, id, operationNames)) };
  }
  if (isBotocoreModel(doc)) {
    const serviceId = doc.metadata.serviceId ?? doc.metadata.endpointPrefix;
    if (serviceId !== service.sdkId && doc.metadata.endpointPrefix !== service.endpointPrefix) {
      throw new ModelFileError(`${file} is the botocore model of '${String(serviceId)}', not ${service.sdkId}`);
    }
    return { file, flavour: 'botocore', view: withShapeErrors(file, () => botocoreView(doc, operationNames)) };
  }
  throw new ModelFileError(`${file} is neither a botocore service-2.json nor a Smithy JSON AST`);
}

function withShapeErrors(file: string, build: () => ContractView): ContractView {
  try {
    return build();
  } catch (err) {
    throw new ModelFileError(`${file}: ${(err as Error).message}`);
  }
}
