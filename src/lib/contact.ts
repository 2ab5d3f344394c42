/** Where people reach the joint secretariat. Example addresses until the real ones are known. */
export const contact = {
	secretariat: 'secretariaat@overhedenoverleg.example',
	accessibility: 'toegankelijkheid@overhedenoverleg.example',
	privacy: 'privacy@overhedenoverleg.example'
} as const;
