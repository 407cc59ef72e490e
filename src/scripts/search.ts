/**
 * The search page, on Pagefind's JS API: a query box, facet checkboxes whose counts follow the
 * query and the ticked filters, results with highlighted excerpts and a kind label, and the whole
 * state in the URL (typing replaces the history entry, a submitted query or a toggled filter adds
 * one, so Back steps through searches). The result count is announced through a polite live
 * region. Results are drawn five at a time, because each one downloads its page's fragment: the
 * "Show more results" button draws the next five, says so in the live region and moves focus to
 * the first of them. Everything is native form controls and links, so the keyboard works without
 * extra code.
 */
import {
  facetsFromQuery,
  incidentKind,
  searchFacetKeys,
  searchFacetLabels,
  searchMeta,
  searchQueryString,
  searchRanking,
  type SearchFacetKey,
} from '../lib/facets.ts';

type FilterCounts = Record<string, Record<string, number>>;
type Selected = Partial<Record<SearchFacetKey, string[]>>;

interface PagefindFragment {
  url: string;
  excerpt: string;
  meta: Record<string, string | undefined>;
}
interface PagefindResult {
  id: string;
  matchedMetaFields?: string[];
  data(): Promise<PagefindFragment>;
}
interface PagefindResponse {
  results: PagefindResult[];
  filters: FilterCounts;
}
interface Pagefind {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  filters(): Promise<FilterCounts>;
  search(term: string | null, options?: { filters?: Selected; sort?: Record<string, 'asc' | 'desc'> }): Promise<PagefindResponse | null>;
}

/**
 * Results drawn per batch. Each drawn result fetches its page's fragment (the page's whole indexed
 * text, 1 to 8 kB compressed), so five keeps the first search small; "Show more results" draws the
 * next five.
 */
const pageSize = 5;
/** Long enough to skip the keystrokes of a word typed at speed, short enough to feel immediate. */
const typingDelayMs = 150;
/** Facets with more values than this show the most common ones and a button for the rest. */
const facetPreview = 8;
/** Matches the CSS breakpoint where the filters move beside the results. */
const wideScreen = window.matchMedia('(min-width: 52rem)');

const plural = (n: number, one: string, many: string) => `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;

function element<K extends keyof HTMLElementTagNameMap>(tag: K, attributes: Record<string, string> = {}, text?: string) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Pagefind's excerpts are HTML with <mark> around matches. Parse them inertly and keep only text
 * and <mark>, so nothing from the content can ever become markup on this page.
 */
export function safeExcerpt(html: string): DocumentFragment {
  const parsed = new DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
  const out = document.createDocumentFragment();
  const copy = (from: Node, to: Node) => {
    for (const child of Array.from(from.childNodes)) {
      if (child.nodeType === Node.TEXT_NODE) to.appendChild(document.createTextNode(child.textContent ?? ''));
      else if (child.nodeType === Node.ELEMENT_NODE) {
        if ((child as Element).tagName === 'MARK') {
          const mark = document.createElement('mark');
          mark.textContent = child.textContent ?? '';
          to.appendChild(mark);
        } else copy(child, to);
      }
    }
  };
  copy(parsed.body, out);
  return out;
}

interface FacetControl {
  item: HTMLLIElement;
  input: HTMLInputElement;
  count: HTMLSpanElement;
}

export function startSearchPage(root: HTMLElement | null): void {
  if (!root) return;
  const form = root.querySelector<HTMLFormElement>('form')!;
  const input = root.querySelector<HTMLInputElement>('#search-query')!;
  const status = root.querySelector<HTMLElement>('#search-status')!;
  const filtersSection = root.querySelector<HTMLElement>('#search-filters')!;
  const facetsContainer = root.querySelector<HTMLElement>('#search-facets')!;
  const clearButton = root.querySelector<HTMLButtonElement>('#search-clear')!;
  const resultsSection = root.querySelector<HTMLElement>('#search-results')!;
  const list = root.querySelector<HTMLOListElement>('#search-results-list')!;
  const moreButton = root.querySelector<HTMLButtonElement>('#search-more')!;
  const loadFiltersButton = root.querySelector<HTMLButtonElement>('#search-load-filters')!;

  if (root.dataset.devMode) {
    status.textContent =
      'Search is not available in the development server: the index is made by the build. To try search, run "npm start" (it builds the site and its index, then serves it at http://localhost:4321/search/).';
    return;
  }

  const controls = new Map<SearchFacetKey, Map<string, FacetControl>>();
  const fieldsets = new Map<SearchFacetKey, { details: HTMLDetailsElement; fieldset: HTMLFieldSetElement; more?: HTMLButtonElement; expanded: boolean }>();
  let pagefind: Pagefind | undefined;
  let runId = 0;
  let shown = 0;
  let current: PagefindResult[] = [];
  let typingTimer: number | undefined;
  let loadingMore = false;
  let revealed = false;
  /** The status line for the current results, without the "showing the first N" part. */
  let lastDescription = '';

  /**
   * Shows the filters and results together with the first results, in one frame: revealed one
   * after the other, the filters (above the results on narrow screens) would push down what was
   * already painted, and the page would jump.
   */
  const reveal = () => {
    revealed = true;
    filtersSection.hidden = controls.size === 0 && loadFiltersButton.hidden;
    resultsSection.hidden = false;
  };

  /**
   * How many results the reader had drawn on this history entry. Kept in history.state, not the
   * URL: a shared link opens at the first batch, but Back from a result returns to the same list.
   */
  const rememberedShown = (state: unknown): number => {
    const n = (state as { shown?: unknown } | null)?.shown;
    return typeof n === 'number' && Number.isInteger(n) && n > pageSize ? n : pageSize;
  };

  const readState = () => {
    const params = new URLSearchParams(location.search);
    return { query: params.get('q') ?? '', selected: facetsFromQuery(params) };
  };

  const selectedFromControls = (): Selected => {
    const selected: Selected = {};
    for (const [key, values] of controls) {
      const ticked = [...values].filter(([, c]) => c.input.checked).map(([value]) => value);
      if (ticked.length) selected[key] = ticked;
    }
    return selected;
  };

  const addControl = (key: SearchFacetKey, value: string) => {
    const values = controls.get(key)!;
    const list = fieldsets.get(key)!.fieldset.querySelector('ul')!;
    const id = `facet-${key}-${values.size}`;
    const item = element('li');
    const box = element('input', { type: 'checkbox', id, name: key, value });
    const label = element('label', { for: id });
    const count = element('span', { class: 'facet-count' });
    label.append(element('span', {}, value), ' ', count);
    item.append(box, label);
    list.append(item);
    const control = { item, input: box, count };
    values.set(value, control);
    return control;
  };

  /** One fieldset per facet, values ordered by how many incidents carry them (years newest first). */
  const buildFacets = (totals: FilterCounts, selected: Selected) => {
    for (const key of searchFacetKeys) {
      const counts = { ...(totals[key] ?? {}) };
      for (const value of selected[key] ?? []) counts[value] ??= 0;
      const entries = Object.entries(counts).sort(([a, x], [b, y]) =>
        key === 'year' ? b.localeCompare(a) : y - x || a.localeCompare(b, 'en-GB'),
      );
      if (entries.length === 0) continue;
      // Collapsed by default (bar attack type on wide screens, and any facet with a ticked value),
      // so the keyboard and small screens reach the results past ten summaries, not a hundred boxes.
      const details = element('details', { class: 'facet' });
      details.open = (key === 'attack-type' && wideScreen.matches) || (selected[key]?.length ?? 0) > 0;
      const fieldset = element('fieldset', { 'data-facet': key });
      fieldset.append(element('legend', { class: 'visually-hidden' }, searchFacetLabels[key]), element('ul', { class: 'facet-values' }));
      details.append(element('summary', {}, searchFacetLabels[key]), fieldset);
      facetsContainer.append(details);
      fieldsets.set(key, { details, fieldset, expanded: false });
      controls.set(key, new Map());
      for (const [value] of entries) addControl(key, value);
      if (entries.length > facetPreview) {
        const more = element('button', { type: 'button', class: 'facet-more', 'aria-expanded': 'false' });
        more.addEventListener('click', () => {
          const state = fieldsets.get(key)!;
          state.expanded = !state.expanded;
          more.setAttribute('aria-expanded', String(state.expanded));
          updateFacetVisibility();
        });
        fieldset.append(more);
        fieldsets.get(key)!.more = more;
      }
    }
    for (const [key, values] of controls) {
      for (const value of selected[key] ?? []) values.get(value)!.input.checked = true;
    }
    if (revealed) reveal();
  };

  /** Values that would empty the results are hidden (unless ticked); long facets show their first few. */
  const updateFacetVisibility = () => {
    for (const [key, values] of controls) {
      const state = fieldsets.get(key)!;
      let available = 0;
      let visible = 0;
      for (const control of values.values()) {
        const usable = control.input.checked || Number(control.count.dataset.count) > 0;
        if (usable) available++;
        const show = usable && (state.expanded || control.input.checked || visible < facetPreview);
        if (show) visible++;
        control.item.hidden = !show;
      }
      state.details.hidden = available === 0;
      const ticked = [...values.values()].filter((c) => c.input.checked).length;
      state.details.querySelector('summary')!.textContent = ticked ? `${searchFacetLabels[key]} (${ticked} ticked)` : searchFacetLabels[key];
      if (state.more) {
        state.more.hidden = available <= facetPreview;
        state.more.textContent = state.expanded
          ? `Show fewer ${searchFacetLabels[key].toLowerCase()} values`
          : `Show all ${available} ${searchFacetLabels[key].toLowerCase()} values`;
      }
    }
    clearButton.hidden = Object.keys(selectedFromControls()).length === 0;
  };

  const updateCounts = (counts: FilterCounts) => {
    for (const [key, values] of controls) {
      for (const [value, control] of values) {
        const n = counts[key]?.[value] ?? 0;
        control.count.dataset.count = String(n);
        // Read as "Ransomware (3 results)"; seen as "Ransomware (3)".
        control.count.replaceChildren(`(${n.toLocaleString('en-GB')}`, element('span', { class: 'visually-hidden' }, n === 1 ? ' result' : ' results'), ')');
      }
    }
    updateFacetVisibility();
  };

  const renderResult = async (result: PagefindResult): Promise<HTMLLIElement> => {
    const data = await result.data();
    const item = element('li', { class: 'search-result' });
    const title = data.meta.title?.trim() || data.url;
    item.append(element('p', { class: 'search-result-kind' }, data.meta[searchMeta.kind]?.trim() || 'Page'));
    const heading = element('h3');
    heading.append(element('a', { href: data.url }, title));
    item.append(heading);
    const excerpt = element('p', { class: 'search-result-excerpt' });
    excerpt.append(safeExcerpt(data.excerpt));
    item.append(excerpt);
    // A match on another name (an alias, a CVE) may not be in the excerpt: say which name matched.
    const words = input.value.toLowerCase().split(/\s+/).filter((w) => w.length > 1);
    const otherNames = [searchMeta.names, searchMeta.identifiers]
      .filter((field) => result.matchedMetaFields?.includes(field))
      .flatMap((field) => (data.meta[field] ?? '').split(', '))
      .filter((name) => words.some((word) => name.toLowerCase().includes(word)));
    if (otherNames.length > 0 && !excerpt.querySelector('mark')) {
      item.append(element('p', { class: 'search-result-names' }, `Matches: ${otherNames.slice(0, 4).join(', ')}`));
    }
    return item;
  };

  /** The status line: the count first (the live region reads it), then how many are on screen. */
  const announce = () => {
    status.textContent = shown < current.length ? `${lastDescription}, showing the first ${shown}` : lastDescription;
  };

  const updateMoreButton = () => {
    const remaining = current.length - shown;
    moreButton.hidden = remaining <= 0;
    const next = Math.min(pageSize, remaining);
    moreButton.textContent = `Show ${plural(next, 'more result', 'more results')} (${remaining.toLocaleString('en-GB')} not shown yet)`;
  };

  /** Draws the next batch below the current one and moves focus to its first link. */
  const showMore = async () => {
    if (loadingMore || list.dataset.searchState !== 'done' || shown >= current.length) return;
    loadingMore = true;
    moreButton.setAttribute('aria-disabled', 'true');
    const id = runId;
    const batch = current.slice(shown, shown + pageSize);
    try {
      const items = await Promise.all(batch.map(renderResult));
      if (id !== runId) return;
      list.append(...items);
      shown += items.length;
      history.replaceState({ ...(history.state as object | null), shown }, '');
      updateMoreButton();
      announce();
      items[0]?.querySelector('a')?.focus();
    } catch (error) {
      console.error(error);
      if (id === runId) status.textContent = 'The next results could not be loaded. Check your connection and press “Show more results” again.';
    } finally {
      loadingMore = false;
      moreButton.removeAttribute('aria-disabled');
    }
  };

  /** Whether browsing (no query) lists incidents: no kind of page is ticked, or only incidents are. */
  const browsesIncidents = (selected: Selected) => (selected.kind ?? []).every((kind) => kind === incidentKind);

  const describe = (query: string, selected: Selected, count: number) => {
    const filterCount = Object.values(selected).reduce((n, values) => n + (values?.length ?? 0), 0);
    const filters = filterCount ? ` with ${plural(filterCount, 'filter', 'filters')} ticked` : '';
    if (query) {
      if (count === 0) return `No results for “${query}”${filters}. Check the spelling, try another name${filterCount ? ' or untick a filter' : ''}.`;
      return `${plural(count, 'result', 'results')} for “${query}”${filters}`;
    }
    // Kept short: the status line has two lines reserved, so a longer one would push the results down.
    if (filterCount === 0) return `${plural(count, 'incident', 'incidents')}, newest first`;
    if (!browsesIncidents(selected)) return `${plural(count, 'page matches', 'pages match')} the ${plural(filterCount, 'ticked filter', 'ticked filters')}`;
    return `${plural(count, 'incident matches', 'incidents match')} the ${plural(filterCount, 'ticked filter', 'ticked filters')}`;
  };

  /** Searches with the box and ticked filters; `draw` results are drawn (one batch unless restoring a list). */
  const run = async (mode: 'push' | 'replace' | 'none', draw = pageSize) => {
    if (!pagefind) return;
    const id = ++runId;
    const query = input.value.trim();
    const selected = selectedFromControls();
    const url = `${location.pathname}${searchQueryString(query, selected)}`;
    if (mode !== 'none') {
      if (url !== `${location.pathname}${location.search}`) {
        if (mode === 'push') history.pushState(null, '', url);
        else history.replaceState(null, '', url);
      } else if (history.state !== null) {
        // A new search draws one batch again, so this entry no longer has more drawn.
        history.replaceState(null, '');
      }
    }
    list.dataset.searchState = 'searching';
    const browsing = !query;
    let response: PagefindResponse | null;
    try {
      // An empty query browses: every incident (only incidents carry the date), newest first, narrowed
      // by any ticked filters. Pages of another kind (a case study) have no date: they are listed unsorted.
      const sort = browsing && browsesIncidents(selected) ? { sort: { date: 'desc' as const } } : {};
      response = await pagefind.search(browsing ? null : query, { filters: selected, ...sort });
    } catch (error) {
      console.error(error);
      status.textContent = 'The search failed to load part of its index. Check your connection and try again, or use the browse pages below.';
      list.dataset.searchState = 'error';
      reveal();
      return;
    }
    if (!response || id !== runId) return;
    updateCounts(response.filters);
    const first = response.results.slice(0, draw);
    let items: HTMLLIElement[];
    try {
      items = await Promise.all(first.map(renderResult));
    } catch (error) {
      if (id !== runId) return;
      console.error(error);
      status.textContent = 'The search failed to load its results. Check your connection and try again, or use the browse pages below.';
      list.dataset.searchState = 'error';
      reveal();
      return;
    }
    if (id !== runId) return;
    current = response.results;
    list.replaceChildren(...items);
    reveal();
    shown = first.length;
    updateMoreButton();
    lastDescription = describe(query, selected, current.length);
    announce();
    list.dataset.query = query;
    list.dataset.searchState = 'done';
  };

  const applyState = (state: { query: string; selected: Selected }) => {
    input.value = state.query;
    for (const [key, values] of controls) {
      // A value only a shared link names (e.g. from an older index) still gets a box to untick.
      for (const value of state.selected[key] ?? []) if (!values.has(value)) addControl(key, value);
      for (const [value, control] of values) control.input.checked = state.selected[key]?.includes(value) ?? false;
    }
  };

  input.addEventListener('input', () => {
    window.clearTimeout(typingTimer);
    typingTimer = window.setTimeout(() => void run('replace'), typingDelayMs);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    window.clearTimeout(typingTimer);
    void run('push');
  });
  facetsContainer.addEventListener('change', () => void run('push'));
  clearButton.addEventListener('click', () => {
    for (const values of controls.values()) for (const control of values.values()) control.input.checked = false;
    input.focus();
    void run('push');
  });
  moreButton.addEventListener('click', () => void showMore());
  window.addEventListener('popstate', async (event) => {
    const state = readState();
    if (Object.keys(state.selected).length > 0) await loadFacets(state.selected);
    applyState(state);
    void run('none', rememberedShown(event.state));
  });

  let facetsLoaded = false;
  /** Loads every filter's counts (Pagefind then returns counts with each search) and draws the facets. */
  const loadFacets = async (selected: Selected) => {
    if (!pagefind || facetsLoaded) return;
    facetsLoaded = true;
    buildFacets(await pagefind.filters(), selected);
    loadFiltersButton.hidden = true;
  };
  loadFiltersButton.addEventListener('click', async () => {
    loadFiltersButton.disabled = true;
    loadFiltersButton.textContent = 'Loading filters…';
    await loadFacets(selectedFromControls());
    await run('none', rememberedShown(history.state));
    facetsContainer.querySelector<HTMLElement>('summary, input')?.focus();
  });

  const initial = readState();
  input.value = initial.query;
  status.textContent = 'Loading search…';
  (async () => {
    try {
      pagefind = (await import(/* @vite-ignore */ root.dataset.bundle!)) as Pagefind;
      // Main thread rather than a worker: the worker script is a further 12 kB (gzip) on every first
      // search, and searching this index takes a few milliseconds either way.
      await pagefind.options({ baseUrl: root.dataset.base ?? '/', excerptLength: 24, ranking: searchRanking, noWorker: true });
      await pagefind.init();
      if (root.dataset.facets === 'eager' || Object.keys(initial.selected).length > 0) await loadFacets(initial.selected);
      else {
        loadFiltersButton.hidden = false;
      }
      await run('none', rememberedShown(history.state));
    } catch (error) {
      console.error(error);
      status.textContent = `Search could not load its index from ${root.dataset.bundle}. Reload the page to try again, or use the browse pages below.`;
      list.dataset.searchState = 'error';
    }
  })();
}
