// Runs side by side: a row per run field, parameter and result; "only differences" (on by default) hides the rows
// whose values are the same in every run. Deltas are against the first run.
'use strict';

let comparison = null;

function render() {
  const onlyDifferences = document.getElementById('only-differences').checked;
  const runs = comparison.runs;
  fill(document.querySelector('#comparison thead'), el('tr', {},
      el('th', {}, 'key'), runs.map((r, i) => el('th', {}, runLink(r.id), ' ', statusBadge(r.status),
          i === 0 ? el('div', {class: 'hint'}, 'baseline') : null))));
  const rows = [];
  let section = null;
  for (const row of comparison.rows) {
    if (onlyDifferences && !row.differs) continue;
    if (row.section !== section) {
      section = row.section;
      rows.push(el('tr', {}, el('td', {colspan: runs.length + 1, class: 'section-label'}, section)));
    }
    rows.push(el('tr', {class: row.differs ? 'differs' : 'same', 'data-key': row.section + ':' + row.key},
        el('td', {}, row.key),
        row.values.map((v, i) => {
          const td = row.present[i] ? valueCell(v) : el('td', {class: 'absent'}, '(absent)');
          if (i > 0 && row.deltas[i]) td.append(el('div', {class: 'delta'}, formatDelta(row.deltas[i])));
          return td;
        })));
  }
  if (rows.length === 0) rows.push(el('tr', {}, el('td', {colspan: runs.length + 1}, 'no differences')));
  fill(document.querySelector('#comparison tbody'), ...rows);
  const differing = comparison.rows.filter(r => r.differs).length;
  document.getElementById('summary').textContent = runs.length + ' runs; ' + differing + ' keys differ, '
      + (comparison.rows.length - differing) + ' are equal';
}

function renderAgreement(agreement) {
  const box = document.getElementById('agreement');
  if (!agreement || agreement.alphas.length === 0) {
    fill(box);
    return;
  }
  const header = el('tr', {}, ['alpha', 'ARI activation', 'ARI ACE', 'critical set A', 'critical set B', 'shared', 'Jaccard']
      .map(h => el('th', {}, h)));
  const rows = agreement.alphas.map(a => el('tr', {},
      el('td', {}, a.alpha),
      ['activation', 'ace'].map(kind => el('td', {class: 'number'}, formatValue(a.ari[kind]))),
      [a.criticalA, a.criticalB, a.shared, a.jaccard].map(v => el('td', {class: 'number'}, formatValue(v)))));
  fill(box, el('h2', {}, 'Agreement of the two studies'),
      el('p', {class: 'hint'}, 'Adjusted Rand index of the two runs\' clusterings of the same neurons (1: the same partition, '
          + '0: as alike as chance) and Jaccard overlap of their critical sets (shared neurons / neurons in either).'),
      el('div', {class: 'table-wrap'}, el('table', {class: 'agreement', id: 'agreement-table'},
          el('thead', {}, header), el('tbody', {}, rows))));
}

document.addEventListener('DOMContentLoaded', async () => {
  document.getElementById('header').replaceWith(header(''));
  document.getElementById('only-differences').addEventListener('change', render);
  const runs = new URLSearchParams(location.search).get('runs') || '';
  try {
    comparison = await fetchJson('/api/compare?runs=' + encodeURIComponent(runs));
  } catch (e) {
    showError(document.getElementById('error'), e.message);
    return;
  }
  render();
  renderAgreement(comparison.agreement);
});
