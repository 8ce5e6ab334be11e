export * from './synthetic-operator/index';
export { createInMemoryEngine } from './console-demo/demo-operator';
