import { expect } from '@playwright/test';

/*
 * The mail the e2e server sent, as its SMTP sink (mail-sink.mjs) received it. The ports follow
 * from the app's port, so the config (which starts the sink) and the tests (in other processes)
 * agree without passing anything, and runs on other ports (other E2E_PORTs) do not meet.
 */

export interface SentMail {
	to: string[];
	subject: string;
	/** The whole message, quoted-printable decoded: search it for a text or a link. */
	body: string;
}

export function mailSinkPorts(appPort: number) {
	return { smtp: appPort + 20_000, http: appPort + 21_000 };
}

const sinkUrl = () =>
	`http://127.0.0.1:${mailSinkPorts(Number(process.env.E2E_PORT ?? 4173)).http}/messages`;

/** Everything the sink received so far, oldest first. */
export async function sentMail(): Promise<SentMail[]> {
	const response = await fetch(sinkUrl());
	return (await response.json()) as SentMail[];
}

/**
 * The one mail to this address whose subject holds the text, once it arrived: the mail goes out
 * from the queue after its step committed, so the test waits for it (up to the given time).
 */
export async function mailArrived(to: string, subject: string, timeout = 15_000) {
	let found: SentMail | undefined;
	await expect
		.poll(
			async () => {
				const matching = (await sentMail()).filter(
					(mail) => mail.to.includes(to) && mail.subject.includes(subject)
				);
				found = matching[0];
				return matching.length;
			},
			{ timeout, message: `a mail to ${to} about "${subject}"` }
		)
		.toBe(1);
	return found!;
}
