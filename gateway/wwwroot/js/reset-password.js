// /reset-password?token=...: choose a new password with the emailed single-use token, then sign in with it.
import { done, post, takeToken } from './account-link.js';
import { h } from './dom.js';
import { onSubmit } from './forms.js';

const token = takeToken();
const main = document.getElementById('main');
const form = h('form', { id: 'reset-password', class: 'card narrow' },
  h('h1', {}, 'Choose a new password'),
  h('label', {}, 'New password ', h('input', {
    name: 'newPassword', type: 'password', minlength: 8, maxlength: 128, required: true, autocomplete: 'new-password',
  })),
  h('button', { type: 'submit' }, 'Set password'));
onSubmit(form, async (data) => {
  await post('/api/auth/reset-password', { token, newPassword: data.get('newPassword') });
  done(main, 'Your password is changed, every session is signed out and your S3 access keys are revoked. Sign in with the new password.');
});
main.replaceChildren(form);
