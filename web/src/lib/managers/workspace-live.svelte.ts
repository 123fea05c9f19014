// The live feed of one workspace for the dashboard and the calendar: a socket.io connection (the
// session cookie authenticates it) that joins the workspace's room and keeps the dashboard current.
// Each board event patches its counts and activity at once; the rest (this week, organisations) is
// refetched shortly after, and everything is refetched after a reconnect, so nothing missed is lost.
import { LIVE_PATH, type ActivityDto, type DashboardDto, type LiveClientEvents, type LiveServerEvents } from '@soplan/shared';
import { io, type Socket } from 'socket.io-client';
import { api } from '#lib/api.ts';
import { errorMessage } from '#lib/errors.ts';

const REFETCH_DELAY_MS = 300;
const ACTIVITY_SHOWN = 50;

export class WorkspaceLive {
  dashboard = $state<DashboardDto | null>(null);
  connected = $state(false);
  error = $state('');
  /** Increases on every change any board reports (the calendar refetches on it). */
  version = $state(0);
  readonly #socket: Socket<LiveServerEvents, LiveClientEvents>;
  readonly #workspaceId: string;
  readonly #withDashboard: boolean;
  #refetch: ReturnType<typeof setTimeout> | undefined;

  /** `withDashboard: false` only follows changes (`version`, `connected`): the calendar reads its own data. */
  constructor(workspaceId: string, { withDashboard = true }: { withDashboard?: boolean } = {}) {
    this.#workspaceId = workspaceId;
    this.#withDashboard = withDashboard;
    this.#socket = io({ path: LIVE_PATH, transports: ['websocket'], withCredentials: true });
    this.#socket.on('connect', () => void this.#join());
    this.#socket.on('disconnect', () => (this.connected = false));
    this.#socket.on('board:indexed', (event) => {
      if (event.workspaceId !== this.#workspaceId) return;
      const current = this.dashboard;
      if (current) {
        current.boards = current.boards.map((b) => (b.id === event.board.id ? event.board : b));
        current.activity = mergeActivity(event.activity, current.activity);
      }
      this.version++;
      this.#scheduleRefetch();
    });
    this.#socket.on('presence', (event) => {
      if (event.workspaceId === this.#workspaceId && this.dashboard) this.dashboard.online = event.online;
    });
    this.#socket.on('workspace:changed', () => {
      this.version++;
      this.#scheduleRefetch();
    });
    if (withDashboard) void this.refetch();
  }

  async #join(): Promise<void> {
    const result = await this.#socket.emitWithAck('workspace:join', { workspaceId: this.#workspaceId });
    if (!result.ok) {
      this.error = result.error;
      return;
    }
    this.connected = true;
    // Whatever changed while the connection was down is in the index: read it again.
    this.version++;
    if (this.#withDashboard) await this.refetch();
  }

  #scheduleRefetch(): void {
    if (!this.#withDashboard) return;
    clearTimeout(this.#refetch);
    this.#refetch = setTimeout(() => void this.refetch(), REFETCH_DELAY_MS);
  }

  async refetch(): Promise<void> {
    try {
      this.dashboard = await api.dashboard(this.#workspaceId);
      this.error = '';
    } catch (e) {
      this.error = errorMessage(e);
    }
  }

  destroy(): void {
    clearTimeout(this.#refetch);
    this.#socket.disconnect();
  }
}

function mergeActivity(fresh: ActivityDto[], known: ActivityDto[]): ActivityDto[] {
  const ids = new Set(fresh.map((a) => a.id));
  return [...fresh, ...known.filter((a) => !ids.has(a.id))].sort((a, b) => b.id - a.id).slice(0, ACTIVITY_SHOWN);
}
