// The photo viewer: a modal dialog with the 1024 px preview (or the video), its metadata and what can be
// done with it. Its object URLs live as long as the dialog is open.
import { getAll, request } from './api.js';
import { announce, confirmDialog, formatBytes, formatDate, formatDuration, h } from './dom.js';
import { onSubmit } from './forms.js';
import { originalUrl, playbackUrl, showThumbnail } from './images.js';
import { createScope } from './scope.js';
import { shareForm } from './share-form.js';

function picture(media, scope) {
  const img = h('img', { alt: media.name, class: 'large' });
  showThumbnail(img, media.id, 1024, scope);
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

function metadata(media) {
  const camera = [media.cameraMake, media.cameraModel].filter(Boolean).join(' ');
  const located = typeof media.latitude === 'number' && typeof media.longitude === 'number';
  const rows = [
    ['Taken', formatDate(media.takenAt)],
    ['Uploaded', formatDate(media.createdAt)],
    ['Dimensions', media.width && media.height ? `${media.width} × ${media.height}` : ''],
    ['Duration', formatDuration(media.durationMs)],
    ['Size', formatBytes(media.sizeBytes)],
    ['Type', media.contentType],
    ['Camera', camera],
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
  return h('div', { class: 'album-controls' }, form, remove);
}

/**
 * Opens the viewer. context: { albumId (when opened inside an album), onChange(media), onRemove(id) }.
 * onRemove is called when the media is deleted, or taken out of the album it was opened from.
 */
export function openViewer(media, { albumId, onChange = () => {}, onRemove = () => {} } = {}) {
  const dialog = document.getElementById('viewer');
  const scope = createScope();
  const close = () => dialog.close();
  const removed = (id) => {
    close();
    onRemove(id);
  };

  const download = h('button', {
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
  const remove = h('button', {
    type: 'button',
    class: 'danger',
    onclick: async () => {
      if (!await confirmDialog(`Delete “${media.name}” from your library? This cannot be undone.`, 'Delete')) {
        return;
      }
      await request(`/api/media/${media.id}`, { method: 'DELETE' }).then(() => {
        announce(`Deleted ${media.name}.`);
        removed(media.id);
      }, (error) => announce(error.message));
    },
  }, 'Delete');

  dialog.replaceChildren(
    h('header', {},
      h('h2', { id: 'viewer-title' }, media.name),
      h('button', { type: 'button', class: 'quiet', onclick: close, 'aria-label': 'Close viewer' }, '✕')),
    h('div', { class: 'viewer-body' },
      h('figure', {}, picture(media, scope)),
      h('aside', {},
        metadata(media),
        h('div', { class: 'actions' }, favouriteButton(media, onChange), download, remove),
        albumControls(media, albumId, removed),
        h('details', {}, h('summary', {}, 'Share this photo'), shareForm({ mediaId: media.id })))));
  dialog.addEventListener('close', () => {
    scope.dispose();
    dialog.replaceChildren();
  }, { once: true });
  dialog.showModal();
}
