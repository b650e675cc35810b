import { faviconSvg } from './favicon.js';

/**
 * The interactive API console (Swagger UI) dressed as Rolebook: the site's colours, a bar
 * leading back to the site, a main landmark under one heading, and a viewport so it fits a
 * phone. Swagger UI runs on script
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
.rolebook-bar nav { display: flex; flex-wrap: wrap; gap: 0.5rem 1.25rem; }
.rolebook-bar .brand { font-weight: 700; font-size: 1.2rem; color: #1b1f24; text-decoration: none; }
.swagger-ui .topbar, .swagger-ui__skip-link { display: none; }
.rolebook-bar .skip { position: absolute; left: -999px; }
.rolebook-bar .skip:focus { position: static; }
.swagger-ui a:focus-visible, .swagger-ui button:focus-visible, .rolebook-bar a:focus-visible { outline: 3px solid #b34700; outline-offset: 2px; }
.swagger-ui .info .title { color: #1b1f24; }
.swagger-ui .info .title small pre, .swagger-ui .info .title .version-stamp pre { color: #fff; }
.swagger-ui .info .title small { background: #4a5560; }
.swagger-ui .info .title small.version-stamp { background: #1e6b35; }
.swagger-ui .info .url, .swagger-ui .info a { color: #0b5cad; }
.swagger-ui .btn span, .swagger-ui .btn { color: #1b1f24; }
.swagger-ui .btn.authorize span { color: #1e6b35; }
.swagger-ui .opblock .opblock-summary-method { color: #fff; }
.swagger-ui .opblock.opblock-get .opblock-summary-method { background: #0b5cad; }
.swagger-ui .opblock.opblock-post .opblock-summary-method { background: #1e6b35; }
.swagger-ui .opblock.opblock-put .opblock-summary-method { background: #8a4b00; }
.swagger-ui .opblock.opblock-delete .opblock-summary-method { background: #b3261e; }
.swagger-ui .opblock.opblock-patch .opblock-summary-method { background: #1f6f6b; }
.swagger-ui .json-schema-2020-12-expand-deep-button { color: #1b1f24; }
.swagger-ui .scheme-container { display: none; }
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
  var bar = document.createElement('header');
  bar.className = 'rolebook-bar';
  bar.innerHTML = '<a class="skip" href="#operations">Skip to the operations</a><a class="brand" href="/">Rolebook</a><nav aria-label="Rolebook"><a href="/">Back to the site</a> <a href="/api">API reference</a> <a href="/v1/openapi.json">OpenAPI document</a></nav>';
  document.body.insertBefore(bar, document.body.firstChild);
  // Swagger UI redraws its parts as they open, so each redraw is mended as it lands: its title
  // is the page's heading, the headings under it follow on, its introduction is a region (the
  // operations are already a main landmark), and the one server needs no chooser.
  var mend = function () {
    var title = document.querySelector('.swagger-ui .info .title');
    if (title && !title.hasAttribute('aria-level')) {
      title.setAttribute('role', 'heading');
      title.setAttribute('aria-level', '1');
    }
    document.querySelectorAll('.swagger-ui h3.opblock-tag:not([aria-level])').forEach(function (h) {
      h.setAttribute('role', 'heading');
      h.setAttribute('aria-level', '2');
    });
    document.querySelectorAll('.swagger-ui section.models h4:not([aria-level])').forEach(function (h) {
      h.setAttribute('role', 'heading');
      h.setAttribute('aria-level', '2');
    });
    var about = document.querySelector('.swagger-ui .information-container:not([role])');
    if (about) {
      about.setAttribute('role', 'region');
      about.setAttribute('aria-label', 'About the API');
    }
    document.querySelectorAll('.swagger-ui select:not([aria-label])').forEach(function (select) {
      select.setAttribute('aria-label', select.id === 'servers' ? 'Server' : 'Choose');
    });
  };
  new MutationObserver(mend).observe(document.getElementById('swagger-ui'), { childList: true, subtree: true });
  mend();
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
