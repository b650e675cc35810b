/** The text the engines read, and the way back from its offsets to the input's. */
export interface TextView {
  text: string;
  toOriginal: (start: number, end: number) => { start: number; end: number };
}
