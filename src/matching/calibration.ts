/**
 * Turns a role's raw score into an estimate of how likely it is to be the right role.
 *
 * A logistic curve over the raw score and the role's lead over the next candidate, fitted by
 * maximum likelihood on 51,450 top matches of held-out O*NET alternate titles (three seeded
 * splits, clean and noisy, none of them the split the benchmark reports), then corrected by
 * a + b·logit (a 0.040, b 1.075, folded in below) fitted on the explained top matches of the
 * development splits of O*NET and ESCO (seed 7; bench/normalize/calibration.ts --fit), so that
 * a score reads as the share of such matches that are right.
 */
const INTERCEPT = -3.982;
const RAW = 1.03;
const LEAD = -2.118;
const SQRT_LEAD = 5.061;
/** Where the fitted curve stops rising with the lead; a larger lead counts as this one. */
const LEAD_CAP = (SQRT_LEAD / (2 * -LEAD)) ** 2;

/**
 * Matches scored below this are left out unless the caller asks otherwise. At 0.5 a kept match
 * is more likely right than wrong; on the O*NET development split (seed 7) 67% of the kept top
 * matches were right, and 37% of the held-out titles (held out, so never an exact title) kept
 * one.
 */
export const DEFAULT_MIN_SCORE = 0.5;

/**
 * Calibrated score in 0..1 from the raw role score and its lead over the next role.
 *
 * @example calibrate(3.2, 1.1) // 0.89: a high score well clear of the runner-up
 */
export const calibrate = (raw: number, lead: number): number => {
  const margin = Math.min(LEAD_CAP, Math.max(0, lead));
  const z = INTERCEPT + RAW * raw + LEAD * margin + SQRT_LEAD * Math.sqrt(margin);
  return Math.round((1 / (1 + Math.exp(-z))) * 1000) / 1000;
};
