export * from './synthetic-operator/index';
