import { ApiError, ChatClient, NetworkError, localStorageAdapter } from '@chat-api/client';

/** The one client of the app: the session, the outbox and the last seq survive reloads. */
export const client = new ChatClient({
  baseUrl: location.origin,
  storage: localStorageAdapter(),
  onSignedOut: () => {
    location.hash = '#/login';
    location.reload();
  },
});

/** A sentence for people from whatever a call threw. */
export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const fields = error.errors?.map((e) => `${e.path.replace(/^\//, '')} ${e.message}`).join('; ');
    return fields ? `${error.detail} (${fields})` : error.detail;
  }
  if (error instanceof NetworkError) return 'No connection to the server. Try again in a moment.';
  return error instanceof Error ? error.message : String(error);
}

export function errorCode(error: unknown): string | undefined {
  return error instanceof ApiError ? error.code : undefined;
}
