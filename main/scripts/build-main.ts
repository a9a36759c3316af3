import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleMain } from '../bundle';

// `npm run build:main`: the Electron main process and preload, bundled into main/dist for packaging.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { main, preload } = await bundleMain(root);
console.log(`built ${path.relative(root, main)} and ${path.relative(root, preload)}`);
