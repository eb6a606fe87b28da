export * from './boardDoc';
export * from './awareness';
