// DOM helpers of the pdx dashboard. Everything the daemon says is put on
// the page as text (textContent), never as HTML, so a dataset name or an
// offer's terms cannot inject markup; the Content-Security-Policy the
// server sends forbids inline scripts besides.

import { APIError, notServed } from './api.js';

let uid = 0;
export function nextId(prefix) {
  uid += 1;
  return `${prefix}-${uid}`;
}

// h builds an element: h('button', {class: 'x', onclick: f}, 'text', child).
export function h(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on') && typeof v === 'function') node.addEventListener(k.slice(2), v);
    else if (k === 'class') node.className = v;
    else if (k === 'dataset') Object.assign(node.dataset, v);
    else if (v === true) node.setAttribute(k, '');
    else node.setAttribute(k, String(v));
  }
  append(node, children);
  return node;
}

// show replaces node's children, skipping the null and false that
// conditional parts of a page leave (replaceChildren would print them).
export function show(node, ...children) {
  node.replaceChildren();
  append(node, children);
}

function append(node, children) {
  for (const c of children.flat()) {
    if (c === undefined || c === null || c === false) continue;
    node.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// announce says something in the page's polite live region, so screen
// readers hear results that appear away from the focus.
export function announce(msg) {
  const live = document.getElementById('live');
  if (!live) return;
  live.textContent = '';
  setTimeout(() => (live.textContent = msg), 30);
}

// field is a labelled input with a hint and an error slot tied to it by
// aria-describedby.
export function field(label, input, hint) {
  const id = input.id || nextId('f');
  input.id = id;
  const hintEl = hint ? h('p', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const err = h('p', { class: 'field-error', id: `${id}-error`, hidden: true, role: 'alert' });
  input.setAttribute('aria-describedby', [hintEl ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '));
  const wrap = h('div', { class: 'field' }, h('label', { for: id }, label), input, hintEl, err);
  return wrap;
}

export function setError(input, msg) {
  const err = document.getElementById(`${input.id}-error`);
  input.setAttribute('aria-invalid', 'true');
  if (err) {
    err.textContent = msg;
    err.hidden = false;
  }
}

export function clearErrors(form) {
  for (const el of form.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
  for (const el of form.querySelectorAll('.field-error, .form-error')) {
    el.textContent = '';
    el.hidden = true;
  }
}

// formError shows a message for the form as a whole (the daemon's refusal
// of something the fields looked fine for).
export function formError(form, msg) {
  let el = form.querySelector('.form-error');
  if (!el) {
    el = h('p', { class: 'form-error', role: 'alert' });
    const heading = form.querySelector('h1, h2');
    if (heading) heading.after(el);
    else form.prepend(el);
  }
  el.textContent = msg;
  el.hidden = false;
}

// firstInvalid focuses the first field with an error, for keyboard users.
export function focusFirstInvalid(form) {
  const bad = form.querySelector('[aria-invalid="true"]');
  if (bad) bad.focus();
  return !!bad;
}

// errorText words an API error for a person: the daemon's message, and
// the chain's custom error when there is one.
export function errorText(err) {
  if (!(err instanceof APIError)) return String(err && err.message ? err.message : err);
  if (notServed(err)) return 'This daemon does not serve this yet: update pdx.';
  const revert = err.revert ? ` (the chain refused: ${err.revert})` : '';
  return `${err.message}${revert}`;
}

// busy disables a button while work runs and says so.
export async function busy(button, label, work) {
  const old = button.textContent;
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  button.textContent = label;
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
    button.textContent = old;
  }
}

// table renders rows as a table that turns into stacked cards on a phone
// (CSS uses each cell's data-label). cols: [{label, cell(row) -> node|text}].
export function table(caption, cols, rows, empty) {
  if (!rows.length) return h('p', { class: 'empty' }, empty);
  return h('div', { class: 'table-wrap' },
    h('table', {},
      h('caption', { class: 'visually-hidden' }, caption),
      h('thead', {}, h('tr', {}, cols.map((c) => h('th', { scope: 'col' }, c.label)))),
      h('tbody', {}, rows.map((r) => h('tr', {}, cols.map((c) => h('td', { 'data-label': c.label }, c.cell(r))))))));
}

// progress is a labelled <progress> with a text readout.
export function progressBar(label) {
  const id = nextId('p');
  const bar = h('progress', { id, max: 100, value: 0 });
  const text = h('span', { class: 'progress-text', 'aria-live': 'off' }, '');
  const wrap = h('div', { class: 'progress', hidden: true }, h('label', { for: id }, label), bar, text);
  return {
    el: wrap,
    set(done, total, note) {
      wrap.hidden = false;
      if (total > 0) {
        bar.max = total;
        bar.value = Math.min(done, total);
      } else {
        bar.removeAttribute('value');
      }
      text.textContent = note;
    },
    hide() {
      wrap.hidden = true;
    },
  };
}

// copyButton copies text (a CID, an address) to the clipboard.
export function copyButton(text, what) {
  return h('button', {
    type: 'button', class: 'small ghost', 'aria-label': `Copy ${what}`,
    onclick: async (ev) => {
      try {
        await navigator.clipboard.writeText(text);
        ev.target.textContent = 'Copied';
        announce(`${what} copied`);
      } catch {
        ev.target.textContent = 'Copy failed';
      }
      setTimeout(() => (ev.target.textContent = 'Copy'), 1500);
    },
  }, 'Copy');
}

// mono shows a long identifier shortened, whole in its title and for
// screen readers, selectable in full.
export function mono(full, shortText) {
  return h('span', { class: 'mono', title: full }, shortText || full);
}

// dialog opens a modal <dialog> (Escape cancels, focus stays inside) and
// resolves with the value of the button that closed it.
export function dialog(title, body, actions) {
  return new Promise((resolve) => {
    const titleId = nextId('dlg');
    const form = h('form', { method: 'dialog' },
      h('h2', { id: titleId }, title), body,
      h('div', { class: 'actions' }, actions.map((a) =>
        h('button', { value: a.value, class: a.class || '', type: 'submit', disabled: a.disabled, id: a.id }, a.label))));
    const dlg = h('dialog', { 'aria-labelledby': titleId }, form);
    dlg.addEventListener('close', () => {
      dlg.remove();
      resolve(dlg.returnValue || 'cancel');
    });
    document.body.append(dlg);
    dlg.showModal();
  });
}

export function download(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = h('a', { href: url, download: name, hidden: true });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60000);
}
