/** The public face of the budgets module: other modules and the app import only what is listed here (decision 050). */
export {
  assertReservedToPending,
  chargeableLine,
  type LineRef,
  lineForYear,
  pendingRejected,
  pendingToSpentWith,
  release,
  reserve,
  reservedToPending,
  reservedToPendingMoved,
  reservedToPendingParts,
  spentCorrected,
  tryReserve,
} from './budget-ledger.ts';
export { noteThresholds } from './budget-thresholds.ts';
export { addBudgetYears, availableByYear } from './budget-years.ts';
