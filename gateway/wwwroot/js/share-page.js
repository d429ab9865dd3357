// The page a share link opens, for visitors without an account: /share/{token} reads /s/{token}.
// With an access code, /s/{token}/unlock sets an HttpOnly cookie scoped to /s/{token}, so plain <img> and
// <video> elements can load the shared bytes without any token in script, and "Download all" is a plain link to the
// ZIP the gateway streams. The viewer steps through what is loaded with buttons, arrow keys and swipes.
import { ApiError } from './api.js';
import { announce, formatDate, formatDuration, h } from './dom.js';
import { onSubmit } from './forms.js';
import { arrowKeys, swipe } from './swipe.js';

const token = decodeURIComponent(location.pathname.split('/').filter(Boolean)[1] ?? '');
const base = `/s/${encodeURIComponent(token)}`;
const main = document.getElementById('main');
const viewer = document.getElementById('viewer');

async function call(path, options = {}) {
  const response = await fetch(`${base}${path}`, options);
  if (!response.ok) {
    throw await ApiError.from(response);
  }
  return response.json();
}

function mediaPath(media, what) {
  return `${base}/media/${encodeURIComponent(media.id)}/${what}`;
}

// What the page shows, in order: the viewer's previous and next.
const shown = [];
let current = null;

function step(by) {
  const next = shown[shown.indexOf(current) + by];
  if (next) {
    open(next);
  }
}
viewer.addEventListener('keydown', arrowKeys(step));

function open(media) {
  current = media;
  const index = shown.indexOf(media);
  const poster = `${mediaPath(media, 'thumbnail')}?size=1024`;
  const plays = media.type === 'video' ? media.playback === 'ready' : media.motion?.playback === 'ready';
  const picture = plays
    ? h('video', { controls: true, preload: 'metadata', src: mediaPath(media, 'playback'), poster, 'aria-label': media.name })
    : h('img', { class: 'large', alt: media.name, src: poster });
  const figure = h('figure', {}, picture);
  swipe(figure, step);
  const hadFocus = viewer.open && viewer.contains(document.activeElement) ? document.activeElement.getAttribute('aria-label') : null;
  viewer.replaceChildren(
    h('header', {},
      h('h2', { id: 'viewer-title' }, media.name),
      h('div', { class: 'viewer-nav' },
        h('button', { type: 'button', class: 'quiet', 'aria-label': 'Previous', disabled: index <= 0, onclick: () => step(-1) }, '‹'),
        h('button', { type: 'button', class: 'quiet', 'aria-label': 'Next', disabled: index < 0 || index >= shown.length - 1, onclick: () => step(1) }, '›'),
        h('button', { type: 'button', class: 'quiet', onclick: () => viewer.close(), 'aria-label': 'Close viewer' }, '✕'))),
    h('div', { class: 'viewer-body' },
      figure,
      h('aside', {},
        h('dl', { class: 'metadata' },
          media.takenAt ? [h('dt', {}, 'Taken'), h('dd', {}, formatDate(media.takenAt))] : [],
          media.width ? [h('dt', {}, 'Dimensions'), h('dd', {}, `${media.width} × ${media.height}`)] : []),
        h('p', {}, h('a', { href: mediaPath(media, 'content'), download: media.name, class: 'button' }, 'Download')))));
  if (hadFocus) {
    (viewer.querySelector(`.viewer-nav [aria-label="${hadFocus}"]:not(:disabled)`) ?? viewer.querySelector('[aria-label="Close viewer"]')).focus();
  }
  if (!viewer.open) {
    viewer.showModal();
  }
}

function tile(media) {
  const img = h('img', { alt: media.type === 'video' ? '' : media.name, width: 256, height: 256, src: `${mediaPath(media, 'thumbnail')}?size=256` });
  const content = media.type === 'video'
    ? h('span', { class: 'video-tile' }, img,
      h('span', { class: 'video-caption' }, h('span', { 'aria-hidden': 'true' }, '▶'), h('span', { class: 'duration', 'aria-hidden': 'true' }, formatDuration(media.durationMs)), h('span', { class: 'visually-hidden' }, media.name)))
    : img;
  return h('li', {}, h('button', { type: 'button', class: 'tile', onclick: () => open(media) }, content));
}

function showShared(page) {
  shown.splice(0, shown.length, ...page.items);
  const list = h('ul', { class: 'grid' }, page.items.map(tile));
  const title = page.album?.name ?? (page.items.length === 1 ? page.items[0].name : 'Shared photos');
  const more = h('button', { type: 'button', class: 'more', hidden: !page.nextCursor }, 'Load more');
  let cursor = page.nextCursor;
  more.addEventListener('click', async () => {
    try {
      const next = await call(`?cursor=${encodeURIComponent(cursor)}`);
      shown.push(...next.items);
      list.append(...next.items.map(tile));
      cursor = next.nextCursor;
      more.hidden = !cursor;
    } catch (error) {
      announce(error.message);
    }
  });
  document.title = `${title} · GalleryOrleans`;
  main.replaceChildren(
    h('h1', {}, title),
    page.share.expiresAt ? h('p', {}, `This link works until ${formatDate(page.share.expiresAt)}.`) : '',
    page.items.length > 0 ? h('p', {}, h('a', { href: `${base}/download`, download: '', class: 'button' }, 'Download all')) : '',
    list,
    more);
  if (page.share.kind === 'media' && page.items.length === 1) {
    open(page.items[0]);
  }
}

function askForCode() {
  const form = h('form', { id: 'unlock', class: 'card narrow' },
    h('label', {}, 'Access code ', h('input', { name: 'code', type: 'password', required: true, autocomplete: 'off' })),
    h('button', { type: 'submit' }, 'Open'));
  onSubmit(form, async (data) => {
    try {
      await call('/unlock', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ code: data.get('code') }) });
    } catch (error) {
      if (error.status === 403) {
        throw Object.assign(new Error('That code is not right.'), { fieldErrors: { code: ['That code is not right.'] } });
      }
      throw error;
    }
    await load();
  });
  main.replaceChildren(h('h1', {}, 'This link is protected'), h('p', {}, 'Enter the access code you were given.'), form);
  form.elements.code.focus();
}

function refusal(error) {
  const messages = {
    404: ['Link not found', 'This link does not exist or was revoked by its owner.'],
    410: ['Link expired', 'This link has expired. Ask its owner for a new one.'],
    429: ['Too many attempts', error.message],
  };
  const [title, text] = messages[error.status] ?? ['Something went wrong', error.message];
  main.replaceChildren(h('h1', {}, title), h('p', { role: 'alert' }, text));
}

async function load() {
  try {
    showShared(await call(''));
  } catch (error) {
    if (error.status === 401 && error.problem.codeRequired) {
      askForCode();
    } else {
      refusal(error);
    }
  }
}

load();
