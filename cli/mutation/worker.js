// The worker thread's entry: plain JavaScript that teaches the thread TypeScript (tsx), then loads the worker.
import { register } from 'tsx/esm/api';

register();
await import('./worker.ts');
