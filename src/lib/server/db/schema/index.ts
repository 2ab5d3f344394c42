// One file per domain; this index is what drizzle-kit and the database module read.
export * from './organisations';
