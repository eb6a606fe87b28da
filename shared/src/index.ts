export * from './protocol/roles';
export * from './protocol/closeCodes';
export * from './model/ids';
export * from './model/workshop';
export * from './api/workshops';
export * from './model/limits';
export * from './doc/index';
export * from './records/index';
