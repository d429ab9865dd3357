// One group of similar photos: why each is there, which one to keep, a side-by-side compare, and "keep selected,
// trash the rest" (the others go to the trash, from where they can be restored).
import { getJson, request } from '../api.js';
import { announce, confirmDialog, h } from '../dom.js';
import { showThumbnail } from '../images.js';
import { openViewer } from '../viewer.js';
import { comparePanel } from './similar-compare.js';

const reasons = { copy: 'Copy', burst: 'Another shot' };

function plural(count, word) {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function itemTile(entry, scope) {
  const { item } = entry;
  const img = h('img', { alt: 'Photo', width: 256, height: 256 });
  const name = h('span', { class: 'tile-name' });
  const keep = h('input', { type: 'checkbox', name: 'keep', value: item.mediaId, checked: item.suggestedKeep });
  showThumbnail(img, item.mediaId, 256, scope);
  entry.loaded.then((media) => {
    img.alt = media?.name ?? 'Deleted photo';
    name.textContent = media?.name ?? 'Deleted photo';
  });
  const open = async () => {
    const media = await entry.loaded;
    if (media) {
      openViewer(media);
    }
  };
  return h('li', { class: item.suggestedKeep ? 'similar-item suggested' : 'similar-item' },
    h('button', { type: 'button', class: 'tile', onclick: open }, img),
    name,
    h('span', { class: 'reason' }, reasons[item.reason] ?? item.reason),
    h('span', { class: 'score' }, `Similarity ${Math.round(item.similarityScore * 100)} %`),
    item.suggestedKeep ? h('span', { class: 'keeper' }, 'Suggested keep') : null,
    h('label', { class: 'keep' }, keep, ' Keep'));
}

export function groupSection(group, index, scope) {
  const entries = group.items.map((item) => {
    const entry = { item, media: null };
    entry.loaded = getJson(`/api/media/${encodeURIComponent(item.mediaId)}`, { signal: scope.signal })
      .catch(() => null)
      .then((media) => { entry.media = media; return media; });
    return entry;
  });
  const list = h('ul', { class: 'grid' }, entries.map((entry) => itemTile(entry, scope)));
  const compareSlot = h('div', { class: 'compare-slot' });
  const section = h('section', { class: 'similar-group', 'aria-labelledby': `group-${group.id}` });

  const compare = h('button', {
    type: 'button',
    'aria-expanded': 'false',
    onclick: async () => {
      const opening = compare.getAttribute('aria-expanded') === 'false';
      compare.setAttribute('aria-expanded', String(opening));
      compareSlot.replaceChildren();
      if (opening) {
        await Promise.all(entries.map((entry) => entry.loaded));
        compareSlot.append(comparePanel(entries, scope));
      }
    },
  }, 'Compare side by side');

  const resolve = h('button', {
    type: 'button',
    onclick: async () => {
      const keep = [...list.querySelectorAll('input[name="keep"]:checked')].map((box) => box.value);
      if (keep.length === 0) {
        announce('Choose at least one photo to keep.');
        return;
      }
      const trashed = group.items.length - keep.length;
      if (trashed > 0 && !await confirmDialog(`Keep ${plural(keep.length, 'photo')} and move ${plural(trashed, 'photo')} to the trash?`, 'Move to trash')) {
        return;
      }
      try {
        await request(`/api/similar/groups/${encodeURIComponent(group.id)}/resolve`, { method: 'POST', json: { keep } });
        section.remove();
        announce(`Kept ${plural(keep.length, 'photo')}; moved ${plural(trashed, 'photo')} to the trash.`);
      } catch (error) {
        announce(error.message);
      }
    },
  }, 'Keep selected, trash the rest');

  const dismiss = h('button', {
    type: 'button',
    class: 'quiet',
    onclick: async () => {
      try {
        await request(`/api/similar/groups/${encodeURIComponent(group.id)}`, { method: 'DELETE' });
        section.remove();
        announce('Group dismissed.');
      } catch (error) {
        announce(error.message);
      }
    },
  }, 'Dismiss');

  section.append(
    h('header', {}, h('h2', { id: `group-${group.id}` }, `Group ${index + 1}: ${group.items.length} photos`), dismiss),
    list,
    h('div', { class: 'toolbar' }, compare, resolve),
    compareSlot);
  return section;
}
