/*
 * The besluitenlijst's verbs, by concept: list-store.ts (the row and what the verbs share),
 * verification.ts, corrections.ts, adoption.ts (adopt, publish, correct after publication) and
 * list-view.ts (the list as the table reads it).
 */
export {
	afterDecisionChange,
	maySpeakForParty,
	startVerification,
	verifyDecisionList
} from './verification';
export { answerCorrection, proposeCorrection } from './corrections';
export { adoptDecisionList, publishCorrection, publishDecisionList } from './adoption';
export {
	changedDecisions,
	getDecisionList,
	publicationChoices,
	verificationStates,
	type DecisionListView
} from './list-view';
export { listFingerprint } from './list-store';
