// One run: what it was (parameters, provenance, workflow), what happened (steps, warnings), what it found (results,
// figures, report) and how to repeat it.
'use strict';

function facts(pairs) {
  return el('dl', {class: 'facts'}, pairs.filter(p => p !== null).map(([name, value]) => [el('dt', {}, name), el('dd', {}, value)]));
}

function keyValueTable(values, id) {
  const keys = Object.keys(values);
  if (keys.length === 0) return el('p', {class: 'hint'}, 'none');
  return el('div', {class: 'table-wrap'}, el('table', {id}, el('tbody', {}, keys.map(k =>
      el('tr', {}, el('td', {}, k), el('td', {class: typeof values[k] === 'number' ? 'number' : null}, formatValue(values[k])))))));
}

function timeline(steps, runStarted) {
  if (steps.length === 0) return el('p', {class: 'hint'}, 'no steps were recorded');
  const start = new Date(runStarted).getTime();
  const ends = steps.map(s => new Date(s.ended || s.started).getTime());
  const span = Math.max(1, Math.max(...ends) - start);
  return el('div', {class: 'timeline', id: 'steps'}, steps.map(step => {
    const from = new Date(step.started).getTime() - start;
    const length = step.ended ? new Date(step.ended).getTime() - new Date(step.started).getTime() : 0;
    const bar = el('div', {class: 'bar ' + step.status, title: step.status});
    bar.style.left = (100 * from / span) + '%';
    bar.style.width = (100 * length / span) + '%';
    return [el('div', {class: 'step', 'data-status': step.status},
        el('span', {}, String(step.ordinal)),
        el('span', {title: step.plugin}, step.step, ' ', statusBadge(step.status)),
        el('div', {class: 'bar-track'}, bar),
        el('span', {class: 'number'}, step.seconds === undefined ? '-' : formatDuration(step.seconds)),
        step.error ? el('div', {class: 'step-error'}, step.error) : null)];
  }));
}

function tree(value, depth) {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return el('span', {}, formatValue(value));
  }
  return el('ul', {}, Object.keys(value).map(key => {
    const child = value[key];
    if (child !== null && typeof child === 'object' && !Array.isArray(child)) {
      return el('li', {}, el('details', {open: depth < 1}, el('summary', {}, key), tree(child, depth + 1)));
    }
    return el('li', {}, el('span', {class: 'key'}, key + ': '), formatValue(child));
  }));
}

function gallery(artifacts) {
  const images = artifacts.filter(a => a.kind === 'image');
  if (images.length === 0) return el('p', {class: 'hint'}, 'no figures');
  return el('div', {class: 'gallery', id: 'figures'}, images.map(a => el('figure', {},
      el('a', {href: a.url}, el('img', {src: a.url, alt: a.description || a.path, loading: 'lazy'})),
      el('figcaption', {}, a.path + (a.description ? ': ' + a.description : '')))));
}

function files(artifacts) {
  if (artifacts.length === 0) return el('p', {class: 'hint'}, 'no files were recorded');
  return el('div', {class: 'table-wrap'}, el('table', {id: 'artifacts'},
      el('thead', {}, el('tr', {}, ['file', 'bytes', 'sha256', 'step', 'description'].map(h => el('th', {}, h)))),
      el('tbody', {}, artifacts.map(a => el('tr', {},
          el('td', {}, el('a', {href: a.url}, a.path)), el('td', {class: 'number'}, String(a.bytes)),
          el('td', {title: a.sha256}, a.sha256.slice(0, 12)), el('td', {}, a.step === null ? '-' : String(a.step)),
          el('td', {}, a.description || ''))))));
}

function render(run) {
  const s = run.summary;
  document.title = 'dnnc: run ' + s.id;
  const main = document.getElementById('run');
  fill(main,
      el('h1', {}, 'Run ', el('span', {id: 'run-id'}, s.id), ' ', statusBadge(s.status)),
      s.error ? el('p', {class: 'error', id: 'run-error'}, s.error) : null,
      el('div', {class: 'panel'}, facts([
        ['workflow', s.workflow], ['workflow sha256', run.workflowSha256], ['seed', String(s.seed)],
        ['started', formatTime(s.started)], ['ended', formatTime(s.ended)],
        ['took', formatDuration(s.duration)], ['folder', run.outputDir],
        ['process', run.pid + ' on ' + run.host + ', dnnc ' + run.dnncVersion]])),
      el('h2', {}, 'Steps'), el('div', {class: 'panel'}, timeline(run.steps, s.started)),
      run.warnings.length ? el('h2', {}, 'Warnings (' + run.warnings.length + ')') : null,
      run.warnings.length ? el('ul', {class: 'warnings panel', id: 'warnings'}, run.warnings.map(w =>
          el('li', {}, (w.step === null ? '' : 'step ' + w.step + ': ') + w.message))) : null,
      el('h2', {}, 'Figures'), gallery(run.artifacts),
      el('h2', {}, 'Parameters'), keyValueTable(run.parameters, 'parameters'),
      el('h2', {}, 'Results'), el('div', {class: 'panel tree', id: 'results'}, tree(run.results, 0)),
      el('h2', {}, 'Files'), files(run.artifacts),
      run.report ? el('h2', {}, 'Report') : null,
      run.report ? el('iframe', {class: 'report', id: 'report', src: run.report, title: 'the run\'s report',
        sandbox: 'allow-same-origin'}) : null,
      el('h2', {}, 'Run it again'),
      el('p', {class: 'hint'}, 'The first command repeats the recorded workflow text; the second runs today\'s file with the same parameters.'),
      run.rerun.map(c => el('pre', {class: 'command'}, c)),
      el('h2', {}, 'Workflow'), el('pre', {id: 'workflow-text'}, run.workflowText),
      el('h2', {}, 'Inputs'), keyValueTable(run.inputs, 'inputs'),
      el('h2', {}, 'Provenance'), keyValueTable(run.provenance, 'provenance'),
      el('h2', {}, 'Recorded data'), keyValueTable(run.data, 'data'));
}

document.addEventListener('DOMContentLoaded', async () => {
  document.getElementById('header').replaceWith(header(''));
  const id = decodeURIComponent(location.pathname.split('/')[2]);
  try {
    render(await fetchJson('/api/runs/' + encodeURIComponent(id)));
  } catch (e) {
    showError(document.getElementById('run'), e.message);
  }
});
