/**
 * The journey model: plain data and pure functions for the map view, the flow view, edits,
 * validation, layout, versions, diff, templates and JSON export/import. No DOM, React or RxDB here,
 * so the renderer, tests and a future execution engine share exactly the same rules.
 */
export * from './ids';
export * from './mapModel';
export * from './eventRules';
export * from './mapChanges';
export * from './flowModel';
export * from './flowDefaults';
export * from './flowChanges';
export * from './changes';
export * from './validateFlow';
export * from './layout';
export * from './placement';
export * from './describeStep';
export * from './journey';
export * from './versions';
export * from './diff';
export * from './diffWords';
export * from './integrity';
export * from './envelope';
export * from './templates/index';
export type { TemplateSpec } from './templates/builder';
