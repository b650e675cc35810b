import type { Actor, Scope } from '../context.js';

/** What a person may do on the site and, signed in, through the API. */
export type UserRole = 'admin' | 'editor' | 'viewer';

export const USER_ROLES: readonly UserRole[] = ['admin', 'editor', 'viewer'];

/**
 * A role's scopes: a viewer reads drafts and histories, an editor also writes them, an admin
 * may do everything, deletes, keys, users and the audit log included.
 */
const scopesOfRole: Record<UserRole, readonly Scope[]> = {
  viewer: ['read'],
  editor: ['read', 'write'],
  admin: ['read', 'write', 'delete', 'admin'],
};

export const isUserRole = (value: string): value is UserRole =>
  (USER_ROLES as readonly string[]).includes(value);

/** The actor a signed-in user acts as; revisions and the audit log name them by it. */
export const userActor = (user: { name: string; role: string }): Actor => ({
  id: `user:${user.name}`,
  kind: 'user',
  scopes: isUserRole(user.role) ? scopesOfRole[user.role] : [],
});
