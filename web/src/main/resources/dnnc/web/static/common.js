// Shared helpers of the dnnc pages. Everything recorded reaches the page as text nodes (el(), textContent), never as
// markup, so a workflow named <img src=x onerror=...> shows as those characters.
'use strict';

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name === 'class') node.className = value;
    else if (name.startsWith('on')) node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  fill(node, children);
  return node;
}

// Replaces a node's children; nested lists are flattened, null and undefined are left out, text stays text.
function fill(node, ...children) {
  node.replaceChildren(...children.flat(Infinity).filter(c => c !== null && c !== undefined)
      .map(c => c instanceof Node ? c : document.createTextNode(String(c))));
  return node;
}

async function fetchJson(url) {
  const response = await fetch(url, {headers: {Accept: 'application/json'}});
  let body;
  try {
    body = await response.json();
  } catch (e) {
    throw new Error('the server answered ' + response.status + ' without JSON');
  }
  if (!response.ok) throw new Error(body.error || ('the server answered ' + response.status));
  return body;
}

function showError(where, message) {
  fill(where, message ? el('p', {class: 'error', role: 'alert'}, message) : null);
}

function formatTime(iso) {
  if (!iso) return '-';
  const t = new Date(iso);
  const pad = n => String(n).padStart(2, '0');
  return t.getFullYear() + '-' + pad(t.getMonth() + 1) + '-' + pad(t.getDate()) + ' ' + pad(t.getHours()) + ':'
      + pad(t.getMinutes()) + ':' + pad(t.getSeconds());
}

function formatDuration(seconds) {
  if (seconds === null || seconds === undefined) return '-';
  if (seconds < 60) return seconds.toFixed(1) + 's';
  const s = Math.round(seconds);
  if (s < 3600) return Math.floor(s / 60) + 'm' + String(s % 60).padStart(2, '0') + 's';
  return Math.floor(s / 3600) + 'h' + String(Math.floor(s % 3600 / 60)).padStart(2, '0') + 'm';
}

function formatValue(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') {
    if (Number.isInteger(value)) return String(value);
    const magnitude = Math.abs(value);
    return magnitude !== 0 && (magnitude < 1e-3 || magnitude >= 1e6) ? value.toExponential(4) : String(Number(value.toPrecision(6)));
  }
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

// A value in a table cell: long lists and texts cut to a readable length, the whole value in the cell's tooltip.
function valueCell(value, attributes) {
  const text = formatValue(value);
  const shown = text.length > 80 ? text.slice(0, 77) + '...' : text;
  return el('td', Object.assign({class: typeof value === 'number' ? 'number' : null, title: text.length > 80 ? text : null},
      attributes || {}), shown);
}

function formatDelta(delta) {
  if (delta === null || delta === undefined || delta === 0) return '';
  return (delta > 0 ? '+' : '') + formatValue(delta);
}

function statusBadge(status) {
  return el('span', {class: 'status status-' + status}, status);
}

function runLink(id) {
  return el('a', {href: '/runs/' + encodeURIComponent(id)}, id);
}

function header(active) {
  const links = [['/', 'Runs']];
  return el('header', {},
      el('a', {class: 'brand', href: '/'}, 'dnnc'),
      el('nav', {}, links.map(([href, label]) => el('a', {href, class: active === label ? 'active' : null}, label))));
}
