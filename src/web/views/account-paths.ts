/** Paths of the pages for people who sign in. */
export const accountPaths = {
  signIn: '/sign-in',
  signOut: '/sign-out',
  account: '/account',
  users: '/admin/users',
  keys: '/admin/keys',
} as const;
