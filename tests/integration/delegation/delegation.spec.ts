import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessError } from '../../../src/lib/server/access';
import { useDb } from '../../../src/lib/server/db';
import { approvalDelegations, events, people } from '../../../src/lib/server/db/schema';
import { InvalidInputError } from '../../../src/lib/server/kernel/errors';
import { recordApproval } from '../../../src/lib/server/agenda';
import { startAgendaAlignment } from '../../../src/lib/server/meetings';
import {
	grantDelegation,
	mayRecordApproval,
	myDelegations,
	revokeDelegation
} from '../../../src/lib/server/delegation';
import { createPerson } from '../identity/fixtures';
import { useProcessDatabase } from '../process-env';
import { createTeam, openMeetingFor, placedItem, rejection, type Team } from '../agenda/fixtures';

useProcessDatabase();

let team: Team;
beforeAll(async () => {
	team = await createTeam();
});

async function agendaInAlignment() {
	const meeting = await openMeetingFor(team);
	await placedItem(team, team.vngMedewerker, meeting.id, 30);
	await startAgendaAlignment(team.secretariaat, meeting.id);
	return meeting;
}

/** A fresh VNG medewerker, so one test's delegations never help another. */
async function vngColleague() {
	return (await createPerson('medewerker', 'vng')).actor;
}

describe('grantDelegation', () => {
	it('allowed: a bestuurder delegates to a medewerker, who then records the akkoord', async () => {
		const medewerker = await vngColleague();
		const meeting = await agendaInAlignment();
		const refused = await rejection(
			recordApproval(medewerker, meeting.id, { decision: 'akkoord' })
		);
		expect((refused as AccessError).status).toBe(403);
		expect(await mayRecordApproval(medewerker)).toBe(false);
		expect(await mayRecordApproval(team.vngBestuurder)).toBe(true);
		expect(await mayRecordApproval(team.secretariaat)).toBe(false);
		const delegation = await grantDelegation(team.vngBestuurder, {
			delegateId: medewerker.personId
		});
		expect(await mayRecordApproval(medewerker)).toBe(true);
		expect(delegation).toMatchObject({ party: 'vng', validUntil: null, revokedAt: null });
		const approval = await recordApproval(medewerker, meeting.id, {
			decision: 'bezwaar',
			reason: 'Het punt over de jeugdzorg ontbreekt.'
		});
		expect(approval).toMatchObject({ party: 'vng', decidedBy: medewerker.personId });
		const db = await useDb();
		const logged = await db.select().from(events).where(eq(events.subjectId, delegation.id));
		expect(logged.map((e) => [e.type, e.audience])).toEqual([
			['delegation.granted.v1', [`organisation:${delegation.organisationId}`]]
		]);
		const [recorded] = await db
			.select()
			.from(events)
			.where(eq(events.actorPersonId, medewerker.personId));
		expect(recorded!.payload).toMatchObject({ delegatedBy: team.vngBestuurder.personId });
		const mine = await myDelegations(medewerker);
		expect(mine.received.map((row) => row.delegatorName)).toEqual([team.vngBestuurder.name]);
		const given = await myDelegations(team.vngBestuurder);
		expect(given.given.some((row) => row.delegateId === medewerker.personId)).toBe(true);
		expect(given.candidates.some((row) => row.id === medewerker.personId)).toBe(true);
	});

	it('denied: a medewerker cannot delegate; nobody delegates across organisations or to a bestuurder', async () => {
		const medewerker = await vngColleague();
		const byMedewerker = await rejection(
			grantDelegation(medewerker, { delegateId: team.vngMedewerker.personId })
		);
		expect((byMedewerker as AccessError).status).toBe(403);
		const otherOrganisation = await rejection(
			grantDelegation(team.vngBestuurder, { delegateId: team.ipoMedewerker.personId })
		);
		expect((otherOrganisation as AccessError).status).toBe(403);
		const bySecretariat = await rejection(
			grantDelegation(team.secretariaat, { delegateId: medewerker.personId })
		);
		expect((bySecretariat as AccessError).status).toBe(403);
		const toBestuurder = await rejection(
			grantDelegation(team.vngBestuurder, {
				delegateId: (await createPerson('bestuurder', 'vng')).actor.personId
			})
		);
		expect((toBestuurder as InvalidInputError).fields.delegateId).toMatch(/medewerker/);
		const past = await rejection(
			grantDelegation(team.vngBestuurder, {
				delegateId: medewerker.personId,
				validUntil: '2020-01-01'
			})
		);
		expect((past as InvalidInputError).fields.validUntil).toMatch(/vandaag/);
		const garbage = await rejection(grantDelegation(team.vngBestuurder, { delegateId: 'x' }));
		expect(garbage).toBeInstanceOf(InvalidInputError);
		const readDenied = await rejection(myDelegations(team.secretariaat));
		expect((readDenied as AccessError).status).toBe(404);
	});

	it("denied: a delegation covers only the delegate's own party", async () => {
		const medewerker = await vngColleague();
		await grantDelegation(team.vngBestuurder, { delegateId: medewerker.personId });
		const meeting = await agendaInAlignment();
		// The IPO medewerker has no delegation, whatever VNG's colleague has.
		const ipo = await rejection(
			recordApproval(team.ipoMedewerker, meeting.id, { decision: 'akkoord' })
		);
		expect((ipo as AccessError).status).toBe(403);
	});
});

describe('revokeDelegation and expiry', () => {
	it('allowed: revoking stops the delegation at once, and leaves a trace', async () => {
		const medewerker = await vngColleague();
		const meeting = await agendaInAlignment();
		const delegation = await grantDelegation(team.vngBestuurder, {
			delegateId: medewerker.personId,
			validUntil: new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10)
		});
		expect(delegation.validUntil!.getTime()).toBeGreaterThan(Date.now());
		await recordApproval(medewerker, meeting.id, { decision: 'akkoord' });
		const revoked = await revokeDelegation(team.vngBestuurder, delegation.id);
		expect(revoked.revokedAt).not.toBeNull();
		const after = await rejection(recordApproval(medewerker, meeting.id, { decision: 'akkoord' }));
		expect((after as AccessError).status).toBe(403);
		expect((await myDelegations(medewerker)).received).toEqual([]);
		const db = await useDb();
		const trace = await db
			.select()
			.from(events)
			.where(eq(events.subjectId, delegation.id))
			.orderBy(asc(events.id));
		expect(trace.map((e) => e.type)).toEqual(['delegation.granted.v1', 'delegation.revoked.v1']);
	});

	it('denied: an expired delegation, or one whose bestuurder left, no longer counts', async () => {
		const medewerker = await vngColleague();
		const meeting = await agendaInAlignment();
		const delegation = await grantDelegation(team.vngBestuurder, {
			delegateId: medewerker.personId
		});
		const db = await useDb();
		await db
			.update(approvalDelegations)
			.set({ validUntil: new Date(Date.now() - 1000) })
			.where(eq(approvalDelegations.id, delegation.id));
		const expired = await rejection(
			recordApproval(medewerker, meeting.id, { decision: 'akkoord' })
		);
		expect((expired as AccessError).status).toBe(403);
		const listed = await myDelegations(team.vngBestuurder);
		expect(listed.given.find((row) => row.id === delegation.id)?.expired).toBe(true);
		// A new grant replaces the expired one; then the bestuurder is blocked: it stops counting.
		const bestuurder = await createPerson('bestuurder', 'vng');
		await grantDelegation(bestuurder.actor, { delegateId: medewerker.personId });
		expect(await recordApproval(medewerker, meeting.id, { decision: 'akkoord' })).toBeTruthy();
		await db
			.update(people)
			.set({ disabledAt: new Date() })
			.where(eq(people.id, bestuurder.actor.personId));
		const left = await rejection(recordApproval(medewerker, meeting.id, { decision: 'akkoord' }));
		expect((left as AccessError).status).toBe(403);
	});

	it('denied: a medewerker cannot revoke (403); another organisation cannot see it (404)', async () => {
		const medewerker = await vngColleague();
		const delegation = await grantDelegation(team.vngBestuurder, {
			delegateId: medewerker.personId
		});
		const own = await rejection(revokeDelegation(medewerker, delegation.id));
		expect((own as AccessError).status).toBe(403);
		const other = await rejection(revokeDelegation(team.ipoBestuurder, delegation.id));
		expect((other as AccessError).status).toBe(404);
		const unknown = await rejection(revokeDelegation(team.vngBestuurder, 'nee'));
		expect((unknown as AccessError).status).toBe(404);
	});
});
