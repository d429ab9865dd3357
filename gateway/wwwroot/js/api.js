// Calls to /api with the bearer token. After a reload only the refresh token is left (the access token lives in
// memory), so the first call refreshes before it goes out instead of collecting a 401 first. A 401 still triggers
// one refresh (shared by every call waiting on it) and one retry; when the refresh is refused the session is over
// and 'gallery:signed-out' is dispatched.
import { tokens } from './tokens.js';

export class ApiError extends Error {
  constructor(status, problem, retryAfter) {
    super(describe(status, problem, retryAfter));
    this.status = status;
    this.problem = problem ?? {};
  }

  get fieldErrors() {
    return this.problem.errors ?? {};
  }

  static async from(response) {
    let problem = null;
    try {
      problem = await response.json();
    } catch {
      // Not JSON: the status alone describes it.
    }
    return new ApiError(response.status, problem, response.headers.get('Retry-After'));
  }
}

const sentence = (text) => (/[.!?]$/.test(text) ? text : `${text}.`);

function describe(status, problem, retryAfter) {
  const parts = [sentence(problem?.title ?? `Request failed (${status})`)];
  if (problem?.detail) {
    parts.push(sentence(problem.detail));
  } else if (status === 429 && retryAfter) {
    parts.push(`Try again in ${retryAfter} seconds.`);
  }
  return parts.join(' ');
}

let refreshing = null;

function refresh() {
  const refreshToken = tokens.refreshToken;
  if (!refreshToken) {
    return Promise.resolve(false);
  }
  refreshing ??= fetch('/api/auth/refresh', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ refreshToken }),
  }).then(async (response) => {
    if (!response.ok) {
      tokens.clear();
      return false;
    }
    tokens.set(await response.json());
    return true;
  }).finally(() => {
    refreshing = null;
  });
  return refreshing;
}

/** Gets an access token first when there is none yet but a refresh token is kept. */
async function ensureAccessToken() {
  if (!tokens.accessToken && tokens.refreshToken) {
    await refresh();
  }
}

function signedOut() {
  tokens.clear();
  window.dispatchEvent(new Event('gallery:signed-out'));
}

function authHeaders() {
  return tokens.accessToken ? { Authorization: `Bearer ${tokens.accessToken}` } : {};
}

/** fetch with the bearer token; throws ApiError for any status that is not 2xx or 304. */
export async function request(path, { method = 'GET', json, signal, auth = true } = {}) {
  const send = () => fetch(path, {
    method,
    signal,
    headers: { ...(json === undefined ? {} : { 'Content-Type': 'application/json' }), ...(auth ? authHeaders() : {}) },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  if (auth) {
    await ensureAccessToken();
  }
  let response = await send();
  if (response.status === 401 && auth) {
    if (await refresh()) {
      response = await send();
    }
    if (response.status === 401) {
      signedOut();
    }
  }
  if (!response.ok) {
    throw await ApiError.from(response);
  }
  return response;
}

export async function getJson(path, options) {
  return (await request(path, options)).json();
}

/** Every item of a paged list, following nextCursor. */
export async function getAll(path, options) {
  const items = [];
  let cursor = null;
  do {
    const separator = path.includes('?') ? '&' : '?';
    const page = await getJson(`${path}${separator}limit=500${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, options);
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

function sendUpload(file, albumId, onProgress) {
  return new Promise((resolve, reject) => {
    const form = new FormData();
    form.append('file', file, file.name);
    if (albumId) {
      form.append('albumId', albumId);
    }
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/media/upload');
    for (const [name, value] of Object.entries(authHeaders())) {
      xhr.setRequestHeader(name, value);
    }
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) {
        onProgress(event.loaded / event.total);
      }
    });
    xhr.addEventListener('load', () => resolve(new Response(xhr.response, {
      status: xhr.status,
      headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? '', 'Retry-After': xhr.getResponseHeader('Retry-After') ?? '' },
    })));
    xhr.addEventListener('error', () => reject(new Error('The upload was interrupted.')));
    xhr.send(form);
  });
}

/** Uploads one file (XMLHttpRequest, for upload progress); resolves to its media. */
export async function uploadFile(file, { albumId, onProgress = () => {} } = {}) {
  await ensureAccessToken();
  let response = await sendUpload(file, albumId, onProgress);
  if (response.status === 401 && await refresh()) {
    response = await sendUpload(file, albumId, onProgress);
  }
  if (response.status === 401) {
    signedOut();
  }
  if (!response.ok) {
    throw await ApiError.from(response);
  }
  return (await response.json()).items[0];
}
