/**
 * People who sign in: users with a role (admin, editor, viewer), their passwords hashed with
 * scrypt, their sessions, and the throttle on failed sign-ins.
 */
export {
  type AccountPolicy,
  type SessionHolder,
  type SignedIn,
  signIn,
  type SignInRequest,
  signOut,
  signOutEverywhere,
  sessionUser,
} from './session.service.js';
export {
  createUser,
  disableUser,
  listUsers,
  type NewUser,
  PASSWORD_LENGTH,
  setUserRole,
} from './user.service.js';
export { USER_ROLES, type UserRole } from './user-roles.js';
