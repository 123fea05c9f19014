// Who is logged in, for every page: loaded once, updated by login, signup and logout. It also tells
// a session that ended (password changed elsewhere, expired) from nobody having logged in, so the
// login page can say why it is shown: the browser remembers that it had a session until logout.
import type { UserDto } from '@soplan/shared';
import { api, ApiError } from '../api.ts';

/** Set while this browser holds a session it did not log out of; not a credential, only a hint. */
const SIGNED_IN_KEY = 'soplan-signed-in';

class SessionManager {
  #user = $state<UserDto | null>(null);
  #loaded = $state(false);
  #ended = $state(false);

  get user(): UserDto | null {
    return this.#user;
  }
  get loaded(): boolean {
    return this.#loaded;
  }
  /** The browser had a session and the server no longer knows it. */
  get ended(): boolean {
    return this.#ended;
  }

  async load(): Promise<UserDto | null> {
    try {
      this.#signedIn(await api.me());
    } catch (e) {
      if (!(e instanceof ApiError && e.status === 401)) throw e;
      this.#user = null;
      this.#ended = localStorage.getItem(SIGNED_IN_KEY) !== null;
      localStorage.removeItem(SIGNED_IN_KEY);
    }
    this.#loaded = true;
    return this.#user;
  }

  async login(email: string, password: string): Promise<void> {
    this.#signedIn(await api.login({ email, password }));
  }

  async signup(email: string, password: string, name: string): Promise<void> {
    this.#signedIn(await api.signup({ email, password, name }));
  }

  async logout(): Promise<void> {
    await api.logout();
    this.#user = null;
    localStorage.removeItem(SIGNED_IN_KEY);
  }

  #signedIn(user: UserDto): void {
    this.#user = user;
    this.#ended = false;
    localStorage.setItem(SIGNED_IN_KEY, '1');
  }

  reset(): void {
    this.#user = null;
    this.#loaded = false;
    this.#ended = false;
  }
}

export const session = new SessionManager();
