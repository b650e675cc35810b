/** FNV-1a over the UTF-16 code units, mixed at the end: the same number in every process. */
const hashOf = (text: string): number => {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return hash ^ (hash >>> 13);
};

/**
 * Per title its signature (its normalized token sequence), and from a signature to one title
 * that has it. The look-up is a hash table of title ids in one Int32Array (open addressing,
 * linear probing) that a snapshot carries as it is: a Map of the same signatures would hash
 * some 45,000 strings again in every process that loads the index.
 */
export class SignatureTable {
  private readonly signatures: Array<string | undefined> = [];
  /** Title id + 1 of the title kept for the slot's signature; 0 for an empty slot. */
  private slots = new Int32Array(1024);
  private entries = 0;

  /** The title's signature; undefined for a title id not in use. */
  signatureOf(title: number): string | undefined {
    return this.signatures[title];
  }

  /** The title kept for the signature; -1 when no title has it. */
  titleWith(signature: string): number {
    const at = this.slotOf(signature);
    return at < 0 ? -1 : (this.slots[at] as number) - 1;
  }

  /** Gives the title its signature, kept for it when no other title has it. */
  add(title: number, signature: string): void {
    this.signatures[title] = signature;
    const at = this.slotOf(signature);
    if (at >= 0) return;
    this.slots[~at] = title + 1;
    this.entries++;
    if (this.entries * 2 > this.slots.length) this.rehash(this.slots.length * 2);
  }

  /**
   * Takes the title's signature away; `heir`, another title with it, is kept for it from now on
   * if the title was (-1 when the title was the last to have it).
   */
  remove(title: number, heir: number): void {
    const signature = this.signatures[title] as string;
    const at = this.slotOf(signature);
    if (this.slots[at] === title + 1) {
      if (heir >= 0) this.slots[at] = heir + 1;
      else this.empty(at);
    }
    this.signatures[title] = undefined;
  }

  /** The slot holding the signature, or ~ the empty slot where it would go. */
  private slotOf(signature: string): number {
    const { slots, signatures } = this;
    const mask = slots.length - 1;
    for (let at = hashOf(signature) & mask; ; at = (at + 1) & mask) {
      const entry = slots[at] as number;
      if (entry === 0) return ~at;
      if (signatures[entry - 1] === signature) return at;
    }
  }

  /**
   * Empties a slot, moving back each later entry of its run that may sit there (its own slot
   * is not between the hole and it), so that no look-up stops short at the hole.
   */
  private empty(slot: number): void {
    const { slots, signatures } = this;
    const mask = slots.length - 1;
    let hole = slot;
    for (let at = (hole + 1) & mask; slots[at] !== 0; at = (at + 1) & mask) {
      const home = hashOf(signatures[(slots[at] as number) - 1] as string) & mask;
      if (((at - home) & mask) >= ((at - hole) & mask)) {
        slots[hole] = slots[at] as number;
        hole = at;
      }
    }
    slots[hole] = 0;
    this.entries--;
  }

  private rehash(size: number): void {
    const old = this.slots;
    this.slots = new Int32Array(size);
    for (const entry of old) {
      if (entry !== 0) this.slots[~this.slotOf(this.signatures[entry - 1] as string)] = entry;
    }
  }

  /** A table holding what a snapshot took of one (its fields, as plain data). */
  static fromState(state: object): SignatureTable {
    return Object.assign(new SignatureTable(), state);
  }
}
