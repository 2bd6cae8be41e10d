export { usersRoutes } from './users.routes.js';
export { createUsersService, type UsersService, type UsersDeps } from './users.service.js';
export { createUserDirectory } from './user-directory.js';
export * as usersRepository from './users.repository.js';
export { PasswordSchema, UsernameSchema, UserSchema, PublicUserSchema } from './users.schemas.js';
export type { UserDto, PublicUserDto } from './users.schemas.js';
