import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const projectRoot = resolve(fileURLToPath(new URL('../..', import.meta.url)));

/** ../shared/models beside the project, where the official model files are kept. */
export const modelsDir = resolve(projectRoot, '..', 'shared', 'models');
export const botocoreModel = resolve(modelsDir, 'omics-2022-11-28.botocore-service-2.json');
export const smithyModel = resolve(modelsDir, 'omics-2022-11-28.smithy.json');
export const haveModels = existsSync(botocoreModel) && existsSync(smithyModel);
export const noModelsReason = `the official model files are not at ${modelsDir}`;
