// Search: words found in file names, album names and cameras, narrowed by dates, kind, favourites and position.
// The form's fields live in the address (#/search?q=…), so a search can be reloaded, bookmarked and gone back to.
import { h } from '../dom.js';
import { timeline } from '../timeline.js';
import { openViewer } from '../viewer.js';

const fields = ['q', 'from', 'to', 'type', 'favorite', 'hasLocation'];

function searchForm(values) {
  const check = (name, text) => h('label', { class: 'check' },
    h('input', { type: 'checkbox', name, value: 'true', checked: values.get(name) === 'true' }), ` ${text}`);
  return h('form', { id: 'search', class: 'search-form', role: 'search' },
    h('label', { class: 'search-text' }, 'Search ',
      h('input', { name: 'q', type: 'search', maxlength: 100, value: values.get('q') ?? '', placeholder: 'File name, album or camera' })),
    h('label', {}, 'From ', h('input', { name: 'from', type: 'date', value: values.get('from') ?? '' })),
    h('label', {}, 'To ', h('input', { name: 'to', type: 'date', value: values.get('to') ?? '' })),
    h('label', {}, 'Kind ', h('select', { name: 'type' },
      ['', 'image', 'video'].map((type) => h('option', { value: type, selected: values.get('type') === type }, { '': 'Photos and videos', image: 'Photos', video: 'Videos' }[type])))),
    check('favorite', 'Favourites only'),
    check('hasLocation', 'With a location'),
    h('button', { type: 'submit' }, 'Search'));
}

export async function searchView(main, { query = '' }, scope) {
  const values = new URLSearchParams(query);
  const form = searchForm(values);
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const chosen = new URLSearchParams();
    for (const [name, value] of new FormData(form)) {
      if (fields.includes(name) && value.trim() !== '') {
        chosen.set(name, value.trim());
      }
    }
    location.hash = `#/search?${chosen}`;
  });
  main.append(h('h1', {}, 'Search'), form);
  const asked = new URLSearchParams([...values].filter(([name, value]) => fields.includes(name) && value !== ''));
  if ([...asked].length === 0) {
    return;
  }
  const grid = timeline(scope, {
    label: 'Search results',
    pages: `/api/search?${asked}`,
    emptyText: 'Nothing matches this search.',
    onOpen: (media) => openViewer(media, { list: () => grid.media, onChange: grid.update, onRemove: grid.remove }),
  });
  main.append(grid.element);
  await grid.load();
}
