export * from './audit.ts';
export * from './ledger.ts';
export * from './money.ts';
export * from './organisation.ts';
export * from './requests.ts';
export * from './specialists.ts';
export * from './users.ts';
