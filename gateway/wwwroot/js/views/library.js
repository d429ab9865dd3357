import { h } from '../dom.js';
import { mediaGrid } from '../media-grid.js';
import { uploader } from '../uploader.js';
import { openViewer } from '../viewer.js';

export async function libraryView(main, _params, scope) {
  const grid = mediaGrid(scope, {
    label: 'Your photos and videos',
    emptyText: 'Your library is empty. Upload some photos to begin.',
    onOpen: (media) => openViewer(media, { onChange: grid.update, onRemove: grid.remove }),
  });
  main.append(h('h1', {}, 'Library'), uploader({ onUploaded: grid.prepend }), grid.element);
  await grid.load();
}
