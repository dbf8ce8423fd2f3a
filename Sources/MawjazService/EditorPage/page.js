// The editor page of `mawjaz serve`: a report's text beside its rendered pages, its problems at their lines, its
// spreadsheets and pictures kept in the browser and sent with every request, and the PDF to download. It talks only
// to the service that served it; the service keeps nothing between requests.
'use strict';

const TYPING_PAUSE_MS = 350;
const PREVIEW_SHOWN = 'mawjaz-preview-shown';
const REPORT_NAME = 'report.yaml';

const state = {
  language: 'ar',
  words: {},
  digits: '0123456789',
  languages: [],
  starters: [],
  /** Files sent with the report, by the name the report uses: {name, blob, fromTemplate}. */
  files: new Map(),
  /** The template the report was started from, and its text as it came (to ask before replacing changed text). */
  template: 'briefing',
  pristine: '',
  request: 0,
  controller: null,
  timer: 0,
  problems: [],
  ok: true,
};

const $ = (id) => document.getElementById(id);
const editor = $('report');

// MARK: - Words

function word(key, values = {}) {
  let text = state.words[key] || key;
  for (const [name, value] of Object.entries(values)) text = text.split(`{${name}}`).join(String(value));
  return text;
}

function digits(number) {
  return String(number).replace(/[0-9]/g, (digit) => state.digits[Number(digit)]);
}

async function loadWords(language) {
  const response = await fetch(`/words?lang=${encodeURIComponent(language)}`);
  if (!response.ok) throw new Error(`words: ${response.status}`);
  const table = await response.json();
  state.language = table.language;
  state.words = table.words;
  state.digits = table.digits;
  state.languages = table.languages;
  state.maxBodyBytes = table.maxBodyBytes;
  state.listSeparator = table.listSeparator;
  document.documentElement.lang = table.language;
  document.documentElement.dir = table.direction;
  document.title = word('pageTitle');
  for (const element of document.querySelectorAll('[data-word]')) element.textContent = word(element.dataset.word);
  for (const element of document.querySelectorAll('[data-title]')) element.title = word(element.dataset.title);
  const other = state.languages.find((language) => language.code !== state.language);
  const button = $('language');
  button.hidden = !other;
  if (other) {
    button.textContent = other.name;
    button.lang = other.code;
    button.dataset.language = other.code;
  }
  fillTemplates();
  showFiles();
  showProblems();
  captionPages();
  if (!$('notice').hidden && state.notice) $('notice').textContent = state.notice();
}

// MARK: - Templates

function fillTemplates() {
  const select = $('template');
  select.replaceChildren();
  for (const starter of state.starters) {
    const option = document.createElement('option');
    option.value = starter.name;
    const key = 'template' + starter.name.replace(/(^|-)(\w)/g, (_, dash, letter) => letter.toUpperCase());
    option.textContent = state.words[key] || starter.name;
    select.append(option);
  }
  select.value = state.template;
}

function starterFiles(name, language) {
  const starter = state.starters.find((candidate) => candidate.name === name);
  if (!starter) return null;
  return starter.starters[language] || starter.starters[Object.keys(starter.starters)[0]];
}

/** Replaces the report with a template's starter, and its sample files with the starter's. */
function startFrom(name) {
  const files = starterFiles(name, state.language);
  if (!files) return;
  for (const [fileName, file] of [...state.files]) if (file.fromTemplate) state.files.delete(fileName);
  for (const [fileName, text] of Object.entries(files)) {
    if (fileName === REPORT_NAME) continue;
    state.files.set(fileName, { name: fileName, blob: new Blob([text], { type: 'text/csv' }), fromTemplate: true });
  }
  // The starter's opening comments tell how to render it on the command line: not what this page's user needs.
  const report = files[REPORT_NAME].replace(/^(#[^\n]*\n)+/, '');
  state.template = name;
  state.pristine = report;
  setReport(report);
  showFiles();
  save();
  refreshNow();
}

// MARK: - The editor

function setReport(text) {
  editor.value = text;
  drawLines();
}

/** The mirror behind the text field (same font and width, so each line wraps as it does there): it marks the lines
 * with problems, gives the field its height, and places the line numbers. */
function drawLines() {
  const lines = editor.value.split('\n');
  const marks = $('marks');
  const gutter = $('gutter');
  const byLine = new Map();
  for (const problem of state.problems) {
    if (!problem.line || !isReportFile(problem.file)) continue;
    const previous = byLine.get(problem.line);
    if (!previous || problem.severity === 'error') byLine.set(problem.line, problem);
  }
  while (marks.children.length > lines.length) marks.lastChild.remove();
  while (gutter.children.length > lines.length) gutter.lastChild.remove();
  for (let index = 0; index < lines.length; index++) {
    let mark = marks.children[index];
    if (!mark) { mark = document.createElement('div'); marks.append(mark); }
    let number = gutter.children[index];
    if (!number) { number = document.createElement('div'); gutter.append(number); number.textContent = String(index + 1); }
    const line = index + 1;
    const problem = byLine.get(line);
    paint(mark, lines[index] + (index === lines.length - 1 ? '\n' : ''), problem ? problem.column : 0);
    mark.dataset.line = number.dataset.line = String(line);
    const kind = problem ? problem.severity : '';
    mark.className = number.className = kind;
    number.title = problem ? problem.message : '';
  }
  for (let index = 0; index < lines.length; index++) {
    gutter.children[index].style.height = `${marks.children[index].getBoundingClientRect().height}px`;
  }
  editor.scrollTop = 0;
  editor.scrollLeft = 0;
}

/** Writes a line into its mirror in colours: the keys, the text between quotes (the words to change), the fields
 * filled from the data, and comments; from `column` (a problem's, counted from 1) to the end of the line, underlined.
 * Only colours and lines: every character keeps its width, so the mirror stays under the text field letter for letter. */
function paint(element, line, column = 0) {
  const key = `${column}:${line}`;
  if (element.dataset.text === key) return;
  element.dataset.text = key;
  const parts = [];
  const add = (text, kind) => { if (text) parts.push([text, kind]); };
  const head = line.match(/^(\s*)(-\s+)?(?:([\w-]+)(\s*:)(?=\s|$))?/);
  let rest = line;
  if (head && head[0]) {
    add(head[1]);
    add(head[2], 'dash');
    add(head[3], 'key');
    add(head[4], 'colon');
    rest = line.slice(head[0].length);
  }
  const pieces = rest.split(/("(?:[^"\\]|\\.)*"?|'[^']*'?|\{\{[^}]*\}\}|\s#.*$|^#.*$)/);
  for (const piece of pieces) {
    if (!piece) continue;
    if (piece.startsWith('"') || piece.startsWith("'")) {
      for (const part of piece.split(/(\{\{[^}]*\}\})/)) add(part, part.startsWith('{{') ? 'field' : 'text');
    } else if (piece.startsWith('{{')) {
      add(piece, 'field');
    } else if (piece.trimStart().startsWith('#')) {
      add(piece, 'comment');
    } else {
      add(piece, /[\w-]+(?=\s*:)/.test(piece) ? 'code' : 'plain');
    }
  }
  element.replaceChildren();
  const located = document.createElement('span');
  located.className = 'at';
  let offset = 0;
  const into = (target, text, kind) => {
    if (!text) return;
    if (!kind) { target.append(text); return; }
    const span = document.createElement('span');
    span.className = kind;
    span.textContent = text;
    target.append(span);
  };
  const from = column > 0 ? Math.min(column - 1, line.replace(/\n$/, '').length) : Infinity;
  for (const [text, kind] of parts) {
    const split = Math.max(0, Math.min(text.length, from - offset));
    into(element, text.slice(0, split), kind);
    into(located, text.slice(split), kind);
    offset += text.length;
  }
  if (located.childNodes.length) element.append(located);
}

function isReportFile(file) {
  return !file || file === REPORT_NAME || file.endsWith('/' + REPORT_NAME);
}

function lineStart(text, line) {
  let offset = 0;
  for (let current = 1; current < line; current++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return text.length;
    offset = next + 1;
  }
  return offset;
}

function goToLine(line, column) {
  const start = lineStart(editor.value, line);
  const end = editor.value.indexOf('\n', start);
  editor.focus();
  editor.setSelectionRange(column ? Math.min(start + column - 1, end < 0 ? editor.value.length : end) : start, end < 0 ? editor.value.length : end);
  const mark = $('marks').children[line - 1];
  if (mark) mark.scrollIntoView({ block: 'center' });
}

/** Types `text` at the selection, so that the editor's undo takes it back. */
function typeText(text, start, end) {
  editor.focus();
  editor.setSelectionRange(start, end);
  if (!document.execCommand || !document.execCommand('insertText', false, text)) {
    editor.setRangeText(text, start, end, 'end');
    editor.dispatchEvent(new Event('input'));
  }
}

/** The body's items: the indentation of their dashes, and where the body ends. */
function bodyShape(text) {
  const lines = text.split('\n');
  const body = lines.findIndex((line) => /^body\s*:/.test(line));
  let indent = '  ';
  if (body >= 0) {
    const first = lines.slice(body + 1).find((line) => /^\s*-/.test(line));
    if (first) indent = first.match(/^\s*/)[0];
  }
  return { lines, body, indent };
}

/** Inserts a block after the one the cursor is in (or at the end of the body), and selects its sample words. */
function insertBlock(kind) {
  const { lines, body, indent } = bodyShape(editor.value);
  const datasets = datasetLines().map((entry) => entry.name);
  const blocks = {
    heading: `- heading: "${word('sampleHeading')}"`,
    paragraph: `- paragraph: "${word('sampleParagraph')}"`,
    list: `- list: ["${word('sampleItemOne')}", "${word('sampleItemTwo')}"]`,
    table: `- table: {columns: ["${word('sampleColumnOne')}", "${word('sampleColumnTwo')}"], rows: [["${word('sampleCellOne')}", "${word('sampleCellTwo')}"]]}`,
    chart: `- chart: {type: bar, data: ${datasets[0] || 'activities'}, by: year, title: "${word('sampleChartTitle')}"}`,
    'page-break': '- page-break',
  };
  const block = kind.startsWith('image:') ? `- image: {path: "${kind.slice(6)}", alt: "${word('samplePictureText')}"}` : blocks[kind];
  let text = editor.value;
  let at;
  if (body < 0) {
    text = text.replace(/\n*$/, '\n') + 'body:\n';
    at = text.length;
    typeText(text, 0, editor.value.length);
  } else {
    const cursorLine = editor.value.slice(0, editor.selectionStart).split('\n').length - 1;
    let after = cursorLine > body ? cursorLine + 1 : lines.length;
    while (after < lines.length && !(lines[after].startsWith(indent + '-') || /^\S/.test(lines[after]))) after++;
    while (after > body + 1 && lines[after - 1].trim() === '') after--;
    at = lineStart(editor.value, after + 1);
    if (after >= lines.length) at = editor.value.length;
  }
  const needsNewline = at > 0 && editor.value[at - 1] !== '\n';
  const insertion = (needsNewline ? '\n' : '') + indent + block + '\n';
  typeText(insertion, at, at);
  const quoted = insertion.indexOf('"');
  if (quoted >= 0) {
    const close = insertion.indexOf('"', quoted + 1);
    editor.setSelectionRange(at + quoted + 1, at + close);
  }
  const line = editor.value.slice(0, at).split('\n').length;
  const mark = $('marks').children[line - 1];
  if (mark) mark.scrollIntoView({ block: 'nearest' });
}

/** The datasets the report's `data:` names by file: name, file, and where the file name is. */
function datasetLines() {
  const lines = editor.value.split('\n');
  const data = lines.findIndex((line) => /^data\s*:\s*$/.test(line));
  const found = [];
  if (data < 0) return found;
  let offset = lineStart(editor.value, data + 2);
  for (let index = data + 1; index < lines.length; index++) {
    const line = lines[index];
    if (/^\S/.test(line)) break;
    const match = line.match(/^(\s+)([\w-]+)\s*:\s*(?:\{\s*file\s*:\s*)?("?)([^"{},#]+?\.(?:csv|xlsx))\3/i);
    const fileLine = line.match(/^(\s+)file\s*:\s*("?)([^"{},#]+?\.(?:csv|xlsx))\2/i);
    const owner = fileLine && lines.slice(data + 1, index).reverse().find((candidate) => /^\s+[\w-]+\s*:\s*$/.test(candidate));
    if (match && match[2] !== 'file') {
      const start = offset + line.indexOf(match[4], match[1].length + match[2].length);
      found.push({ name: match[2], file: match[4], start, end: start + match[4].length });
    } else if (fileLine && owner) {
      const start = offset + line.indexOf(fileLine[3], fileLine[1].length + 4);
      found.push({ name: owner.trim().replace(/\s*:$/, ''), file: fileLine[3], start, end: start + fileLine[3].length });
    }
    offset += line.length + 1;
  }
  return found;
}

/** The header names an activity log's columns may have, by the field they hold (after the field's own name). */
const COLUMN_NAMES = {
  date: ['التاريخ', 'تاريخ', 'تاريخ النشاط', 'اليوم', 'day', 'when'],
  category: ['الفئة', 'فئة', 'التصنيف', 'تصنيف', 'النوع', 'نوع', 'نوع النشاط', 'type', 'kind', 'class'],
  title: ['النشاط', 'نشاط', 'العنوان', 'عنوان', 'اسم النشاط', 'الموضوع', 'الوصف', 'activity', 'name', 'subject', 'description'],
  location: ['المكان', 'مكان', 'الموقع', 'موقع', 'المدينة', 'مدينة', 'place', 'city', 'venue'],
  partner: ['الشريك', 'شريك', 'الجهة', 'جهة', 'الجهة الشريكة', 'organisation', 'organization'],
  participants: ['المشاركون', 'المشاركين', 'عدد المشاركين', 'الحضور', 'عدد الحضور', 'attendees', 'people'],
};

/** The header row of a CSV spreadsheet (its first line that is not a comment), as cells. */
async function headerOf(blob) {
  const text = await blob.slice(0, 65536).text();
  const line = text.replace(/^\uFEFF/, '').split(/\r?\n/).find((row) => row.trim() && !row.startsWith('#')) || '';
  const cells = [];
  let cell = '', quoted = false;
  for (const character of line) {
    if (character === '"') quoted = !quoted;
    else if (character === ',' && !quoted) { cells.push(cell.trim()); cell = ''; }
    else cell += character;
  }
  cells.push(cell.trim());
  return cells.filter(Boolean);
}

/** Which header holds each field, where the headers are not the fields' own names: guessed from common names. */
function guessColumns(headers) {
  const normal = (text) => text.toLowerCase().replace(/[\u064B-\u0652\u0640]/g, '').trim();
  const own = new Set(headers.map(normal));
  const mapping = {};
  for (const [field, names] of Object.entries(COLUMN_NAMES)) {
    if (own.has(field)) continue;
    const header = headers.find((candidate) => names.some((name) => normal(candidate) === normal(name)))
      || headers.find((candidate) => names.some((name) => normal(name).length > 3 && normal(candidate).includes(normal(name))));
    if (header && !Object.values(mapping).includes(header)) mapping[field] = header;
  }
  return mapping;
}

function quotedIfNeeded(text) {
  return /^[\w./-]+$/.test(text) ? text : JSON.stringify(text);
}

/** Makes the report read its (first) activity log from `name`, with its columns matched to the fields when the
 * spreadsheet names them otherwise (a CSV's header row is read here; an Excel workbook's is left to the report). */
async function useAsLog(name) {
  const file = state.files.get(name);
  const mapping = file && /\.csv$/i.test(name) ? guessColumns(await headerOf(file.blob)) : {};
  const columns = Object.entries(mapping).map(([field, header]) => `${field}: ${JSON.stringify(header)}`).join(', ');
  const [dataset] = datasetLines();
  const text = editor.value;
  const entry = (indent, key) => columns
    ? `${indent}${key}:\n${indent}  file: ${quotedIfNeeded(name)}\n${indent}  columns: {${columns}}`
    : `${indent}${key}: ${quotedIfNeeded(name)}`;
  if (dataset) {
    // The whole entry is written again: a file alone, or a file with its columns.
    const lines = text.split('\n');
    const key = new RegExp(`^\\s+${dataset.name}\\s*:`);
    let first = text.slice(0, dataset.start).split('\n').length - 1;
    while (first > 0 && !key.test(lines[first])) first--;
    const indent = lines[first].match(/^\s*/)[0];
    let last = first;
    while (last + 1 < lines.length && lines[last + 1].trim() && lines[last + 1].match(/^\s*/)[0].length > indent.length) last++;
    const start = lineStart(text, first + 1);
    const end = lineStart(text, last + 2) - (last + 1 < lines.length ? 1 : 0);
    typeText(entry(indent, dataset.name), start, Math.min(end, text.length));
  } else {
    const body = text.search(/^body\s*:/m);
    const at = body < 0 ? text.length : body;
    typeText(`data:\n${entry('  ', 'activities')}\n`, at, at);
  }
  const matched = Object.values(mapping).join(state.listSeparator);
  notify(() => word('usingLog', { name }) + (matched ? ' ' + word('columnsMatched', { columns: matched }) : ''));
  showFiles();
}

// MARK: - Files

function namedInReport(name) {
  return editor.value.includes(name);
}

function showFiles() {
  const list = $('files');
  list.replaceChildren();
  for (const file of [...state.files.values()].sort((a, b) => a.name.localeCompare(b.name))) {
    const item = document.createElement('li');
    item.dataset.file = file.name;
    const spreadsheet = /\.(csv|xlsx)$/i.test(file.name);
    const icon = document.createElement('span');
    icon.className = `icon ${spreadsheet ? 'sheet' : 'picture'}`;
    icon.setAttribute('aria-hidden', 'true');
    const name = document.createElement('span');
    name.className = 'file-name';
    name.dir = 'ltr';
    name.textContent = file.name;
    const used = document.createElement('span');
    const named = namedInReport(file.name);
    used.className = `used ${named ? 'yes' : 'no'}`;
    used.textContent = word(named ? 'namedInReport' : 'notNamedYet');
    item.append(icon, name, used);
    if (!named) {
      const action = document.createElement('button');
      action.type = 'button';
      action.className = 'small';
      action.textContent = word(spreadsheet ? 'useAsLog' : 'putInReport');
      action.addEventListener('click', () => (spreadsheet ? useAsLog(file.name) : insertBlock(`image:${file.name}`)));
      item.append(action);
    }
    const remove = document.createElement('button');
    remove.type = 'button';
    remove.className = 'small quiet';
    remove.textContent = word('remove');
    remove.addEventListener('click', () => {
      state.files.delete(file.name);
      showFiles();
      save();
      refreshNow();
    });
    item.append(remove);
    list.append(item);
  }
}

async function addFiles(fileList) {
  let firstSheet = null;
  for (const file of fileList) {
    if (!/\.(csv|xlsx|png|jpe?g)$/i.test(file.name)) {
      notify(() => word('fileKindRefused', { name: file.name }), true);
      continue;
    }
    const room = state.maxBodyBytes - editor.value.length - [...state.files.values()].reduce((sum, kept) => sum + kept.blob.size, 0);
    if (file.size > room) {
      notify(() => word('fileTooLarge', { name: file.name, size: digits(Math.max(0, Math.floor(room / 1048576))) }), true);
      continue;
    }
    const name = file.name.replace(/[\\/]/g, '-');
    state.files.set(name, { name, blob: file, fromTemplate: false });
    if (!firstSheet && /\.(csv|xlsx)$/i.test(name)) firstSheet = name;
  }
  // A first spreadsheet of one's own replaces the template's sample log at once: that is why it was added.
  const [dataset] = datasetLines();
  const sample = dataset && state.files.get(dataset.file);
  if (firstSheet && (!dataset || (sample && sample.fromTemplate))) {
    await useAsLog(firstSheet);
  } else {
    showFiles();
  }
  save();
  refreshNow();
}

// MARK: - Talking to the service

function requestBody() {
  const form = new FormData();
  form.append('report', new Blob([editor.value], { type: 'application/yaml' }), REPORT_NAME);
  for (const file of state.files.values()) form.append(file.name, file.blob, file.name);
  return form;
}

function previewResolution() {
  const width = $('pages').clientWidth || 600;
  const ratio = Math.min(window.devicePixelRatio || 1, 2);
  return Math.max(48, Math.min(192, Math.round((width / 8.27) * ratio)));
}

function setStatus(key, busy = false) {
  const status = $('status');
  status.textContent = key ? word(key) : '';
  status.dataset.state = key;
  status.classList.toggle('busy', busy);
}

function schedule() {
  clearTimeout(state.timer);
  state.timer = setTimeout(refreshNow, TYPING_PAUSE_MS);
}

async function refreshNow() {
  clearTimeout(state.timer);
  if (state.controller) state.controller.abort();
  const controller = new AbortController();
  state.controller = controller;
  const request = ++state.request;
  setStatus('updating', true);
  try {
    const response = await fetch(`/preview?lang=${state.language}&format=png&dpi=${previewResolution()}`, {
      method: 'POST', body: requestBody(), signal: controller.signal,
    });
    if (request !== state.request) return;
    if (response.status === 503) {
      setStatus('serviceBusy');
      state.timer = setTimeout(refreshNow, 1500);
      return;
    }
    const result = await response.json();
    if (request !== state.request) return;
    state.problems = result.diagnostics || [];
    state.ok = result.ok;
    showProblems();
    if (result.ok) {
      await showPages(result.images || []);
      if (request !== state.request) return;
      setStatus('upToDate');
      // When the new pages were shown: `make bench-page` reads it to time an edit's round trip.
      performance.clearMarks(PREVIEW_SHOWN);
      performance.mark(PREVIEW_SHOWN);
    } else {
      setStatus('showingLastGood');
    }
    hideNotice('serviceUnreachable');
  } catch (error) {
    if (error.name === 'AbortError') return;
    if (request !== state.request) return;
    setStatus('');
    notify(() => word('serviceUnreachable'), true, 'serviceUnreachable');
  }
}

function showProblems() {
  const list = $('problems');
  list.replaceChildren();
  const problems = state.problems;
  $('problem-count').textContent = problems.length ? `(${digits(problems.length)})` : '';
  if (!problems.length) {
    const item = document.createElement('li');
    item.className = 'none';
    item.textContent = word('noProblems');
    list.append(item);
  }
  for (const problem of problems) {
    const item = document.createElement('li');
    item.className = problem.severity;
    if (problem.line) item.dataset.line = String(problem.line);
    if (problem.column) item.dataset.column = String(problem.column);
    const kind = document.createElement('span');
    kind.className = 'kind';
    kind.textContent = word(problem.severity === 'error' ? 'error' : 'warning');
    const where = document.createElement('span');
    where.className = 'where';
    const inReport = isReportFile(problem.file);
    const place = !problem.line ? ''
      : problem.column ? word('lineColumn', { line: digits(problem.line), column: digits(problem.column) })
      : word('line', { line: digits(problem.line) });
    where.textContent = inReport ? place : [problem.file, place].filter(Boolean).join(' · ');
    const message = document.createElement('span');
    message.className = 'message';
    message.textContent = problem.message;
    item.append(kind, where, message);
    if (inReport && problem.line) {
      item.tabIndex = 0;
      item.setAttribute('role', 'button');
      const go = () => goToLine(problem.line, problem.column);
      item.addEventListener('click', go);
      item.addEventListener('keydown', (event) => { if (event.key === 'Enter' || event.key === ' ') { event.preventDefault(); go(); } });
    }
    list.append(item);
  }
  drawLines();
}

/** Shows the pages in place: the same image elements get their new pictures, so the scroll position stays. */
async function showPages(images) {
  const pages = $('pages');
  const empty = pages.querySelector('.empty');
  if (empty && images.length) empty.remove();
  const decoded = await Promise.all(images.map(async (source) => {
    const image = new Image();
    image.src = source;
    try { await image.decode(); } catch (error) { /* shown as it is */ }
    return source;
  }));
  let figures = [...pages.querySelectorAll('figure')];
  while (figures.length > decoded.length) figures.pop().remove();
  decoded.forEach((source, index) => {
    let figure = figures[index];
    if (!figure) {
      figure = document.createElement('figure');
      figure.className = 'page';
      const image = document.createElement('img');
      image.alt = '';
      figure.append(image, document.createElement('figcaption'));
      pages.append(figure);
    }
    figure.querySelector('img').src = source;
    figure.dataset.page = String(index + 1);
  });
  captionPages();
}

function captionPages() {
  const figures = [...$('pages').querySelectorAll('figure')];
  figures.forEach((figure, index) => {
    const caption = word('pageOf', { page: digits(index + 1), pages: digits(figures.length) });
    figure.querySelector('figcaption').textContent = caption;
    figure.querySelector('img').alt = caption;
  });
}

async function download() {
  const button = $('download');
  if (!state.ok) {
    notify(() => word('downloadNeedsNoErrors'), true);
    $('problems').scrollIntoView({ block: 'nearest' });
    return;
  }
  button.disabled = true;
  const label = button.querySelector('span');
  label.textContent = word('downloading');
  try {
    const response = await fetch(`/render?lang=${state.language}`, { method: 'POST', body: requestBody() });
    if (response.status === 503) { notify(() => word('serviceBusy'), true); return; }
    if (!response.ok || response.headers.get('content-type') !== 'application/pdf') {
      notify(() => word('downloadNeedsNoErrors'), true);
      refreshNow();
      return;
    }
    const pdf = await response.blob();
    const link = document.createElement('a');
    link.href = URL.createObjectURL(pdf);
    link.download = fileName();
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
  } catch (error) {
    notify(() => word('serviceUnreachable'), true, 'serviceUnreachable');
  } finally {
    button.disabled = false;
    label.textContent = word('download');
  }
}

/** The download's name: the report's title, without what file names cannot hold. */
function fileName() {
  const match = editor.value.match(/^title\s*:\s*["']?(.*?)["']?\s*$/m);
  const title = (match ? match[1] : '').replace(/[\\/:*?"<>|\u0000-\u001f]+/g, ' ').trim().slice(0, 80);
  return `${title || 'brief'}.pdf`;
}

// MARK: - Notices

/** Shows what `compose` writes (again in the new language when the page's language changes); a notice with a `key`
 * stays until `hideNotice(key)`, others go after a few seconds. */
function notify(compose, warning = false, key = '') {
  const notice = $('notice');
  state.notice = compose;
  notice.textContent = compose();
  notice.dataset.key = key;
  notice.classList.toggle('warning', warning);
  notice.hidden = false;
  clearTimeout(notice.timer);
  if (!key) notice.timer = setTimeout(() => { notice.hidden = true; }, 8000);
}

function hideNotice(key) {
  const notice = $('notice');
  if (notice.dataset.key === key) notice.hidden = true;
}

// MARK: - Kept in the browser (never on the service)

const DATABASE = 'mawjaz-editor';

function database() {
  return new Promise((resolve, reject) => {
    const opening = indexedDB.open(DATABASE, 1);
    opening.onupgradeneeded = () => opening.result.createObjectStore('draft');
    opening.onsuccess = () => resolve(opening.result);
    opening.onerror = () => reject(opening.error);
  });
}

async function save() {
  try {
    const db = await database();
    const files = [...state.files.values()].map(({ name, blob, fromTemplate }) => ({ name, blob, fromTemplate }));
    db.transaction('draft', 'readwrite').objectStore('draft')
      .put({ report: editor.value, files, template: state.template, pristine: state.pristine }, 'current');
  } catch (error) { /* a browser that keeps nothing still works */ }
}

async function restore() {
  try {
    const db = await database();
    return await new Promise((resolve) => {
      const reading = db.transaction('draft').objectStore('draft').get('current');
      reading.onsuccess = () => resolve(reading.result || null);
      reading.onerror = () => resolve(null);
    });
  } catch (error) {
    return null;
  }
}

// MARK: - Start

async function start() {
  const asked = new URLSearchParams(location.search).get('lang');
  let language = asked || localStorage.getItem('mawjaz.language') || 'ar';
  const templates = await (await fetch('/templates')).json();
  state.starters = templates.templates.filter((template) => template.starters && Object.keys(template.starters).length);
  try { await loadWords(language); } catch (error) { language = 'ar'; await loadWords(language); }

  const draft = new URLSearchParams(location.search).has('new') ? null : await restore();
  if (draft && draft.report) {
    state.template = draft.template || 'briefing';
    state.pristine = draft.pristine || '';
    for (const file of draft.files || []) state.files.set(file.name, file);
    fillTemplates();
    setReport(draft.report);
    showFiles();
    refreshNow();
  } else {
    startFrom('briefing');
  }

  editor.addEventListener('input', () => { drawLines(); schedule(); save(); showFiles(); });
  // The field is as tall as its text (the mirror sets the height), so it never scrolls itself: the box around it
  // does. A browser that scrolls it anyway (revealing the caret before the mirror has grown) is put back.
  editor.addEventListener('scroll', () => { editor.scrollTop = 0; editor.scrollLeft = 0; });
  editor.addEventListener('keydown', (event) => {
    // Tab indents by two spaces, as YAML wants, instead of leaving the field.
    if (event.key === 'Tab' && !event.shiftKey && !event.ctrlKey && !event.altKey) {
      event.preventDefault();
      typeText('  ', editor.selectionStart, editor.selectionEnd);
    }
  });
  new ResizeObserver(() => drawLines()).observe(editor);
  $('template').addEventListener('change', (event) => {
    const name = event.target.value;
    const label = event.target.selectedOptions[0].textContent;
    if (editor.value === state.pristine || confirm(word('confirmReplace', { name: label }))) {
      startFrom(name);
    } else {
      event.target.value = state.template;
    }
  });
  $('language').addEventListener('click', async () => {
    const next = $('language').dataset.language;
    localStorage.setItem('mawjaz.language', next);
    const url = new URL(location.href);
    url.searchParams.set('lang', next);
    history.replaceState(null, '', url);
    await loadWords(next);
    refreshNow();
  });
  $('download').addEventListener('click', download);
  $('upload').addEventListener('change', (event) => { addFiles([...event.target.files]); event.target.value = ''; });
  for (const button of document.querySelectorAll('[data-insert]')) {
    button.addEventListener('click', () => insertBlock(button.dataset.insert));
  }
  const writing = document.querySelector('.writing');
  writing.addEventListener('dragover', (event) => { event.preventDefault(); writing.classList.add('dropping'); });
  writing.addEventListener('dragleave', () => writing.classList.remove('dropping'));
  writing.addEventListener('drop', (event) => {
    event.preventDefault();
    writing.classList.remove('dropping');
    addFiles([...event.dataTransfer.files]);
  });
  document.body.dataset.ready = 'true';
}

start();
