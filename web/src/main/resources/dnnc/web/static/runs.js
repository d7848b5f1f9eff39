// The runs table: filters, sort, columns and page live in the address bar (shareable, back button works); rows come
// from /api/runs, the CSV link and the charts use the same filters.
'use strict';

const FILTER_FIELDS = ['status', 'workflow', 'q', 'filter'];
const RUN_FIELDS = ['id', 'status', 'workflow', 'started', 'duration', 'seed', 'ended', 'error'];
const selected = new Set();
let current = null;

function state() {
  return new URLSearchParams(location.search);
}

function setState(changes, resetPage) {
  const params = state();
  for (const [name, value] of Object.entries(changes)) {
    if (value === null || value === undefined || value === '') params.delete(name); else params.set(name, value);
  }
  if (resetPage) params.delete('offset');
  history.pushState(null, '', '?' + params.toString());
  load();
}

function tableQuery() {
  const params = state();
  params.delete('result');
  params.delete('against');
  return params;
}

async function load() {
  const params = state();
  for (const name of FILTER_FIELDS) document.getElementById(name).value = params.get(name) || '';
  const errorBox = document.getElementById('error');
  try {
    current = await fetchJson('/api/runs?' + tableQuery().toString());
    showError(errorBox, '');
  } catch (e) {
    showError(errorBox, e.message);
    fill(document.querySelector('#runs tbody'));
    document.getElementById('count').textContent = '';
    clearCharts();
    return;
  }
  render(current);
  const csv = tableQuery();
  csv.delete('offset');
  csv.delete('limit');
  csv.set('columns', current.columns.map(c => c.key).join(','));
  document.getElementById('csv').href = '/api/runs.csv?' + csv.toString();
  loadCharts();
}

function render(page) {
  const sort = page.sort, order = page.order;
  const headRow = el('tr', {}, el('th', {}, ''), page.columns.map(c => el('th', {
    class: 'sortable' + (c.key === sort ? ' sorted-' + order : ''), 'data-key': c.key, title: c.kind + ' ' + c.key,
    onclick: () => setState({sort: c.key, order: c.key === sort && order === 'desc' ? 'asc' : 'desc'}, true)
  }, c.key)));
  fill(document.querySelector('#runs thead'), headRow);
  const body = page.rows.map(row => el('tr', {'data-id': row.id},
      el('td', {}, el('input', {type: 'checkbox', 'aria-label': 'select ' + row.id, checked: selected.has(row.id),
        onchange: e => { e.target.checked ? selected.add(row.id) : selected.delete(row.id); updateCompare(); }})),
      page.columns.map(c => cell(c, row[c.key]))));
  fill(document.querySelector('#runs tbody'), ...body);
  const first = page.matched === 0 ? 0 : page.offset + 1;
  const last = Math.min(page.offset + page.limit, page.matched);
  document.getElementById('count').textContent = page.matched + ' of ' + page.total + ' runs match; showing '
      + first + '-' + last + ' (' + page.millis + ' ms)';
  renderPager(page);
  renderChooser(page);
  updateCompare();
}

function cell(column, value) {
  if (column.key === 'id') return el('td', {class: 'nowrap'}, runLink(value));
  if (column.key === 'status') return el('td', {}, statusBadge(value));
  if (column.key === 'started' || column.key === 'ended') return el('td', {class: 'nowrap', title: value || ''}, formatTime(value));
  if (column.key === 'duration') return el('td', {class: 'number'}, formatDuration(value));
  return valueCell(value);
}

function renderPager(page) {
  const pager = document.getElementById('pager');
  const previous = el('button', {type: 'button', class: 'secondary', id: 'previous', disabled: page.offset === 0,
    onclick: () => setState({offset: Math.max(0, page.offset - page.limit)})}, '< Previous');
  const next = el('button', {type: 'button', class: 'secondary', id: 'next', disabled: page.offset + page.limit >= page.matched,
    onclick: () => setState({offset: page.offset + page.limit})}, 'Next >');
  const size = el('select', {id: 'page-size', 'aria-label': 'rows per page',
    onchange: e => setState({limit: e.target.value}, true)}, [25, 50, 100, 500].map(n =>
      el('option', {value: n, selected: n === page.limit}, n + ' per page')));
  fill(pager, previous, ' ', next, ' ', size);
}

function renderChooser(page) {
  const shown = new Set(page.columns.map(c => c.key));
  const group = (title, keys) => keys.length === 0 ? null : [el('h3', {}, title), keys.map(key => el('label', {},
      el('input', {type: 'checkbox', value: key, checked: shown.has(key), disabled: key === 'id',
        onchange: () => toggleColumn(key, page)}), ' ', key))];
  fill(document.getElementById("chooser"),
      group('run', RUN_FIELDS), group('parameters', page.available.parameters), group('results', page.available.results));
}

function toggleColumn(key, page) {
  const keys = page.columns.map(c => c.key);
  const next = keys.includes(key) ? keys.filter(k => k !== key) : keys.concat([key]);
  setState({columns: next.join(',')});
}

function updateCompare() {
  const button = document.getElementById('compare');
  button.disabled = selected.size < 2;
  button.textContent = 'Compare selected (' + selected.size + ')';
}

async function loadCharts() {
  const params = state();
  const resultSelect = document.getElementById('chart-result');
  const againstSelect = document.getElementById('chart-against');
  const results = current.available.results;
  const result = params.get('result') || current.columns.map(c => c.key).find(k => results.includes(k)) || results[0];
  fill(resultSelect, ...results.map(r => el('option', {value: r, selected: r === result}, r)));
  const against = params.get('against') || 'order';
  fill(againstSelect, el('option', {value: 'order', selected: against === 'order'}, 'run order'),
      ...['seed'].concat(current.available.parameters.filter(p => p !== 'seed'))
          .map(p => el('option', {value: p, selected: p === against}, p)));
  const chartError = document.getElementById('chart-error');
  if (!result || typeof echarts === 'undefined') {
    showError(chartError, result ? 'the chart library did not load' : 'no run has a numeric result to chart yet');
    return;
  }
  const query = tableQuery();
  query.set('result', result);
  query.set('against', against);
  let chart;
  try {
    chart = await fetchJson('/api/chart?' + query.toString());
    showError(chartError, '');
  } catch (e) {
    showError(chartError, e.message);
    return;
  }
  drawSeries(chart);
  drawParallel(chart);
}

// Charts of an earlier filter would pass for this one's: a table that cannot be shown takes its charts with it.
function clearCharts() {
  if (typeof echarts === 'undefined') return;
  for (const id of ['chart-series', 'chart-parallel']) {
    const chart = echarts.getInstanceByDom(document.getElementById(id));
    if (chart) chart.clear();
  }
}

function chartOf(id) {
  const node = document.getElementById(id);
  return echarts.getInstanceByDom(node) || echarts.init(node, null, {renderer: 'canvas'});
}

function drawSeries(chart) {
  const categorical = chart.points.some(p => typeof p.x !== 'number');
  chartOf('chart-series').setOption({
    animation: false,
    title: {text: chart.result + (chart.against === 'order' ? ' by run order' : ' against ' + chart.against), textStyle: {fontSize: 13}},
    tooltip: {trigger: 'item', renderMode: 'richText', formatter: p => p.data[2] + '\n' + chart.result + ' = ' + formatValue(p.data[1])},
    xAxis: {type: categorical ? 'category' : 'value', minInterval: chart.against === 'order' ? 1 : 0, name: chart.against === 'order' ? 'run (oldest first)' : chart.against, scale: true, nameLocation: 'middle', nameGap: 26},
    yAxis: {type: 'value', name: chart.result, scale: true},
    grid: {left: 60, right: 20, top: 40, bottom: 40},
    series: [{type: chart.against === 'order' ? 'line' : 'scatter', symbolSize: 7,
      data: chart.points.map(p => [categorical ? formatValue(p.x) : p.x, p.y, p.id])}]
  }, true);
  chartOf('chart-series').off('click');
  chartOf('chart-series').on('click', p => { location.href = '/runs/' + encodeURIComponent(p.data[2]); });
}

function drawParallel(chart) {
  const dims = chart.parallel.dimensions;
  const lines = chart.parallel.runs;
  if (dims.length < 2) {
    chartOf('chart-parallel').setOption({title: {text: 'No parameter varies among these runs', textStyle: {fontSize: 13}}}, true);
    return;
  }
  const axes = dims.map((name, i) => {
    const values = lines.map(l => l.values[i]).filter(v => v !== null);
    const numeric = values.every(v => typeof v === 'number' || (typeof v === 'string' && v.trim() !== '' && !isNaN(Number(v))));
    return numeric ? {dim: i, name, type: 'value', scale: true}
        : {dim: i, name, type: 'category', data: Array.from(new Set(values.map(formatValue))).sort()};
  });
  chartOf('chart-parallel').setOption({
    animation: false,
    title: {text: 'Parameters that vary, and ' + chart.result, textStyle: {fontSize: 13}},
    parallel: {left: 50, right: 60, top: 60, bottom: 30},
    parallelAxis: axes.map(a => Object.assign({nameTextStyle: {fontSize: 11}}, a)),
    series: [{type: 'parallel', lineStyle: {width: 1.5, opacity: 0.6},
      data: lines.map(l => l.values.map((v, i) => axes[i].type === 'value' ? Number(v) : formatValue(v)))}]
  }, true);
}

document.addEventListener('DOMContentLoaded', () => {
  document.getElementById('header').replaceWith(header('Runs'));
  document.getElementById('filters').addEventListener('submit', e => {
    e.preventDefault();
    const changes = {};
    for (const name of FILTER_FIELDS) changes[name] = document.getElementById(name).value.trim();
    setState(changes, true);
  });
  document.getElementById('compare').addEventListener('click', () => {
    location.href = '/compare?runs=' + Array.from(selected).map(encodeURIComponent).join(',');
  });
  document.getElementById('chart-result').addEventListener('change', e => setState({result: e.target.value}));
  document.getElementById('chart-against').addEventListener('change', e => setState({against: e.target.value}));
  window.addEventListener('popstate', load);
  load();
});
