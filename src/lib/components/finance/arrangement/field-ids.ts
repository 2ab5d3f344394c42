/** The error summary's map from the arrangement's field names to the inputs of ArrangementFields. */
export const arrangementFieldIds = (prefix: string): Record<string, string> => ({
	title: `${prefix}-title`,
	description: `${prefix}-description`,
	instrument: `${prefix}-instrument`,
	layer: `${prefix}-layer`,
	nature: `${prefix}-nature`,
	budgetMomentId: `${prefix}-moment`,
	sourceDocument: `${prefix}-source`,
	expectedCircularKind: `${prefix}-circular-kind`,
	expectedCircularYear: `${prefix}-circular-year`,
	confidentiality: `${prefix}-confidentiality`
});
