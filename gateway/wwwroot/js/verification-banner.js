// Tells a signed-in user whose email is not confirmed yet, once per page load, and offers to send the link again.
import { getJson, request } from './api.js';
import { h } from './dom.js';

let checked = false;

export async function showVerificationBanner(before) {
  if (checked) {
    return;
  }
  checked = true;
  const user = await getJson('/api/users/me');
  if (user.emailVerified) {
    return;
  }
  const message = h('span', {}, `Please confirm your email address: we sent a link to ${user.email}.`);
  const resend = h('button', {
    type: 'button',
    class: 'quiet',
    onclick: async () => {
      resend.disabled = true;
      try {
        await request('/api/auth/resend-verification', { method: 'POST' });
        message.textContent = `A new link is on its way to ${user.email}.`;
      } catch (error) {
        message.textContent = error.message;
        resend.disabled = false;
      }
    },
  }, 'Resend email');
  before.before(h('div', { class: 'banner', role: 'region', 'aria-label': 'Email not confirmed' }, message, resend));
}

export function forgetVerificationBanner() {
  checked = false;
  document.querySelector('.banner')?.remove();
}
