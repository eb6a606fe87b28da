export * from './steps';
export * from './drafts';
export * from './groups';
