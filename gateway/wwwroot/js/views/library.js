import { h } from '../dom.js';
import { timeline } from '../timeline.js';
import { uploader } from '../uploader.js';
import { openViewer } from '../viewer.js';

export async function libraryView(main, _params, scope) {
  const grid = timeline(scope, {
    label: 'Your photos and videos',
    pages: '/api/media?order=taken',
    upward: '/api/media?order=taken-asc',
    months: '/api/timeline/buckets',
    emptyText: 'Your library is empty. Upload some photos to begin.',
    onOpen: (media) => openViewer(media, { list: () => grid.media, onChange: grid.update, onRemove: grid.remove }),
  });
  main.append(h('h1', {}, 'Library'), uploader({ onUploaded: grid.prepend }), grid.element);
  await grid.load();
}
