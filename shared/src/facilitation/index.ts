export * from './steps';
export * from './drafts';
