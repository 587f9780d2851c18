import './zod-locale.ts';

export * from './contracts/advice.ts';
export * from './contracts/assignments.ts';
export * from './contracts/budgets.ts';
export * from './contracts/common.ts';
export * from './contracts/interpretation-requests.ts';
export * from './contracts/ledger.ts';
export * from './contracts/notifications.ts';
export * from './contracts/reference-data.ts';
export * from './contracts/sessions.ts';
export * from './contracts/specialists.ts';
export * from './contracts/time-entries.ts';
export * from './dates.ts';
export * from './lifecycle.ts';
export * from './money.ts';
export * from './personal-data.ts';
export * from './problems.ts';
export * from './roles.ts';
