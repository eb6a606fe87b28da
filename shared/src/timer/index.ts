export * from './timer';
export * from './clock';
