// The web app's managers run in node against a real server as a page runs them in a browser:
// `fetch('/api/…')` goes to the server with the person's cookies and keeps those it sets, a change
// names the page's Origin (browsers send it, the server's CSRF check wants it), the live feed's
// socket carries the cookies (web-page-setup.ts) and so does a board's WebSocket with its Origin,
// localStorage keeps what the page stores, IndexedDB is a fresh browser's (fake-indexeddb, a real
// implementation in memory), the network can go down and come back with the window's `offline` and
// `online` events, and a file the page downloads is kept for the test to read. Nothing of the
// server is replaced.
import { resolveObjectURL } from 'node:buffer';
import net from 'node:net';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import NodeWebSocket from 'ws';
import { afterEach } from 'vitest';
import type { HttpClient } from './http-client.ts';
import type { TestServer } from './server.ts';

/** A file the page handed to the browser's downloads. */
export interface Download {
  name: string;
  blob: Blob;
}

interface Page {
  server: TestServer;
  person: HttpClient;
  downloads: Download[];
  requests: string[];
  sockets: PageWebSocket[];
  online: boolean;
}

let current: Page | null = null;
const nodeFetch = globalThis.fetch;
const nodeWebSocket = Object.getOwnPropertyDescriptor(globalThis, 'WebSocket');

function page(): Page {
  if (!current) throw new Error('no page is open: call openPage(server, person) first');
  return current;
}

/** The Cookie header the page's requests carry, as the browser would send it. */
export function pageCookies(): string {
  return [...page().person.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
}

function keepCookies(person: HttpClient, res: Response): void {
  for (const line of res.headers.getSetCookie()) {
    const [pair = ''] = line.split(';');
    const eq = pair.indexOf('=');
    const name = pair.slice(0, eq).trim();
    const value = pair.slice(eq + 1).trim();
    if (value === '' || /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) person.cookies.delete(name);
    else person.cookies.set(name, value);
  }
}

/** The page's requests name a path of its origin; a test's own clients (absolute URLs) pass untouched. */
async function pageFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  if (typeof input !== 'string' || !input.startsWith('/')) return nodeFetch(input, init);
  const { server, person, requests, online } = page();
  const url = new URL(input, server.url);
  const method = (init.method ?? 'GET').toUpperCase();
  requests.push(`${method} ${input}`);
  if (!online) throw new TypeError('Failed to fetch');
  const headers = new Headers(init.headers);
  if (person.cookies.size > 0) headers.set('cookie', pageCookies());
  if (method !== 'GET' && method !== 'HEAD') headers.set('origin', new URL(server.url).origin);
  const res = await nodeFetch(url, { ...init, method, headers });
  keepCookies(person, res);
  return res;
}

/** A connection while the network is down: it fails as it starts, as a browser's attempt does. */
function unreachable(): net.Socket {
  const socket = new net.Socket();
  queueMicrotask(() => socket.destroy(new Error('the network is down')));
  return socket;
}

/**
 * The page's WebSocket (y-websocket takes the global one): it sends the origin's cookies and the
 * page's Origin, as a browser's does, and fails to connect while the network is down.
 */
class PageWebSocket extends NodeWebSocket {
  constructor(url: string | URL, protocols?: string | string[]) {
    const open = page();
    const headers = { cookie: pageCookies(), origin: new URL(open.server.url).origin };
    super(url, protocols, open.online ? { headers } : { headers, createConnection: unreachable });
    open.sockets.push(this);
  }
}

/** What the browser keeps for the page between reloads, for as long as the page is open. */
class MemoryStorage implements Storage {
  readonly #items = new Map<string, string>();
  get length(): number {
    return this.#items.size;
  }
  key(index: number): string | null {
    return [...this.#items.keys()][index] ?? null;
  }
  getItem(key: string): string | null {
    return this.#items.get(key) ?? null;
  }
  setItem(key: string, value: string): void {
    this.#items.set(key, String(value));
  }
  removeItem(key: string): void {
    this.#items.delete(key);
  }
  clear(): void {
    this.#items.clear();
  }
}

/** The part of the document a download uses: a hidden link clicked once. */
function downloadsDocument(downloads: Download[]) {
  return {
    createElement: () => {
      const link = {
        href: '',
        download: '',
        hidden: false,
        click: () => {
          const blob = resolveObjectURL(link.href);
          if (blob) downloads.push({ name: link.download, blob: blob as Blob });
        },
        remove: () => undefined,
      };
      return link;
    },
    body: { append: () => undefined },
  };
}

function define(name: string, value: unknown): void {
  Object.defineProperty(globalThis, name, { value, configurable: true, writable: true });
}

/**
 * Opens a page of `server` in a fresh browser signed in as `person` (their client's cookie jar,
 * which the page's requests update). Closed after each test.
 */
export function openPage(server: TestServer, person: HttpClient): void {
  const downloads: Download[] = [];
  current = { server, person, downloads, requests: [], sockets: [], online: true };
  define('location', new URL(`${server.url}/`));
  define('fetch', pageFetch);
  define('WebSocket', PageWebSocket);
  define('window', new EventTarget());
  define('indexedDB', new IDBFactory());
  define('IDBKeyRange', IDBKeyRange);
  define('localStorage', new MemoryStorage());
  define('document', downloadsDocument(downloads));
}

/**
 * The network goes down or comes back, and the window says so (`offline`, `online`). While it is
 * down every request and socket of the page fails; sockets already open stay open, as a browser's
 * do until something notices.
 */
export function setOnline(online: boolean): void {
  page().online = online;
  (globalThis as unknown as { window: EventTarget }).window.dispatchEvent(new Event(online ? 'online' : 'offline'));
}

/** The WebSockets the page opened (or tried to), in order. */
export function pageSockets(): readonly NodeWebSocket[] {
  return page().sockets;
}

/** What the page asked the server, in order: `GET /api/workspaces/…`. */
export function pageRequests(): string[] {
  return page().requests;
}

/** The files the page downloaded, in order. */
export function downloads(): Download[] {
  return page().downloads;
}

afterEach(() => {
  current = null;
  define('fetch', nodeFetch);
  if (nodeWebSocket) Object.defineProperty(globalThis, 'WebSocket', nodeWebSocket);
  else Reflect.deleteProperty(globalThis, 'WebSocket');
  for (const name of ['location', 'window', 'indexedDB', 'IDBKeyRange', 'localStorage', 'document']) Reflect.deleteProperty(globalThis, name);
});
