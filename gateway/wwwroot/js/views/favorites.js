import { h } from '../dom.js';
import { timeline } from '../timeline.js';
import { openViewer } from '../viewer.js';

export async function favoritesView(main, _params, scope) {
  const grid = timeline(scope, {
    label: 'Your favourites',
    pages: '/api/media?order=taken&favorite=true',
    upward: '/api/media?order=taken-asc&favorite=true',
    months: '/api/timeline/buckets?favorite=true',
    emptyText: 'No favourites yet. Open a photo and press Favourite.',
    onOpen: (media) => openViewer(media, {
      list: () => grid.media,
      onChange: (changed) => (changed.isFavorite ? grid.update(changed) : grid.remove(changed.id)),
      onRemove: grid.remove,
    }),
  });
  main.append(h('h1', {}, 'Favourites'), grid.element);
  await grid.load();
}
