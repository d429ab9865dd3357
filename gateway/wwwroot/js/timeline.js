// The library as a timeline: media newest first by the time they were taken (upload time when unknown), under a
// heading per month and per day, loaded page by page as the end comes into view. A month list built from
// /api/timeline/buckets shows the whole span at once and jumps to a month. Days are UTC days, as the buckets are.
import { getJson } from './api.js';
import { h } from './dom.js';
import { createTiles } from './media-tile.js';
import { selectionBar } from './selection-bar.js';
import { createSelection } from './selection.js';

const pageSize = 100;
const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: 'UTC' });
const shortMonthFormat = new Intl.DateTimeFormat(undefined, { month: 'short', year: 'numeric', timeZone: 'UTC' });
const dayFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

const sortTime = (media) => media.takenAt ?? media.createdAt;
// Newest first, then by id descending: the API's keyset order.
const before = (a, b) => sortTime(a) > sortTime(b) || (sortTime(a) === sortTime(b) && a.id > b.id);

/**
 * pages: the listing in taken order ('/api/media?order=taken…' or '/api/search?…'); months: its buckets
 * ('/api/timeline/buckets…'), or null for no month list. onOpen(media) opens a tile outside a selection.
 */
export function timeline(scope, { label, pages, months: monthsPath = null, emptyText, onOpen }) {
  const days = h('div', { class: 'days' });
  const empty = h('p', { class: 'empty', hidden: true }, emptyText);
  const end = h('p', { class: 'timeline-end', 'aria-hidden': 'true' });
  const months = h('ol', {});
  const scrubber = h('nav', { class: 'scrubber', 'aria-label': 'Jump to month', hidden: true }, months);
  const section = h('section', { class: 'timeline', 'aria-label': label }, days, empty, end);
  const selection = createSelection(section, { onChange: (size) => bar.show(size) });
  const tiles = createTiles(scope, { onOpen, selection });
  let cursor = null;
  let started = false;
  let loading = null;
  // The oldest media loaded so far: anything older comes with a later page.
  let oldest = null;

  function monthSection(key) {
    const existing = days.querySelector(`section.month[data-month="${key}"]`);
    if (existing) {
      return existing;
    }
    const created = h('section', { class: 'month', 'data-month': key, 'aria-label': monthFormat.format(new Date(`${key}-01T00:00:00Z`)) },
      h('h2', {}, monthFormat.format(new Date(`${key}-01T00:00:00Z`))));
    const next = [...days.children].find((month) => month.dataset.month < key);
    days.insertBefore(created, next ?? null);
    return created;
  }

  function dayList(iso) {
    const key = iso.slice(0, 10);
    const month = monthSection(key.slice(0, 7));
    const existing = month.querySelector(`section.day[data-day="${key}"] > ul`);
    if (existing) {
      return existing;
    }
    const list = h('ul', { class: 'grid' });
    const day = h('section', { class: 'day', 'data-day': key }, h('h3', {}, dayFormat.format(new Date(`${key}T00:00:00Z`))), list);
    const next = [...month.querySelectorAll('section.day')].find((other) => other.dataset.day < key);
    month.insertBefore(day, next ?? null);
    return list;
  }

  function place(media) {
    const list = dayList(sortTime(media));
    const next = [...list.children].find((item) => before(media, tiles.mediaOf(item.dataset.id)));
    list.insertBefore(tiles.create(media), next ?? null);
  }

  function refreshEmpty() {
    empty.hidden = tiles.size > 0;
    end.textContent = cursor ? 'Loading more…' : '';
  }

  async function loadPage() {
    const page = await getJson(`${pages}&limit=${pageSize}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { signal: scope.signal });
    page.items.filter((media) => !tiles.has(media.id)).forEach(place);
    oldest = page.items.at(-1) ?? oldest;
    cursor = page.nextCursor;
    started = true;
    refreshEmpty();
  }

  /** Loads the next page unless one is on its way; resolves when it is in. */
  function more() {
    loading ??= loadPage().finally(() => {
      loading = null;
    });
    return loading;
  }

  const nearEnd = () => end.getBoundingClientRect().top < innerHeight * 2;

  async function fill() {
    while (cursor && nearEnd() && !scope.signal.aborted) {
      await more();
    }
  }

  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      fill().catch(() => {});
    }
  }, { rootMargin: '100% 0px' });
  observer.observe(end);
  scope.signal.addEventListener('abort', () => observer.disconnect());

  async function jumpTo(month) {
    while (cursor && !days.querySelector(`section.month[data-month="${month}"]`) && !scope.signal.aborted) {
      await more();
    }
    const target = days.querySelector(`section.month[data-month="${month}"]`);
    target?.scrollIntoView({ block: 'start' });
    target?.querySelector('h2')?.focus?.();
  }

  async function loadMonths() {
    if (!monthsPath) {
      return;
    }
    const { items } = await getJson(monthsPath, { signal: scope.signal });
    months.replaceChildren(...items.map(({ month, count }) => h('li', {},
      h('button', {
        type: 'button',
        class: 'quiet',
        'data-month': month,
        'aria-label': `${monthFormat.format(new Date(`${month}-01T00:00:00Z`))}, ${count}`,
        onclick: () => jumpTo(month).catch(() => {}),
      }, shortMonthFormat.format(new Date(`${month}-01T00:00:00Z`))))));
    scrubber.hidden = items.length < 2;
  }

  const grid = {
    mediaOf: tiles.mediaOf,
    update: tiles.update,
    async load() {
      await Promise.all([more(), loadMonths()]);
      await fill();
    },
    /** The loaded media in page order (for the viewer's previous and next). */
    get media() {
      return [...days.querySelectorAll('li[data-id]')].map((item) => tiles.mediaOf(item.dataset.id));
    },
    /** A new upload: shown where its date puts it, unless that is beyond what is loaded (a later page brings it). */
    prepend(media) {
      if (!started || !cursor || !oldest || before(media, oldest)) {
        place(media);
        refreshEmpty();
      }
      loadMonths().catch(() => {});
    },
    remove(id) {
      tiles.remove(id);
      days.querySelectorAll('section.day:not(:has(li))').forEach((day) => day.remove());
      days.querySelectorAll('section.month:not(:has(section.day))').forEach((month) => month.remove());
      refreshEmpty();
    },
  };
  const bar = selectionBar(selection, grid);
  grid.element = h('div', { class: 'timeline-layout' }, bar.element, scrubber, section);
  return grid;
}
