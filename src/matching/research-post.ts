/**
 * Universities name a research post by its contract, not its work: a research associate, a
 * research fellow or a postdoctoral researcher is employed to do research, and the field after
 * "in" says which ("Research Fellow in Computer Vision"). Taxonomies and the library list the
 * researcher of a field, so the post is read as that.
 */
const RESEARCH_POST =
  /\b(?:post-?doc(?:toral)?\s+)?research\s+(?:associate|fellow)\b|\bpost-?doc(?:toral)?\s+(?:researcher|fellow|associate)\b|\bpost-?doc\b/i;

/** Cheap first test: a title without it has no research post. */
const POST_HINT = /research|post-?doc/i;

/**
 * The text with a university research post named as the researcher it employs; the text itself
 * where it names none.
 *
 * @example asResearcher('Research Fellow in Computer Vision') // 'Research Scientist in Computer Vision'
 */
export const asResearcher = (text: string): string =>
  POST_HINT.test(text) ? text.replace(RESEARCH_POST, 'Research Scientist') : text;
