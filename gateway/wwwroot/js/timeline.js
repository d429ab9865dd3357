// The library as a timeline: media newest first by the time they were taken (upload time when unknown), under a
// heading per month and per day, loaded page by page as either end comes into view. A month list built from
// /api/timeline/buckets shows the whole span at once; jumping to a month that is not loaded yet starts over there,
// loading older media below it and newer ones above it as you scroll either way. Days are UTC days, as the buckets are.
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

/** 'YYYY-MM' to its last day and to the first day of the month after, as YYYY-MM-DD. */
function monthEdges(month) {
  const [year, number] = month.split('-').map(Number);
  const day = (date) => date.toISOString().slice(0, 10);
  return { last: day(new Date(Date.UTC(year, number, 0))), nextFirst: day(new Date(Date.UTC(year, number, 1))) };
}

/** One direction of paging: a listing path and where it goes on. */
const stream = (path) => ({ path, cursor: null, done: false, loading: null });

/**
 * pages: the listing in taken order ('/api/media?order=taken…' or '/api/search?…'); upward: the same listing oldest
 * first ('/api/media?order=taken-asc…'), which lets a jump start in the middle; months: its buckets
 * ('/api/timeline/buckets…'), or null for no month list. onOpen(media) opens a tile outside a selection. picking: a
 * click selects (a picker); bar(selection, grid) makes the bar shown while media are selected.
 */
export function timeline(scope, { label, pages, upward = null, months: monthsPath = null, emptyText, onOpen = () => {}, picking = false, bar: makeBar = selectionBar }) {
  const days = h('div', { class: 'days' });
  const empty = h('p', { class: 'empty', hidden: true }, emptyText);
  const top = h('p', { class: 'timeline-start', 'aria-hidden': 'true' });
  const end = h('p', { class: 'timeline-end', 'aria-hidden': 'true' });
  const months = h('ol', {});
  const scrubber = h('nav', { class: 'scrubber', 'aria-label': 'Jump to month', hidden: true }, months);
  const section = h('section', { class: 'timeline', 'aria-label': label }, top, days, empty, end);
  const selection = createSelection(section, { onChange: (size) => bar.show(size), picking });
  const tiles = createTiles(scope, { onOpen, selection });
  // Older media come below the oldest shown; newer ones above the newest shown, once a jump started in the middle.
  let older = stream(pages);
  let newer = null;
  let oldest = null;
  let newest = null;

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
    end.textContent = older.done ? '' : 'Loading more…';
    top.textContent = newer && !newer.done ? 'Loading newer…' : '';
  }

  // What scrolls the timeline: the page, or the dialog a picker shows it in.
  const scroller = () => section.closest('dialog') ?? document.scrollingElement;

  /** Adds media above what is on screen without moving what is on screen. */
  function placeAbove(items) {
    const anchor = [...days.querySelectorAll('li[data-id]')].find((item) => item.getBoundingClientRect().bottom > 0);
    const was = anchor?.getBoundingClientRect().top;
    items.forEach(place);
    if (anchor) {
      scroller().scrollTop += anchor.getBoundingClientRect().top - was;
    }
  }

  async function loadPage(from) {
    const separator = from.path.includes('?') ? '&' : '?';
    const page = await getJson(`${from.path}${separator}limit=${pageSize}${from.cursor ? `&cursor=${encodeURIComponent(from.cursor)}` : ''}`, { signal: scope.signal });
    if (from !== older && from !== newer) {
      return; // a jump started over meanwhile
    }
    const fresh = page.items.filter((media) => !tiles.has(media.id));
    if (from === newer) {
      placeAbove(fresh);
      newest = page.items.at(-1) ?? newest;
    } else {
      fresh.forEach(place);
      oldest = page.items.at(-1) ?? oldest;
    }
    from.cursor = page.nextCursor;
    from.done = !page.nextCursor;
    refreshEmpty();
  }

  /** Loads the next page in that direction unless one is on its way; resolves when it is in. */
  function more(from) {
    from.loading ??= loadPage(from).finally(() => {
      from.loading = null;
    });
    return from.loading;
  }

  const nearEnd = () => end.getBoundingClientRect().top < innerHeight * 2;
  const nearTop = () => top.getBoundingClientRect().bottom > -innerHeight;

  async function fill() {
    while (!scope.signal.aborted) {
      if (!older.done && nearEnd()) {
        await more(older);
      } else if (newer && !newer.done && nearTop()) {
        await more(newer);
      } else {
        return;
      }
    }
  }

  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      fill().catch(() => {});
    }
  }, { rootMargin: '100% 0px' });
  observer.observe(end);
  observer.observe(top);
  scope.signal.addEventListener('abort', () => observer.disconnect());

  const monthShown = (month) => days.querySelector(`section.month[data-month="${month}"]`);

  /** Starts over at a month: its newest media first, older ones below, newer ones above as they come into view. */
  async function startAt(month) {
    [...days.querySelectorAll('li[data-id]')].forEach((item) => tiles.remove(item.dataset.id));
    days.replaceChildren();
    const { last, nextFirst } = monthEdges(month);
    older = stream(`${pages}&to=${last}`);
    newer = stream(`${upward}&from=${nextFirst}`);
    [oldest, newest] = [null, null];
    await more(older);
  }

  async function jumpTo(month) {
    if (!monthShown(month) && upward) {
      await startAt(month);
    }
    while (!older.done && !monthShown(month) && !scope.signal.aborted) {
      await more(older);
    }
    const target = monthShown(month);
    target?.scrollIntoView({ block: 'start' });
    target?.querySelector('h2')?.focus?.();
    await fill();
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

  // A new upload belongs on screen unless its place is beyond what is loaded at either end (that page brings it).
  const withinLoaded = (media) => (older.done || !oldest || before(media, oldest)) && (!newer || newer.done || !newest || before(newest, media));

  const grid = {
    mediaOf: tiles.mediaOf,
    update: tiles.update,
    async load() {
      await Promise.all([more(older), loadMonths()]);
      await fill();
    },
    /** The loaded media in page order (for the viewer's previous and next). */
    get media() {
      return [...days.querySelectorAll('li[data-id]')].map((item) => tiles.mediaOf(item.dataset.id));
    },
    prepend(media) {
      if (withinLoaded(media)) {
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
  const bar = makeBar(selection, grid);
  grid.element = h('div', { class: 'timeline-layout' }, bar.element, scrubber, section);
  return grid;
}
