// "Link Google" on the Settings page. Google Identity Services is loaded only when the person asks for it (and the page's
// policy allows its origin only when the server has a Google client id); its button hands back an ID token, which
// POST /api/users/me/google checks and links to this account.
import { getJson, request } from './api.js';
import { announce, h } from './dom.js';

const scriptUrl = 'https://accounts.google.com/gsi/client';
let loading = null;

function loadGoogle() {
  loading ??= new Promise((resolve, reject) => {
    const script = h('script', { src: scriptUrl, async: true });
    script.addEventListener('load', () => resolve(window.google.accounts.id));
    script.addEventListener('error', () => {
      loading = null;
      script.remove();
      reject(new Error('Google could not be reached. Try again later.'));
    });
    document.head.append(script);
  });
  return loading;
}

/** The Google line of the profile: linked or not, and the way to link it when Google is configured. */
export async function googleLink(user, scope) {
  const { clientId } = await getJson('/api/auth/google/client', { auth: false, signal: scope.signal });
  const state = h('span', {}, user.googleLinked ? 'linked' : 'not linked');
  const slot = h('div', { class: 'google-button' });
  const button = h('button', { type: 'button', hidden: !clientId || user.googleLinked }, 'Link Google');
  button.addEventListener('click', async () => {
    try {
      const google = await loadGoogle();
      google.initialize({
        client_id: clientId,
        callback: async ({ credential }) => {
          try {
            await request('/api/users/me/google', { method: 'POST', json: { idToken: credential } });
            state.textContent = 'linked';
            slot.replaceChildren();
            announce('Your Google account is linked.');
          } catch (error) {
            announce(error.fieldErrors.idToken?.[0] ?? error.message);
          }
        },
      });
      button.hidden = true;
      google.renderButton(slot, { type: 'standard', text: 'continue_with' });
      announce('Choose your Google account.');
    } catch (error) {
      announce(error.message);
    }
  });
  return h('div', { class: 'google-link' }, h('p', {}, 'Google account: ', state), button, slot);
}
