import { signUp } from '../auth.js';
import { h } from '../dom.js';
import { onSubmit } from '../forms.js';

export function signUpView(main) {
  const form = h('form', { id: 'sign-up', class: 'card narrow' },
    h('label', {}, 'Username ', h('input', { name: 'username', type: 'text', required: true, autocomplete: 'username' })),
    h('label', {}, 'Email ', h('input', { name: 'email', type: 'email', required: true, autocomplete: 'email' })),
    h('label', {}, 'Password (8 to 128 characters) ',
      h('input', { name: 'password', type: 'password', required: true, autocomplete: 'new-password' })),
    h('button', { type: 'submit' }, 'Create account'));
  onSubmit(form, async (data) => {
    await signUp({ username: data.get('username'), email: data.get('email'), password: data.get('password') });
    location.hash = '#/library';
  });
  main.append(
    h('h1', {}, 'Create an account'),
    form,
    h('p', { class: 'narrow' }, 'Already have one? ', h('a', { href: '#/signin' }, 'Sign in')));
}
