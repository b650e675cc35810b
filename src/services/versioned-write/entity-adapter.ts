import type { ProblemDetail, PublishBlocker } from '../../domain/index.js';
import type { Database, Db, Transaction } from '../../store/index.js';

export type Trx = Transaction<Database>;

/** The stamps every versioned entity carries. */
export interface Stamps {
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** An entity, with what keeps it from readers. */
export interface Blocked<Entity> {
  entity: Entity;
  blockers: PublishBlocker[];
}

/** Something an entity points at, which must exist when its write commits. */
export type Target =
  | { kind: 'taxonomy'; id: string }
  | { kind: 'term'; slug: string }
  | { kind: 'role'; taxonomy: string; code: string };

/**
 * One reference of an entity's content, by the field that makes it: what it points at, or a
 * problem the content has by itself (a role related to itself).
 */
export type Reference = { field: string; target: Target } | { field: string; problem: string };

/**
 * What differs between the versioned entities, roles and terms: how each is keyed, named, read
 * and written, what it points at, and what it holds exclusively. Everything a write promises
 * (authorised, versioned, audited, compare-and-set, references checked, claims held, the change
 * announced after commit) is the versioned-write module's, the same for every entity.
 */
export interface EntityAdapter<Ref, Content, Entity extends Stamps> {
  readonly kind: 'role' | 'term';
  /** The key its revisions are filed under: `taxonomy/code`, or the slug. */
  key(ref: Ref): string;
  /** How a message names it mid-sentence: `Role rolebook/tester`, `term api`. */
  describe(ref: Ref): string;
  /** The problem a create names when another entity has the key. */
  keyTaken(ref: Ref): ProblemDetail;
  refOf(entity: Entity): Ref;
  contentOf(entity: Entity): Content;
  /** The entity the content makes under the ref, with those stamps. */
  compose(ref: Ref, content: Content, stamps: Stamps): Entity;
  /** What the content points at, in field order. */
  references(ref: Ref, content: Content): Reference[];
  /**
   * Whether readers get an entity with this content (a role's status); without it, an entity is
   * always published.
   */
  isPublished?(content: Content): boolean;
  /** The content as published: a role's status becomes `published`. Without it, as it is. */
  published?(content: Content): Content;
  /**
   * Refuses a key no entity may be stored under (a curated role's code that is not a slug),
   * naming the field. Without it, every key the schema allows is one.
   */
  checkKey?(ref: Ref): void;
  /**
   * What keeps each of these entities, about to be put before readers, from being fit for them
   * (the errors lint finds in a guide), by field, for those it finds any in. The store is read
   * once for all of them. Without it, whatever is valid is published.
   */
  publishBlockers?(trx: Trx, entities: readonly Entity[]): Promise<Blocked<Entity>[]>;

  find(db: Db, ref: Ref): Promise<Entity | undefined>;
  /** Stores a new entity; false, with nothing written, when the key was taken first. */
  insert(trx: Trx, entity: Entity): Promise<boolean>;
  /** Replaces the stored entity only at `expectedVersion`; false when it moved on or went. */
  compareAndSet(trx: Trx, entity: Entity, expectedVersion: number): Promise<boolean>;
  /** Removes the stored entity only at `expectedVersion`; false when it moved on or went. */
  remove(trx: Trx, ref: Ref, expectedVersion: number): Promise<boolean>;

  /**
   * Holds what the entity just saved claims exclusively (a role's titles, a term's names), or
   * refuses the write with a conflict naming what another entity holds.
   */
  claim?(trx: Trx, entity: Entity): Promise<void>;
  /**
   * Settles the claims of everything a batch wrote or removed, once all of it is written: a batch
   * may move a claim from one entity to another on its way. Without it, a batch checks nothing.
   */
  settleClaims?(trx: Trx, written: readonly Ref[]): Promise<void>;
  /**
   * Refuses (conflict) removing an entity that others still point at. Asked once the row is
   * gone: a write naming the entity elsewhere has then either committed, and is seen, or waits
   * on the removed row (it holds what it names) and finds it missing.
   */
  checkRemovable?(trx: Trx, ref: Ref): Promise<void>;
  /** The entities whose content points at this one, each as the field that does. */
  referrers?(db: Db, ref: Ref): Promise<ProblemDetail[]>;
}
