// "Add photos" of an album: the library's timeline in a dialog, where a click selects (shift-click a range), and a bar
// that adds the selection to the album.
import { h, announce } from './dom.js';
import { createScope } from './scope.js';
import { addAll, plural } from './selection-bar.js';
import { timeline } from './timeline.js';

function pickBar(album, dialog, added) {
  return (selection) => {
    const count = h('span', { class: 'count', 'aria-live': 'polite' }, 'Nothing selected');
    const add = h('button', {
      type: 'button',
      disabled: true,
      onclick: async () => {
        const ids = selection.ids;
        add.disabled = true;
        try {
          await addAll(album.id, ids);
          announce(`Added ${plural(ids.length)} to ${album.name}.`);
          dialog.close();
          added();
        } catch (error) {
          add.disabled = false;
          announce(error.message);
        }
      },
    }, 'Add to album');
    return {
      element: h('div', { class: 'selection-bar', role: 'region', 'aria-label': 'Selection' }, count,
        h('div', { class: 'actions' }, add, h('button', { type: 'button', class: 'quiet', onclick: () => dialog.close() }, 'Cancel'))),
      show(size) {
        count.textContent = size === 0 ? 'Nothing selected' : `${size} selected`;
        add.disabled = size === 0;
      },
    };
  };
}

/** Opens the picker over the user's timeline; added() is called once the chosen media are in the album. */
export async function pickPhotos(album, added) {
  const scope = createScope();
  const dialog = h('dialog', { class: 'picker', 'aria-labelledby': 'picker-title' });
  const grid = timeline(scope, {
    label: 'Your photos and videos',
    pages: '/api/media?order=taken',
    upward: '/api/media?order=taken-asc',
    months: '/api/timeline/buckets',
    emptyText: 'Your library is empty.',
    picking: true,
    bar: pickBar(album, dialog, added),
  });
  dialog.append(h('h2', { id: 'picker-title' }, `Add photos to ${album.name}`), grid.element);
  dialog.addEventListener('close', () => {
    scope.dispose();
    dialog.remove();
  });
  document.body.append(dialog);
  dialog.showModal();
  await grid.load();
}
