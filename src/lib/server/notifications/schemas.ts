import { z } from 'zod';
import { notificationLanguages } from '../db/schema';
import { expectedVersion } from '../kernel/input';
import { notificationKinds } from './table';

export const listNotificationsSchema = z.object({
	limit: z.coerce
		.number({ error: 'Geef een aantal van 1 tot 100.' })
		.int({ error: 'Geef een aantal van 1 tot 100.' })
		.min(1, { error: 'Geef een aantal van 1 tot 100.' })
		.max(100, { error: 'Geef een aantal van 1 tot 100.' })
		.default(50),
	unread: z
		.enum(['true', 'false'], { error: 'Kies true of false.' })
		.optional()
		.meta({ description: 'Alleen de ongelezen meldingen' }),
	lang: z
		.enum(notificationLanguages, { error: 'Kies nl of en.' })
		.optional()
		.meta({ description: 'De taal van de teksten; anders die van de e-mailvoorkeuren' })
});

/** Either some notifications by id, or all of them. */
export const markReadSchema = z
	.object({
		ids: z
			.array(z.uuid({ error: 'Dit is geen melding.' }), { error: 'Geef de meldingen op.' })
			.max(200, { error: 'Hoogstens 200 meldingen tegelijk.' })
			.default([]),
		all: z.boolean({ error: 'Geef true of false.' }).default(false)
	})
	.refine((value) => value.all || value.ids.length > 0, {
		error: 'Kies welke meldingen gelezen zijn.',
		path: ['ids']
	});

const kind = z.enum(notificationKinds as [string, ...string[]], {
	error: 'Dit soort melding bestaat niet.'
});

export const preferencesSchema = z.object({
	version: expectedVersion,
	language: z.enum(notificationLanguages, { error: 'Kies Nederlands of Engels.' }),
	/** The kinds for which a mail goes out; the others appear only in the app. */
	mailKinds: z.array(kind).default([]),
	digest: z.preprocess((value) => value === true || value === 'true', z.boolean()),
	digestTime: z
		.string({ error: 'Geef een tijd als 08:00.' })
		.regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Geef een tijd als 08:00.' })
		.default('08:00')
});
