// Who is logged in, for every page: loaded once, updated by login, signup and logout.
import type { UserDto } from '@soplan/shared';
import { api, ApiError } from '../api.ts';

class SessionManager {
  #user = $state<UserDto | null>(null);
  #loaded = $state(false);

  get user(): UserDto | null {
    return this.#user;
  }
  get loaded(): boolean {
    return this.#loaded;
  }

  async load(): Promise<UserDto | null> {
    try {
      this.#user = await api.me();
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
      this.#user = null;
    }
    this.#loaded = true;
    return this.#user;
  }

  async login(email: string, password: string): Promise<void> {
    this.#user = await api.login({ email, password });
  }

  async signup(email: string, password: string, name: string): Promise<void> {
    this.#user = await api.signup({ email, password, name });
  }

  async logout(): Promise<void> {
    await api.logout();
    this.#user = null;
  }

  reset(): void {
    this.#user = null;
    this.#loaded = false;
  }
}

export const session = new SessionManager();
