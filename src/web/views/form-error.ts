import { html, type SafeHtml } from '../../guides/index.js';

/** Why a form's input was refused, as the service said it. */
export interface FormErrorView {
  message: string;
  fields?: readonly { field?: string | undefined; message: string }[];
}

/** The refusal at the top of a form, announced when the page loads. */
export const formError = (error: FormErrorView | undefined): SafeHtml | false =>
  error !== undefined &&
  html`<div class="form-error" role="alert">
    <p><strong>That could not be read.</strong> ${error.message}</p>
    ${
      error.fields !== undefined &&
      error.fields.length > 1 &&
      html`<ul>
        ${error.fields.map((f) => html`<li>${f.field !== undefined && `${f.field}: `}${f.message}</li>`)}
      </ul>`
    }
  </div>`;
