import { html, type SafeHtml } from '../../guides/index.js';

/** Why a form's input was refused, as the service said it. */
export interface FormErrorView {
  message: string;
  fields?: readonly { field?: string | undefined; message: string }[];
}

/** The messages of a refusal about each of the fields a form shows, by field name. */
const besideFields = (error: FormErrorView | undefined, controls: FormControls) => {
  const beside = new Map<string, string[]>();
  for (const { field, message } of error?.fields ?? []) {
    if (field !== undefined && Object.hasOwn(controls, field)) {
      beside.set(field, [...(beside.get(field) ?? []), message]);
    }
  }
  return beside;
};

/** The fields a form shows, each by its name in the request and the id of its control. */
export type FormControls = Readonly<Record<string, string>>;

/** The top of a refusal that is about no field the form shows: the service's own words. */
const serviceSaid = (error: FormErrorView, atTop: FormErrorView['fields'] & {}): SafeHtml =>
  html`<p>${error.message}</p>
    ${
      atTop.length > 1 &&
      html`<ul>
        ${atTop.map((f) => html`<li>${f.field !== undefined && `${f.field}: `}${f.message}</li>`)}
      </ul>`
    }`;

/**
 * The service's own sentence, then each problem, a field's linking to its control. A single
 * problem that only repeats the sentence is the sentence, linked.
 */
const linkedSummary = (
  error: FormErrorView,
  beside: ReadonlyMap<string, string[]>,
  atTop: FormErrorView['fields'] & {},
  controls: FormControls,
): SafeHtml => {
  const linked = [...beside].map(([name, messages]) => ({
    href: `#${controls[name]}`,
    text: messages.join('; '),
  }));
  const [only] = linked;
  if (
    only !== undefined &&
    linked.length === 1 &&
    atTop.length === 0 &&
    only.text === error.message
  ) {
    return html`<p><a href="${only.href}">${only.text}</a></p>`;
  }
  return html`<p>${error.message}</p>
    <ul>
      ${linked.map((l) => html`<li><a href="${l.href}">${l.text}</a></li>`)}
      ${atTop.map((f) => html`<li>${f.message}</li>`)}
    </ul>`;
};

/**
 * A form's refusal split by where it is said: what concerns one of the fields the form shows
 * beside that field (marked invalid and described by the message), and at the top a summary
 * announced when the page loads. After a full-page reload that announcement is the only sign a
 * screen reader gets that the form was refused, so the summary lists every problem, each about a
 * field linking to that field's control.
 */
export const formErrors = (
  error: FormErrorView | undefined,
  form: string,
  controls: FormControls,
) => {
  const beside = besideFields(error, controls);
  const messageId = (name: string) => `${form}-${name}-problem`;
  const atTop = (error?.fields ?? []).filter((f) => f.field === undefined || !beside.has(f.field));
  return {
    top: (): SafeHtml | false =>
      error !== undefined &&
      html`<div class="form-error" role="alert">
        ${
          beside.size === 0
            ? serviceSaid(error, atTop)
            : linkedSummary(error, beside, atTop, controls)
        }
      </div>`,
    /** Attributes of a field's control: invalid, and described by its message. */
    attributes: (name: string): SafeHtml | false =>
      beside.has(name) && html`aria-invalid="true" aria-describedby="${messageId(name)}"`,
    message: (name: string): SafeHtml | false =>
      beside.has(name) &&
      html`<p class="field-problem" id="${messageId(name)}">${beside.get(name)?.join('; ')}</p>`,
  };
};

/** A form's file chooser (`file`) with its label, marked and described as its refusal says. */
export const fileField = (
  refused: ReturnType<typeof formErrors>,
  { id, label, accept }: { id: string; label: string; accept: string },
): SafeHtml =>
  html`<label for="${id}">${label}</label>
    <input id="${id}" type="file" name="file" accept="${accept}" ${refused.attributes('file')} />
    ${refused.message('file')}`;
