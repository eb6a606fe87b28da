export * from './boardDoc';
