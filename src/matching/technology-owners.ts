import { normalizeTitleText } from './text-normalizer.js';

/**
 * The technologies each role's guide lists as tools of the work, findable by name as titles
 * are normalized ("splunk", "github action") and by each shorter ending of a name of several
 * words ("airflow" of "Apache Airflow"): postings name a tool the way its users say it, which
 * often drops the vendor. An ending is only a name where the caller knows its words name
 * nothing else (see TechnologyTitles).
 */
export class TechnologyOwners {
  /** Per role slot, its technologies as listed, the names shown when one is matched. */
  private names: Array<string[] | undefined> = [];
  /** Per normalized name, the role slots listing it. */
  private byName = new Map<string, number[]>();
  /** Per normalized ending of a name of two words or more, the role slots listing the name. */
  private byEnding = new Map<string, number[]>();

  /** Sets a role's technologies, replacing those it had. */
  set(slot: number, names: readonly string[]): void {
    this.drop(slot);
    if (names.length === 0) return;
    this.names[slot] = [...names];
    for (const { name, ending } of this.keysOf(slot)) {
      const map = ending ? this.byEnding : this.byName;
      const slots = map.get(name);
      if (slots === undefined) map.set(name, [slot]);
      else if (!slots.includes(slot)) slots.push(slot);
    }
  }

  /** Forgets a role's technologies. */
  drop(slot: number): void {
    for (const { name, ending } of this.keysOf(slot)) {
      const map = ending ? this.byEnding : this.byName;
      const kept = map.get(name)?.filter((s) => s !== slot) ?? [];
      if (kept.length > 0) map.set(name, kept);
      else map.delete(name);
    }
    this.names[slot] = undefined;
  }

  /** The role slots listing a technology by this normalized name. */
  rolesNaming(name: string): readonly number[] | undefined {
    return this.byName.get(name);
  }

  /** The role slots listing a technology whose name ends in these normalized words. */
  rolesEndingIn(ending: string): readonly number[] | undefined {
    return this.byEnding.get(ending);
  }

  /** The role's technology, as its guide writes it, that the normalized name or ending is of. */
  nameOf(slot: number, normalized: string): string | undefined {
    return (this.names[slot] ?? []).find((listed) =>
      namesOf(listed).some((tokens) =>
        tokens.some((_, start) => tokens.slice(start).join(' ') === normalized),
      ),
    );
  }

  private keysOf(slot: number): Array<{ name: string; ending: boolean }> {
    const keys: Array<{ name: string; ending: boolean }> = [];
    for (const listed of this.names[slot] ?? []) {
      for (const tokens of namesOf(listed)) {
        keys.push({ name: tokens.join(' '), ending: false });
        for (let start = 1; start < tokens.length; start++) {
          keys.push({ name: tokens.slice(start).join(' '), ending: true });
        }
      }
    }
    return keys;
  }

  /** Plain data for a snapshot. */
  toState(): object {
    return { names: this.names, byName: this.byName, byEnding: this.byEnding };
  }

  /** Owners holding what toState() took. */
  static fromState(state: {
    names?: Array<string[] | undefined>;
    byName?: Map<string, number[]>;
    byEnding?: Map<string, number[]>;
  }): TechnologyOwners {
    const owners = new TechnologyOwners();
    owners.names = state.names ?? [];
    owners.byName = state.byName ?? new Map<string, number[]>();
    owners.byEnding = state.byEnding ?? new Map<string, number[]>();
    return owners;
  }
}

/**
 * A technology's names, normalized: the name without what it brackets and the bracketed name
 * ("Adobe Commerce (Magento)"), each a way a posting may say it.
 */
const namesOf = (listed: string): string[][] => {
  const outside = listed.replace(/\([^()]*\)/g, ' ');
  const inside = [...listed.matchAll(/\(([^()]*)\)/g)].map((m) => m[1] as string);
  return [outside, ...inside].map(normalizeTitleText).filter((tokens) => tokens.length > 0);
};
