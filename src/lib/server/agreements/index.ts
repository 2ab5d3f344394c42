/*
 * Agreements (afspraken): what the governments promised each other at a meeting, with its
 * responsible parties, deadline, condition or fallback, where it was handed on to, progress and
 * the koepels' ratification. The verbs take the actor first and check access themselves; every
 * change writes an `agreement.*.v1` event in its transaction, for the audience of audience.ts.
 * Overdue, a fallback in force and "bekrachtigd" are derived (status.ts, and as SQL in queries.ts).
 */

export { createAgreement, updateAgreement } from './agreements';
export { setStatus } from './lifecycle';
export { addOwner, removeOwner } from './owners';
export { reportProgress } from './progress';
export { recordRatification } from './ratification';
export { linkOnward, unlinkOnward } from './links';
export { getAgreement, type AgreementDetail } from './detail';
export { agreementRegister, type RegisterPage } from './queries';
export { partyDashboard, type PartyDashboard } from './dashboard';
export { agreementChain, type ChainNode } from './chain';
