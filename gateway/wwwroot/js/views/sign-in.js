import { signIn } from '../auth.js';
import { h } from '../dom.js';
import { onSubmit } from '../forms.js';

export function signInView(main, { next }) {
  const form = h('form', { id: 'sign-in', class: 'card narrow' },
    h('label', {}, 'Email or username ', h('input', { name: 'email', type: 'text', required: true, autocomplete: 'username' })),
    h('label', {}, 'Password ', h('input', { name: 'password', type: 'password', required: true, autocomplete: 'current-password' })),
    h('button', { type: 'submit' }, 'Sign in'));
  onSubmit(form, async (data) => {
    await signIn(data.get('email'), data.get('password'));
    location.hash = next;
  });
  main.append(
    h('h1', {}, 'Sign in'),
    form,
    h('p', { class: 'narrow' }, h('a', { href: '#/forgot-password' }, 'Forgot password?')),
    h('p', { class: 'narrow' }, 'New here? ', h('a', { href: '#/signup' }, 'Create an account')));
}
