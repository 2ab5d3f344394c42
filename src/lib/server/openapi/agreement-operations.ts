import { z } from 'zod';
import {
	createAgreementSchema,
	dashboardQuery,
	linkSchema,
	ownerSchema,
	progressSchema,
	ratificationSchema,
	registerQuery,
	removeOwnerSchema,
	statusBody,
	unlinkSchema,
	updateAgreementSchema
} from '../agreements/schemas';
import {
	agreementDetailResponse,
	agreementRowResponse,
	dashboardResponse,
	link,
	progressReport,
	ratification,
	registerResponse
} from './agreement-schemas';
import { operationsOf, readErrors, versionedErrors, writeErrors } from './operation';

/*
 * The agreements register (afspraken). A row is the projection the register page and the live
 * event carry (src/lib/realtime/agreement-payloads.ts); one agreement adds its text, the koepels'
 * ratifications, the progress reports and the chain both ways. Overdue (verlopen), a fallback in
 * force and bekrachtigd are derived, never sent in. The version counts changes to the agreement
 * itself (text, dates, status, owners, links); progress reports and ratifications are rows of
 * their own, so reading one is answered without an ETag.
 */

const tag = 'Afspraken';
const base = '/api/v1/agreements';
const agreement = 'De afspraak';

export const agreementOperations = operationsOf({
	listAgreements: {
		method: 'get',
		path: base,
		tag,
		summary: 'Het register van afspraken',
		description:
			'Filters op partij, status (één of meer: `?status=open&status=vertraagd`), vergadering, periode (termijn van/tot), verlopen, mijn afspraken (contactpersoon) en die van mijn partij; zoeken in het Nederlands; sorteren; per pagina, met het totaal.',
		query: registerQuery,
		response: registerResponse,
		errors: [400]
	},
	createAgreement: {
		method: 'post',
		path: base,
		tag,
		summary: 'Een afspraak maken (secretariaat)',
		description:
			'Uit een besluit (`decisionId`) of toezegging (`commitmentId`) van de besluitenlijst, waarvan de tekst, de vergadering en de datum worden overgenomen tenzij gegeven; of vrij voor een vergadering (`meetingId`). Vertrouwelijk, tenzij het besluit openbaar is gepubliceerd.',
		body: createAgreementSchema,
		response: agreementRowResponse,
		status: 201,
		etag: true,
		errors: [400, 403, 409, 413, 415]
	},
	agreementDashboard: {
		method: 'get',
		path: `${base}/dashboard/counts`,
		tag,
		summary:
			'De tellingen van een partij: open, binnen 30 dagen, verlopen, dit jaar afgerond, wacht op bekrachtiging',
		description: 'Zonder `party` die van de eigen partij.',
		query: dashboardQuery,
		response: dashboardResponse,
		errors: [400]
	},
	getAgreement: {
		method: 'get',
		path: `${base}/{id}`,
		tag,
		summary: 'Eén afspraak, met actiehouders, bekrachtiging, voortgang en de keten',
		id: agreement,
		response: agreementDetailResponse,
		errors: readErrors
	},
	updateAgreement: {
		method: 'patch',
		path: `${base}/{id}`,
		tag,
		summary: 'Een afspraak bewerken (secretariaat)',
		description: 'Stuur alleen de velden die veranderen, met de versie in If-Match.',
		id: agreement,
		body: updateAgreementSchema.omit({ expectedVersion: true }),
		response: agreementRowResponse,
		ifMatch: true,
		etag: true,
		errors: versionedErrors
	},
	setAgreementStatus: {
		method: 'post',
		path: `${base}/{id}/status`,
		tag,
		summary: 'De status zetten',
		description:
			'Het secretariaat zet elke status (vervallen met een reden). Een actiehouder zet in uitvoering, of vertraagd met een nieuwe verwachte datum, zolang de afspraak niet gesloten is.',
		id: agreement,
		body: statusBody,
		response: agreementRowResponse,
		ifMatch: true,
		etag: true,
		errors: versionedErrors
	},
	addAgreementOwner: {
		method: 'post',
		path: `${base}/{id}/owners`,
		tag,
		summary: 'Een actiehouder toevoegen, met contactpersoon (secretariaat)',
		id: agreement,
		body: ownerSchema,
		response: agreementRowResponse,
		errors: writeErrors
	},
	removeAgreementOwner: {
		method: 'post',
		path: `${base}/{id}/owners/remove`,
		tag,
		summary: 'Een actiehouder verwijderen (secretariaat)',
		description: 'Een afspraak houdt minstens één actiehouder.',
		id: agreement,
		body: removeOwnerSchema,
		response: agreementRowResponse,
		errors: writeErrors
	},
	reportAgreementProgress: {
		method: 'post',
		path: `${base}/{id}/progress`,
		tag,
		summary: 'Voortgang melden (actiehouder, voor het eigen deel)',
		description:
			'Een tekst, en desgewenst een percentage van 0 tot en met 100. Met bijlagen als multipart/form-data: `text`, `percent` en tot vijf bestanden in het veld `file` (PDF, DOCX, XLSX, ODT, ODS, PPTX, PNG of JPEG, samen tot 25 MB; het type wordt aan de inhoud vastgesteld). Met een sessie moet zo’n verzoek een Origin van dit platform meesturen.',
		id: agreement,
		body: progressSchema,
		multipartBody: z.object({
			text: z.string().meta({ description: 'De voortgang' }),
			percent: z.string().optional().meta({ description: 'Een heel getal van 0 tot en met 100' }),
			file: z
				.array(z.string().meta({ format: 'binary' }))
				.max(5)
				.optional()
				.meta({ description: 'De bestanden, elk in een veld "file"' })
		}),
		response: z
			.object({ progress: progressReport, agreement: agreementRowResponse })
			.meta({ id: 'ReportedProgress' }),
		status: 201,
		errors: writeErrors
	},
	recordAgreementRatification: {
		method: 'put',
		path: `${base}/{id}/ratification`,
		tag,
		summary: 'De ledenraadpleging vastleggen (de eigen koepel)',
		description:
			'Niet nodig, lopend (met sluitingsdatum), goedgekeurd of afgewezen (met datum), met de ledenbrief. Bij een correctie: `version` zoals u haar had (anders 412).',
		id: agreement,
		body: ratificationSchema,
		response: z
			.object({ ratification, agreement: agreementRowResponse })
			.meta({ id: 'RecordedRatification' }),
		errors: versionedErrors.filter((code) => code !== 428)
	},
	linkAgreement: {
		method: 'post',
		path: `${base}/{id}/links`,
		tag,
		summary: 'Doorverwijzen naar een latere afspraak of een bestemming (secretariaat)',
		description:
			'`toAgreementId`, of `destination` met soort (meeting, bofv, sectorale_tafel, begrotingsmoment, other), naam en eventueel vergadering en datum.',
		id: agreement,
		body: linkSchema,
		response: z.object({ link, agreement: agreementRowResponse }).meta({ id: 'AgreementLinked' }),
		status: 201,
		errors: writeErrors
	},
	unlinkAgreement: {
		method: 'post',
		path: `${base}/{id}/links/remove`,
		tag,
		summary: 'Een doorverwijzing weghalen (secretariaat)',
		description:
			'`linkId` van een doorverwijzing van deze afspraak zelf (400 voor een andere), met de versie in If-Match; desgewenst een `reason`. Antwoordt met de afspraak.',
		id: agreement,
		body: unlinkSchema.omit({ expectedVersion: true }),
		response: agreementRowResponse,
		ifMatch: true,
		etag: true,
		errors: versionedErrors
	}
});
