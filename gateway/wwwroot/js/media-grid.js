// A paged grid of media tiles in the API's order, with a "Load more" button while the API has a next page, a
// selection and its bar.
import { getJson } from './api.js';
import { h } from './dom.js';
import { createTiles } from './media-tile.js';
import { selectionBar } from './selection-bar.js';
import { createSelection } from './selection.js';

const pageSize = 48;

/**
 * The grid for /api/media with the given filter ('albumId=…&order=…', 'favorite=true' or '').
 * onOpen(media) is called when a tile is activated outside a selection.
 */
export function mediaGrid(scope, { label, filter = '', emptyText, onOpen }) {
  const list = h('ul', { class: 'grid' });
  const empty = h('p', { class: 'empty', hidden: true }, emptyText);
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more');
  const section = h('section', { class: 'media-grid', 'aria-label': label }, list, empty, more);
  const selection = createSelection(section, { onChange: (size) => bar.show(size) });
  const tiles = createTiles(scope, { onOpen, selection });
  let cursor = null;

  const refreshEmpty = () => {
    empty.hidden = tiles.size > 0;
  };

  async function loadPage() {
    more.disabled = true;
    const query = [filter, `limit=${pageSize}`, cursor ? `cursor=${encodeURIComponent(cursor)}` : ''].filter(Boolean).join('&');
    try {
      const page = await getJson(`/api/media?${query}`, { signal: scope.signal });
      list.append(...page.items.filter((media) => !tiles.has(media.id)).map(tiles.create));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      refreshEmpty();
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', () => loadPage().catch(() => {}));

  const grid = {
    load: loadPage,
    /** Starts over with another filter (an album's new sort order). */
    async reload(newFilter) {
      [...list.children].forEach((item) => tiles.remove(item.dataset.id));
      filter = newFilter;
      cursor = null;
      await loadPage();
    },
    mediaOf: tiles.mediaOf,
    update: tiles.update,
    /** The media in page order (for the viewer's previous and next). */
    get media() {
      return [...list.children].map((item) => tiles.mediaOf(item.dataset.id));
    },
    prepend(media) {
      // A Live Photo's motion part is answered with its photo, which may be on the grid already.
      tiles.remove(media.id);
      list.prepend(tiles.create(media));
      refreshEmpty();
    },
    remove(id) {
      tiles.remove(id);
      refreshEmpty();
    },
  };
  const bar = selectionBar(selection, grid);
  grid.element = h('div', {}, bar.element, section);
  return grid;
}
