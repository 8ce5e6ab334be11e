export * from './error-code';
export * from './error-messages';
export * from './error-body.schema';
