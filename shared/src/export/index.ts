export * from './workshopExport';
export * from './fromDocs';
