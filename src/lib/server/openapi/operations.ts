import { agreementOperations } from './agreement-operations';
import { attachmentOperations } from './attachment-operations';
import { decisionOperations } from './decision-operations';
import { financeOperations } from './finance-operations';
import { generalOperations } from './general-operations';
import { itemOperations } from './item-operations';
import { meetingOperations } from './meeting-operations';
import { notificationOperations } from './notification-operations';
import { progressItemOperations } from './progress-item-operations';
import type { Operation } from './operation';
import { publicOperations } from './public-operations';

/**
 * Every operation of the API by its operationId, in the order the docs page shows them. A route
 * runs its operation (`endpoint(api.submitItem, …)`) and the document describes the same object.
 */
export const api = {
	...generalOperations,
	...meetingOperations,
	...itemOperations,
	...progressItemOperations,
	...attachmentOperations,
	...decisionOperations,
	...agreementOperations,
	...financeOperations,
	...notificationOperations,
	...publicOperations
};

export const operations: Operation[] = Object.values(api);
