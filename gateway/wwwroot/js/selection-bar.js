// The bar that shows while media are selected: how many, and what can be done to all of them at once.
import { getAll, request } from './api.js';
import { announce, confirmDialog, h } from './dom.js';
import { onSubmit } from './forms.js';
import { linkBox } from './share-form.js';

const parallelRequests = 4;

/** Runs task(id) for every id, a few at a time. */
async function forEach(ids, task) {
  const queue = [...ids];
  await Promise.all(Array.from({ length: Math.min(parallelRequests, queue.length) }, async () => {
    while (queue.length > 0) {
      await task(queue.shift());
    }
  }));
}

export const plural = (count) => `${count} ${count === 1 ? 'item' : 'items'}`;

function modal(title, ...content) {
  const dialog = h('dialog', { class: 'confirm', 'aria-label': title }, h('h2', {}, title), ...content);
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

/** Adds every media to the album, a few requests at a time. */
export async function addAll(albumId, ids) {
  await forEach(ids, (id) => request(`/api/albums/${albumId}/media/${id}`, { method: 'PUT' }));
}

function albumDialog(ids) {
  // Labels point at their fields (not wrapped around them), so a field is named by its label alone.
  const select = h('select', { id: 'add-to-album-choice', name: 'albumId', required: true },
    h('option', { value: '' }, 'Choose an album'), h('option', { value: 'new' }, 'New album…'));
  const name = h('input', { id: 'add-to-album-name', name: 'name', type: 'text', maxlength: 200 });
  const nameField = h('div', { hidden: true }, h('label', { for: 'add-to-album-name' }, 'New album name'), name);
  select.addEventListener('change', () => {
    nameField.hidden = select.value !== 'new';
    name.required = select.value === 'new';
  });
  const form = h('form', { id: 'add-to-album' }, h('label', { for: 'add-to-album-choice' }, 'Album'), select, nameField,
    h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'quiet', onclick: () => dialog.close() }, 'Cancel'),
      h('button', { type: 'submit' }, 'Add')));
  const dialog = modal('Add to album', form);
  getAll('/api/albums').then((albums) => {
    select.append(...albums.map((album) => h('option', { value: album.id }, album.name)));
  }, (error) => announce(error.message));
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(false));
    onSubmit(form, async (data) => {
      const album = data.get('albumId') === 'new'
        ? await (await request('/api/albums', { method: 'POST', json: { name: data.get('name').trim() } })).json()
        : { id: data.get('albumId'), name: select.selectedOptions[0].textContent };
      await addAll(album.id, ids);
      announce(`Added ${plural(ids.length)} to ${album.name}.`);
      resolve(true);
      dialog.close();
    });
  });
}

/** A new "shared" album holding the selection, and a link to it. */
async function shareAll(ids) {
  const name = `Shared ${new Date().toLocaleString()}`;
  const album = await (await request('/api/albums', { method: 'POST', json: { name, type: 'shared' } })).json();
  await addAll(album.id, ids);
  const share = await (await request('/api/shares', { method: 'POST', json: { albumId: album.id } })).json();
  modal('Share link', h('p', {}, `Anyone with this link sees these ${plural(ids.length)} (album “${name}”).`), linkBox(share.token),
    h('form', { method: 'dialog', class: 'actions' }, h('button', {}, 'Done')));
}

async function downloadAll(ids) {
  announce(`Preparing a ZIP of ${plural(ids.length)}…`);
  const response = await request('/api/media/download', { method: 'POST', json: { ids } });
  const url = URL.createObjectURL(await response.blob());
  const name = /filename\*=UTF-8''([^;]+)/.exec(response.headers.get('Content-Disposition') ?? '')?.[1];
  h('a', { href: url, download: name ? decodeURIComponent(name) : 'photos.zip' }).click();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * grid: { mediaOf(id), update(media), remove(id) }. Actions work on the ids selected when they start; the
 * selection is cleared when one is done.
 */
export function selectionBar(selection, grid) {
  const count = h('span', { class: 'count', 'aria-live': 'polite' });
  const run = (action) => async () => {
    const ids = selection.ids;
    try {
      if (await action(ids) !== false) {
        selection.clear();
      }
    } catch (error) {
      announce(error.message);
    }
  };
  const favourite = run(async (ids) => {
    const value = !ids.every((id) => grid.mediaOf(id)?.isFavorite);
    await forEach(ids, async (id) => {
      grid.update(await (await request(`/api/media/${id}`, { method: 'PATCH', json: { isFavorite: value } })).json());
    });
    announce(value ? `Added ${plural(ids.length)} to favourites.` : `Removed ${plural(ids.length)} from favourites.`);
  });
  const remove = run(async (ids) => {
    if (!await confirmDialog(`Delete ${plural(ids.length)} from your library?`, 'Delete')) {
      return false;
    }
    await forEach(ids, async (id) => {
      await request(`/api/media/${id}`, { method: 'DELETE' });
      selection.forget(id);
      grid.remove(id);
    });
    announce(`Deleted ${plural(ids.length)}.`);
    return true;
  });
  const bar = h('div', { class: 'selection-bar', role: 'region', 'aria-label': 'Selection', hidden: true },
    count,
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: favourite }, 'Favourite'),
      h('button', { type: 'button', onclick: run(albumDialog) }, 'Add to album'),
      h('button', { type: 'button', onclick: run(shareAll) }, 'Share'),
      h('button', { type: 'button', onclick: run(downloadAll) }, 'Download'),
      h('button', { type: 'button', class: 'danger', onclick: remove }, 'Delete'),
      h('button', { type: 'button', class: 'quiet', 'aria-label': 'Clear selection', onclick: () => selection.clear() }, '✕')));
  return {
    element: bar,
    show(size) {
      bar.hidden = size === 0;
      count.textContent = `${size} selected`;
    },
  };
}
