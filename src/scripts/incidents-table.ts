/**
 * Sorting for the incidents table on /incidents/. The table is complete without this script and
 * reads newest first, as the build wrote it. Here the column headings that carry data-sort-key
 * become buttons: pressing one (mouse, Enter or Space) sorts the rows by that column, pressing it
 * again reverses the order. Unknown figures stay at the end either way. The heading being sorted
 * by carries aria-sort, the caption names the order, and a status message announces it.
 *
 * Everything the sort needs comes from the build: each row's data-sort-<key> holds its value
 * (absent when unknown), each heading its words for either order.
 */
type Direction = 'ascending' | 'descending';

const icons: Record<Direction | 'none', string> = { ascending: '▲', descending: '▼', none: '▲▼' };

class IncidentsTable extends HTMLElement {
  connectedCallback(): void {
    const table = this.querySelector('table');
    const body = table?.tBodies[0];
    if (!table || !body || this.dataset.ready) return;
    this.dataset.ready = '';
    const headings = [...table.querySelectorAll<HTMLTableCellElement>('thead th[data-sort-key]')];
    const rows = [...body.rows];
    const order = table.querySelector<HTMLElement>('[data-sort-order]');
    const status = document.createElement('p');
    status.className = 'visually-hidden';
    status.setAttribute('role', 'status');
    this.append(status);
    this.querySelector<HTMLElement>('[data-sort-hint]')?.removeAttribute('hidden');
    table.classList.add('is-sortable');

    for (const th of headings) {
      const button = document.createElement('button');
      button.type = 'button';
      button.className = 'sort-button';
      button.append(...th.childNodes);
      const icon = document.createElement('span');
      icon.className = 'sort-icon';
      icon.setAttribute('aria-hidden', 'true');
      button.append(icon);
      th.append(button);
      button.addEventListener('click', () => {
        const current = th.getAttribute('aria-sort');
        const direction: Direction = current === 'ascending' ? 'descending' : current === 'descending' ? 'ascending' : th.dataset.sortFirst === 'ascending' ? 'ascending' : 'descending';
        sortBy(th, direction);
        const words = th.dataset[direction === 'ascending' ? 'sortAscending' : 'sortDescending'] ?? direction;
        status.textContent = `Sorted ${words}.`;
      });
    }
    showIcons();

    function showIcons(): void {
      for (const th of headings) {
        const sort = th.getAttribute('aria-sort');
        const icon = th.querySelector('.sort-icon');
        if (icon) icon.textContent = icons[sort === 'ascending' || sort === 'descending' ? sort : 'none'];
      }
    }

    function sortBy(th: HTMLTableCellElement, direction: Direction): void {
      const key = th.dataset.sortKey ?? '';
      const attribute = `data-sort-${key}`;
      const numeric = th.dataset.sortNumeric === 'true';
      const keyed = rows.map((row, index) => {
        const raw = row.getAttribute(attribute);
        return { row, index, value: raw === null || raw === '' ? undefined : numeric ? Number(raw) : raw };
      });
      const sign = direction === 'ascending' ? 1 : -1;
      keyed.sort((a, b) => {
        if (a.value === undefined || b.value === undefined) {
          // Unknown last in either order; among themselves, as built.
          return a.value === undefined && b.value === undefined ? a.index - b.index : a.value === undefined ? 1 : -1;
        }
        const compared = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : String(a.value).localeCompare(String(b.value), 'en-GB');
        return sign * compared || a.index - b.index;
      });
      body!.append(...keyed.map((entry) => entry.row));
      for (const other of headings) other.removeAttribute('aria-sort');
      th.setAttribute('aria-sort', direction);
      if (order) order.textContent = th.dataset[direction === 'ascending' ? 'sortAscending' : 'sortDescending'] ?? '';
      showIcons();
    }
  }
}

if (!customElements.get('incidents-table')) customElements.define('incidents-table', IncidentsTable);
