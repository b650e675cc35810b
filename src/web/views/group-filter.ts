import { html, type SafeHtml } from '../../guides/index.js';

/** An occupation group a filter offers, with how many roles it holds when that is known. */
export interface GroupOption {
  id: string;
  scheme: 'onet' | 'isco';
  code: string;
  name: string;
  count?: number;
}

const schemeLabels = { onet: 'O*NET major groups', isco: 'ISCO major groups' } as const;

/** "15 Computer and Mathematical (102)": the code first, as both classifications file by it. */
export const groupLabel = (g: GroupOption): string =>
  `${g.code} ${g.name}${g.count !== undefined ? ` (${g.count})` : ''}`;

/**
 * A select of the occupation groups, O*NET's and ISCO's each under its own heading, for a GET
 * form; nothing when no role sits in any group.
 */
export const groupSelect = (
  id: string,
  groups: readonly GroupOption[],
  chosen: string | undefined,
): SafeHtml | false =>
  groups.length > 0 &&
  html`<label for="${id}">Occupation group</label>
    <select id="${id}" name="group">
      <option value="" ${chosen === undefined && ' selected'}>All groups</option>
      ${(['onet', 'isco'] as const).map((scheme) => {
        const ofScheme = groups.filter((g) => g.scheme === scheme);
        return (
          ofScheme.length > 0 &&
          html`<optgroup label="${schemeLabels[scheme]}">
            ${ofScheme.map(
              (g) =>
                html`<option value="${g.id}" ${g.id === chosen && ' selected'}>
                  ${groupLabel(g)}
                </option>`,
            )}
          </optgroup>`
        );
      })}
    </select>`;
