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
 * A CSV file sent for download is normalized through the API instead of the form, in parts of
 * rows each sent as a CSV of its own with the file's header: a browser reads no answer until its
 * upload is sent, and the API writes rows no faster than they are read, so one large upload would
 * stall both once the answer fills the connection. A progress bar counts the rows, Cancel stops
 * the part on its way and sends no more, and the answers are saved as one file named after the
 * input. Pasted lists and tables go through the form as without script; so does everything in a
 * browser that cannot cancel a request. The API and the form answer a file alike.
 */
const bulkProgressSource = `(function () {
  'use strict';
  var form = document.querySelector('form[data-stream]');
  if (!form || !window.AbortController || !window.Blob) return;
  // Small enough that a part's answer fits in what the connection holds while it is sent (a
  // few megabytes); the first part also holds every line the API looks through for the header.
  var ROWS_PER_PART = 2000;
  var BYTES_PER_PART = 1048576;
  var HEADER_LINES = 6;
  var file = form.querySelector('input[type=file]');
  var column = form.querySelector('input[name=column]');
  var progress = document.createElement('progress');
  var cancel = document.createElement('button');
  var status = document.createElement('p');
  var saved = document.createElement('a');
  var running = null;
  progress.hidden = true;
  progress.setAttribute('aria-label', 'Rows normalized');
  cancel.type = 'button';
  cancel.textContent = 'Cancel';
  cancel.hidden = true;
  status.setAttribute('role', 'status');
  saved.hidden = true;
  saved.textContent = 'Save the normalized file again';
  form.appendChild(progress);
  form.appendChild(cancel);
  form.appendChild(status);
  form.appendChild(saved);
  cancel.addEventListener('click', function () {
    if (running) running.abort();
  });

  // Where the first records of a CSV end (past their line feed), read as the API reads them: a
  // quote opens a field only at its start, so a line feed between quotes stays in its record
  // and an inch mark (27" monitor) quotes nothing. Works on bytes and on text alike.
  var recordEnds = function (data, most) {
    var at = typeof data === 'string' ? function (i) { return data.charCodeAt(i); } : function (i) { return data[i]; };
    var ends = [];
    var quoted = false;
    var fieldStart = true;
    for (var i = 0; i < data.length && ends.length < most; i++) {
      var c = at(i);
      if (quoted) {
        if (c === 34 && at(i + 1) === 34) i++;
        else if (c === 34) quoted = false;
        fieldStart = false;
        continue;
      }
      if (c === 34 && fieldStart) quoted = true;
      if (c === 10) ends.push(i + 1);
      fieldStart = c === 10 || c === 44 || c === 59 || c === 9;
    }
    if (ends.length < most && data.length > (ends[ends.length - 1] || 0)) ends.push(data.length);
    return ends;
  };
  // The record each part ends before: parts of whole records, never more than the limits above.
  var partEnds = function (ends) {
    var cuts = [];
    for (var from = 0; from < ends.length; from = cuts[cuts.length - 1]) {
      var start = from === 0 ? 0 : ends[from - 1];
      var to = from + 1;
      while (to < ends.length && ((to - from < ROWS_PER_PART && ends[to] - start <= BYTES_PER_PART) || to < HEADER_LINES)) to++;
      cuts.push(to);
    }
    return cuts;
  };
  var savedName = function (name) {
    var dot = name.lastIndexOf('.');
    return (dot > 0 ? name.slice(0, dot) : name || 'titles') + '-normalized.csv';
  };
  var refusal = function (response) {
    return response.json().then(function (problem) { throw new Error(problem.detail || problem.title || 'the file could not be normalized'); },
      function () { throw new Error('the server answered ' + response.status); });
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
    var name = savedName(chosen.name);
    var controller = new AbortController();
    running = controller;
    submitter.disabled = true;
    cancel.hidden = false;
    chosen.arrayBuffer().then(function (buffer) {
      var ends = recordEnds(new Uint8Array(buffer), Infinity);
      if (ends.length === 0) ends.push(0);
      // Rows after the header record, until the first answer says how many lines it left above.
      var total = Math.max(1, ends.length - 1);
      var done = 0;
      var header = null;
      var head = '';
      var answers = [];
      progress.max = total;
      progress.value = 0;
      progress.hidden = false;
      saved.hidden = true;
      status.textContent = 'Normalizing ' + total + ' rows…';
      var cuts = partEnds(ends);
      var send = function (part) {
        if (part >= cuts.length) return Promise.resolve();
        var from = part === 0 ? 0 : cuts[part - 1];
        var to = cuts[part];
        var rows = chosen.slice(from === 0 ? 0 : ends[from - 1], ends[to - 1]);
        var body = from === 0 ? rows : new Blob([header, rows]);
        return fetch(url, { method: 'POST', headers: { 'content-type': 'text/csv' }, body: body, signal: controller.signal }).then(function (response) {
          if (!response.ok) return refusal(response);
          var skipped = from === 0 ? Number(response.headers.get('rolebook-skipped-lines')) || 0 : 0;
          return response.text().then(function (text) {
            if (from === 0) {
              header = chosen.slice(skipped === 0 ? 0 : ends[skipped - 1], ends[skipped]);
              head = text.slice(0, recordEnds(text, 1)[0]);
              total = Math.max(1, ends.length - skipped - 1);
              progress.max = total;
              answers.push(text);
              done += to - skipped - 1;
            } else {
              if (text.slice(0, head.length) !== head) throw new Error('a part of the file was answered with another header');
              answers.push(text.slice(head.length));
              done += to - from;
            }
            progress.value = Math.min(done, total);
            status.textContent = Math.min(done, total) + ' of ' + total + ' rows normalized…';
            return send(part + 1);
          });
        });
      };
      return send(0).then(function () {
        if (saved.href) URL.revokeObjectURL(saved.href);
        saved.href = URL.createObjectURL(new Blob(answers, { type: 'text/csv' }));
        saved.download = name;
        saved.hidden = false;
        progress.value = total;
        status.textContent = 'All ' + total + ' rows normalized; the file is saved as ' + name + '.';
        saved.click();
      });
    }).catch(function (error) {
      progress.hidden = true;
      status.textContent = controller.signal.aborted
        ? 'Cancelled: the file was not normalized.'
        : 'The file was not normalized: ' + error.message;
    }).then(function () {
      running = null;
      cancel.hidden = true;
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
