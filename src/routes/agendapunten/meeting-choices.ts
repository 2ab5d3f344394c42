import type { SelectOption } from '$lib/components/SelectField.svelte';
import { formatWhen } from '$lib/format-time';
import { m } from '$lib/paraglide/messages';

/** A meeting the item form offers (item-form.server.ts, openMeetings). */
export interface MeetingChoice {
	id: string;
	title: string;
	startsAt: Date;
	proposalDeadline: Date | null;
	/** Whether an item can be submitted to it now. */
	accepts: boolean;
	/** Whether a submission now would be a late one. */
	late: boolean;
}

/**
 * The item form's meeting choices, and per meeting what submitting to it means, said before the
 * person submits: until when proposals are on time, that a submission now is late and what then
 * happens, or that the meeting does not take proposals yet. The option's label says the last two
 * as well, for a page without JavaScript, where the sentence does not follow the choice.
 */
export function meetingChoices(meetings: readonly MeetingChoice[]) {
	const options: SelectOption[] = [
		{ value: '', label: m.item_unscheduled() },
		...meetings.map((meeting) => {
			const label = `${meeting.title} (${formatWhen(meeting.startsAt)})`;
			return {
				value: meeting.id,
				label: !meeting.accepts
					? m.item_form_meeting_option_not_open({ meeting: label })
					: meeting.late
						? m.item_form_meeting_option_late({ meeting: label })
						: label
			};
		})
	];
	const notes: Record<string, string> = Object.fromEntries(
		meetings.map((meeting) => [meeting.id, noteFor(meeting)])
	);
	return { options, notes };
}

function noteFor(meeting: MeetingChoice): string {
	if (!meeting.accepts) return m.item_form_meeting_note_not_open();
	if (!meeting.proposalDeadline) return m.item_form_meeting_note_no_deadline();
	const deadline = formatWhen(meeting.proposalDeadline);
	return meeting.late
		? m.item_form_meeting_note_late({ deadline })
		: m.item_form_meeting_note_deadline({ deadline });
}
