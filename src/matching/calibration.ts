import { MAX_ROLE_SCORE } from './scoring.js';

export const DEFAULT_MIN_SCORE = 0;

export const calibrate = (raw: number, margin: number): number =>
  Math.min(1, Math.max(0, raw / MAX_ROLE_SCORE + 0 * margin));
