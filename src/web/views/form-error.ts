import { html, type SafeHtml } from '../../guides/index.js';

/** Why a form's input was refused, as the service said it. */
export interface FormErrorView {
  message: string;
  fields?: readonly { field?: string | undefined; message: string }[];
}

/** The messages of a refusal about each of the fields a form shows, by field name. */
const besideFields = (error: FormErrorView | undefined, shown: readonly string[]) => {
  const beside = new Map<string, string[]>();
  for (const { field, message } of error?.fields ?? []) {
    if (field !== undefined && shown.includes(field)) {
      beside.set(field, [...(beside.get(field) ?? []), message]);
    }
  }
  return beside;
};

/**
 * A form's refusal split by where it is said: what concerns one of the fields the form shows
 * beside that field (marked invalid and described by the message), the rest at its top,
 * announced when the page loads.
 */
export const formErrors = (
  error: FormErrorView | undefined,
  form: string,
  shown: readonly string[],
) => {
  const beside = besideFields(error, shown);
  const messageId = (name: string) => `${form}-${name}-problem`;
  const atTop = (error?.fields ?? []).filter((f) => f.field === undefined || !beside.has(f.field));
  // The service's own sentence, unless some of what it says is already beside the fields.
  const summary =
    beside.size > 0 && atTop.length > 0 ? atTop.map((f) => f.message).join('; ') : error?.message;
  return {
    top: (): SafeHtml | false =>
      error !== undefined &&
      html`<div class="form-error" role="alert">
        <p>${summary}</p>
        ${
          beside.size === 0 &&
          atTop.length > 1 &&
          html`<ul>
            ${atTop.map((f) => html`<li>${f.field !== undefined && `${f.field}: `}${f.message}</li>`)}
          </ul>`
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
