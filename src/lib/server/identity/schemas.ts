import { z } from 'zod';
import { roles } from '../db/schema';
import { MAX_PASSWORD_LENGTH } from '../auth/password';
import { calendarDate } from '../kernel/calendar-date';
import { freeText } from '../kernel/text';

const email = freeText('Het e-mailadres', 'Vul uw e-mailadres in.')
	.trim()
	.min(1, { error: 'Vul een e-mailadres in.' })
	.max(254, { error: 'Dit e-mailadres is te lang.' })
	.pipe(z.email({ error: 'Vul een geldig e-mailadres in, zoals naam@organisatie.nl.' }));

// Tabs and other whitespace in a password stay as typed; only characters that are not text go.
const password = freeText('Het wachtwoord', 'Vul een wachtwoord in.')
	.min(1, { error: 'Vul een wachtwoord in.' })
	.max(MAX_PASSWORD_LENGTH, { error: 'Dit wachtwoord is te lang.' });

export const loginSchema = z.object({ email, password });

export const totpCodeSchema = z.object({
	code: freeText('De code', 'Vul de code in.')
		.trim()
		.min(1, { error: 'Vul de code uit uw app of een herstelcode in.' })
		.max(32, { error: 'Deze code is te lang.' })
});

export const roleSchema = z.enum(roles, { error: 'Kies een rol.' });

export const inviteSchema = z.object({
	email,
	organisationId: z.uuid({ error: 'Kies een organisatie.' }),
	role: roleSchema
});

export const acceptInvitationSchema = z.object({
	name: freeText('Uw naam', 'Vul uw naam in.')
		.trim()
		.min(2, { error: 'Vul uw volledige naam in.' })
		.max(120, { error: 'Deze naam is te lang.' }),
	password,
	passwordConfirm: freeText('Het herhaalde wachtwoord', 'Herhaal het wachtwoord.')
});

export const changePasswordSchema = z.object({
	currentPassword: password,
	newPassword: password,
	newPasswordConfirm: freeText('Het herhaalde wachtwoord', 'Herhaal het nieuwe wachtwoord.')
});

export const confirmTotpSchema = z.object({
	key: freeText('De sleutel', 'De sleutel ontbreekt. Begin opnieuw.').min(16).max(64),
	code: freeText('De code', 'Vul de code uit uw app in.')
		.trim()
		.regex(/^\d{6}$/, {
			error: 'Vul de zes cijfers uit uw app in.'
		})
});

export const apiTokenSchema = z.object({
	name: freeText('De naam van het token', 'Geef het token een naam.')
		.trim()
		.min(2, { error: 'Geef het token een naam van minstens twee tekens.' })
		.max(80, { error: 'Deze naam is te lang.' }),
	scope: z.enum(['read', 'write'], { error: 'Kies alleen lezen of lezen en schrijven.' }),
	expiresInDays: z.coerce
		.number({ error: 'Kies een geldigheidsduur.' })
		.int()
		.min(1, { error: 'Kies een geldigheidsduur van 1 tot 365 dagen.' })
		.max(365, { error: 'Kies een geldigheidsduur van 1 tot 365 dagen.' })
		.default(90)
});

export const changeRoleSchema = z.object({ personId: z.uuid(), role: roleSchema });

export const auditFilterSchema = z.object({
	person: z.uuid({ error: 'Kies een persoon uit de lijst.' }).optional(),
	type: freeText('De soort gebeurtenis', 'Kies een soort gebeurtenis uit de lijst.')
		.trim()
		.max(80)
		.regex(/^[a-z_.0-9]*$/, { error: 'Kies een soort gebeurtenis uit de lijst.' })
		.optional(),
	from: calendarDate('Vul een datum in als jjjj-mm-dd.').optional(),
	to: calendarDate('Vul een datum in als jjjj-mm-dd.').optional(),
	before: z.coerce.number().int().positive().optional()
});
