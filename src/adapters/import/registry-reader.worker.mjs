// Entry of the thread that reads registry files. Worker threads start without the tsx loader the
// main thread registered (bin/labo.js), so it is registered here before the TypeScript is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./registry-reader.thread.ts');
