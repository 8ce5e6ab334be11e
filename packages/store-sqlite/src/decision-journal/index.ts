export * from './sqlite-decision-journal';
export * from './sqlite-customer-history';
