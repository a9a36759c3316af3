// The layers and their one direction of dependency, enforced:
//   shared  <-  renderer
//   shared  <-  sync-server  <-  main  <-  cli
// shared imports no DOM, Node or Electron; renderer imports no Node, Electron, main or sync-server;
// only main/electron (the thin shell) imports electron.
import tseslint from 'typescript-eslint';
import importX from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import { builtinModules } from 'node:module';

const node = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];
const noNode = { paths: node.map((name) => ({ name, message: 'Node built-ins are not available in this layer.' })) };
const layer = (...dirs) => dirs.flatMap((d) => [`../${d}/*`, `../../${d}/*`, `../../../${d}/*`, `../../../../${d}/*`, `**/${d}/**`]);
const electron = { group: ['electron', 'electron/*'], message: 'Only main/ may import electron.' };
const restrict = (message, ...dirs) => ({ group: layer(...dirs), message });
// Outside sync-server/, only its public entry (sync-server/index.ts) may be imported.
const syncServerEntry = { group: ['**/sync-server/*', '!**/sync-server/index'], message: 'Reach sync-server/ through its public entry (sync-server/index.ts).' };
const noTesting = restrict('testing/ is support for test/ and bench/, never for product code.', 'testing');

export default tseslint.config(
  { ignores: ['node_modules/', '**/dist/', '.tsbuild/', 'bench-results/', 'test-results/'] },
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver({ project: ['*/tsconfig.json'], noWarnOnMultipleProjects: true })] },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'import-x/no-self-import': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-console': 'off',
    },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { ...noNode, patterns: [electron, restrict('shared/ imports nothing of the other layers.', 'renderer', 'sync-server', 'main', 'cli')] }],
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { ...noNode, patterns: [electron, restrict('renderer/ never imports main/, sync-server/ or cli/.', 'sync-server', 'main', 'cli')] }],
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require', '__dirname'],
    },
  },
  {
    // One seam to the desktop: only renderer/platform/ reads window.penholder.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/platform/**'],
    rules: {
      'no-restricted-properties': ['error', ...['window', 'globalThis', 'self'].map((object) => ({ object, property: 'penholder', message: 'Reach the desktop through renderer/platform/.' }))],
    },
  },
  {
    files: ['sync-server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electron, restrict('sync-server/ imports only shared/.', 'renderer', 'main', 'cli', 'testing')] }],
    },
  },
  {
    files: ['main/**/*.ts'],
    ignores: ['main/electron/**'],
    rules: {
      // Services run and are tested under plain Node; only the thin shell in main/electron touches Electron.
      'no-restricted-imports': ['error', { patterns: [{ ...electron, message: 'Only main/electron/ imports electron; services take what they need as parameters.' }, restrict('main/ never imports renderer/ or cli/.', 'renderer', 'cli'), syncServerEntry, noTesting] }],
    },
  },
  {
    files: ['main/electron/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [restrict('main/ never imports renderer/ or cli/.', 'renderer', 'cli'), syncServerEntry, noTesting] }],
    },
  },
  {
    files: ['cli/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, syncServerEntry, noTesting] }] },
  },
  {
    files: ['test/**/*.{ts,tsx}', 'bench/**/*.ts', 'testing/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [electron, syncServerEntry] }] },
  },
);
