import { z } from 'zod';
import { meetingKinds } from '../db/schema';
import { expectedVersion, optionalText, uuidOf } from '../kernel/input';
import { freeText, refuseUnfit } from '../kernel/text';

/** An instant: a Date, or an ISO 8601 date-time with an offset (the API's form). */
export const instant = (message: string) =>
	z
		.union([z.date({ error: message }), z.iso.datetime({ offset: true, error: message })], {
			error: message
		})
		.transform((value) => new Date(value));

const DAY = 86_400_000;
/** The platform holds no overleg from before 2000 (as the list's year filter says). */
const EARLIEST = Date.UTC(2000, 0, 1);
const YEARS_AHEAD = 10;
const inYears = (years: number, from = new Date()) => {
	const at = new Date(from);
	at.setUTCFullYear(at.getUTCFullYear() + years);
	return at;
};

/**
 * A meeting's time that can be meant: from 2000 to ten years ahead. A date like 1900 or 2999 is a
 * typing slip, and stored it would sit at the top or bottom of every list for good.
 */
const meetingTime = (message: string) =>
	instant(message).refine((at) => at.getTime() >= EARLIEST && at <= inYears(YEARS_AHEAD), {
		error: `Kies een tijdstip vanaf 2000 en niet verder dan ${YEARS_AHEAD} jaar vooruit.`
	});

const meetingShape = {
	kind: z.enum(meetingKinds, { error: 'Kies het soort overleg.' }),
	topic: optionalText('Het onderwerp', 200, 'Dit onderwerp is te lang.'),
	title: freeText('De titel', 'Vul een titel in.')
		.trim()
		.min(3, { error: 'Vul een titel in van minstens drie tekens.' })
		.max(200, { error: 'Deze titel is te lang (hoogstens 200 tekens).' }),
	startsAt: meetingTime('Vul een geldig begintijdstip in.'),
	endsAt: meetingTime('Vul een geldig eindtijdstip in.'),
	location: optionalText('De plaats', 300, 'Deze plaats is te lang.'),
	onlineUrl: z
		.union([
			z.literal('').transform(() => null),
			z
				.url({ protocol: /^https?$/, error: 'Vul een geldige link in die begint met https://.' })
				.superRefine(refuseUnfit('De link voor online deelname'))
		])
		.nullish()
		.transform((value) => value ?? null),
	chair: optionalText('De voorzitter', 200, 'Deze naam is te lang.'),
	proposalDeadline: meetingTime('Vul een geldige termijn voor voorstellen in.')
		.nullish()
		.transform((value) => value ?? null),
	preparatoryMeetingId: uuidOf('Kies een voorbereidende vergadering uit de lijst.')
		.nullish()
		.transform((value) => value ?? null)
};

/**
 * A new meeting (planMeeting): besides the times any meeting may have, it cannot start more than
 * a year ago. Recording a meeting long past is not planning; an existing one keeps its date.
 */
export const meetingFields = z.object({
	...meetingShape,
	startsAt: meetingShape.startsAt.refine((at) => at.getTime() >= Date.now() - 365 * DAY, {
		error: 'Een nieuwe vergadering kan niet meer dan een jaar geleden beginnen.'
	})
});
export type MeetingFields = z.output<typeof meetingFields>;

/** A change to an existing meeting: only the times that can be meant, whatever its date was. */
export const updateMeetingSchema = z.object(meetingShape).partial().extend({ expectedVersion });

export const listMeetingsSchema = z.object({
	kind: z.enum(meetingKinds, { error: 'Kies een soort overleg uit de lijst.' }).optional(),
	year: z.coerce
		.number({ error: 'Kies een jaar.' })
		.int({ error: 'Kies een jaar.' })
		.min(2000, { error: 'Kies een jaar vanaf 2000.' })
		.max(2100, { error: 'Kies een jaar tot 2100.' })
		.optional(),
	when: z
		.enum(['upcoming', 'past'], { error: 'Kies komende of afgelopen vergaderingen.' })
		.optional()
});

/** The Dutch name of each field, for messages. */
export const meetingFieldLabels: Record<string, string> = {
	kind: 'soort overleg',
	topic: 'onderwerp',
	title: 'titel',
	startsAt: 'begin',
	endsAt: 'einde',
	location: 'plaats',
	onlineUrl: 'link voor online deelname',
	chair: 'voorzitter',
	proposalDeadline: 'termijn voor voorstellen',
	preparatoryMeetingId: 'voorbereidende vergadering',
	status: 'status',
	cancelReason: 'reden van annulering'
};

/** Rules across fields; returns field → Dutch message. */
export function meetingProblems(fields: MeetingFields): Record<string, string> {
	const problems: Record<string, string> = {};
	if (fields.endsAt <= fields.startsAt)
		problems.endsAt = 'De vergadering moet eindigen na het begin.';
	if (fields.kind === 'sectorale_tafel' && !fields.topic)
		problems.topic = 'Vul het beleidsterrein van de sectorale tafel in.';
	if (fields.proposalDeadline && fields.proposalDeadline > fields.startsAt)
		problems.proposalDeadline = 'De termijn voor voorstellen moet vóór het begin liggen.';
	return problems;
}
