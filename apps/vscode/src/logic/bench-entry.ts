// The extension's editor-free logic the bench drives (bench/suites/extension.mjs bundles it): the public entry
// `evalgate-vscode/logic`, so nothing outside this workspace imports its private paths. Not a stable API.
export { EvaluationStore } from './store.js';
export { rootNodes, childNodes } from './tree-model.js';
