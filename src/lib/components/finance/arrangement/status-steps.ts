import type { ArrangementStatus } from '../labels';

/*
 * The steps an arrangement's status may take (as setArrangementStatus checks them): to the next or
 * back to the previous step of voorgesteld → toegezegd → verwerkt → uitbetaald, and vervallen from
 * any of them; a lapsed arrangement takes none. Who may take them is the gate's (the load's offers).
 */
const order = ['voorgesteld', 'toegezegd', 'verwerkt', 'uitbetaald'] as const;

export function statusSteps(status: ArrangementStatus): ArrangementStatus[] {
	if (status === 'vervallen') return [];
	const at = order.indexOf(status);
	return [order[at + 1], order[at - 1], 'vervallen' as const].filter(
		(step): step is ArrangementStatus => step !== undefined
	);
}
