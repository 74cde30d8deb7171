// The whole schema, as drizzle-kit and the database handle see it.
export * from './schema-core';
export * from './schema-programme';
export * from './schema-soa';
export * from './schema-checklists';
export * from './schema-certification';
