import { formatMoneyPlain } from '$lib/money';
import type { ScheduleYear } from '$lib/realtime/finance-payloads';

/**
 * The rows a schedule form shows: what was sent back after a failure (every row), else the schedule
 * (prefilled in Dutch notation) and `spare` empty rows for new years.
 */
export function amountRowsOf(
	prefix: string,
	schedule: ScheduleYear[],
	sent: Record<string, string> | undefined,
	spare = 2
): { year: string; amount: string }[] {
	if (sent) {
		const numbers = Object.keys(sent)
			.map((name) => new RegExp(`^${prefix}\\.(\\d+)\\.(?:year|amount)$`).exec(name)?.[1])
			.filter((n): n is string => n !== undefined)
			.map(Number);
		const count = numbers.length ? Math.max(...numbers) + 1 : schedule.length + spare;
		return Array.from({ length: count }, (_, row) => ({
			year: sent[`${prefix}.${row}.year`] ?? '',
			amount: sent[`${prefix}.${row}.amount`] ?? ''
		}));
	}
	return [
		...schedule.map((line) => ({ year: String(line.year), amount: formatMoneyPlain(line.cents) })),
		...Array.from({ length: spare }, () => ({ year: '', amount: '' }))
	];
}
