/**
 * The persona model: plain data and functions from data to data, shared by the renderer, the
 * analytics command line and tests. No React, RxDB or Node here (ESLint enforces it).
 */
export * from './changes';
export * from './compare';
export * from './diff';
export * from './document';
export * from './envelope';
export * from './equal';
export * from './evidence';
export * from './fields';
export * from './initials';
export * from './ids';
export * from './instantiate';
export * from './layout';
export * from './limits';
export * from './problems';
export * from './restore';
export * from './salvage';
export * from './summary';
export * from './undo';
export * from './versioning';
export * from './sections/catalogue';
export * from './sections/chartSections';
export * from './sections/listSections';
export * from './sections/profileSections';
export * from './sections/types';
export * from './templates/index';
export * from './versions';
export * from './listQuery';
