// The SDKs a run can go through: the JS SDK v3 in this process, and the adapters shipped in
// targets/adapters/, each started as its own process (or a person's own, by its command line).
import { fileURLToPath } from 'node:url';
import type { AdapterCommand } from './adapterProcess.ts';

export const SDK_NAMES = ['js-v3', 'js-v2', 'boto3', 'aws-cli-v1', 'aws-cli-v2'] as const;
export type SdkName = (typeof SDK_NAMES)[number];
/** The SDK of a run that names none: the harness's own client, in process. */
export const DEFAULT_SDK: SdkName = 'js-v3';

const adapters = fileURLToPath(new URL('./adapters/', import.meta.url));

/** The environment of an adapter: this one, without the JS SDK's notice on Node 20 in its stderr. */
const adapterEnv = (): NodeJS.ProcessEnv => ({ ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1' });

/** How to start the shipped adapter of `sdk`; undefined for js-v3, which runs in process. */
export function shippedAdapter(sdk: SdkName): AdapterCommand | undefined {
  const label = `--sdk ${sdk}`;
  const env = adapterEnv();
  switch (sdk) {
    case 'js-v3':
      return undefined;
    case 'js-v2':
      return { label, command: process.execPath, args: [`${adapters}js-v2.cjs`], env };
    case 'boto3':
      return { label, command: 'python3', args: [`${adapters}boto3_adapter.py`], env };
    case 'aws-cli-v1':
      return { label, command: 'python3', args: [`${adapters}aws_cli_adapter.py`, 'v1'], env };
    case 'aws-cli-v2':
      return { label, command: 'python3', args: [`${adapters}aws_cli_adapter.py`, 'v2'], env };
  }
}

/** A person's own adapter, as the command line that starts it (run by the shell). */
export function customAdapter(commandLine: string): AdapterCommand {
  return { label: `--sdk-adapter ${JSON.stringify(commandLine)}`, command: commandLine, shell: true, env: adapterEnv() };
}
