export { friendsRoutes } from './friends.routes.js';
export { friendshipQueries } from './friendship.js';
export { createFriendsService, type FriendsDeps, type FriendsService } from './friends.service.js';
export type { FriendRequestDto } from './friends.schemas.js';
