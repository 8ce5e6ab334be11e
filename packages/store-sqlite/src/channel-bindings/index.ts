export * from './sqlite-channel-binding-store';
