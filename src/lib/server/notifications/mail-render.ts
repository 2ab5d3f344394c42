import { config } from '../config';
import type { Mail } from '../mail';
import type { NotificationLanguage } from '../db/schema';
import type { Text } from './rule';

/** The app's public address, for the one link in a mail. */
export function appOrigin(): string {
	const cfg = config();
	return cfg.ORIGIN ?? `http://localhost:${cfg.PORT}`;
}

const words = {
	nl: {
		greeting: (name: string) => `Beste ${name},`,
		act: 'Ga naar de plek om te handelen',
		digest: (count: number) =>
			count === 1 ? 'Uw melding van vandaag' : `Uw ${count} meldingen van vandaag`,
		footer:
			'U krijgt deze e-mail van het Overhedenoverleg. Welke e-mail u krijgt, kiest u onder Mijn account, Meldingen.'
	},
	en: {
		greeting: (name: string) => `Dear ${name},`,
		act: 'Go to the place to act',
		digest: (count: number) =>
			count === 1 ? 'Your notification of today' : `Your ${count} notifications of today`,
		footer:
			'You receive this email from the Overhedenoverleg. Choose which email you get under My account, Notifications.'
	}
} as const;

function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export interface Recipient {
	email: string;
	name: string;
	language: NotificationLanguage;
}

/** One notification, one mail: the subject says what is asked, one link to act. */
export function notificationMail(to: Recipient, text: Text, link: string): Mail {
	const w = words[to.language];
	const url = appOrigin() + link;
	const footer = w.footer;
	return {
		to: to.email,
		subject: text.subject,
		text: `${w.greeting(to.name)}\n\n${text.body}\n\n${w.act}: ${url}\n\n--\n${footer}\n`,
		html:
			`<p>${escapeHtml(w.greeting(to.name))}</p><p>${escapeHtml(text.body)}</p>` +
			`<p><a href="${escapeHtml(url)}">${escapeHtml(w.act)}</a></p>` +
			`<hr><p><small>${escapeHtml(footer)}</small></p>`
	};
}

/** The daily digest: every notification of the day, each with its own subject, one link: the list. */
export function digestMail(to: Recipient, texts: Text[]): Mail {
	const w = words[to.language];
	const url = `${appOrigin()}/meldingen`;
	const footer = w.footer;
	const lines = texts.map((text) => `- ${text.subject}\n  ${text.body}`).join('\n');
	const items = texts
		.map(
			(text) => `<li><strong>${escapeHtml(text.subject)}</strong><br>${escapeHtml(text.body)}</li>`
		)
		.join('');
	return {
		to: to.email,
		subject: w.digest(texts.length),
		text: `${w.greeting(to.name)}\n\n${lines}\n\n${w.act}: ${url}\n\n--\n${footer}\n`,
		html:
			`<p>${escapeHtml(w.greeting(to.name))}</p><ul>${items}</ul>` +
			`<p><a href="${escapeHtml(url)}">${escapeHtml(w.act)}</a></p>` +
			`<hr><p><small>${escapeHtml(footer)}</small></p>`
	};
}
