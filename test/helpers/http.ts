export interface Response<T = any> {
  status: number;
  headers: Headers;
  body: T;
  text: string;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Client {
  request<T = any>(method: string, path: string, options?: RequestOptions): Promise<Response<T>>;
  get<T = any>(path: string, token?: string): Promise<Response<T>>;
  post<T = any>(path: string, body?: unknown, token?: string): Promise<Response<T>>;
  put<T = any>(path: string, body?: unknown, token?: string): Promise<Response<T>>;
  patch<T = any>(path: string, body?: unknown, token?: string): Promise<Response<T>>;
  delete<T = any>(path: string, token?: string, body?: unknown): Promise<Response<T>>;
}

/** A small real-HTTP client: JSON in, parsed JSON (or text) out. */
export function createClient(baseUrl: string): Client {
  async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<Response<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: string | undefined;
    if (options.body !== undefined) {
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(`${baseUrl}${path}`, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if ((res.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  }
  return {
    request,
    get: (path, token) => request('GET', path, { token }),
    post: (path, body, token) => request('POST', path, { token, body }),
    put: (path, body, token) => request('PUT', path, { token, body }),
    patch: (path, body, token) => request('PATCH', path, { token, body }),
    delete: (path, token, body) => request('DELETE', path, { token, body }),
  };
}
