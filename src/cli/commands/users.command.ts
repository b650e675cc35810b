import { randomBytes } from 'node:crypto';
import { text } from 'node:stream/consumers';
import type { Command } from 'commander';
import {
  cliActor,
  createUser,
  disableUser,
  enableUser,
  everyItem,
  listUsers,
  setUserRole,
  signOutUser,
  USER_ROLES,
} from '../../services/index.js';
import { type GlobalOptions, withRolebook } from '../run-command.js';

/**
 * The password of a new user: the first line of standard input, or one made here. A password
 * is never an argument, where any user of the machine could read it in the process list.
 */
const passwordOf = async (fromStdin: boolean) =>
  fromStdin
    ? { password: (await text(process.stdin)).split(/\r?\n/)[0] ?? '', made: false }
    : { password: randomBytes(18).toString('base64url'), made: true };

export const registerUsers = (program: Command): void => {
  const users = program.command('users').description('people who sign in to the site');
  const roles = USER_ROLES.join(', ');
  users
    .command('create')
    .description('create a user; without --password-stdin a password is made and shown once')
    .requiredOption('--name <name>', 'what they sign in with: a login or an email address')
    .requiredOption('--role <role>', `what they may do: ${roles}`)
    .option('--password-stdin', 'read the password from the first line of standard input')
    .action(async (options: { name: string; role: string; passwordStdin?: boolean }) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const { password, made } = await passwordOf(options.passwordStdin === true);
        const user = await createUser(rolebook.ctx, cliActor(config.user), {
          name: options.name,
          password,
          role: options.role,
        });
        process.stderr.write(`Created ${user.role} ${user.name}.\n`);
        if (made) {
          process.stderr.write('Their password, shown once:\n');
          process.stdout.write(`${password}\n`);
        }
      });
    });
  users
    .command('list')
    .description('list users with their role and state')
    .action(async () => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const actor = cliActor(config.user);
        for (const user of await everyItem((page) => listUsers(rolebook.ctx, actor, page))) {
          const state = user.disabledAt ? `disabled ${user.disabledAt}` : 'active';
          process.stdout.write(`${user.name}  ${user.role}  ${state}  created ${user.createdAt}\n`);
        }
      });
    });
  users
    .command('disable <name>')
    .description(
      'stop a user signing in; their sessions end at once (never the last enabled admin)',
    )
    .action(async (name: string) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        await disableUser(rolebook.ctx, cliActor(config.user), name);
        process.stdout.write(`Disabled ${name}\n`);
      });
    });
  users
    .command('enable <name>')
    .description('let a disabled user sign in again, with the role they had')
    .action(async (name: string) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const user = await enableUser(rolebook.ctx, cliActor(config.user), name);
        process.stdout.write(`Enabled ${user.name}\n`);
      });
    });
  users
    .command('sign-out <name>')
    .description('end every session of a user, on every browser; they may sign in again')
    .action(async (name: string) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        const ended = await signOutUser(rolebook.ctx, cliActor(config.user), name);
        process.stdout.write(`Ended ${ended} session(s) of ${name}\n`);
      });
    });
  users
    .command('set-role <name> <role>')
    .description(`give a user another role: ${roles} (the last enabled admin keeps theirs)`)
    .action(async (name: string, role: string) => {
      await withRolebook(program.opts<GlobalOptions>(), async (rolebook, config) => {
        await setUserRole(rolebook.ctx, cliActor(config.user), name, role);
        process.stdout.write(`${name} is now ${role}\n`);
      });
    });
};
