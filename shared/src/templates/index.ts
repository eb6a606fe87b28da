export * from './template';
export * from './buildBoard';
export { BUILTIN_TEMPLATES } from './builtin/index';
