import { m } from '$lib/paraglide/messages';

const browsers: [RegExp, string][] = [
	[/Edg(e|A|iOS)?\//, 'Edge'],
	[/OPR\/|Opera/, 'Opera'],
	[/Firefox\/|FxiOS/, 'Firefox'],
	[/SamsungBrowser/, 'Samsung Internet'],
	[/Chrome\/|CriOS|Chromium/, 'Chrome'],
	[/Safari\//, 'Safari']
];

const systems: [RegExp, string][] = [
	[/iPhone/, 'iPhone'],
	[/iPad/, 'iPad'],
	[/Android/, 'Android'],
	[/Windows/, 'Windows'],
	[/CrOS/, 'ChromeOS'],
	[/Macintosh|Mac OS X/, 'Mac'],
	[/Linux/, 'Linux']
];

/** "Firefox op Windows": the device of a session in plain words, from its user agent. */
export function describeDevice(userAgent: string | null | undefined): string {
	const agent = userAgent ?? '';
	const browser = browsers.find(([pattern]) => pattern.test(agent))?.[1];
	const system = systems.find(([pattern]) => pattern.test(agent))?.[1];
	if (browser && system) return m.account_device({ browser, system });
	if (browser) return browser;
	if (system) return system;
	return m.account_device_unknown();
}
