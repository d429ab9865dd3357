// The photo viewer: a modal dialog with the 1024 px preview (or the video), its metadata and what can be
// done with it. Previous and next (buttons, arrow keys, a swipe) walk the list it was opened from, with the
// neighbours' previews fetched ahead. Its object URLs live as long as the dialog is open.
import { getAll, request } from './api.js';
import { announce, confirmDialog, formatBytes, formatDate, formatDuration, h } from './dom.js';
import { onSubmit } from './forms.js';
import { originalUrl, playbackUrl, showThumbnail, thumbnailUrl } from './images.js';
import { createScope } from './scope.js';
import { shareForm } from './share-form.js';
import { arrowKeys, swipe } from './swipe.js';

/** Zoom by wheel (pointer-centred steps) and by double-click or double-tap (2x or back). */
function zoomable(img) {
  let scale = 1;
  const apply = () => {
    img.style.transform = scale === 1 ? '' : `scale(${scale})`;
    img.classList.toggle('zoomed', scale > 1);
  };
  img.addEventListener('wheel', (event) => {
    event.preventDefault();
    scale = Math.min(5, Math.max(1, scale * (event.deltaY < 0 ? 1.25 : 0.8)));
    apply();
  });
  img.addEventListener('dblclick', () => {
    scale = scale > 1 ? 1 : 2;
    apply();
  });
  return img;
}

function picture(media, scope, preview) {
  const img = zoomable(h('img', { alt: media.name, class: 'large' }));
  showThumbnail(img, media.id, 1024, scope, preview);
  if (media.type === 'video' && media.playback !== 'ready') {
    // Until the browser rendition exists (or when it could not be made) the poster frame stands in.
    return [img, h('p', { class: 'playback-note' }, media.playback === 'pending'
      ? 'This video is being prepared for the browser; open it again in a moment.'
      : 'This video cannot be played in the browser; download the original.')];
  }
  if (media.type === 'video') {
    const video = h('video', { controls: true, preload: 'metadata', 'aria-label': media.name });
    playbackUrl(media.id, scope).then((url) => { video.src = url; }, () => {});
    return video;
  }
  return media.motion ? livePhoto(media, img, scope) : img;
}

// A Live Photo shows its still; its motion part (served at /playback) plays in its place on request.
function livePhoto(media, img, scope) {
  if (media.motion.playback !== 'ready') {
    return [img, h('p', { class: 'playback-note' }, media.motion.playback === 'pending'
      ? 'The motion of this Live Photo is being prepared for the browser; open it again in a moment.'
      : 'The motion of this Live Photo cannot be played in the browser.')];
  }
  const button = h('button', { type: 'button', class: 'play-live' }, 'Play Live Photo');
  button.addEventListener('click', async () => {
    const video = h('video', { controls: true, autoplay: true, muted: true, playsinline: true, 'aria-label': `${media.name}, Live Photo` });
    video.src = await playbackUrl(media.id, scope);
    img.replaceWith(video);
    button.remove();
  });
  return [img, button];
}

const isNumber = (value) => typeof value === 'number';

// Exposure as a photographer writes it: "1/250 s · ƒ/2.8 · ISO 200 · 50 mm", each part only when the photo says.
function exposure(media) {
  const time = media.exposureTime;
  return [
    isNumber(time) && (time < 1 ? `1/${Math.round(1 / time)} s` : `${Number(time.toFixed(1))} s`),
    isNumber(media.fNumber) && `ƒ/${Number(media.fNumber.toFixed(1))}`,
    isNumber(media.iso) && `ISO ${media.iso}`,
    isNumber(media.focalLength) && `${Number(media.focalLength.toFixed(1))} mm`,
  ].filter(Boolean).join(' · ');
}

function metadata(media) {
  const camera = [media.cameraMake, media.cameraModel].filter(Boolean).join(' ');
  const located = isNumber(media.latitude) && isNumber(media.longitude);
  const rows = [
    ['Taken', formatDate(media.takenAt)],
    ['Uploaded', formatDate(media.createdAt)],
    ['Dimensions', media.width && media.height ? `${media.width} × ${media.height}` : ''],
    ['Duration', formatDuration(media.durationMs)],
    ['Size', formatBytes(media.sizeBytes)],
    ['Type', media.contentType],
    ['Camera', camera],
    ['Lens', media.lens],
    ['Exposure', exposure(media)],
    ['Place', media.place],
    ['Location', located ? `${media.latitude.toFixed(5)}, ${media.longitude.toFixed(5)}` : ''],
  ];
  return h('dl', { class: 'metadata' }, rows.filter(([, value]) => value).map(([term, value]) => [h('dt', {}, term), h('dd', {}, value)]));
}

function favouriteButton(media, changed) {
  const button = h('button', { type: 'button', 'aria-pressed': String(media.isFavorite) }, 'Favourite');
  button.addEventListener('click', async () => {
    try {
      const response = await request(`/api/media/${media.id}`, { method: 'PATCH', json: { isFavorite: !media.isFavorite } });
      Object.assign(media, await response.json());
      button.setAttribute('aria-pressed', String(media.isFavorite));
      announce(media.isFavorite ? 'Added to favourites.' : 'Removed from favourites.');
      changed(media);
    } catch (error) {
      announce(error.message);
    }
  });
  return button;
}

function albumControls(media, albumId, removed) {
  const select = h('select', { name: 'albumId', id: 'viewer-album', required: true }, h('option', { value: '' }, 'Choose an album'));
  const form = h('form', { class: 'inline', id: 'viewer-add-album' },
    h('label', { for: 'viewer-album' }, 'Add to album '), select, h('button', { type: 'submit' }, 'Add'));
  getAll('/api/albums').then((albums) => {
    select.append(...albums.filter((album) => album.id !== albumId).map((album) => h('option', { value: album.id }, album.name)));
  }, () => {});
  onSubmit(form, async (data) => {
    await request(`/api/albums/${data.get('albumId')}/media/${media.id}`, { method: 'PUT' });
    announce(`Added to ${select.selectedOptions[0].textContent}.`);
  });
  const remove = albumId && h('button', {
    type: 'button',
    onclick: async () => {
      await request(`/api/albums/${albumId}/media/${media.id}`, { method: 'DELETE' }).then(() => {
        announce('Removed from this album.');
        removed(media.id);
      }, (error) => announce(error.message));
    },
  }, 'Remove from this album');
  const cover = albumId && h('button', {
    type: 'button',
    onclick: async () => {
      await request(`/api/albums/${albumId}`, { method: 'PATCH', json: { coverMediaId: media.id } })
        .then(() => announce('This photo is now the album cover.'), (error) => announce(error.message));
    },
  }, 'Set as album cover');
  return h('div', { class: 'album-controls' }, form, cover, remove);
}

/**
 * Opens the viewer. context: { albumId (when opened inside an album), list() (the media it steps through, in page
 * order), onChange(media), onRemove(id) }. onRemove is called when the media is deleted, or taken out of the album
 * it was opened from.
 */
export function openViewer(first, { albumId, list = () => [first], onChange = () => {}, onRemove = () => {} } = {}) {
  const dialog = document.getElementById('viewer');
  const scope = createScope();
  const previews = new Map();
  const close = () => dialog.close();
  let current = first;
  const removed = (id) => {
    close();
    onRemove(id);
  };
  const preview = (media) => {
    if (!previews.has(media.id)) {
      const url = thumbnailUrl(media.id, 1024, scope);
      url.catch(() => {});
      previews.set(media.id, url);
    }
    return previews.get(media.id);
  };
  const neighbour = (step) => {
    const all = list();
    const index = all.findIndex((media) => media.id === current.id);
    return index < 0 ? undefined : all[index + step];
  };
  const go = (step) => {
    const next = neighbour(step);
    if (next) {
      show(next);
    }
  };

  function show(media) {
    // Redrawing drops the focused button; the same button of the new media (or Close) takes the focus back.
    const hadFocus = dialog.contains(document.activeElement);
    const focused = hadFocus ? document.activeElement.getAttribute('aria-label') : null;
    current = media;
    const previous = neighbour(-1);
    const next = neighbour(1);
    [previous, next].filter((each) => each?.type === 'image').forEach(preview);
    const figure = h('figure', {}, picture(media, scope, media.type === 'image' ? preview(media) : undefined));
    swipe(figure, go);
    dialog.replaceChildren(
      h('header', {},
        h('h2', { id: 'viewer-title' }, media.name),
        h('div', { class: 'viewer-nav' },
          h('button', { type: 'button', class: 'quiet', 'aria-label': 'Previous', disabled: !previous, onclick: () => go(-1) }, '‹'),
          h('button', { type: 'button', class: 'quiet', 'aria-label': 'Next', disabled: !next, onclick: () => go(1) }, '›'),
          h('button', { type: 'button', class: 'quiet', onclick: () => fullScreen(figure) }, 'Full screen'),
          h('button', { type: 'button', class: 'quiet', onclick: close, 'aria-label': 'Close viewer' }, '✕'))),
      h('div', { class: 'viewer-body' },
        figure,
        h('aside', {},
          metadata(media),
          h('div', { class: 'actions' }, favouriteButton(media, onChange), downloadButton(media, scope), deleteButton(media, removed)),
          albumControls(media, albumId, removed),
          h('details', {}, h('summary', {}, 'Share this photo'), shareForm({ mediaId: media.id })))));
    if (hadFocus) {
      (dialog.querySelector(`.viewer-nav [aria-label="${focused}"]:not(:disabled)`) ?? dialog.querySelector('[aria-label="Close viewer"]')).focus();
    }
  }

  const keys = arrowKeys(go);
  dialog.addEventListener('keydown', keys);
  dialog.addEventListener('close', () => {
    dialog.removeEventListener('keydown', keys);
    scope.dispose();
    dialog.replaceChildren();
  }, { once: true });
  show(first);
  dialog.showModal();
}

function fullScreen(element) {
  if (document.fullscreenElement) {
    document.exitFullscreen().catch(() => {});
  } else {
    element.requestFullscreen().catch((error) => announce(error.message));
  }
}

function downloadButton(media, scope) {
  return h('button', {
    type: 'button',
    onclick: async () => {
      try {
        const link = h('a', { href: await originalUrl(media.id, scope), download: media.name });
        link.click();
      } catch (error) {
        announce(error.message);
      }
    },
  }, 'Download original');
}

function deleteButton(media, removed) {
  return h('button', {
    type: 'button',
    class: 'danger',
    onclick: async () => {
      if (!await confirmDialog(`Move “${media.name}” to the trash? You can restore it from the Trash for 30 days.`, 'Delete')) {
        return;
      }
      await request(`/api/media/${media.id}`, { method: 'DELETE' }).then(() => {
        announce(`Moved ${media.name} to the trash.`);
        removed(media.id);
      }, (error) => announce(error.message));
    },
  }, 'Delete');
}
