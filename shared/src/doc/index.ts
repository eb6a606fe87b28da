export * from './boardDoc';
export * from './awareness';
export * from './docName';
export * from './controlDoc';
