// Asking for a password reset link. The API answers the same whether or not the address has an account.
import { request } from '../api.js';
import { h } from '../dom.js';
import { onSubmit } from '../forms.js';

export function forgotPasswordView(main) {
  const form = h('form', { id: 'forgot-password', class: 'card narrow' },
    h('p', {}, 'Enter the email address of your account and we will send you a link to choose a new password.'),
    h('label', {}, 'Email ', h('input', { name: 'email', type: 'email', required: true, autocomplete: 'email' })),
    h('button', { type: 'submit' }, 'Send reset link'));
  onSubmit(form, async (data) => {
    await request('/api/auth/forgot-password', { method: 'POST', json: { email: data.get('email') }, auth: false });
    form.replaceWith(h('p', { class: 'card narrow', role: 'status' },
      'If an account uses that address, an email with a reset link is on its way. The link works for one hour.'));
  });
  main.append(h('h1', {}, 'Forgot your password?'), form, h('p', { class: 'narrow' }, h('a', { href: '#/signin' }, 'Back to sign in')));
}
