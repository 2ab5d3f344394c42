/*
 * Financial arrangements (financiële arrangementen): the money that follows from the table, kept
 * as a ledger (every change of a schedule an entry, append-only in the database), reconciled with
 * the fund circulars, answerable "as known at" any moment, and tied to the co-governance tasks it
 * funds. The verbs take the actor first and check access themselves; each change writes a
 * `finance.*.v1` event in its transaction, for the audience of audience.ts.
 */

export { createArrangement, updateArrangement, setArrangementStatus } from './arrangements';
export { recordEntry } from './ledger';
export { markFigures, commentOnArrangement } from './marks';
export { createCircular, importCircularAmounts, recordCircularAmounts } from './circulars';
export {
	financeStaffOf,
	getCircular,
	listBudgetMoments,
	listCirculars,
	previewCircularImport
} from './reads';
export { createTask, getTask, listTasks, reportNeed, updateTask } from './tasks';
export { arrangementsLinkedTo, getArrangement, type ArrangementDetail } from './detail';
export {
	arrangementOverview,
	arrangementOverviewAll,
	financeDifference,
	financeTotals,
	type ArrangementPage,
	type FinanceTotals
} from './queries';
export { resolveAsOf } from './moments';
