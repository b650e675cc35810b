import { faviconSvg } from './favicon.js';

/**
 * The interactive API console (Swagger UI) dressed as Rolebook: the site's colours, a bar
 * leading back to the site, and a viewport so it fits a phone. Swagger UI runs on script
 * anyway, so the bar and the viewport are added by a small script of its theme.
 */
export const apiConsoleTheme = {
  title: 'API console · Rolebook',
  css: [
    {
      filename: 'rolebook.css',
      content: `
.rolebook-bar { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; padding: 0.6rem 1.25rem; background: #f3f6f9; border-bottom: 1px solid #d6dbe1; font: 1rem/1.5 system-ui, sans-serif; }
.rolebook-bar a { color: #0b5cad; }
.rolebook-bar .brand { font-weight: 700; font-size: 1.2rem; color: #1b1f24; text-decoration: none; }
.swagger-ui .topbar { display: none; }
.swagger-ui a:focus-visible, .swagger-ui button:focus-visible, .rolebook-bar a:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.swagger-ui .info .title { color: #1b1f24; }
`,
    },
  ],
  js: [
    {
      filename: 'rolebook.js',
      content: `(function () {
  var viewport = document.createElement('meta');
  viewport.name = 'viewport';
  viewport.content = 'width=device-width, initial-scale=1';
  document.head.appendChild(viewport);
  var bar = document.createElement('nav');
  bar.className = 'rolebook-bar';
  bar.setAttribute('aria-label', 'Rolebook');
  bar.innerHTML = '<a class="brand" href="/">Rolebook</a><a href="/api">API reference</a><a href="/v1/openapi.json">OpenAPI document</a>';
  document.body.insertBefore(bar, document.body.firstChild);
})();`,
    },
  ],
  favicon: [
    {
      filename: 'favicon.svg',
      rel: 'icon',
      sizes: 'any',
      type: 'image/svg+xml',
      content: Buffer.from(faviconSvg),
    },
  ],
};
