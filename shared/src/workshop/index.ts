export * from './focusArea';
export * from './note';
export * from './board';
export * from './operations';
export * from './placement';
