// The three kinds of board. Their Yjs schemas arrive with the board issue; this names them.
export const BOARD_KINDS = ['plan-graph', 'roadmap', 'programme'] as const;
export type BoardKind = (typeof BOARD_KINDS)[number];
