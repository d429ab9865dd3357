import { getAll, request } from '../api.js';
import { announce, confirmDialog, formatDate, h } from '../dom.js';
import { linkBox } from '../share-form.js';

const headings = ['What', 'Recipient', 'Status', 'Code', 'Expires', 'Views', 'Link', ''];

function what(share, albumNames) {
  if (share.kind === 'album') {
    const name = albumNames.get(share.albumId);
    return name ? h('a', { href: `#/albums/${encodeURIComponent(share.albumId)}` }, `Album “${name}”`) : 'An album';
  }
  return 'A photo';
}

function shareRow(share, albumNames) {
  const status = h('td', {}, share.status);
  const revoke = share.status === 'revoked' ? '' : h('button', {
    type: 'button',
    class: 'danger',
    onclick: async () => {
      if (!await confirmDialog('Revoke this link? It stops working at once.', 'Revoke')) {
        return;
      }
      try {
        await request(`/api/shares/${encodeURIComponent(share.token)}`, { method: 'DELETE' });
        status.textContent = 'revoked';
        revoke.remove();
        announce('Link revoked.');
      } catch (error) {
        announce(error.message);
      }
    },
  }, 'Revoke');
  // Each cell names its column too, so on a phone, where the table becomes a list of cards, it still says what it is.
  const cells = [what(share, albumNames), share.recipientName ?? '', status, share.hasCode ? 'Yes' : 'No',
    share.expiresAt ? formatDate(share.expiresAt) : 'Never', String(share.viewCount), linkBox(share.token), revoke];
  return h('tr', {}, cells.map((cell) => (cell === status ? cell : h('td', {}, cell))).map((cell, index) => {
    cell.dataset.label = headings[index];
    return cell;
  }));
}

export async function sharesView(main, _params, scope) {
  main.append(h('h1', {}, 'Shared links'),
    h('p', {}, 'Create links from an album’s page or from the photo viewer.'));
  const [shares, albums] = await Promise.all([
    getAll('/api/shares', { signal: scope.signal }),
    getAll('/api/albums', { signal: scope.signal }),
  ]);
  if (shares.length === 0) {
    main.append(h('p', { class: 'empty' }, 'You have not shared anything yet.'));
    return;
  }
  const albumNames = new Map(albums.map((album) => [album.id, album.name]));
  main.append(h('div', { class: 'table-scroll' },
    h('table', { class: 'shares' },
      h('thead', {}, h('tr', {}, headings.map((text) => h('th', { scope: 'col' }, text)))),
      h('tbody', {}, shares.map((share) => shareRow(share, albumNames))))));
}
