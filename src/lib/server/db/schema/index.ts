// One file per domain; this index is what drizzle-kit and the database module read.
export * from './organisations';
export * from './identity';
export * from './events';
export * from './meetings';
export * from './agenda';
export * from './attachments';
export * from './calendar';
export * from './delegations';
export * from './notifications';
export * from './decisions';
export * from './decision-lists';
export * from './agreements';
export * from './finance';
