/** A comment as the item page shows it. */
export interface CommentView {
	id: string;
	parentId: string | null;
	authorId: string;
	authorName: string;
	body: string;
	createdAt: Date;
	editedAt: Date | null;
	deletedAt: Date | null;
}

/** A failed comment form: which form, its messages and what was typed. */
export interface CommentFailure {
	form: string;
	errors: Record<string, string>;
	values?: Record<string, string>;
}
