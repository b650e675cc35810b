import type { Term } from '../domain/index.js';
import type { Mention } from './pipeline-kinds.js';
import { foldText } from './text-chars.js';

/** A term that lists others as its examples, with its written forms folded. */
interface Family {
  slug: string;
  forms: string[];
  /** A cloud provider, whose name opens the names of the services it rents out. */
  vendor: boolean;
}

/**
 * Categories of the families a product's name can carry: an operating system or a cloud. A
 * practice or a concept ("DevOps" in "Azure DevOps", "BI" in "Power BI") is no family.
 */
const PLATFORMS = new Set(['platform', 'cloud']);

/** For each term, the platforms and clouds that list it among their examples. */
export const familiesOf = (terms: readonly Term[]): ReadonlyMap<string, readonly Family[]> => {
  const families = new Map<string, Family[]>();
  for (const term of terms) {
    if (!PLATFORMS.has(term.category)) continue;
    const forms = [term.name, ...term.abbreviations, ...term.aliases].map(foldText);
    for (const example of term.examples) {
      families.set(example, [
        ...(families.get(example) ?? []),
        { slug: term.slug, forms, vendor: term.category === 'cloud' },
      ]);
    }
  }
  return families;
};

/**
 * The mentions plus the family each one names in its own words: "Red Hat Enterprise Linux" is
 * a Linux and "AWS Lambda" an AWS service. Other names that open with a family's ("GitHub
 * Actions", "Power BI") are products in their own right. The family's mention spans the
 * product's, so a reader marking the text marks the product.
 */
export const withFamilyNames = (
  mentions: readonly Mention[],
  families: ReadonlyMap<string, readonly Family[]>,
): Mention[] => {
  const added: Mention[] = [];
  for (const mention of mentions) {
    const written = foldText(mention.text);
    for (const family of families.get(mention.slug) ?? []) {
      const named = family.forms.some(
        (form) => written.endsWith(` ${form}`) || (family.vendor && written.startsWith(`${form} `)),
      );
      if (named) added.push({ ...mention, slug: family.slug });
    }
  }
  return [...mentions, ...added].sort((x, y) => x.start - y.start);
};
