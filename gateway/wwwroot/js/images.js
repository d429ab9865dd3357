// Media bytes need the bearer token, which <img src> cannot send: fetch them and show object URLs that
// belong to a scope, so they are revoked with it (or earlier, when their element is dropped).
import { getJson, request } from './api.js';

async function objectUrlOf(path, scope) {
  const response = await request(path, { signal: scope.signal });
  return scope.objectUrl(await response.blob());
}

/** Fills an <img> with a thumbnail of the given size (256 or 1024). */
export async function showThumbnail(img, mediaId, size, scope, url = thumbnailUrl(mediaId, size, scope)) {
  try {
    img.src = await url;
  } catch (error) {
    if (error.name !== 'AbortError') {
      img.alt = `${img.alt} (no preview)`;
      img.classList.add('broken');
    }
  }
}

/** An object URL of a thumbnail (256 or 1024), for the viewer to fetch ahead of showing it. */
export function thumbnailUrl(mediaId, size, scope) {
  return objectUrlOf(`/api/media/${encodeURIComponent(mediaId)}/thumbnail?size=${size}`, scope);
}

/** An object URL of the original bytes (for a download link). */
export function originalUrl(mediaId, scope) {
  return objectUrlOf(`/api/media/${encodeURIComponent(mediaId)}/content`, scope);
}

/**
 * A signed address of what a browser plays of a video (its H.264 rendition, or the original when that plays),
 * short-lived and bound to the media and this user: <video src> streams and seeks it with Range requests without
 * the bearer header, instead of downloading the whole file first.
 */
export async function playbackUrl(mediaId, scope) {
  return (await getJson(`/api/media/${encodeURIComponent(mediaId)}/stream-url`, { signal: scope.signal })).url;
}
