import { html, rolePath, type SafeHtml } from '../../guides/index.js';
import { formErrors, type FormErrorView } from './form-error.js';
import { layout } from './layout.js';
import { percent } from './score.js';
import { sitePaths } from './site-paths.js';

/**
 * What the page shows of a diagnosis; the diagnosis service's answer fits it. Fields it does not
 * know are ignored, so a richer answer still renders.
 */
export interface DiagnosisView {
  roles: readonly {
    taxonomy: string;
    code: string;
    name: string;
    score: number;
    matches: readonly {
      section: string;
      text: string;
      said: readonly string[];
      why: string;
    }[];
  }[];
  understood?: readonly { said: string; means: string }[];
}

export interface DiagnoseViewData {
  text?: string;
  diagnosis?: DiagnosisView;
  error?: FormErrorView;
}

type MatchView = DiagnosisView['roles'][number]['matches'][number];

/** Whether a reason quotes a part's words, as it quotes them: without their closing full stop. */
const quotes = (why: string, words: string): boolean =>
  why.includes(`“${words.replace(/[.!?]+$/, '')}”`);

/**
 * One matched part of a role: the reason it matched, then whatever of the part the reason does
 * not already quote. A reason names a sign by its title and a duty by its whole text, and a
 * concept's text is only its label, which the reason names with the words that said it.
 */
const matchResult = (m: MatchView): SafeHtml => {
  const unquoted = m.section !== 'concept' && !quotes(m.why, m.text);
  return html`<li>${m.why}${unquoted && html` <span class="meta">${m.text}</span>`}</li>`;
};

const roleResult = (role: DiagnosisView['roles'][number]): SafeHtml =>
  html`<li>
    <h3><a href="${rolePath(role.taxonomy, role.code)}">${role.name}</a></h3>
    <p class="meta">${percent(role.score)}% fit</p>
    ${
      role.matches.length > 0 &&
      html`<ul>
        ${role.matches.map(matchResult)}
      </ul>`
    }
  </li>`;

const results = (diagnosis: DiagnosisView): SafeHtml =>
  html`<section aria-labelledby="results-heading">
    <h2 id="results-heading">Roles that fit</h2>
    ${
      diagnosis.roles.length === 0
        ? html`<p class="lead">
            No technology role fits what you describe. The problem may need someone outside
            technology, or more words about what goes wrong.
          </p>`
        : html`<ol class="results diagnosis">
            ${diagnosis.roles.map(roleResult)}
          </ol>`
    }
    ${
      diagnosis.understood !== undefined &&
      diagnosis.understood.length > 0 &&
      html`<h2 id="understood-heading">How we read your words</h2>
        <ul aria-labelledby="understood-heading">
          ${diagnosis.understood.map((u) => html`<li>“${u.said}”: ${u.means}</li>`)}
        </ul>`
    }
  </section>`;

/** On a phone the form fills the first screen, so the answer opens at the roles below it. */
const answeredAt = `${sitePaths.diagnose}#results-heading`;

/**
 * Which role do I need? A form for the problems in plain words, and for sent ones the ranked
 * roles with the signs that matched, or the plain answer that none fits.
 */
export const diagnoseView = (data: DiagnoseViewData): string => {
  const refused = formErrors(data.error, 'diagnose', { text: 'problem-text' });
  return layout(
    {
      title: 'Which role do I need?',
      description: 'Describe what goes wrong in plain words; see which role to hire and why.',
      section: 'diagnose',
      wide: true,
      ...(data.diagnosis !== undefined ? { noindex: true } : {}),
    },
    html`<h1>Which role do I need?</h1>
      <p>
        Describe the problems your team has, in your own words: what is slow, what breaks, what
        nobody owns. Rolebook names the roles whose work it is, with the signs that matched.
      </p>
      ${refused.top()}
      <form class="stack" method="post" action="${answeredAt}">
        <label for="problem-text">What goes wrong</label>
        <textarea
          id="problem-text"
          name="text"
          rows="6"
          required
          placeholder="e.g. Our website gets slow whenever traffic spikes and nobody knows why"
          ${refused.attributes('text')}
        >
${data.text ?? ''}</textarea>
        ${refused.message('text')}
        <button type="submit">Find the role</button>
      </form>
      ${data.diagnosis !== undefined && results(data.diagnosis)}`,
  );
};
