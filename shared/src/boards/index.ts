// Board documents: the three kinds' Yjs schemas with their read/write helpers (SPEC rules B1–B7),
// the ordered collections they are built from, and the items an indexer derives from any of them.
export * from './kinds.ts';
export * from './collection.ts';
export * from './plan-graph.ts';
export * from './roadmap.ts';
export * from './programme.ts';
export * from './board-items.ts';
