// dashboard/: what a workspace's members read across its boards, all derived from the board index
// (board_items, board_activity): per-board status counts, this week's and month's events, the load
// of each organisation, the calendar, «Мои задачи» and the activity feed. The live feed (live/)
// sends the same shapes as they change.
export * from './dashboard-service.ts';
