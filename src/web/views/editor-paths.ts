const segment = encodeURIComponent;

/** Paths of the editor's pages. A code with a slash travels %2F-encoded in its one segment. */
export const editorPaths = {
  /** The script that refreshes lint and the preview as someone types. */
  script: '/static/editor.js',
  newRole: '/edit/new-role',
  newTerm: '/edit/new-term',
  role: (taxonomy: string, code: string) => `/edit/roles/${segment(taxonomy)}/${segment(code)}`,
  roleRevisions: (taxonomy: string, code: string) =>
    `/edit/roles/${segment(taxonomy)}/${segment(code)}/revisions`,
  term: (slug: string) => `/edit/terms/${segment(slug)}`,
  termRevisions: (slug: string) => `/edit/terms/${segment(slug)}/revisions`,
} as const;
