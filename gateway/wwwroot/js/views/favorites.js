import { h } from '../dom.js';
import { mediaGrid } from '../media-grid.js';
import { openViewer } from '../viewer.js';

export async function favoritesView(main, _params, scope) {
  const grid = mediaGrid(scope, {
    label: 'Your favourites',
    filter: 'favorite=true',
    emptyText: 'No favourites yet. Open a photo and press Favourite.',
    onOpen: (media) => openViewer(media, {
      onChange: (changed) => (changed.isFavorite ? grid.update(changed) : grid.remove(changed.id)),
      onRemove: grid.remove,
    }),
  });
  main.append(h('h1', {}, 'Favourites'), grid.element);
  await grid.load();
}
