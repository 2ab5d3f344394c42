import { z } from 'zod';
import { attachmentListResponse, attachmentResponse, downloadResponse } from './item-schemas';
import { operationsOf, readErrors, writeErrors } from './operation';

const tag = 'Bijlagen';

export const attachmentOperations = operationsOf({
	listAttachments: {
		method: 'get',
		path: '/api/v1/items/{id}/attachments',
		tag,
		summary: 'De bijlagen van een agendapunt (zonder inhoud)',
		id: 'Het agendapunt',
		response: attachmentListResponse,
		errors: readErrors
	},
	uploadAttachment: {
		method: 'post',
		path: '/api/v1/items/{id}/attachments',
		tag,
		summary: 'Een bijlage toevoegen (eigen organisatie of secretariaat)',
		description:
			'PDF, DOCX, XLSX, ODT, ODS, PPTX, PNG of JPEG tot 25 MB; het type wordt aan de inhoud vastgesteld. Met een sessie moet het verzoek een Origin van dit platform meesturen.',
		id: 'Het agendapunt',
		body: z.object({ file: z.string().meta({ format: 'binary', description: 'Het bestand' }) }),
		bodyMediaType: 'multipart/form-data',
		response: attachmentResponse,
		status: 201,
		errors: writeErrors
	},
	downloadAttachment: {
		method: 'get',
		path: '/api/v1/attachments/{id}',
		tag,
		summary: 'Een bijlage downloaden',
		description:
			'Een bijlage van een agendapunt of van een voortgangsmelding bij een afspraak, voor wie die leest; met het type dat bij het uploaden aan de inhoud is vastgesteld.',
		id: 'De bijlage',
		response: downloadResponse,
		responseMediaType: 'application/octet-stream',
		errors: readErrors
	},
	deleteAttachment: {
		method: 'delete',
		path: '/api/v1/attachments/{id}',
		tag,
		summary: 'Een bijlage verwijderen (organisatie van de uploader of secretariaat)',
		description:
			'Het logboek houdt bij wie welk bestand verwijderde. Een bijlage bij een voortgangsmelding blijft, zoals de melding (409).',
		id: 'De bijlage',
		response: attachmentResponse,
		errors: [403, 404, 409]
	}
});
