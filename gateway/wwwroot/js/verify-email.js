// /verify-email?token=...: opening the link changes nothing (mail scanners open links); pressing Confirm does.
import { done, post, takeToken } from './account-link.js';
import { h } from './dom.js';
import { onSubmit } from './forms.js';

const token = takeToken();
const main = document.getElementById('main');
const form = h('form', { id: 'verify-email', class: 'card narrow' },
  h('h1', {}, 'Confirm your email'),
  h('p', {}, 'Press the button to confirm your email address.'),
  h('button', { type: 'submit' }, 'Confirm'));
onSubmit(form, async () => {
  await post('/api/auth/verify-email', { token });
  done(main, 'Your email is confirmed.');
});
main.replaceChildren(form);
