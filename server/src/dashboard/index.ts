// dashboard/: what a workspace's members read across its boards, all derived from the board index
// (board_items, board_activity) on the day asked: per-board status counts, this week's and month's
// events, the load of each organisation, the calendar, «Мои задачи» and the activity feed. The
// derivations live in shared/ (dashboard.ts), so the pages following the live feed agree with them.
export * from './dashboard-service.ts';
