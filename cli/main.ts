// omics-conformance <command> [options]
// The SDK warns on every start that its releases from 2027 on need Node 22; the project runs on 20.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
import { runCommandLine } from './commandLine.ts';

process.exitCode = await runCommandLine(process.argv.slice(2));
