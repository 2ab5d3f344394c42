/**
 * Headers every response carries. The Content-Security-Policy itself comes from SvelteKit's
 * `kit.csp` (so that its inline hydration script gets a nonce); these complete the set.
 */
export function securityHeaders(url: URL): Record<string, string> {
	const headers: Record<string, string> = {
		'x-content-type-options': 'nosniff',
		'referrer-policy': 'strict-origin-when-cross-origin',
		'permissions-policy':
			'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()',
		'x-frame-options': 'DENY',
		'cross-origin-opener-policy': 'same-origin'
	};
	if (url.protocol === 'https:') {
		headers['strict-transport-security'] = 'max-age=31536000; includeSubDomains';
	}
	return headers;
}
