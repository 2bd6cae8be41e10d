import type { paths } from './generated/openapi.js';

/**
 * The API's objects, taken from the generated OpenAPI types by the operation that returns them,
 * so they follow docs/openapi.json after every `npm run client:types`.
 */
type JsonOf<R> = R extends { content: { 'application/json': infer Body } } ? Body : never;
type Responses<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends { responses: infer R } ? R : never;
type Ok<P extends keyof paths, M extends keyof paths[P], S extends keyof Responses<P, M>> = JsonOf<Responses<P, M>[S]>;
type BodyOf<P extends keyof paths, M extends keyof paths[P]> = paths[P][M] extends {
  requestBody?: { content: { 'application/json': infer Body } };
}
  ? Body
  : never;

export type User = Ok<'/profile', 'get', 200>;
export type PublicUser = Ok<'/users/{userId}', 'get', 200>;
export type Message = Ok<'/messages', 'post', 201>;
export type FriendRequest = Ok<'/friends/requests', 'get', 200>['incoming'][number];
export type Notification = Ok<'/notifications', 'get', 200>['notifications'][number];
export type Group = Ok<'/groups/{groupId}', 'get', 200>;
export type Conversation = Ok<'/conversations', 'get', 200>['conversations'][number];
export type FileObject = Ok<'/files', 'post', 201>;
/** What `POST /login` answers: tokens, or the second step of a two-factor login. */
export type LoginResult = Ok<'/login', 'post', 200>;
/** A token pair with the session and the signed-in user. */
export type TokenResponse = Ok<'/token/refresh', 'post', 200>;
export type Problem = Ok<'/messages', 'post', 400>;
/** One emoji on a message, pre-counted by the server: `{ emoji, count, me }`. */
export type Reaction = Message['reactions'][number];
/** `GET /search/messages`: one hit, with the UTF-16 offsets of the matched words in `message.text`. */
export type SearchResult = Ok<'/search/messages', 'get', 200>['results'][number];
export type Highlight = SearchResult['highlights'][number];
/** The filters and cursor of `GET /search/messages` (`q` is required). */
export type SearchQuery = NonNullable<paths['/search/messages']['get']['parameters']['query']>;
export type SendMessageBody = BodyOf<'/messages', 'post'>;
