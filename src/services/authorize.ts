import { AppError } from '../domain/index.js';
import type { Actor, Scope } from './context.js';

/** Refuses the use case unless the actor holds the scope; reads need no actor. */
export const authorize = (actor: Actor | undefined, scope: Scope): Actor => {
  if (!actor) {
    throw new AppError('unauthorized', 'This request needs an API key or a signed-in user.');
  }
  if (!actor.scopes.includes(scope)) {
    const who = actor.kind === 'user' ? "This user's role" : 'This key';
    throw new AppError('forbidden', `${who} lacks the "${scope}" scope.`);
  }
  return actor;
};
