/**
 * /training/compare/: choose two incidents and see them side by side. The incidents come from
 * /data/compare/index.json and each one's facts from /data/compare/<id>.json (already in words:
 * src/lib/training/compare-data.ts), so only the two columns asked for are fetched, however many
 * incidents the site has. The table is the same markup as the prerendered pair pages'
 * (CompareTable.astro), so it reads and stacks on a phone the same way.
 */
import type { CompareIncidentFile, CompareIndexFile } from '../lib/training/compare-data.ts';

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/** A link to a page of this site, by its path (the data gives absolute addresses of the published site). */
function siteLink(url: string, text: string, attributes: Record<string, string> = {}): HTMLAnchorElement {
  return element('a', { ...attributes, href: new URL(url).pathname }, text);
}

/** The compare table for these incidents' files, as CompareTable.astro draws it. */
export function compareTableElement(files: readonly CompareIncidentFile[], id: string): HTMLElement {
  const region = element('div', { class: 'compare-scroll', role: 'region', 'aria-labelledby': `${id}-caption`, tabindex: '0' });
  const table = element('table', { class: 'compare-table', id });
  const titles = files.map((f) => f.title);
  table.append(element('caption', { id: `${id}-caption` }, `${titles.join(' and ')}, side by side`));
  const headRow = element('tr');
  headRow.append(element('th', { scope: 'col', class: 'compare-corner' }, 'Fact'));
  for (const file of files) {
    const th = element('th', { scope: 'col', 'data-incident': file.id });
    const head = element('span', { class: 'compare-head' });
    const caseLink = siteLink(file.caseStudy, 'Case study', { class: 'compare-case-link' });
    caseLink.append(element('span', { class: 'visually-hidden' }, `: ${file.title}`));
    head.append(siteLink(file.url, file.title), caseLink);
    th.append(head);
    headRow.append(th);
  }
  const thead = element('thead');
  thead.append(headRow);
  const tbody = element('tbody');
  files[0]?.rows.forEach((row, index) => {
    const tr = element('tr');
    tr.append(element('th', { scope: 'row' }, row.label));
    for (const file of files) {
      const cell = file.rows[index]!;
      const td = element('td', { 'data-incident': file.id });
      td.append(element('span', { class: 'cell-incident' }, file.title));
      const item = (i: (typeof cell.items)[number], into: HTMLElement) => {
        into.append(i.url ? siteLink(i.url, i.text) : document.createTextNode(i.text));
        if (i.note) into.append(element('span', { class: 'fact-note' }, ` (${i.note})`));
        return into;
      };
      if (cell.items.length === 0) td.append(element('p', { class: 'cell-empty' }, cell.empty));
      else if (cell.items.length === 1) td.append(item(cell.items[0]!, element('p')));
      else {
        const list = element('ul');
        for (const i of cell.items) list.append(item(i, element('li')));
        td.append(list);
      }
      tr.append(td);
    }
    tbody.append(tr);
  });
  table.append(thead, tbody);
  region.append(table);
  return region;
}

async function fetchJson<T>(url: string): Promise<T> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return (await response.json()) as T;
}

export function startComparePicker(doc: Document): void {
  const form = doc.querySelector<HTMLFormElement>('[data-compare-picker]');
  const status = doc.querySelector<HTMLElement>('[data-compare-status]');
  const result = doc.querySelector<HTMLElement>('[data-compare-result]');
  if (!form || !status || !result) return;
  const selects = [...form.querySelectorAll<HTMLSelectElement>('select')];
  const prefix = form.dataset.incidentPrefix ?? '';
  form.hidden = false;
  let titles = new Map<string, string>();

  const show = async (ids: string[]) => {
    const chosen = ids.filter((id) => titles.has(id));
    if (chosen.length < 2) return;
    status.textContent = 'Loading…';
    try {
      const files = await Promise.all(chosen.map((id) => fetchJson<CompareIncidentFile>(`${prefix}${id}.json`)));
      result.replaceChildren(compareTableElement(files, 'compare-result'));
      status.textContent = `The table below sets the ${files.length} incidents side by side.`;
    } catch (error) {
      console.error(error);
      status.textContent = `The facts could not be loaded (${error instanceof Error ? error.message : 'network error'}). Check your connection and press Compare again, or open one of the pairs below.`;
    }
  };

  const fill = (index: CompareIndexFile, wanted: string[]) => {
    titles = new Map(index.incidents.map((i) => [i.id, i.title]));
    selects.forEach((select, position) => {
      const options = [element('option', { value: '' }, 'Choose an incident')];
      for (const incident of index.incidents) options.push(element('option', { value: incident.id }, `${incident.title} (${incident.year})`));
      select.replaceChildren(...options);
      select.value = wanted[position] && titles.has(wanted[position]!) ? wanted[position]! : '';
    });
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const ids = selects.map((s) => s.value);
    if (ids.some((id) => !id)) {
      status.textContent = 'Choose two incidents to compare.';
      return;
    }
    if (ids[0] === ids[1]) {
      status.textContent = 'Choose two different incidents: the same one is in both lists.';
      return;
    }
    const params = new URLSearchParams(ids.map((id) => ['incident', id]));
    history.replaceState(null, '', `${location.pathname}?${params}`);
    void show(ids);
  });

  const wanted = new URLSearchParams(location.search).getAll('incident');
  fetchJson<CompareIndexFile>(form.dataset.index ?? '')
    .then((index) => {
      fill(index, wanted);
      if (wanted.length >= 2) void show(wanted);
    })
    .catch((error: unknown) => {
      console.error(error);
      status.textContent = `The list of incidents could not be loaded from ${form.dataset.index}. Reload the page to try again, or open one of the pairs below.`;
    });
}
