// The signed-in app: hash routes (#/library, #/albums/{id}, ...) mapped to views. Each view renders into
// <main> and gets a scope that is disposed when the route changes.
import { signOut } from './auth.js';
import { announce, h } from './dom.js';
import { createScope } from './scope.js';
import { tokens } from './tokens.js';
import { albumView } from './views/album.js';
import { albumsView } from './views/albums.js';
import { favoritesView } from './views/favorites.js';
import { libraryView } from './views/library.js';
import { searchView } from './views/search.js';
import { sharesView } from './views/shares.js';
import { signInView } from './views/sign-in.js';
import { signUpView } from './views/sign-up.js';
import { settingsView } from './views/settings.js';
import { similarView } from './views/similar.js';
import { forgotPasswordView } from './views/forgot-password.js';
import { forgetVerificationBanner, showVerificationBanner } from './verification-banner.js';
import { trashView } from './views/trash.js';

const routes = [
  { pattern: /^#\/signin$/, view: signInView, title: 'Sign in', open: true },
  { pattern: /^#\/signup$/, view: signUpView, title: 'Create an account', open: true },
  { pattern: /^#\/forgot-password$/, view: forgotPasswordView, title: 'Forgot password', open: true },
  { pattern: /^#\/settings$/, view: settingsView, title: 'Settings' },
  { pattern: /^#\/library$/, view: libraryView, title: 'Library' },
  { pattern: /^#\/favorites$/, view: favoritesView, title: 'Favourites' },
  { pattern: /^#\/albums$/, view: albumsView, title: 'Albums' },
  { pattern: /^#\/albums\/(?<id>[\w-]+)$/, view: albumView, title: 'Album' },
  { pattern: /^#\/search(?:\?(?<query>.*))?$/, view: searchView, title: 'Search' },
  { pattern: /^#\/shares$/, view: sharesView, title: 'Shared links' },
  { pattern: /^#\/similar$/, view: similarView, title: 'Similar photos' },
  { pattern: /^#\/trash$/, view: trashView, title: 'Trash' },
];

const main = document.getElementById('main');
const nav = document.getElementById('nav');
let scope = null;
// Where to go after signing in: the protected page that sent you to sign in.
let afterSignIn = '#/library';

function markCurrent(hash) {
  for (const link of nav.querySelectorAll('a')) {
    const href = link.getAttribute('href');
    const current = hash === href || hash.startsWith(`${href}/`) || hash.startsWith(`${href}?`);
    if (current) {
      link.setAttribute('aria-current', 'page');
    } else {
      link.removeAttribute('aria-current');
    }
  }
}

async function route() {
  const hash = location.hash || '#/library';
  const match = routes.map((candidate) => ({ ...candidate, found: candidate.pattern.exec(hash) })).find((candidate) => candidate.found);
  if (!match) {
    location.replace('#/library');
    return;
  }
  if (!match.open && !tokens.signedIn) {
    afterSignIn = hash;
    location.replace('#/signin');
    return;
  }
  if (match.open && tokens.signedIn) {
    location.replace('#/library');
    return;
  }
  scope?.dispose();
  scope = createScope();
  const current = scope;
  nav.hidden = match.open;
  if (match.open) {
    forgetVerificationBanner();
  } else {
    showVerificationBanner(main).catch(() => {});
  }
  markCurrent(hash);
  document.title = `${match.title} · GalleryOrleans`;
  main.replaceChildren();
  main.setAttribute('aria-busy', 'true');
  try {
    await match.view(main, { ...match.found.groups, next: afterSignIn }, current);
  } catch (error) {
    if (error.name !== 'AbortError' && current === scope) {
      main.append(h('p', { class: 'form-error', role: 'alert' }, error.message));
    }
  } finally {
    main.removeAttribute('aria-busy');
  }
  if (current === scope) {
    main.focus({ preventScroll: true });
  }
}

// On a phone the links fold behind a Menu button, so the header stays one line; choosing a page folds them again.
const menu = document.getElementById('menu');
menu.addEventListener('click', () => {
  const open = menu.getAttribute('aria-expanded') !== 'true';
  menu.setAttribute('aria-expanded', String(open));
  nav.classList.toggle('open', open);
});
nav.addEventListener('click', (event) => {
  if (event.target.closest('a, #sign-out')) {
    menu.setAttribute('aria-expanded', 'false');
    nav.classList.remove('open');
  }
});

document.getElementById('sign-out').addEventListener('click', async () => {
  await signOut().catch(() => {});
  afterSignIn = '#/library';
  location.hash = '#/signin';
  announce('You are signed out.');
});

window.addEventListener('gallery:signed-out', () => {
  announce('Your session has ended; sign in again.');
  route();
});

// Only app routes are handled; other fragments are left to the browser.
window.addEventListener('hashchange', () => {
  if (location.hash === '' || location.hash.startsWith('#/')) {
    route();
  }
});
route();
