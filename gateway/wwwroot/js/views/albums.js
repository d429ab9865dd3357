import { getAll, request } from '../api.js';
import { announce, h } from '../dom.js';
import { onSubmit } from '../forms.js';
import { showThumbnail } from '../images.js';

function albumCard(album, scope) {
  const cover = h('span', { class: 'cover' });
  if (album.coverMediaId) {
    const img = h('img', { alt: '', width: 256, height: 256 });
    showThumbnail(img, album.coverMediaId, 256, scope);
    cover.append(img);
  }
  const count = `${album.mediaCount} item${album.mediaCount === 1 ? '' : 's'}`;
  return h('li', {},
    h('a', { href: `#/albums/${encodeURIComponent(album.id)}`, class: 'album-card' },
      cover,
      h('span', { class: 'album-name' }, album.name),
      h('span', { class: 'album-count' }, count)));
}

export async function albumsView(main, _params, scope) {
  const list = h('ul', { class: 'albums' });
  const empty = h('p', { class: 'empty', hidden: true }, 'No albums yet.');
  const form = h('form', { id: 'new-album', class: 'inline' },
    h('label', {}, 'New album name ', h('input', { name: 'name', type: 'text', required: true, maxlength: 200 })),
    h('button', { type: 'submit' }, 'Create album'));
  onSubmit(form, async (data) => {
    const album = await (await request('/api/albums', { method: 'POST', json: { name: data.get('name') } })).json();
    form.reset();
    list.prepend(albumCard(album, scope));
    empty.hidden = true;
    announce(`Album ${album.name} created.`);
  });
  main.append(h('h1', {}, 'Albums'), form, list, empty);
  const albums = await getAll('/api/albums', { signal: scope.signal });
  list.append(...albums.map((album) => albumCard(album, scope)));
  empty.hidden = albums.length > 0;
}
