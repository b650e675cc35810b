import { fnv1a } from './site.styles.js';

/**
 * Suggestions under a search box as the reader types, for every `input[data-suggest]` (the
 * attribute holds the JSON endpoint). The box becomes an ARIA combobox with a listbox: arrows
 * move through the suggestions, Enter opens the one chosen (or sends the form as typed when
 * none is), Escape closes the list. Without script the box is an ordinary search field.
 */
const suggestSource = `(function () {
  'use strict';
  var boxes = document.querySelectorAll('input[data-suggest]');
  Array.prototype.forEach.call(boxes, function (input) {
    var list = document.createElement('ul');
    var status = document.createElement('p');
    var items = [];
    var active = -1;
    var timer = 0;
    var asked = 0;
    list.id = input.id + '-suggestions';
    list.className = 'suggestions';
    list.setAttribute('role', 'listbox');
    list.setAttribute('aria-label', 'Suggestions');
    list.hidden = true;
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', 'false');
    input.setAttribute('aria-controls', list.id);
    input.setAttribute('autocomplete', 'off');
    input.parentNode.classList.add('suggest-host');
    input.parentNode.appendChild(list);
    input.parentNode.appendChild(status);

    // Closing also drops the answer still on its way, so a late one cannot open the list again.
    function close() {
      clearTimeout(timer);
      asked++;
      list.hidden = true;
      active = -1;
      input.setAttribute('aria-expanded', 'false');
      input.removeAttribute('aria-activedescendant');
    }
    function mark(index) {
      active = index;
      Array.prototype.forEach.call(list.children, function (li, i) {
        li.setAttribute('aria-selected', i === index ? 'true' : 'false');
      });
      if (index < 0) input.removeAttribute('aria-activedescendant');
      else input.setAttribute('aria-activedescendant', list.children[index].id);
    }
    function show(found) {
      items = found;
      list.textContent = '';
      found.forEach(function (s, i) {
        var li = document.createElement('li');
        var kind = document.createElement('span');
        li.id = list.id + '-' + i;
        li.setAttribute('role', 'option');
        li.setAttribute('aria-selected', 'false');
        li.textContent = s.label + ' ';
        kind.className = 'meta';
        kind.textContent = s.detail;
        li.appendChild(kind);
        li.addEventListener('mousedown', function (event) {
          event.preventDefault();
          window.location.assign(s.url);
        });
        list.appendChild(li);
      });
      status.textContent = found.length === 0 ? '' : found.length + (found.length === 1 ? ' suggestion' : ' suggestions') + '; arrow keys to choose.';
      active = -1;
      input.removeAttribute('aria-activedescendant');
      list.hidden = found.length === 0;
      input.setAttribute('aria-expanded', found.length === 0 ? 'false' : 'true');
    }
    function ask() {
      var q = input.value.trim();
      var mine = ++asked;
      if (q.length < 2) { show([]); return; }
      fetch(input.getAttribute('data-suggest') + '?q=' + encodeURIComponent(q), { headers: { accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (body) { if (mine === asked) show(body.suggestions); })
        .catch(function () { if (mine === asked) show([]); });
    }
    input.addEventListener('input', function () {
      clearTimeout(timer);
      timer = setTimeout(ask, 120);
    });
    input.addEventListener('keydown', function (event) {
      var open = !list.hidden && items.length > 0;
      if (event.key === 'ArrowDown' && open) {
        event.preventDefault();
        mark(active + 1 >= items.length ? 0 : active + 1);
      } else if (event.key === 'ArrowUp' && open) {
        event.preventDefault();
        mark(active <= 0 ? items.length - 1 : active - 1);
      } else if (event.key === 'Enter' && open && active >= 0) {
        event.preventDefault();
        window.location.assign(items[active].url);
      } else if (event.key === 'Escape' && open) {
        event.preventDefault();
        close();
      }
    });
    input.addEventListener('blur', close);
  });
})();
`;

/**
 * A CSV file sent for download is streamed through the API instead of the form: the rows come
 * back as they are normalized, a progress bar counts them, and the file is saved when the last
 * one arrives. Pasted lists and tables go through the form as without script; so does
 * everything when the browser cannot stream a response. The API and the form answer a file alike.
 */
const bulkProgressSource = `(function () {
  'use strict';
  var form = document.querySelector('form[data-stream]');
  if (!form || !window.ReadableStream || !window.TextDecoder) return;
  var file = form.querySelector('input[type=file]');
  var column = form.querySelector('input[name=column]');
  var progress = document.createElement('progress');
  var status = document.createElement('p');
  var saved = document.createElement('a');
  progress.hidden = true;
  progress.setAttribute('aria-label', 'Rows normalized');
  status.setAttribute('role', 'status');
  saved.hidden = true;
  saved.download = 'normalized-titles.csv';
  saved.textContent = 'Save the normalized file again';
  form.appendChild(progress);
  form.appendChild(status);
  form.appendChild(saved);

  var lines = function (text) {
    var n = 0;
    for (var i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) n++;
    return n;
  };
  form.addEventListener('submit', function (event) {
    var chosen = file.files && file.files[0];
    var submitter = event.submitter;
    if (!chosen || !submitter || submitter.value !== 'csv') return;
    event.preventDefault();
    var query = new URLSearchParams();
    if (column.value.trim()) query.set('column', column.value.trim());
    var taxonomy = form.querySelector('[name=taxonomy]');
    if (taxonomy && taxonomy.value) query.set('taxonomy', taxonomy.value);
    var url = form.getAttribute('data-stream') + '?' + query;
    submitter.disabled = true;
    chosen.text().then(function (text) {
      // Rows after the header line, in the file and in the answer alike.
      var total = Math.max(1, lines(text.replace(/\\n$/, '')));
      var seen = 0;
      var done = 0;
      var parts = [];
      var decoder = new TextDecoder();
      progress.max = total;
      progress.value = 0;
      progress.hidden = false;
      saved.hidden = true;
      status.textContent = 'Normalizing ' + total + ' rows…';
      return fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: chosen }).then(function (response) {
        if (!response.ok || !response.body) {
          return response.json().then(function (problem) { throw new Error(problem.detail || problem.title || 'the file could not be normalized'); },
            function () { throw new Error('the server answered ' + response.status); });
        }
        var reader = response.body.getReader();
        var shown = 0;
        var pump = function () {
          return reader.read().then(function (step) {
            if (step.done) return;
            parts.push(step.value);
            seen += lines(decoder.decode(step.value, { stream: true }));
            done = Math.max(0, seen - 1);
            progress.value = Math.min(done, total);
            var now = Date.now();
            if (now - shown > 500) {
              shown = now;
              status.textContent = Math.min(done, total) + ' of ' + total + ' rows normalized…';
            }
            return pump();
          });
        };
        return pump().then(function () {
          saved.href = URL.createObjectURL(new Blob(parts, { type: 'text/csv' }));
          saved.hidden = false;
          progress.value = total;
          status.textContent = 'All ' + total + ' rows normalized; the file is saved as normalized-titles.csv.';
          saved.click();
        });
      });
    }).catch(function (error) {
      progress.hidden = true;
      status.textContent = 'The file was not normalized: ' + error.message;
    }).then(function () {
      submitter.disabled = false;
    });
  });
})();
`;

const script = (name: string, source: string) => {
  const path = `/scripts/${name}.js`;
  return { path, source, href: `${path}?v=${fnv1a(source)}` };
};

/** The site's scripts: each only enhances a page that works without it. */
export const siteScripts = {
  suggest: script('suggest', suggestSource),
  bulkProgress: script('bulk-progress', bulkProgressSource),
} as const;
