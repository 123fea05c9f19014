// A small HTTP client with a cookie jar that behaves like the browser: state-changing requests
// carry the server's Origin unless a test says otherwise.
export interface RequestOptions {
  body?: unknown;
  rawBody?: string;
  /** A multipart/form-data body (fetch sets its content type with the boundary). */
  form?: FormData;
  headers?: Record<string, string>;
  origin?: string | null;
  token?: string;
}

/** A reply body as a test reads it: the server's JSON, unchecked, so that a test names only the fields it asserts on. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test would otherwise declare every reply's shape
export type JsonBody = any;

export interface Reply<T = JsonBody> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export class HttpClient {
  readonly cookies = new Map<string, string>();
  readonly baseUrl: string;
  constructor(baseUrl: string) {
    this.baseUrl = baseUrl;
  }

  get sessionCookie(): string | undefined {
    return this.cookies.get('soplan_session');
  }

  async request<T = JsonBody>(method: string, path: string, options: RequestOptions = {}): Promise<Reply<T>> {
    const headers: Record<string, string> = { ...options.headers, ...this.#cookieHeader() };
    const origin = options.origin === undefined ? (method === 'GET' ? null : this.baseUrl) : options.origin;
    if (origin) headers.origin = origin;
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | FormData | undefined = options.form ?? options.rawBody;
    if (options.body !== undefined) {
      body = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(this.baseUrl + path, { method, headers, body, redirect: 'manual' });
    for (const line of res.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = pair!.slice(eq + 1).trim();
      if (value === '' || /max-age=0/i.test(line) || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await res.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : null;
    } catch {
      // not JSON; keep the text
    }
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }

  /** A GET with this client's cookies, its response as it came: a download's bytes are read by the caller. */
  download = (path: string): Promise<Response> => fetch(this.baseUrl + path, { headers: this.#cookieHeader() });

  #cookieHeader(): Record<string, string> {
    return this.cookies.size ? { cookie: [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ') } : {};
  }

  get = <T = JsonBody>(path: string, o?: RequestOptions) => this.request<T>('GET', path, o);
  post = <T = JsonBody>(path: string, body?: unknown, o: RequestOptions = {}) => this.request<T>('POST', path, { ...o, body });
  patch = <T = JsonBody>(path: string, body?: unknown, o: RequestOptions = {}) => this.request<T>('PATCH', path, { ...o, body });
  put = <T = JsonBody>(path: string, body?: unknown, o: RequestOptions = {}) => this.request<T>('PUT', path, { ...o, body });
  delete = <T = JsonBody>(path: string, o?: RequestOptions) => this.request<T>('DELETE', path, o);
  /** POSTs files and fields as multipart/form-data: `{ file: [bytes, 'plan.docx'], kind: 'roadmap' }`. */
  upload = <T = JsonBody>(path: string, fields: Record<string, string | [Uint8Array, string]>, o: RequestOptions = {}) => {
    const form = new FormData();
    for (const [name, value] of Object.entries(fields)) {
      if (typeof value === 'string') form.set(name, value);
      else form.set(name, new Blob([value[0] as Uint8Array<ArrayBuffer>]), value[1]);
    }
    return this.request<T>('POST', path, { ...o, form });
  };
}

let counter = 0;
/** Signs a new user up on `client` and returns it. */
export async function signedUp(client: HttpClient, name = 'Тестовый Пользователь') {
  const email = `user${++counter}-${Date.now()}@example.test`;
  const password = 'correct horse battery';
  const res = await client.post('/api/auth/signup', { email, password, name });
  if (res.status !== 201) throw new Error(`signup failed: ${res.status} ${res.text}`);
  return { client, email, password, user: res.body as { id: string; email: string; name: string } };
}
