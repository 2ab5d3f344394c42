/** A party's word on the agenda, as the approval panel shows it. */
export interface PartyRow {
	party: string;
	state: string;
	changes: readonly { itemId: string; description: string }[];
	decidedByName: string | null;
	approval: {
		decision: string;
		reason: string | null;
		decidedAt: Date;
		itemPositions: Record<string, string>;
	} | null;
}
