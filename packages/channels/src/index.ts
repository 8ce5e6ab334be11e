export * from './delivery-payload';
export * from './webhook/webhook-signature';
export * from './webhook/classify-webhook-response';
export * from './webhook/webhook-channel';
export * from './log/log-channel';
export * from './staff-screen/staff-screen-hub';
export * from './staff-screen/staff-screen-channel';
