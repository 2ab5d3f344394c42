import { partyLabel } from '$lib/components/item-labels';
import { m } from '$lib/paraglide/messages';
import type { AgreementHistoryEntry } from '$lib/realtime/agreement-history';
import {
	agreementFieldLabel,
	agreementStatusLabel,
	day,
	linkKindLabel,
	ownerLabel,
	ratificationStateLabel
} from './agreement-labels';

/** What one line of an agreement's history says, in the page's language. */
export function historyText(entry: AgreementHistoryEntry): string {
	const owner = entry.owner && `${ownerLabel(entry.owner)} (${entry.owner.contactName})`;
	switch (entry.kind) {
		case 'created':
			return m.agreements_history_created();
		case 'updated':
			return m.agreements_history_updated({
				fields: entry.changed.map(agreementFieldLabel).join(', ')
			});
		case 'status_changed':
			return [
				m.agreements_history_status_changed({
					from: agreementStatusLabel(entry.from ?? ''),
					to: agreementStatusLabel(entry.to ?? '')
				}),
				entry.expectedDate && m.agreements_history_expected({ date: day(entry.expectedDate) }),
				entry.reason && m.agreements_history_reason({ reason: entry.reason })
			]
				.filter(Boolean)
				.join('. ');
		case 'owner_added':
			return m.agreements_history_owner_added({ owner: owner ?? '' });
		case 'owner_removed':
			return m.agreements_history_owner_removed({ owner: owner ?? '' });
		case 'progress_reported': {
			const text = m.agreements_history_progress_reported({
				party: partyLabel(entry.progress?.party ?? null)
			});
			const files = entry.progress?.files.length
				? ` ${m.agreements_history_progress_files({ files: entry.progress.files.join(', ') })}`
				: '';
			return entry.progress?.percent != null
				? `${text} (${m.agreements_progress_percent({ percent: entry.progress.percent })})${files}`
				: `${text}${files}`;
		}
		case 'ratification_recorded':
			return m.agreements_history_ratification_recorded({
				koepel: partyLabel(entry.ratification?.koepel ?? null),
				state: ratificationStateLabel(entry.ratification?.state ?? null).toLowerCase()
			});
		case 'linked':
			return m.agreements_history_linked({ destination: destinationOf(entry) });
		case 'unlinked':
			return [
				m.agreements_history_unlinked({ destination: destinationOf(entry) }),
				entry.reason && m.agreements_history_reason({ reason: entry.reason })
			]
				.filter(Boolean)
				.join('. ');
	}
}

/** Where a link led: a later agreement, or the named destination. */
const destinationOf = (entry: AgreementHistoryEntry) =>
	entry.link?.toAgreementId
		? m.agreements_history_linked_agreement()
		: m.agreements_link_destination({
				kind: linkKindLabel(entry.link?.kind ?? null),
				label: entry.link?.label ?? ''
			});
