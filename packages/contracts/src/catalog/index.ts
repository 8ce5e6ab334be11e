export * from './catalog.schema';
