export * from './sqlite-pipeline-cursor';
