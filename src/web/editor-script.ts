/**
 * The editor's one script, and all it does: while someone types, it asks the page's own form
 * path for a preview (the same POST the Preview button sends) and swaps in the lint findings and
 * the preview it gets back. Without it, the Preview button does the same.
 */
export const editorScript = `'use strict';
(() => {
  const form = document.querySelector('form.editor');
  if (!form || !window.fetch || !window.DOMParser) return;
  let timer;
  let asked = 0;
  const refresh = async () => {
    const mine = ++asked;
    const body = new URLSearchParams(new FormData(form));
    body.set('intent', 'preview');
    const response = await fetch(form.action, {
      method: 'POST',
      body,
      headers: { accept: 'text/html' },
      credentials: 'same-origin',
    });
    if (!response.ok || mine !== asked) return;
    const fresh = new DOMParser().parseFromString(await response.text(), 'text/html');
    for (const selector of ['section.lint', 'section.preview']) {
      const next = fresh.querySelector(selector);
      const shown = document.querySelector(selector);
      if (next && shown) shown.replaceWith(next);
      else if (next) form.before(next);
    }
  };
  form.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch(() => undefined), 700);
  });
})();
`;
