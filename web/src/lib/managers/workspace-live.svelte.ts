// The live feed of one workspace for the dashboard, the calendar and «Мои задачи»: a socket.io
// connection (the session cookie authenticates it) that joins the workspace's room. Each
// `board:indexed` event carries the board's changed items, the ids of those gone and its activity
// (SPEC F3); the manager applies it in place and derives the rest with the server's own functions
// (shared/src/dashboard.ts). It reads the page's data only after joining — the first time and after
// every reconnect — and when the workspace's boards change (F5), so a burst of events never holds a
// page back. At midnight the day moves on and overdue, this week and next occurrences follow (F7).
import {
  ACTIVITY_PAGE,
  boardSummaries,
  inTaskOrder,
  isDated,
  isLasting,
  itemOnDay,
  LIVE_PATH,
  namesMe,
  organisationLoads,
  todayIso,
  weekAndMonthItems,
  type ActivityDto,
  type BoardIndexedEvent,
  type BoardRef,
  type LiveClientEvents,
  type LiveServerEvents,
  type OnlineUserDto,
  type TasksDto,
  type WorkspaceItemDto,
} from '@soplan/shared';
import { io, type Socket } from 'socket.io-client';
import { api } from '#lib/api.ts';
import { errorMessage } from '#lib/errors.ts';

/** What the page shows: it decides what is read on (re)connect and which of the feed's items it keeps. */
export type LiveView = 'dashboard' | 'calendar' | 'tasks';

/** The page looks whether the day changed just after midnight, and at least this often (a sleeping laptop misses timers). */
const DAY_CHECK_MS = 60_000;

const keyOf = (item: { boardId: string; id: string }) => `${item.boardId}:${item.id}`;

export class WorkspaceLive {
  #connected = $state(false);
  #loaded = $state(false);
  #error = $state('');
  /** The day everything is derived for: the server's when it says, then the browser's as midnight passes. */
  #today = $state(todayIso());
  #items = $state.raw<WorkspaceItemDto[]>([]);
  #boards = $state.raw<BoardRef[]>([]);
  #organisationNames = $state.raw<string[]>([]);
  #online = $state.raw<OnlineUserDto[]>([]);
  #activity = $state.raw<ActivityDto[]>([]);
  #person = $state('');
  #organisation = $state<string | null>(null);

  readonly #dayItems = $derived(this.#items.map((i) => itemOnDay(i, this.#today)));
  readonly #lists = $derived(weekAndMonthItems(this.#dayItems, this.#today));
  readonly #summaries = $derived(boardSummaries(this.#boards, this.#dayItems));
  readonly #loads = $derived(organisationLoads(this.#organisationNames, this.#dayItems));
  readonly #tasks = $derived(inTaskOrder(this.#dayItems));
  readonly #dated = $derived(this.#dayItems.filter(isDated));
  readonly #lasting = $derived(this.#dayItems.filter(isLasting));

  readonly #socket: Socket<LiveServerEvents, LiveClientEvents>;
  readonly #workspaceId: string;
  readonly #view: LiveView;
  #dayCheck: ReturnType<typeof setTimeout> | undefined;
  #browserDay = todayIso();
  /** Bumped by every read, so an older answer never overwrites a newer one. */
  #reads = 0;
  /** Events that arrive while a read is on its way: applied over its answer, which may predate them. */
  #held: BoardIndexedEvent[] | null = null;

  constructor(workspaceId: string, view: LiveView) {
    this.#workspaceId = workspaceId;
    this.#view = view;
    this.#socket = io({ path: LIVE_PATH, transports: ['websocket'], withCredentials: true });
    this.#socket.on('connect', () => void this.#join());
    this.#socket.on('disconnect', () => (this.#connected = false));
    // Without the feed the page still shows what the index holds, marked offline.
    this.#socket.on('connect_error', () => {
      if (!this.#loaded && !this.#held) void this.reload();
    });
    this.#socket.on('board:indexed', (event) => {
      if (event.workspaceId !== this.#workspaceId) return;
      if (this.#held) this.#held.push(event);
      else this.#apply(event);
    });
    this.#socket.on('presence', (event) => {
      if (event.workspaceId === this.#workspaceId) this.#online = event.online;
    });
    this.#socket.on('workspace:changed', (event) => {
      if (event.workspaceId === this.#workspaceId) void this.reload();
    });
    this.#armDayCheck();
  }

  get connected(): boolean {
    return this.#connected;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  get error(): string {
    return this.#error;
  }
  get boards() {
    return this.#summaries;
  }
  get week(): WorkspaceItemDto[] {
    return this.#lists.week;
  }
  get month(): WorkspaceItemDto[] {
    return this.#lists.month;
  }
  get organisations() {
    return this.#loads;
  }
  get online(): OnlineUserDto[] {
    return this.#online;
  }
  get activity(): ActivityDto[] {
    return this.#activity;
  }
  /** «Мои задачи» in order: overdue first. */
  get tasks(): WorkspaceItemDto[] {
    return this.#tasks;
  }
  /** The items the calendar can place. */
  get dated(): WorkspaceItemDto[] {
    return this.#dated;
  }

  /** The items that run the whole time without dates («Постоянно»): the calendar lists them apart. */
  get lasting(): WorkspaceItemDto[] {
    return this.#lasting;
  }
  get person(): string {
    return this.#person;
  }
  get organisation(): string | null {
    return this.#organisation;
  }

  async #join(): Promise<void> {
    const result = await this.#socket.emitWithAck('workspace:join', { workspaceId: this.#workspaceId });
    if (!result.ok) {
      this.#error = result.error;
      return;
    }
    this.#connected = true;
    // Events are not replayed (F5): whatever changed while the connection was down is in the index.
    await this.reload();
  }

  /** Reads the page's data afresh (after a join, when the boards change). */
  async reload(): Promise<void> {
    const read = ++this.#reads;
    this.#held ??= [];
    try {
      if (this.#view === 'dashboard') {
        const d = await api.dashboard(this.#workspaceId);
        if (read !== this.#reads) return;
        this.#setDay(d.today);
        this.#boards = d.boards.map(({ id, title, kind }) => ({ id, title, kind }));
        this.#organisationNames = d.organisations.map((o) => o.name);
        this.#online = d.online;
        this.#activity = d.activity;
        this.#items = d.items;
      } else if (this.#view === 'tasks') {
        const tasks = await api.tasks(this.#workspaceId);
        if (read !== this.#reads) return;
        this.setTasks(tasks);
      } else {
        const items = await api.calendar(this.#workspaceId);
        if (read !== this.#reads) return;
        this.#items = items;
      }
      this.#error = '';
      this.#loaded = true;
    } catch (e) {
      if (read === this.#reads) this.#error = errorMessage(e);
    } finally {
      if (read === this.#reads) {
        const held = this.#held ?? [];
        this.#held = null;
        for (const event of held) this.#apply(event);
      }
    }
  }

  /** «Мои задачи» as the server answered them (a read, or choosing my organisation). */
  setTasks(tasks: TasksDto): void {
    this.#setDay(tasks.today);
    this.#person = tasks.person;
    this.#organisation = tasks.organisation;
    this.#items = tasks.items;
  }

  #apply(event: BoardIndexedEvent): void {
    // «Мои задачи» keeps the items naming me: one that stops naming me leaves, one that starts joins.
    const mine = (i: WorkspaceItemDto) => this.#view !== 'tasks' || namesMe(i, this.#person, this.#organisation);
    const gone = new Set(event.removedItemIds.map((id) => keyOf({ boardId: event.board.id, id })));
    const fresh = new Map<string, WorkspaceItemDto>();
    for (const item of event.items) {
      if (mine(item)) fresh.set(keyOf(item), item);
      else gone.add(keyOf(item));
    }
    if (gone.size > 0 || fresh.size > 0) {
      const kept = this.#items.filter((i) => !gone.has(keyOf(i))).map((i) => fresh.get(keyOf(i)) ?? i);
      const known = new Set(kept.map(keyOf));
      this.#items = [...kept, ...[...fresh.values()].filter((i) => !known.has(keyOf(i)))];
    }
    if (this.#view === 'dashboard' && (event.activity.length > 0 || event.removedActivityIds.length > 0)) {
      const replaced = new Set([...event.activity.map((a) => a.id), ...event.removedActivityIds]);
      this.#activity = [...event.activity, ...this.#activity.filter((a) => !replaced.has(a.id))].sort((a, b) => b.id - a.id).slice(0, ACTIVITY_PAGE);
    }
  }

  #setDay(serverDay: string): void {
    this.#today = serverDay;
    this.#browserDay = todayIso();
  }

  #armDayCheck(): void {
    const now = new Date();
    const untilMidnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();
    this.#dayCheck = setTimeout(
      () => {
        const day = todayIso();
        if (day !== this.#browserDay) {
          this.#browserDay = day;
          this.#today = day;
        }
        this.#armDayCheck();
      },
      Math.min(untilMidnight + 50, DAY_CHECK_MS),
    );
  }

  destroy(): void {
    clearTimeout(this.#dayCheck);
    this.#socket.disconnect();
  }
}
