// The three kinds of board; each one's Yjs schema lives beside this file.
export const BOARD_KINDS = ['plan-graph', 'roadmap', 'programme'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];
