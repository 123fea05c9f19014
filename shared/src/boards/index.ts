// Board documents: the three kinds' Yjs schemas with their read/write helpers (SPEC rules B1–B7),
// the ordered collections they are built from, the items an indexer derives from any of them, and
// the one-time upgrade of documents written before typed fields were Y.Text (B8).
export * from './kinds.ts';
export * from './collection.ts';
export * from './plan-graph.ts';
export * from './roadmap.ts';
export * from './programme.ts';
export * from './board-items.ts';
export * from './upgrade.ts';
