// `${x}` and `{{x}}` first, so their inner `{x}` is not reported a second time.
const PLACEHOLDER = /\$\{\s*[^{}\s]+\s*\}|\{\{\s*[^{}]+?\s*\}\}|\{\s*[A-Za-z_][\w.-]*\s*\}/g;

/**
 * The template placeholders in a text, in order, as written: `{role_name}`, `{{ name }}` and
 * `${role}` all count. In stored content every one of them is text that was never filled in.
 * @example findPlaceholders('Why hire a {role_name}?') // ['{role_name}']
 */
export const findPlaceholders = (text: string): string[] => text.match(PLACEHOLDER) ?? [];
