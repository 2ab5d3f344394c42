import { agendaCases } from './agenda';
import type { Case } from './cases';
import { contributionCases } from './contributions';
import { financeCases } from './finance';
import { outcomeCases } from './outcomes';
import { peopleCases } from './people';

/**
 * Test data for the access specs (access-matrix.spec.ts, access.spec.ts); no verb imports it.
 * The matrix: for every permission, who is allowed and who is denied, with the subject that
 * decides it, one file per domain. The completeness tests hold each row to at least one allowed and
 * one denied case, a denied role for a permission not every role holds, and a denied subject for a
 * permission whose subject decides: an allowed case alone passes whatever the gate does. `null` is
 * a visitor who is not signed in, the one denied case of a permission every role holds.
 */
export const matrix: Case[] = [
	...peopleCases,
	...agendaCases,
	...contributionCases,
	...outcomeCases,
	...financeCases
];
