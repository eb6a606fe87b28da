export * from './board';
export * from './richText';
export * from './shapes';
export * from './area';
export * from './layout';
export * from './ids';
export * from './validate';
export * from './rules';
