import type { Term } from '../domain/index.js';

export interface Mention {
  start: number;
  end: number;
  text: string;
  slug: string;
}

const PIPELINE = /\bpipelines?\b/i;

/** The bare word right after a tool: "Jenkins pipelines". */
const AFTER_TOOL = /^[ \t]+(pipelines?)\b/i;

/** The bare word a few words before a tool: "pipelines in Azure Data Factory". */
const BEFORE_TOOL = /\b(pipelines?)[ \t]+(?:in|on|with|using|built in|built with)[ \t]+$/i;

const PIPELINE_END = /\bpipelines?$/i;

/** "in our" or "inside the" right before a tool: the pipeline is named as a place. */
const INSIDE_BEFORE = /\b(?:in|inside|within)[ \t]+(?:our|the|their|its|your)[ \t]+$/i;

/** "of" and the start of a word right after a form. */
const OF_AFTER = /^[ \t]+of[ \t]+\p{L}/u;

/**
 * True when a form naming a pipeline is followed by what flows through it: "build pipelines of
 * strong candidates", "a pipeline of leads" are a recruiter's or a seller's, as a build or a
 * data pipeline is named by its kind, never by its contents.
 */
export const pipelineOfContents = (form: string, text: string, end: number): boolean =>
  PIPELINE_END.test(form) && OF_AFTER.test(text.slice(end, end + 12));

/**
 * For each tool, the kind of pipeline it builds: the term whose forms name a pipeline ("CI/CD
 * pipeline", "data pipelines") and that lists the tool among its examples.
 */
export const pipelineKinds = (terms: readonly Term[]): ReadonlyMap<string, string> => {
  const kinds = new Map<string, string>();
  for (const term of terms) {
    const forms = [term.name, ...term.abbreviations, ...term.aliases];
    if (!forms.some((f) => PIPELINE.test(f))) continue;
    for (const tool of term.examples) if (!kinds.has(tool)) kinds.set(tool, term.slug);
  }
  return kinds;
};

/**
 * The mentions plus each bare "pipeline" that a tool beside it names the kind of. Alone the
 * word is as often a sales pipeline or a pipeline of candidates as a build or a data pipeline;
 * "Jenkins pipelines" and "pipelines in Azure Data Factory" say which.
 */
export const withPipelineKinds = (
  text: string,
  mentions: readonly Mention[],
  kinds: ReadonlyMap<string, string>,
): Mention[] => {
  const taken = (start: number, end: number) =>
    mentions.some((m) => m.start < end && start < m.end);
  const added: Mention[] = [];
  for (const tool of mentions) {
    const kind = kinds.get(tool.slug);
    if (kind === undefined) continue;
    // "Run the suite in our Jenkins pipeline": where other work runs, not pipeline work asked for.
    const place = INSIDE_BEFORE.test(text.slice(Math.max(0, tool.start - 20), tool.start));
    const after = place ? null : AFTER_TOOL.exec(text.slice(tool.end, tool.end + 20));
    const from = Math.max(0, tool.start - 40);
    const before = BEFORE_TOOL.exec(text.slice(from, tool.start));
    const words: [number, string][] = [
      ...(after
        ? [[tool.end + after[0].length - after[1]!.length, after[1]!] as [number, string]]
        : []),
      ...(before ? [[from + before.index, before[1]!] as [number, string]] : []),
    ];
    for (const [start, word] of words) {
      const end = start + word.length;
      if (!taken(start, end) && !added.some((m) => m.start === start))
        added.push({ start, end, text: text.slice(start, end), slug: kind });
    }
  }
  return [...mentions, ...added].sort((x, y) => x.start - y.start);
};
