/**
 * People who sign in: users with a role (admin, editor, viewer), their passwords hashed with
 * scrypt, their sessions, and the throttle on failed sign-ins.
 */
export {
  type AccountPolicy,
  csrfBinding,
  csrfKey,
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
  enableUser,
  getUser,
  listUsers,
  type NewUser,
  PASSWORD_LENGTH,
  setUserRole,
  signOutUser,
} from './user.service.js';
export { USER_ROLES, type UserRole } from './user-roles.js';
