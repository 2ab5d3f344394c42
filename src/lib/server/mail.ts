import { createTransport, type Transporter } from 'nodemailer';
import { config } from './config';
import { logger } from './logger';

export interface Mail {
	to: string;
	subject: string;
	text: string;
	/** An HTML part beside the plain text (the notification mails have one). */
	html?: string;
}

export interface MailResult {
	/** False when no SMTP server is configured: the caller shows the link instead. */
	sent: boolean;
}

let transport: Transporter | undefined;
let transportUrl: string | undefined;

/**
 * Sends mail through SMTP_URL (nodemailer). Without it the message goes to the log, so that the
 * invitation flow works on a fresh machine; the caller then shows the link to the inviter.
 */
export async function sendMail(mail: Mail): Promise<MailResult> {
	const cfg = config();
	if (!cfg.SMTP_URL) {
		logger.info(
			{ to: mail.to, subject: mail.subject, text: mail.text },
			'mail not sent (no SMTP_URL)'
		);
		return { sent: false };
	}
	// A new transport when the address changed (tests start their SMTP server on a free port).
	if (!transport || transportUrl !== cfg.SMTP_URL) {
		transport?.close();
		transport = createTransport(cfg.SMTP_URL);
		transportUrl = cfg.SMTP_URL;
	}
	await transport.sendMail({ from: cfg.MAIL_FROM, ...mail });
	return { sent: true };
}
