import { html, rolePath, termPath, type SafeHtml } from '../../guides/index.js';
import { fileField, formErrors, type FormErrorView } from './form-error.js';
import { layout } from './layout.js';
import { percent } from './score.js';
import { sitePaths } from './site-paths.js';
import { count, humanize } from './text.js';

interface Span {
  start: number;
  end: number;
}

/** What the analysis page shows of an analysis; the analysis service's answer fits it. */
export interface AnalysisView {
  title: { text: string } | null;
  roles: readonly {
    taxonomy: string;
    code: string;
    name: string;
    score: number;
    evidence: readonly { source: string; detail: string }[];
  }[];
  seniority: {
    level: string | null;
    source: string | null;
    years: { text: string } | null;
  };
  terms: readonly {
    slug: string;
    name: string;
    category: string;
    definition: string;
    mentions: readonly Span[];
  }[];
  parts: Readonly<Record<string, { present: boolean; evidence?: string; note?: string }>>;
  missing: readonly string[];
  workModes: readonly string[];
  warnings: readonly { code: string; message: string }[];
}

export interface AnalyzeViewData {
  /** The text as sent, kept in the form. */
  input?: string;
  /** The text the mentions index, shown with every term marked. */
  shownText?: string;
  /** Where an uploaded file came from. */
  filename?: string;
  analysis?: AnalysisView;
  error?: FormErrorView;
  /** Accepted file extensions. */
  accept: readonly string[];
}

const partLabels: Record<string, string> = {
  responsibilities: 'What the job involves',
  requirements: 'What the candidate needs',
  salary: 'Pay',
  location: 'Where the work is',
};

const labelOfPart = (part: string) => partLabels[part] ?? humanize(part);

interface Mark extends Span {
  slug: string;
  name: string;
  definition: string;
}

/** Every mention in text order, the earliest first; one that overlaps an earlier one is skipped. */
const marksOf = (terms: AnalysisView['terms'], length: number): Mark[] => {
  const marks = terms
    .flatMap((t) =>
      t.mentions.map((m) => ({ ...m, slug: t.slug, name: t.name, definition: t.definition })),
    )
    .filter((m) => m.start >= 0 && m.end <= length && m.start < m.end)
    .sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: Mark[] = [];
  for (const mark of marks) {
    const last = kept[kept.length - 1];
    if (last === undefined || mark.start >= last.end) kept.push(mark);
  }
  return kept;
};

/** Plain text with its line breaks kept as `<br>`, so the markup around it may be reflowed. */
const lines = (text: string): SafeHtml[] =>
  text.split('\n').map((line, i) => (i === 0 ? html`${line}` : html`<br />${line}`));

/**
 * The text with each known term marked. A mark takes focus (keyboard, or a tap), and its
 * explanation shows on hover and focus; screen readers hear it as the mark's description.
 */
const markedText = (text: string, terms: AnalysisView['terms']): SafeHtml => {
  const parts: SafeHtml[] = [];
  let at = 0;
  marksOf(terms, text.length).forEach((mark, index) => {
    const id = `tip-${index}`;
    parts.push(
      ...lines(text.slice(at, mark.start)),
      html`<mark class="term" tabindex="0" aria-describedby="${id}"
        >${text.slice(mark.start, mark.end)}<span class="tip" role="tooltip" id="${id}"
          ><strong>${mark.name}</strong>: ${mark.definition}</span
        ></mark
      >`,
    );
    at = mark.end;
  });
  parts.push(...lines(text.slice(at)));
  return html`<div class="jd-text">${parts}</div>`;
};

const rolesSection = (roles: AnalysisView['roles']): SafeHtml =>
  html`<section aria-labelledby="roles-heading">
    <h2 id="roles-heading">Likely role</h2>
    ${
      roles.length === 0
        ? html`<p>No role in the library reads like this posting.</p>`
        : html`<ol class="results">
            ${roles.map(
              (role) =>
                html`<li>
                  <a href="${rolePath(role.taxonomy, role.code)}">${role.name}</a>
                  <span class="meta">${percent(role.score)}% fit</span>
                  <ul>
                    ${role.evidence.map((e) => html`<li>${e.detail}</li>`)}
                  </ul>
                </li>`,
            )}
          </ol>`
    }
  </section>`;

const senioritySection = (analysis: AnalysisView): SafeHtml => {
  const { level, source, years } = analysis.seniority;
  return html`<section aria-labelledby="seniority-heading">
    <h2 id="seniority-heading">Seniority</h2>
    <p>
      ${
        level === null
          ? 'The posting does not say how senior the role is.'
          : html`<strong>${humanize(level)}</strong>${
                source === 'title'
                  ? html`, as the title says`
                  : source === 'experience' && html`, from the experience asked for`
              }.`
      }
      ${years !== null && html`It asks for “${years.text}”.`}
    </p>
    ${
      analysis.workModes.length > 0 &&
      html`<p>Work mode: ${analysis.workModes.map(humanize).join(', ')}.</p>`
    }
  </section>`;
};

const partsSection = (analysis: AnalysisView): SafeHtml =>
  html`<section aria-labelledby="parts-heading">
    <h2 id="parts-heading">What the posting lacks</h2>
    ${
      analysis.missing.length === 0
        ? html`<p>Nothing: it says what the job involves, what it needs, the pay and the place.</p>`
        : html`<ul>
            ${analysis.missing.map((part) => html`<li><strong>${labelOfPart(part)}</strong></li>`)}
          </ul>`
    }
    <ul class="checks">
      ${Object.entries(analysis.parts).map(
        ([part, check]) =>
          html`<li>
            ${check.present ? '✓' : '✗'}
            ${labelOfPart(part)}${
              check.evidence !== undefined && html`: “${check.evidence}”`
            }${check.note !== undefined && html` — ${check.note}`}
          </li>`,
      )}
    </ul>
  </section>`;

const termsSection = (terms: AnalysisView['terms']): SafeHtml | false =>
  terms.length > 0 &&
  html`<section aria-labelledby="terms-heading">
    <h2 id="terms-heading">Terms explained</h2>
    <dl class="glossary">
      ${terms.map(
        (t) =>
          html`<dt>
              <a href="${termPath(t.slug)}">${t.name}</a>
              <span class="meta">${t.category}, ${count(t.mentions.length, 'mention')}</span>
            </dt>
            <dd>${t.definition}</dd>`,
      )}
    </dl>
  </section>`;

const results = (data: AnalyzeViewData, analysis: AnalysisView): SafeHtml =>
  html`<h2 id="results-heading">
      Analysis${data.filename !== undefined && html` of ${data.filename}`}
    </h2>
    ${
      analysis.warnings.length > 0 &&
      html`<ul class="notice" aria-label="Warnings">
        ${analysis.warnings.map((w) => html`<li>${w.message}</li>`)}
      </ul>`
    }
    ${analysis.title !== null && html`<p>Title read: <strong>${analysis.title.text}</strong></p>`}
    <div class="two-columns">${rolesSection(analysis.roles)} ${senioritySection(analysis)}</div>
    ${partsSection(analysis)}
    <section aria-labelledby="text-heading">
      <h2 id="text-heading">The posting, with ${count(analysis.terms.length, 'term')} marked</h2>
      <p class="meta">Point at, tap or tab to a marked term to see what it means.</p>
      ${markedText(data.shownText ?? '', analysis.terms)}
    </section>
    ${termsSection(analysis.terms)}`;

/** The posting's box is tall, so the answer opens at the analysis below it rather than at the top. */
const answeredAt = `${sitePaths.analyze}#results-heading`;

/**
 * Analyze a job description: a form to paste or upload one, and for a sent one its likely
 * role with the evidence, its seniority, what it lacks and the text with every term explained.
 */
export const analyzeView = (data: AnalyzeViewData): string => {
  const refused = formErrors(data.error, 'analyze', { text: 'jd-text', file: 'jd-file' });
  return layout(
    {
      title: 'Analyze a job description',
      description:
        'Paste a job description: see the role it describes, how senior it is, what it lacks and what its terms mean.',
      section: 'analyze',
      wide: true,
      ...(data.analysis !== undefined ? { noindex: true } : {}),
    },
    html`<h1>Analyze a job description</h1>
      <p>
        Paste a job description or upload it (${data.accept.join(', ')}). Rolebook tells you which
        role it describes and why, how senior it is, what a good posting would add, and explains
        every term it knows.
      </p>
      ${refused.top()}
      <form class="stack" method="post" action="${answeredAt}" enctype="multipart/form-data">
        <label for="jd-text">Job description</label>
        <textarea id="jd-text" name="text" rows="12" ${refused.attributes('text')}>
${data.input ?? ''}</textarea>
        ${refused.message('text')}
        <label for="jd-format">The pasted text is</label>
        <select id="jd-format" name="format">
          <option value="text">Plain text</option>
          <option value="markdown">Markdown</option>
          <option value="html">HTML</option>
        </select>
        ${fileField(refused, {
          id: 'jd-file',
          label: 'Or upload a file',
          accept: data.accept.join(','),
        })}
        <button type="submit">Analyze</button>
      </form>
      ${data.analysis !== undefined && html`<section aria-labelledby="results-heading">${results(data, data.analysis)}</section>`}`,
  );
};
