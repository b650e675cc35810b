import { guideJsonLd } from './guide.jsonld.js';
import { guideCss } from './guide.styles.js';
import {
  guideSectionOrder,
  type GuideSectionName,
  type GuideSections,
  type GuideView,
  type LinkedText,
  type PointView,
} from './guide-view.js';
import { html, joinHtml, jsonForScript, raw, type HtmlValue, type SafeHtml } from './html.js';
import { linkedTextRuns } from './term-links.js';

type TextInfo = { direction?: string };

/**
 * Whether a language is written right to left (ar, he, fa, ur…), by the platform's locale data.
 * Node 20 has it as `textInfo`; newer engines as `getTextInfo()`.
 */
const isRightToLeft = (lang: string): boolean => {
  let locale: Intl.Locale & { textInfo?: TextInfo; getTextInfo?: () => TextInfo };
  try {
    locale = new Intl.Locale(lang);
  } catch {
    // A tag our schema admits but the locale data refuses (`en-a`) names no script to go by.
    return false;
  }
  return (locale.getTextInfo?.() ?? locale.textInfo)?.direction === 'rtl';
};

/**
 * The `lang` of an element, with a `dir` when the language is written the other way from the
 * text around it (left to right unless `insideRtl`).
 */
const languageAttributes = (lang: string, insideRtl = false): SafeHtml => {
  const rtl = isRightToLeft(lang);
  return html`lang="${lang}"${rtl !== insideRtl && html` dir="${rtl ? 'rtl' : 'ltr'}"`}`;
};

/**
 * A heading or label of the guide. When Rolebook has no wording in the guide's language, it is
 * marked with the language it is worded in, so no English text claims to be another language.
 */
const worded = (guide: GuideView, text: string): HtmlValue =>
  guide.labelsLang === guide.lang
    ? text
    : html`<span ${languageAttributes(guide.labelsLang, isRightToLeft(guide.lang))}>${text}</span>`;

const linkedText = (linked: LinkedText): SafeHtml =>
  html`${linkedTextRuns(linked).map((run) =>
    'mention' in run
      ? html`<a class="term-link" href="${run.mention.url}">${run.text}</a>`
      : run.text,
  )}`;

const points = (list: readonly PointView[]): SafeHtml =>
  html`<dl class="points">
    ${list.map(
      (p) =>
        html`<dt>${p.title}</dt>
          <dd>${linkedText(p.text)}</dd> `,
    )}
  </dl>`;

const tags = (names: readonly SafeHtml[] | readonly string[]): SafeHtml =>
  html`<ul class="tags">
    ${names.map((n) => html`<li>${n}</li>`)}
  </ul>`;

type SectionBody = {
  [K in GuideSectionName]-?: (section: NonNullable<GuideSections[K]>, guide: GuideView) => SafeHtml;
};

/** One body renderer per section; the mapped type makes a new section a compile error here. */
const sectionBodies: SectionBody = {
  summary: (s, guide) =>
    html`${s.paragraphs.map((p) => html`<p>${linkedText(p)}</p> `)}${
      s.alsoKnownAs.length > 0 &&
      html`<p class="aka">
        <strong>${worded(guide, guide.labels.alsoKnownAs)}:</strong>
        ${joinHtml(s.alsoKnownAs, ', ')}
      </p>`
    }`,
  responsibilities: (s) =>
    html`<ul>
      ${s.items.map((i) => html`<li>${linkedText(i)}</li>`)}
    </ul>`,
  benefits: (s) => points(s.points),
  signs: (s) => points(s.points),
  terms: (s, guide) =>
    html`<dl class="terms">
      ${s.terms.map(
        (t) =>
          html`<div class="term" id="term-${t.slug}">
            <dt>
              <dfn><a href="${t.url}">${t.name}</a></dfn
              >${
                t.abbreviations.length > 0 &&
                html` (${joinHtml(
                  t.abbreviations.map((a) => html`<abbr title="${t.name}">${a}</abbr>`),
                  ', ',
                )})`
              }
            </dt>
            <dd>
              <p>${t.definition}</p>
              ${
                t.examples.length > 0 &&
                html`<p class="examples">
                  ${worded(guide, guide.labels.examples)}:
                  ${joinHtml(
                    t.examples.map((e) => html`<a href="${e.url}">${e.name}</a>`),
                    ', ',
                  )}
                </p>`
              }
            </dd>
          </div> `,
      )}
    </dl>`,
  skills: (s, guide) =>
    html`${s.groups.map((g) =>
      g.label === null
        ? tags(g.skills)
        : html`<h3>${worded(guide, g.label)}</h3>
            ${tags(g.skills)}`,
    )}`,
  technologies: (s, guide) =>
    html`<div class="tech-groups">
      ${s.groups.map(
        (g) =>
          html`<div>
            <h3>${g.uncategorised ? worded(guide, g.category) : g.category}</h3>
            ${tags(
              g.technologies.map(
                (t) =>
                  html`${t.name}${t.hot && html` <span class="badge">${worded(guide, guide.labels.hotTechnology)}</span>`}${t.inDemand && html` <span class="badge">${worded(guide, guide.labels.inDemand)}</span>`}`,
              ),
            )}
          </div>`,
      )}
    </div>`,
  related: (s) =>
    html`<ul>
      ${s.roles.map((r) => html`<li><a href="${r.url}">${r.name}</a></li>`)}
    </ul>`,
  links: (s) =>
    html`<ul>
      ${s.links.map((l) => html`<li><a href="${l.url}" rel="external">${l.title}</a></li>`)}
    </ul>`,
  crosswalk: (s) =>
    html`<dl class="crosswalk">
      ${s.codes.map(
        (c) =>
          html`<div>
            <dt>${c.taxonomyName}</dt>
            <dd>
              ${
                c.url === null
                  ? html`<code>${c.code}</code>`
                  : html`<a href="${c.url}"
                      ><code>${c.code}</code>${c.name !== null && html` ${c.name}`}</a
                    >`
              }
            </dd>
          </div>`,
      )}
    </dl>`,
};

const presentSections = (guide: GuideView): GuideSectionName[] =>
  guideSectionOrder.filter((name) => guide.sections[name] !== undefined);

type AnyBody = (
  section: unknown,
  guide: GuideView,
  standard: (section: unknown) => SafeHtml,
) => SafeHtml;

/**
 * Section bodies a caller renders its own way (given the standard body to build on) and its own
 * footer; the sections not named keep the standard body.
 */
export interface ArticleOverrides {
  bodies?: {
    [K in GuideSectionName]?: (
      section: NonNullable<GuideSections[K]>,
      guide: GuideView,
      standard: (section: NonNullable<GuideSections[K]>) => SafeHtml,
    ) => SafeHtml;
  };
  footer?: (guide: GuideView) => SafeHtml;
}

const renderSection = (
  name: GuideSectionName,
  guide: GuideView,
  overrides: ArticleOverrides,
): SafeHtml => {
  const section = guide.sections[name]!;
  // TypeScript cannot pair a keyed function with its keyed argument; the mapped type above does.
  const standard = (s: unknown) =>
    (sectionBodies[name] as (s: unknown, g: GuideView) => SafeHtml)(s, guide);
  const custom = overrides.bodies?.[name] as AnyBody | undefined;
  const body = custom ? custom(section, guide, standard) : standard(section);
  return html`<section id="${name}" aria-labelledby="${name}-heading">
    <h2 id="${name}-heading">${worded(guide, section.heading)}</h2>
    ${body}
  </section> `;
};

const guideFooter = (guide: GuideView): SafeHtml => {
  const { taxonomy, role, labels } = guide;
  return html`<footer class="guide-footer">
    <p>
      ${taxonomy.url === null ? worded(guide, labels.source) : html`<a href="${taxonomy.url}" rel="external">${worded(guide, labels.source)}</a>`}${
        taxonomy.version !== null && ` (${taxonomy.version})`
      }
    </p>
    ${taxonomy.attribution !== null && html`<p>${taxonomy.attribution}</p>`}
    ${taxonomy.license !== null && html`<p>${worded(guide, labels.license)}: ${taxonomy.license}</p>`}
    ${role.updatedAt !== null && html`<p>${worded(guide, labels.updated)}: <time datetime="${role.updatedAt}">${role.updatedAt.slice(0, 10)}</time></p>`}
  </footer>`;
};

/**
 * The guide as an `<article>`: header, table of contents, the sections that have content, and
 * a footer with the source and its attribution. The site wraps it in its own layout.
 */
export const renderGuideArticle = (
  guide: GuideView,
  overrides: ArticleOverrides = {},
): SafeHtml => {
  const names = presentSections(guide);
  return html`<article class="guide" ${languageAttributes(guide.lang)}>
    <header class="guide-header">
      <p class="kicker">${worded(guide, guide.kicker)}</p>
      <h1>${guide.heading}</h1>
      ${guide.role.status === 'draft' && html`<p class="notice" role="note">${worded(guide, guide.labels.draft)}</p>`}
    </header>
    ${
      names.length > 1 &&
      html`<nav class="toc" aria-labelledby="toc-heading">
        <h2 id="toc-heading">${worded(guide, guide.labels.onThisPage)}</h2>
        <ol>
          ${names.map((name) => html`<li><a href="#${name}">${worded(guide, guide.sections[name]!.heading)}</a></li>`)}
        </ol>
      </nav> `
    }${names.map((name) => renderSection(name, guide, overrides))}${(overrides.footer ?? guideFooter)(guide)}
  </article>`;
};

/** The schema.org Occupation of the guide, ready to place in a page's head or body. */
export const renderGuideJsonLdScript = (guide: GuideView): SafeHtml =>
  html`<script type="application/ld+json">
    ${jsonForScript(guideJsonLd(guide))}
  </script>`;

/** Head elements a guide page needs: description, canonical URL, robots for drafts, JSON-LD. */
const renderGuideHead = (guide: GuideView): SafeHtml =>
  html`<meta name="description" content="${guide.description}" />
    <link rel="canonical" href="${guide.url}" />
    ${guide.role.status === 'draft' && html`<meta name="robots" content="noindex" />`}
    ${renderGuideJsonLdScript(guide)}`;

/**
 * The guide as a complete, standalone HTML document: no JavaScript, no external requests,
 * styles inlined, print-friendly. For `rolebook render --format html` and downloads.
 * @example renderGuideHtml(presentGuide(input)).startsWith('<!doctype html>')
 */
export const renderGuideHtml = (guide: GuideView): string =>
  html`<!doctype html>
    <html ${languageAttributes(guide.lang)}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${guide.pageTitle}</title>
        ${renderGuideHead(guide)}
        <style>
          ${raw(guideCss)}
        </style>
      </head>
      <body>
        <main id="main" class="page">${renderGuideArticle(guide)}</main>
      </body>
    </html> `.toString();
