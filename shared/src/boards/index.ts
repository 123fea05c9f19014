// Board documents: the three kinds' Yjs schemas with their read/write helpers (SPEC rules B1–B7),
// the ordered collections they are built from, the plan of sections and items a roadmap and a
// programme share, the document header every board has (B9), the items an indexer derives from any
// of them, the one-time upgrade of older documents (B8), and the board JSON form both ways (B10).
export * from './kinds.ts';
export * from './collection.ts';
export * from './plan-graph.ts';
export * from './plan.ts';
export * from './roadmap.ts';
export * from './programme.ts';
export * from './board-items.ts';
export * from './upgrade.ts';
export * from './board-json.ts';
export * from './document-header.ts';
export * from './rich-text.ts';
export * from './board-json-io.ts';
