/** A tiny JSON client over fetch for e2e tests against a listening app. */
type RequestBody = NonNullable<RequestInit['body']>;

export interface ApiResponse<T = Record<string, unknown>> {
  status: number;
  body: T;
  headers: Headers;
}

export interface RequestOptions {
  token?: string;
  body?: unknown;
  headers?: Record<string, string>;
  raw?: RequestBody;
}

export class ApiClient {
  constructor(readonly baseUrl: string) {}

  async request<T = Record<string, unknown>>(
    method: string,
    path: string,
    options: RequestOptions = {},
  ): Promise<ApiResponse<T>> {
    const headers: Record<string, string> = { ...(options.headers ?? {}) };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    let body: RequestBody | undefined = options.raw;
    if (options.body !== undefined) {
      headers['content-type'] ??= 'application/json';
      body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body });
    const text = await response.text();
    let parsed: unknown = text;
    if ((response.headers.get('content-type') ?? '').includes('json') && text) parsed = JSON.parse(text);
    return { status: response.status, body: parsed as T, headers: response.headers };
  }

  get<T = Record<string, unknown>>(path: string, token?: string): Promise<ApiResponse<T>> {
    return this.request<T>('GET', path, { token });
  }

  post<T = Record<string, unknown>>(
    path: string,
    body: unknown,
    token?: string,
    headers?: Record<string, string>,
  ): Promise<ApiResponse<T>> {
    return this.request<T>('POST', path, { body, token, headers });
  }

  patch<T = Record<string, unknown>>(path: string, body: unknown, token?: string): Promise<ApiResponse<T>> {
    return this.request<T>('PATCH', path, { body, token });
  }

  put<T = Record<string, unknown>>(path: string, body: unknown, token?: string): Promise<ApiResponse<T>> {
    return this.request<T>('PUT', path, { body, token });
  }

  /** Signs in and returns the access token (fails the test on anything but 200). */
  async login(username: string, password: string): Promise<string> {
    const res = await this.post<{ accessToken: string }>('/api/auth/login', { username, password });
    if (res.status !== 200)
      throw new Error(`login ${username} failed: ${res.status} ${JSON.stringify(res.body)}`);
    return res.body.accessToken;
  }
}
