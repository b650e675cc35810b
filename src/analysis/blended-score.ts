/**
 * The chance that the first role, once the learned scorer has had its say in which role comes
 * first, is the one to hire: from the rules' chance that their own best role is right, the
 * model's probability for the role put first, both as log-odds.
 */
export interface BlendedCalibration {
  bias: number;
  /** On the log-odds of the rules' calibrated chance. */
  rules: number;
  learned: number;
}

/**
 * Fitted by `npx tsx bench/diagnosis/calibrate-blend.ts` on dev problems each answered by a model
 * trained without the problem's batch, so the model's confidence is weighed as on writers it never
 * saw rather than on problems it learnt.
 */
const BLENDED_CALIBRATION: BlendedCalibration = { bias: 1.75, rules: 1.01, learned: 1.44 };

/** Keeps the log-odds finite for a chance of exactly 0 or 1. */
const EDGE = 1e-6;
export const logOdds = (chance: number): number => {
  const p = Math.min(1 - EDGE, Math.max(EDGE, chance));
  return Math.log(p / (1 - p));
};

export const blendedFirstScore = (
  rulesChance: number,
  learned: number,
  c: BlendedCalibration = BLENDED_CALIBRATION,
): number => {
  const z = c.bias + c.rules * logOdds(rulesChance) + c.learned * logOdds(learned);
  return 1 / (1 + Math.exp(-z));
};
