// The account: profile (with linking Google), password, S3 access keys (the secret shown once) and sessions (sign out everywhere).
import { getAll, getJson, request } from '../api.js';
import { announce, confirmDialog, formatDate, h } from '../dom.js';
import { onSubmit } from '../forms.js';
import { googleLink } from '../google-link.js';
import { tokens } from '../tokens.js';

function profileSection(user, google) {
  const field = (name, label, type = 'text') => h('label', {}, `${label} `,
    h('input', { name, type, value: user[name] ?? '', maxlength: 100, autocomplete: 'off' }));
  const form = h('form', { id: 'profile', class: 'card narrow' },
    h('p', {}, `Email: ${user.email} `, h('span', { class: 'muted' }, user.emailVerified ? '(confirmed)' : '(not confirmed yet)')),
    field('username', 'Username'), field('firstName', 'First name'), field('lastName', 'Last name'),
    field('phoneNumber', 'Phone number', 'tel'),
    h('button', { type: 'submit' }, 'Save profile'));
  onSubmit(form, async (data) => {
    const body = Object.fromEntries(['username', 'firstName', 'lastName', 'phoneNumber'].map((name) => [name, data.get(name).trim() || null]));
    await request('/api/users/me', { method: 'PATCH', json: body });
    announce('Profile saved.');
  });
  return h('section', { 'aria-labelledby': 'profile-heading' }, h('h2', { id: 'profile-heading' }, 'Profile'), form, google);
}

function passwordSection() {
  const form = h('form', { id: 'change-password', class: 'card narrow' },
    h('label', {}, 'Current password ', h('input', { name: 'currentPassword', type: 'password', required: true, autocomplete: 'current-password' })),
    h('label', {}, 'New password ', h('input', { name: 'newPassword', type: 'password', required: true, minlength: 8, maxlength: 128, autocomplete: 'new-password' })),
    h('button', { type: 'submit' }, 'Change password'));
  onSubmit(form, async (data) => {
    await request('/api/users/me/password', { method: 'POST', json: { currentPassword: data.get('currentPassword'), newPassword: data.get('newPassword') } });
    form.reset();
    announce('Password changed. Your other sessions are signed out.');
  });
  return h('section', { 'aria-labelledby': 'password-heading' }, h('h2', { id: 'password-heading' }, 'Password'), form);
}

function keysSection(scope) {
  const list = h('ul', { class: 'rows' });
  const created = h('div', { 'aria-live': 'polite' });
  async function refresh() {
    const keys = await getAll('/api/auth/keys', { signal: scope.signal });
    list.replaceChildren(...keys.map((key) => h('li', {},
      h('span', { class: 'grow' }, h('code', {}, key.accessKeyId), ` ${key.name ?? ''} · ${formatDate(key.createdAt)}`),
      h('button', {
        type: 'button',
        class: 'danger',
        onclick: async () => {
          if (await confirmDialog(`Revoke the key ${key.accessKeyId}? Programs using it stop working at once.`, 'Revoke')) {
            await request(`/api/auth/keys/${encodeURIComponent(key.accessKeyId)}`, { method: 'DELETE' }).catch((error) => announce(error.message));
            await refresh();
          }
        },
      }, 'Revoke'))));
    if (keys.length === 0) {
      list.replaceChildren(h('li', { class: 'empty' }, 'No access keys.'));
    }
  }
  const form = h('form', { id: 'create-key', class: 'inline' },
    h('label', {}, 'Name ', h('input', { name: 'name', type: 'text', maxlength: 100 })),
    h('button', { type: 'submit' }, 'Create access key'));
  onSubmit(form, async (data) => {
    const key = await (await request('/api/auth/keys', { method: 'POST', json: { name: data.get('name') || undefined } })).json();
    form.reset();
    created.replaceChildren(h('div', { class: 'card' },
      h('p', {}, 'Copy the secret now: it is shown only this once.'),
      h('p', {}, 'Access key: ', h('code', { class: 'key-id' }, key.accessKeyId)),
      h('p', {}, 'Secret: ', h('code', { class: 'key-secret' }, key.secretAccessKey))));
    await refresh();
  });
  return {
    element: h('section', { 'aria-labelledby': 'keys-heading' }, h('h2', { id: 'keys-heading' }, 'S3 access keys'), form, created, list),
    refresh,
  };
}

function sessionsSection(scope) {
  const list = h('ul', { class: 'rows' });
  async function refresh() {
    const sessions = await getAll('/api/auth/sessions', { signal: scope.signal });
    list.replaceChildren(...sessions.map((session) => h('li', {},
      h('span', { class: 'grow' }, `${session.userAgent || 'Unknown device'}${session.current ? ' (this session)' : ''}`),
      h('span', { class: 'muted' }, `last seen ${formatDate(session.lastSeenAt)}`))));
  }
  const everywhere = h('button', {
    type: 'button',
    class: 'danger',
    onclick: async () => {
      if (!await confirmDialog('Sign out on every device, this one included?', 'Sign out everywhere')) {
        return;
      }
      await request('/api/auth/sessions', { method: 'DELETE' }).catch((error) => announce(error.message));
      tokens.clear();
      location.hash = '#/signin';
    },
  }, 'Sign out everywhere');
  return {
    element: h('section', { 'aria-labelledby': 'sessions-heading' }, h('h2', { id: 'sessions-heading' }, 'Sessions'), list, everywhere),
    refresh,
  };
}

export async function settingsView(main, _params, scope) {
  const user = await getJson('/api/users/me', { signal: scope.signal });
  const google = await googleLink(user, scope);
  const keys = keysSection(scope);
  const sessions = sessionsSection(scope);
  main.append(h('h1', {}, 'Settings'), h('div', { class: 'settings' },
    profileSection(user, google), passwordSection(), keys.element, sessions.element));
  await Promise.all([keys.refresh(), sessions.refresh()]);
}
