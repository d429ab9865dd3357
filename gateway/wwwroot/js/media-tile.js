// One media tile: the thumbnail (a video's poster frame with the play sign and its length), the favourite badge
// and a box to select it. What a click does (open, or select while a selection is going on) is the selection's.
import { formatDuration, h } from './dom.js';
import { showThumbnail } from './images.js';

function tileContent(media, scope) {
  // A video's poster frame is decorative: its tile is named by the file name in the caption.
  const img = h('img', { alt: media.type === 'video' ? '' : media.name, width: 256, height: 256 });
  showThumbnail(img, media.id, 256, scope);
  if (media.type === 'video') {
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
 * The tiles of one grid or timeline by media id, with the selection they share. create(media) makes a tile's <li>;
 * update and remove keep the tiles in step with changes made elsewhere (the viewer, the selection bar).
 */
export function createTiles(scope, { onOpen, selection }) {
  const entries = new Map();
  return {
    has: (id) => entries.has(id),
    get size() {
      return entries.size;
    },
    mediaOf: (id) => entries.get(id)?.media,
    create(media) {
      const entry = { media };
      const open = h('button', { type: 'button', class: 'tile', 'data-id': media.id },
        tileContent(media, scope),
        h('span', { class: 'badge', hidden: !media.isFavorite, 'aria-hidden': 'true' }, '♥'));
      const check = h('button', { type: 'button', class: 'select', role: 'checkbox', 'aria-checked': 'false', 'aria-label': `Select ${media.name}` });
      entry.item = h('li', { 'data-id': media.id }, open, check);
      selection.attach({ item: entry.item, open, check, id: media.id, onOpen: () => onOpen(entry.media) });
      entries.set(media.id, entry);
      return entry.item;
    },
    update(media) {
      const entry = entries.get(media.id);
      if (entry) {
        entry.media = media;
        entry.item.querySelector('.badge').hidden = !media.isFavorite;
      }
    },
    /** Takes the tile out of the page; returns the <li> it was in (or undefined). */
    remove(id) {
      const entry = entries.get(id);
      if (!entry) {
        return undefined;
      }
      const img = entry.item.querySelector('img');
      if (img?.src.startsWith('blob:')) {
        scope.revoke(img.src);
      }
      entry.item.remove();
      entries.delete(id);
      selection.forget(id);
      return entry.item;
    },
  };
}
