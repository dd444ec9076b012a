// drift: how an official model file differs from the contract in specs/.
import { diffViews, type Drift } from './diff.ts';
import { loadModel } from './loadModel.ts';
import { specView } from './specView.ts';

export { describeDrift, diffViews, type Drift, type DriftKind } from './diff.ts';
export { loadModel, ModelFileError, type LoadedModel } from './loadModel.ts';
export { specView, type ModelFlavour } from './specView.ts';
export type { ContractView } from './view.ts';

export interface DriftReport {
  readonly model: string;
  readonly format: 'botocore' | 'smithy';
  readonly drift: readonly Drift[];
}

/** Compares specs/ with a model file; throws ModelFileError when the file cannot be read as an Omics model. */
export function driftFromModelFile(file: string): DriftReport {
  const model = loadModel(file);
  return { model: file, format: model.flavour, drift: diffViews(specView(model.flavour), model.view) };
}
