import createFetchClient, { type Client, type FetchResponse, type MaybeOptionalInit } from 'openapi-fetch';
import { ApiError, NetworkError } from './errors.js';
import type { paths } from './generated/openapi.js';
import type { SessionManager } from './session.js';

export type FetchLike = (request: Request) => Promise<Response>;
export type ApiClient = Client<paths>;

/**
 * Adds the access token to every request; an answer `401 token_expired` refreshes the token
 * (once for all concurrent callers, see SessionManager) and repeats the request with it.
 */
export function authorizedFetch(sessions: SessionManager, baseFetch: FetchLike): FetchLike {
  return async (request) => {
    const token = sessions.accessToken;
    if (!token || request.headers.has('authorization')) return baseFetch(request);
    const again = request.clone();
    request.headers.set('authorization', `Bearer ${token}`);
    const response = await baseFetch(request);
    if (response.status !== 401 || !(await isExpired(response))) return response;
    const fresh = await sessions.refresh(token);
    again.headers.set('authorization', `Bearer ${fresh}`);
    return baseFetch(again);
  };
}

async function isExpired(response: Response): Promise<boolean> {
  try {
    const problem = (await response.clone().json()) as { code?: unknown };
    return problem.code === 'token_expired';
  } catch {
    return false;
  }
}

/** The generated, typed REST client; every non-2xx answer throws an ApiError, no answer a NetworkError. */
export function createApiClient(baseUrl: string, fetch: FetchLike): ApiClient {
  const api = createFetchClient<paths>({ baseUrl, fetch: (request: Request) => fetch(request) });
  api.use({
    async onResponse({ response }) {
      if (!response.ok) throw await ApiError.fromResponse(response);
      return undefined;
    },
    onError({ error }) {
      return error instanceof ApiError || error instanceof NetworkError ? error : new NetworkError(error);
    },
  });
  return api;
}

// The request methods of the typed client, returning the success body directly.
type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';
type PathsWith<M extends Method> = { [P in keyof paths]: paths[P] extends Record<M, object> ? P : never }[keyof paths];
type RequiredKeys<T> = { [K in keyof T]-?: object extends Pick<T, K> ? never : K }[keyof T];
type InitParam<Init> =
  RequiredKeys<Init> extends never ? [(Init & { [key: string]: unknown })?] : [Init & { [key: string]: unknown }];
type DataOf<R> = R extends { data: infer D; error?: never } ? D : never;

/** `client.get('/profile')`: the answer's body, typed from the OpenAPI document. */
export type DataMethod<M extends Method> = <P extends PathsWith<M>, Init extends MaybeOptionalInit<paths[P], M>>(
  url: P,
  ...init: InitParam<Init>
) => Promise<DataOf<FetchResponse<paths[P][M] & Record<string | number, unknown>, Init, `${string}/${string}`>>>;
