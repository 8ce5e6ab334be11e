export * from './api-key.schema';
