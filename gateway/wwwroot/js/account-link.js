// What the pages behind the account emails share: the link's token, and the way on to signing in.
import { ApiError } from './api.js';
import { h } from './dom.js';

/** The token from ?token=, taken out of the address bar so it is not left in history or bookmarks. */
export function takeToken() {
  const token = new URLSearchParams(location.search).get('token') ?? '';
  history.replaceState(null, '', location.pathname);
  return token;
}

/** POSTs the JSON body to a public /api/auth route; throws an ApiError when refused. */
export async function post(path, body) {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw await ApiError.from(response);
  }
}

/** Replaces the page with the outcome and a link to the sign-in page. */
export function done(main, message) {
  main.replaceChildren(h('section', { class: 'card narrow' },
    h('p', { role: 'status' }, message),
    h('p', {}, h('a', { href: '/#/signin', class: 'button' }, 'Sign in'))));
  main.focus();
}
