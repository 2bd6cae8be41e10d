import { ApiError, NetworkError } from './errors.js';
import type { FetchLike } from './http.js';
import type { SessionManager } from './session.js';
import type { FileObject } from './types.js';

export interface UploadOptions {
  /** The file name sent to the server (default: the File's own name, else `file`). */
  name?: string;
  /** Called as bytes go out: `loaded` of `total` (with XMLHttpRequest; fetch reports only the end). */
  onProgress?: (loaded: number, total: number) => void;
  signal?: AbortSignal;
}

/** The part of XMLHttpRequest an upload needs (browsers have it; tests pass their own). */
export interface XMLHttpRequestLike {
  open(method: string, url: string): void;
  setRequestHeader(name: string, value: string): void;
  send(body: FormData): void;
  abort(): void;
  readonly status: number;
  readonly responseText: string;
  getResponseHeader(name: string): string | null;
  upload: { onprogress: ((event: { loaded: number; total: number; lengthComputable: boolean }) => void) | null };
  onload: (() => void) | null;
  onerror: (() => void) | null;
  onabort: (() => void) | null;
}
export type XMLHttpRequestConstructor = new () => XMLHttpRequestLike;

interface UploadDeps {
  baseUrl: string;
  sessions: SessionManager;
  fetch: FetchLike;
  XMLHttpRequest: XMLHttpRequestConstructor | undefined;
}

function form(file: Blob, options: UploadOptions): FormData {
  const body = new FormData();
  const name = options.name ?? ((file as { name?: unknown }).name as string | undefined) ?? 'file';
  body.append('file', file, name);
  return body;
}

/** One XMLHttpRequest POST /files; resolves with the answer as a fetch Response. */
function xhrPost(deps: UploadDeps, token: string | undefined, body: FormData, options: UploadOptions): Promise<Response> {
  const Xhr = deps.XMLHttpRequest!;
  return new Promise((resolve, reject) => {
    const xhr = new Xhr();
    const onAbort = () => xhr.abort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const done = () => options.signal?.removeEventListener('abort', onAbort);
    xhr.open('POST', `${deps.baseUrl}/files`);
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) options.onProgress?.(event.loaded, event.total);
    };
    xhr.onload = () => {
      done();
      const headers = { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' };
      resolve(new Response(xhr.status === 204 ? null : xhr.responseText, { status: xhr.status, headers }));
    };
    xhr.onerror = () => {
      done();
      reject(new NetworkError(new Error('upload failed: no answer')));
    };
    xhr.onabort = () => {
      done();
      reject(new NetworkError(new Error('upload aborted')));
    };
    xhr.send(body);
  });
}

async function expired(response: Response): Promise<boolean> {
  if (response.status !== 401) return false;
  const problem = (await response
    .clone()
    .json()
    .catch(() => ({}))) as { code?: unknown };
  return problem.code === 'token_expired';
}

/**
 * `POST /files` (multipart), reporting progress with XMLHttpRequest where there is one (browsers)
 * and falling back to fetch elsewhere. An expired access token is refreshed once and the upload
 * sent again; a refusal throws the server's ApiError (413 payload_too_large, 415 …).
 */
export async function uploadFile(deps: UploadDeps, file: Blob, options: UploadOptions = {}): Promise<FileObject> {
  const attempt = async (token: string | undefined): Promise<Response> => {
    if (deps.XMLHttpRequest) return xhrPost(deps, token, form(file, options), options);
    const headers = token ? { authorization: `Bearer ${token}` } : undefined;
    const request = new Request(`${deps.baseUrl}/files`, {
      method: 'POST',
      body: form(file, options),
      headers,
      ...(options.signal ? { signal: options.signal } : {}),
    });
    const response = await deps.fetch(request).catch((error: unknown) => {
      throw error instanceof NetworkError ? error : new NetworkError(error);
    });
    if (response.ok) options.onProgress?.(file.size, file.size);
    return response;
  };
  const token = deps.sessions.accessToken;
  let response = await attempt(token);
  if (await expired(response)) response = await attempt(await deps.sessions.refresh(token));
  if (!response.ok) throw await ApiError.fromResponse(response);
  return (await response.json()) as FileObject;
}
