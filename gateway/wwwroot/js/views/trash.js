// The trash: what was deleted, restorable for 30 days, then purged; "Empty trash" deletes it for good at once.
import { getAll, request } from '../api.js';
import { announce, confirmDialog, formatDate, h } from '../dom.js';

function plural(count) {
  return `${count} item${count === 1 ? '' : 's'}`;
}

async function showTrashedThumbnail(img, media, scope) {
  try {
    const response = await request(`/api/trash/${encodeURIComponent(media.id)}/thumbnail?size=256`, { signal: scope.signal });
    img.src = scope.objectUrl(await response.blob());
  } catch (error) {
    if (error.name !== 'AbortError') {
      img.alt = `${media.name} (no preview)`;
      img.classList.add('broken');
    }
  }
}

function trashedTile(media, scope) {
  const img = h('img', { alt: media.name, width: 256, height: 256 });
  if (media.type === 'image') {
    showTrashedThumbnail(img, media, scope);
  }
  return h('li', { class: 'trashed', 'data-id': media.id },
    h('label', {},
      h('span', { class: 'tile' }, img),
      h('input', { type: 'checkbox', name: 'restore', value: media.id }),
      ' ',
      h('span', { class: 'tile-name' }, media.name)),
    h('span', { class: 'score' }, `Deleted ${formatDate(media.trashedAt)}`));
}

export async function trashView(main, _params, scope) {
  const restore = h('button', { type: 'button', disabled: true }, 'Restore selected');
  const empty = h('button', { type: 'button', class: 'danger' }, 'Empty trash');
  const list = h('ul', { class: 'grid trash' });
  const none = h('p', { class: 'empty', hidden: true }, 'The trash is empty.');
  main.append(h('h1', {}, 'Trash'),
    h('p', {}, 'Deleted photos and videos stay here for 30 days, then they are deleted for good. They still count toward your storage until then.'),
    h('div', { class: 'toolbar' }, restore, empty), none, list);

  const selected = () => [...list.querySelectorAll('input[name="restore"]:checked')].map((box) => box.value);
  const refresh = () => {
    restore.disabled = selected().length === 0;
    const count = list.children.length;
    empty.disabled = count === 0;
    none.hidden = count > 0;
  };
  list.addEventListener('change', refresh);

  restore.addEventListener('click', async () => {
    const ids = selected();
    try {
      await request('/api/trash/restore', { method: 'POST', json: { ids } });
      ids.forEach((id) => list.querySelector(`li[data-id="${CSS.escape(id)}"]`)?.remove());
      refresh();
      announce(`Restored ${plural(ids.length)}.`);
    } catch (error) {
      announce(error.message);
    }
  });

  empty.addEventListener('click', async () => {
    const count = list.children.length;
    if (!await confirmDialog(`Delete ${plural(count)} for good? This cannot be undone.`, 'Empty trash')) {
      return;
    }
    try {
      await request('/api/trash', { method: 'DELETE' });
      list.replaceChildren();
      refresh();
      announce('The trash is empty.');
    } catch (error) {
      announce(error.message);
    }
  });

  const items = await getAll('/api/trash', { signal: scope.signal });
  list.append(...items.map((media) => trashedTile(media, scope)));
  refresh();
}
