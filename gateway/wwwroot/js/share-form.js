// Creating a share link for an album or a photo, and showing a link with a copy button.
import { request } from './api.js';
import { announce, h } from './dom.js';
import { onSubmit } from './forms.js';

/** The page a visitor opens: /share/{token} (the /s/{token} route the API returns is the JSON behind it). */
function publicLink(token) {
  return `${location.origin}/share/${encodeURIComponent(token)}`;
}

async function copy(input) {
  try {
    await navigator.clipboard.writeText(input.value);
    announce('Link copied.');
  } catch {
    // No clipboard access (plain http on another host, or refused): leave the link selected for Ctrl+C.
    input.select();
    announce('The link is selected: copy it with Ctrl+C.');
  }
}

let boxes = 0;

export function linkBox(token) {
  const id = `share-link-${++boxes}`;
  const input = h('input', { id, type: 'text', readonly: true, value: publicLink(token), class: 'link' });
  return h('div', { class: 'link-box' },
    h('label', { for: id, class: 'visually-hidden' }, 'Share link'),
    input,
    h('button', { type: 'button', onclick: () => copy(input) }, 'Copy link'));
}

/** target is { albumId } or { mediaId }. */
export function shareForm(target) {
  const result = h('div', { class: 'share-result' });
  const form = h('form', { class: 'share-form', id: `share-form-${++boxes}` },
    h('label', {}, 'Access code (optional, 6 to 64 characters) ',
      h('input', { name: 'accessCode', type: 'text', minlength: 6, maxlength: 64, autocomplete: 'off' })),
    h('label', {}, 'Expires (optional) ', h('input', { name: 'expiresAt', type: 'datetime-local' })),
    h('label', {}, 'Recipient (optional) ', h('input', { name: 'recipientName', type: 'text', maxlength: 100 })),
    h('label', {}, h('input', { name: 'includeOriginals', type: 'checkbox' }),
      ' Include original files (with their location and camera details)'),
    h('button', { type: 'submit' }, 'Create link'));
  onSubmit(form, async (data) => {
    const expires = data.get('expiresAt');
    const body = {
      ...target,
      accessCode: data.get('accessCode') || undefined,
      expiresAt: expires ? new Date(expires).toISOString() : undefined,
      recipientName: data.get('recipientName') || undefined,
      includeOriginals: data.get('includeOriginals') === 'on',
    };
    const share = await (await request('/api/shares', { method: 'POST', json: body })).json();
    form.reset();
    result.replaceChildren(h('p', {}, share.hasCode ? 'Link created; visitors will need the code.' : 'Link created.'), linkBox(share.token));
    announce('Share link created.');
  });
  return h('div', {}, form, result);
}
