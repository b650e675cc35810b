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

    function close() {
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

const script = (name: string, source: string) => {
  const path = `/scripts/${name}.js`;
  return { path, source, href: `${path}?v=${fnv1a(source)}` };
};

/** The site's scripts: each only enhances a page that works without it. */
export const siteScripts = {
  suggest: script('suggest', suggestSource),
} as const;
