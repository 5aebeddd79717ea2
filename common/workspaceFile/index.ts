/**
 * The workspace file: one versioned envelope of every collection (a backup, or a password-protected
 * client bundle), read back with every problem reported by path and restored without silent overwrites.
 */
export * from './format';
export * from './crypto';
export * from './check';
export * from './file';
export * from './restore';
