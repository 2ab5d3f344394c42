import type { Actor } from '../access';
import { useDb } from '../db';
import * as circulars from './circulars';
import * as moments from './moments';
import { isFinanceStaff } from './staff';

/*
 * The finance reads as routes call them: each opens the database itself, so that no route holds a
 * handle (HOUSE.md, thin routes). The modules' own versions take one, for the verbs and queries
 * that already run on a handle or in a transaction.
 */

export const listBudgetMoments = async () => moments.listBudgetMoments(await useDb());

export const listCirculars = async (actor: Actor | null) =>
	circulars.listCirculars(await useDb(), actor);

export const getCircular = async (actor: Actor, id: string) =>
	circulars.getCircular(await useDb(), actor, id);

export const previewCircularImport = async (
	actor: Actor,
	circularId: string,
	bytes: Uint8Array,
	fileName: string
) => circulars.previewCircularImport(await useDb(), actor, circularId, bytes, fileName);

/** Whether the actor records the money (Financiën or BZK staff), for what a page offers. */
export const financeStaffOf = async (actor: Actor) => isFinanceStaff(await useDb(), actor);
