// Entry of a ranking thread. Worker threads start without the tsx loader the main thread
// registered (bin/labo.js), so it is registered here before the TypeScript is loaded.
import { register } from 'tsx/esm/api';

register();
await import('./rank-thread.ts');
