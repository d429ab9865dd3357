// A paged grid of media tiles, newest first, with a "Load more" button while the API has a next page.
import { getJson } from './api.js';
import { formatDuration, h } from './dom.js';
import { showThumbnail } from './images.js';

const pageSize = 48;

function tileContent(media, scope) {
  // A video's poster frame is decorative: its tile is named by the file name in the caption.
  const img = h('img', { alt: media.type === 'video' ? '' : media.name, width: 256, height: 256 });
  showThumbnail(img, media.id, 256, scope);
  if (media.type === 'video') {
    // The poster frame, with the play sign and the length over it.
    return h('span', { class: 'video-tile' }, img,
      h('span', { class: 'video-caption' }, h('span', { 'aria-hidden': 'true' }, '▶'), h('span', { class: 'duration', 'aria-hidden': 'true' }, formatDuration(media.durationMs)), h('span', { class: 'visually-hidden' }, media.name)));
  }
  if (media.motion) {
    // A Live Photo: the still, marked as one that moves.
    return h('span', { class: 'video-tile' }, img, h('span', { class: 'video-caption live-badge', 'aria-hidden': 'true' }, 'LIVE'));
  }
  return img;
}

/**
 * The grid for /api/media with the given filter ('albumId=…', 'favorite=true' or '').
 * onOpen(media) is called when a tile is activated.
 */
export function mediaGrid(scope, { label, filter = '', emptyText, onOpen }) {
  const list = h('ul', { class: 'grid' });
  const empty = h('p', { class: 'empty', hidden: true }, emptyText);
  const more = h('button', { type: 'button', class: 'more', hidden: true }, 'Load more');
  const element = h('section', { class: 'media-grid', 'aria-label': label }, list, empty, more);
  const tiles = new Map();
  let cursor = null;

  function tile(media) {
    const button = h('button', { type: 'button', class: 'tile', 'data-id': media.id, onclick: () => onOpen(tiles.get(media.id).media) },
      tileContent(media, scope),
      h('span', { class: 'badge', hidden: !media.isFavorite, 'aria-hidden': 'true' }, '♥'));
    const item = h('li', {}, button);
    tiles.set(media.id, { item, media });
    return item;
  }

  function removeTile(id) {
    const entry = tiles.get(id);
    if (!entry) {
      return;
    }
    const img = entry.item.querySelector('img');
    if (img?.src.startsWith('blob:')) {
      scope.revoke(img.src);
    }
    entry.item.remove();
    tiles.delete(id);
  }

  function refreshEmpty() {
    empty.hidden = tiles.size > 0;
  }

  async function loadPage() {
    more.disabled = true;
    const query = [filter, `limit=${pageSize}`, cursor ? `cursor=${encodeURIComponent(cursor)}` : ''].filter(Boolean).join('&');
    try {
      const page = await getJson(`/api/media?${query}`, { signal: scope.signal });
      list.append(...page.items.filter((media) => !tiles.has(media.id)).map(tile));
      cursor = page.nextCursor;
      more.hidden = !cursor;
      refreshEmpty();
    } finally {
      more.disabled = false;
    }
  }
  more.addEventListener('click', () => loadPage().catch(() => {}));

  return {
    element,
    load: loadPage,
    prepend(media) {
      // A Live Photo's motion part is answered with its photo, which may be on the grid already.
      removeTile(media.id);
      list.prepend(tile(media));
      refreshEmpty();
    },
    update(media) {
      const entry = tiles.get(media.id);
      if (entry) {
        entry.media = media;
        entry.item.querySelector('.badge').hidden = !media.isFavorite;
      }
    },
    remove(id) {
      removeTile(id);
      refreshEmpty();
    },
  };
}
