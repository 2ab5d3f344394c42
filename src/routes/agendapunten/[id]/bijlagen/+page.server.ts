import { redirect } from '@sveltejs/kit';
import { z } from 'zod';
import { formFailure, invalidForm, text } from '$lib/form-results.server';
import { localizeHref } from '$lib/paraglide/runtime';
import { orAccessError, requireSignedIn } from '$lib/route-guards.server';
import { getItem } from '$lib/server/agenda';
import {
	MAX_ATTACHMENT_BYTES,
	attachmentsSection,
	deleteAttachment,
	uploadAttachment
} from '$lib/server/attachments';
import { requestContext } from '$lib/server/http/client';
import type { Actions, PageServerLoad } from './$types';

/** The item's attachments on a page of their own: where a failed upload or delete is explained. */
export const load: PageServerLoad = async (event) => {
	const { actor } = requireSignedIn(event);
	const item = await orAccessError(getItem(actor, event.params.id));
	const section = await orAccessError(attachmentsSection(actor, item));
	return {
		item: { id: item.id, title: item.title },
		attachments: section.attachments.map((row) => ({
			id: row.id,
			filename: row.filename,
			mediaType: row.mediaType,
			size: row.size,
			uploaderName: row.uploaderName,
			uploadedAt: row.uploadedAt,
			mayDelete: row.mayDelete
		})),
		mayUpload: section.mayUpload
	};
};

const backToItem = (id: string) => `${localizeHref(`/agendapunten/${id}`)}#bijlagen`;

export const actions: Actions = {
	upload: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const file = form.get('file');
		if (!(file instanceof File) || file.size === 0 || !file.name)
			return invalidForm('upload', { file: 'Kies een bestand.' });
		// Refused before reading it: the verb would refuse it too, after copying 25 MB.
		if (file.size > MAX_ATTACHMENT_BYTES)
			return invalidForm('upload', {
				file: 'Het bestand is groter dan 25 MB. Verklein het of splits het op.'
			});
		try {
			await uploadAttachment(
				actor,
				event.params.id,
				{ filename: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
				requestContext(event)
			);
		} catch (caught) {
			return formFailure('upload', caught);
		}
		redirect(303, backToItem(event.params.id));
	},

	delete: async (event) => {
		const { actor } = requireSignedIn(event);
		const form = await event.request.formData();
		const id = z.uuid().safeParse(text(form, 'attachmentId'));
		if (!id.success) return invalidForm('delete', { '': 'Deze bijlage bestaat niet (meer).' });
		try {
			await deleteAttachment(actor, id.data, requestContext(event));
		} catch (caught) {
			return formFailure('delete', caught);
		}
		redirect(303, backToItem(event.params.id));
	}
};
