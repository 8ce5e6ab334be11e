export * from './error/index';
export * from './api-key/index';
export * from './health/index';
export * from './catalog/index';
export * from './import/index';
