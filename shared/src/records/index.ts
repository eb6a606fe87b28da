export * from './board';
export * from './richText';
export * from './shapes';
