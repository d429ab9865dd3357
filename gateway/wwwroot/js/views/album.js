import { getJson, request } from '../api.js';
import { announce, confirmDialog, h } from '../dom.js';
import { onSubmit } from '../forms.js';
import { mediaGrid } from '../media-grid.js';
import { shareForm } from '../share-form.js';
import { uploader } from '../uploader.js';
import { openViewer } from '../viewer.js';

export async function albumView(main, { id }, scope) {
  const album = await getJson(`/api/albums/${encodeURIComponent(id)}`, { signal: scope.signal });
  const title = h('h1', {}, album.name);
  const grid = mediaGrid(scope, {
    label: 'Photos in this album',
    filter: `albumId=${encodeURIComponent(id)}`,
    emptyText: 'This album is empty. Upload photos here, or add them from the viewer.',
    onOpen: (media) => openViewer(media, { albumId: id, list: () => grid.media, onChange: grid.update, onRemove: grid.remove }),
  });

  const rename = h('form', { id: 'rename-album', class: 'inline' },
    h('label', {}, 'Name ', h('input', { name: 'name', type: 'text', required: true, maxlength: 200, value: album.name })),
    h('button', { type: 'submit' }, 'Rename'));
  onSubmit(rename, async (data) => {
    const renamed = await (await request(`/api/albums/${encodeURIComponent(id)}`, { method: 'PATCH', json: { name: data.get('name') } })).json();
    title.textContent = renamed.name;
    announce(`Album renamed to ${renamed.name}.`);
  });
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

  main.append(
    h('p', {}, h('a', { href: '#/albums' }, '← All albums')),
    title,
    h('div', { class: 'toolbar' }, rename, remove),
    h('details', {}, h('summary', {}, 'Share this album'), shareForm({ albumId: id })),
    uploader({ albumId: id, onUploaded: grid.prepend }),
    grid.element);
  await grid.load();
}
