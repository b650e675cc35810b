import { AppError } from '../../domain/index.js';
import type { Actor } from '../context.js';

/**
 * Whose jobs an actor sees: an API key or a user sees its own (kind and id, as a key and a user
 * may share an id); the command line, run by whoever operates the database, sees every job.
 */
export const jobOwnerOf = (
  actor: Actor | undefined,
): { owner: string; sees: string | undefined } => {
  if (!actor) throw new AppError('unauthorized', 'Bulk jobs need an API key or a signed-in user.');
  const owner = `${actor.kind}:${actor.id}`;
  return { owner, sees: actor.kind === 'cli' ? undefined : owner };
};
