import { m } from '$lib/paraglide/messages';
import { roleLabel } from '$lib/roles';

/** The kinds of event the audit page filters on, in the order of the select. */
export const auditTypes = [
	'auth.login_succeeded.v1',
	'auth.login_failed.v1',
	'auth.password_accepted.v1',
	'auth.second_factor_failed.v1',
	'auth.logout.v1',
	'auth.session_ended.v1',
	'auth.password_changed.v1',
	'auth.two_factor_enrolled.v1',
	'auth.invitation_sent.v1',
	'auth.invitation_accepted.v1',
	'auth.role_changed.v1',
	'auth.account_disabled.v1',
	'auth.account_enabled.v1',
	'auth.api_token_created.v1',
	'auth.api_token_revoked.v1'
] as const;

const labels: Record<string, () => string> = {
	'auth.login_succeeded.v1': m.admin_event_login_succeeded,
	'auth.login_failed.v1': m.admin_event_login_failed,
	'auth.password_accepted.v1': m.admin_event_password_accepted,
	'auth.second_factor_failed.v1': m.admin_event_second_factor_failed,
	'auth.logout.v1': m.admin_event_logout,
	'auth.session_ended.v1': m.admin_event_session_ended,
	'auth.password_changed.v1': m.admin_event_password_changed,
	'auth.two_factor_enrolled.v1': m.admin_event_two_factor_enrolled,
	'auth.invitation_sent.v1': m.admin_event_invitation_sent,
	'auth.invitation_accepted.v1': m.admin_event_invitation_accepted,
	'auth.role_changed.v1': m.admin_event_role_changed,
	'auth.account_disabled.v1': m.admin_event_account_disabled,
	'auth.account_enabled.v1': m.admin_event_account_enabled,
	'auth.api_token_created.v1': m.admin_event_api_token_created,
	'auth.api_token_revoked.v1': m.admin_event_api_token_revoked
};

/** What happened, in words; an unknown type is shown as it is. */
export function eventLabel(type: string): string {
	return labels[type]?.() ?? type;
}

const str = (value: unknown) =>
	typeof value === 'string' || typeof value === 'number' ? String(value) : null;

function reasonLabel(reason: string): string {
	switch (reason) {
		case 'unknown_account':
			return m.admin_detail_reason_unknown();
		case 'wrong_password':
			return m.admin_detail_reason_password();
		case 'disabled':
			return m.admin_detail_reason_disabled();
		default:
			return reason;
	}
}

// Internal ids say nothing to a reader; the audit trail keeps them in the database.
const hidden = new Set(['sessionId', 'tokenId', 'invitationId']);

/** The payload of an event as short phrases, e.g. "reden: verkeerd wachtwoord". */
export function eventDetails(payload: Record<string, unknown>): string[] {
	const details: string[] = [];
	const from = str(payload.from);
	const to = str(payload.to);
	if (from && to)
		details.push(m.admin_detail_role_change({ from: roleLabel(from), to: roleLabel(to) }));
	for (const [key, value] of Object.entries(payload)) {
		const text = str(value);
		if (hidden.has(key) || key === 'from' || key === 'to' || value === null) continue;
		switch (key) {
			case 'reason':
				details.push(m.admin_detail_reason({ reason: reasonLabel(text ?? '') }));
				break;
			case 'ipAddress':
				details.push(m.admin_detail_ip({ ip: text ?? '' }));
				break;
			case 'secondFactor':
				details.push(
					text === 'recovery_code' ? m.admin_detail_with_recovery() : m.admin_detail_with_totp()
				);
				break;
			case 'role':
				details.push(m.admin_detail_role({ role: roleLabel(text ?? '') }));
				break;
			case 'email':
				details.push(m.admin_detail_email({ email: text ?? '' }));
				break;
			case 'organisation':
				details.push(m.admin_detail_organisation({ organisation: text ?? '' }));
				break;
			case 'name':
				details.push(m.admin_detail_token_name({ name: text ?? '' }));
				break;
			case 'scope':
				details.push(
					text === 'write' ? m.account_token_scope_write() : m.account_token_scope_read()
				);
				break;
			case 'sessionsEnded':
			case 'otherSessionsEnded':
				details.push(m.admin_detail_sessions_ended({ count: text ?? '0' }));
				break;
			default:
				details.push(`${key}: ${text ?? JSON.stringify(value)}`);
		}
	}
	return details;
}

/** About whom or what: a person's name, an email address, or an invitation. */
export function eventSubject(subject: string): string {
	const [kind, ...rest] = subject.split(' ');
	const id = rest.join(' ');
	if (kind === 'email' && id) return id;
	if (kind === 'invitation' && id) return m.admin_subject_invitation();
	return subject;
}
