export * from './template';
export * from './buildBoard';
export * from './fromBoard';
export { BUILTIN_TEMPLATES } from './builtin/index';
