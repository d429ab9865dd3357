import { getAll, getJson, request } from '../api.js';
import { announce, confirmDialog, h } from '../dom.js';
import { onSubmit } from '../forms.js';
import { mediaGrid } from '../media-grid.js';
import { pickPhotos } from '../photo-picker.js';
import { plural } from '../selection-bar.js';
import { linkBox, shareForm } from '../share-form.js';
import { uploader } from '../uploader.js';
import { openViewer } from '../viewer.js';

// The album's sort is stored with the album (PATCH sort), so it is the same on every device and for link holders.
const sorts = [['added', 'Recently added'], ['taken', 'Newest first'], ['taken-asc', 'Oldest first']];

const mediaFilter = (album) => `albumId=${encodeURIComponent(album.id)}&order=${album.sort}`;

async function patchAlbum(album, change) {
  return (await request(`/api/albums/${encodeURIComponent(album.id)}`, { method: 'PATCH', json: change })).json();
}

/** The album's share links that still work, each with its copy button, above the form that makes a new one. */
async function shareSection(album, scope) {
  const links = h('div', { class: 'album-links' });
  const shares = await getAll(`/api/shares?albumId=${encodeURIComponent(album.id)}`, { signal: scope.signal });
  links.append(...shares.filter((share) => share.status === 'active').map((share) => linkBox(share.token)));
  return h('details', {}, h('summary', {}, 'Share this album'), links, shareForm({ albumId: album.id }));
}

export async function albumView(main, { id }, scope) {
  let album = await getJson(`/api/albums/${encodeURIComponent(id)}`, { signal: scope.signal });
  const title = h('h1', {}, album.name);
  const count = h('p', { class: 'album-size', 'aria-live': 'polite' });
  const showCount = () => {
    count.textContent = plural(album.mediaCount);
  };
  const refresh = async () => {
    album = await getJson(`/api/albums/${encodeURIComponent(id)}`, { signal: scope.signal });
    showCount();
  };
  const grid = mediaGrid(scope, {
    label: 'Photos in this album',
    filter: mediaFilter(album),
    emptyText: 'This album is empty. Add photos from your library, or upload them here.',
    onOpen: (media) => openViewer(media, {
      albumId: id,
      list: () => grid.media,
      onChange: grid.update,
      onRemove: (removed) => {
        grid.remove(removed);
        refresh().catch(() => {});
      },
    }),
  });

  const rename = h('form', { id: 'rename-album', class: 'inline' },
    h('label', {}, 'Name ', h('input', { name: 'name', type: 'text', required: true, maxlength: 200, value: album.name })),
    h('button', { type: 'submit' }, 'Rename'));
  onSubmit(rename, async (data) => {
    album = await patchAlbum(album, { name: data.get('name') });
    title.textContent = album.name;
    announce(`Album renamed to ${album.name}.`);
  });
  const sort = h('select', { id: 'album-sort', name: 'sort' },
    sorts.map(([value, label]) => h('option', { value, selected: value === album.sort }, label)));
  sort.addEventListener('change', async () => {
    try {
      album = await patchAlbum(album, { sort: sort.value });
      await grid.reload(mediaFilter(album));
      announce(`Sorted: ${sort.selectedOptions[0].textContent}.`);
    } catch (error) {
      announce(error.message);
    }
  });
  const add = h('button', {
    type: 'button',
    onclick: () => pickPhotos(album, async () => {
      await Promise.all([refresh(), grid.reload(mediaFilter(album))]);
    }).catch((error) => announce(error.message)),
  }, 'Add photos');
  const remove = h('button', {
    type: 'button',
    class: 'danger',
    onclick: async () => {
      if (!await confirmDialog(`Delete the album “${album.name}”? Its photos stay in your library.`, 'Delete album')) {
        return;
      }
      try {
        await request(`/api/albums/${encodeURIComponent(id)}`, { method: 'DELETE' });
        announce(`Album ${album.name} deleted.`);
        location.hash = '#/albums';
      } catch (error) {
        announce(error.message);
      }
    },
  }, 'Delete album');

  showCount();
  main.append(
    h('p', {}, h('a', { href: '#/albums' }, '← All albums')),
    title,
    count,
    h('div', { class: 'toolbar' }, add, h('label', { for: 'album-sort' }, 'Sort '), sort, rename, remove),
    await shareSection(album, scope),
    uploader({
      albumId: id,
      onUploaded: (media) => {
        grid.prepend(media);
        refresh().catch(() => {});
      },
    }),
    grid.element);
  await grid.load();
}
