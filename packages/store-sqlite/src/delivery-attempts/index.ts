export * from './sqlite-delivery-attempt-store';
