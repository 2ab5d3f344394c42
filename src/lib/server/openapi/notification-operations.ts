import { z } from 'zod';
import { listNotificationsSchema, markReadSchema } from '../notifications/schemas';
import { operationsOf } from './operation';

const notification = z
	.object({
		id: z.uuid(),
		kind: z.string().meta({ description: 'De rij van de meldingentabel (zie de README)' }),
		subject: z.string().meta({ description: 'Wat er gevraagd wordt' }),
		body: z.string(),
		link: z.string().meta({ description: 'Het pad in de app waar de persoon handelt' }),
		createdAt: z.iso.datetime({ offset: true }),
		readAt: z.iso.datetime({ offset: true }).nullable()
	})
	.meta({ id: 'Notification' });

export const notificationListResponse = z
	.object({
		notifications: z.array(notification),
		unread: z.int().meta({ description: 'Aantal ongelezen meldingen, op elk apparaat gelijk' })
	})
	.meta({ id: 'NotificationList' });

export const markReadResponse = z
	.object({
		marked: z.array(z.uuid()).meta({ description: 'De meldingen die nu gelezen zijn' }),
		unread: z.int()
	})
	.meta({ id: 'NotificationsMarked' });

const tag = 'Meldingen';

export const notificationOperations = operationsOf({
	listNotifications: {
		method: 'get',
		path: '/api/v1/notifications',
		tag,
		summary: 'De eigen meldingen, nieuwste eerst, met het aantal ongelezen',
		description:
			'Wat de bel toont: elke melding van de persoon van het token of de sessie, tot 90 dagen terug.',
		query: listNotificationsSchema,
		response: notificationListResponse,
		errors: [400]
	},
	markNotificationsRead: {
		method: 'post',
		path: '/api/v1/notifications/read',
		tag,
		summary: 'Meldingen als gelezen markeren: enkele (ids) of alle (all)',
		description:
			'Andermans meldingen blijven ongemoeid. De andere apparaten van de persoon horen het via de live verbinding (notification.read.v1).',
		body: markReadSchema,
		response: markReadResponse,
		errors: [400, 403]
	}
});
