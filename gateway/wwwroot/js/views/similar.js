import { getJson, request } from '../api.js';
import { announce, h } from '../dom.js';
import { showThumbnail } from '../images.js';
import { openViewer } from '../viewer.js';

const pollMilliseconds = 500;

function groupSection(group, index, scope) {
  const tiles = group.items.map((item) => {
    const img = h('img', { alt: 'Photo', width: 256, height: 256 });
    const name = h('span', { class: 'tile-name' });
    showThumbnail(img, item.mediaId, 256, scope);
    const media = getJson(`/api/media/${encodeURIComponent(item.mediaId)}`, { signal: scope.signal }).catch(() => null);
    media.then((found) => {
      img.alt = found?.name ?? 'Deleted photo';
      name.textContent = found?.name ?? 'Deleted photo';
    });
    const open = async () => {
      const found = await media;
      if (found) {
        openViewer(found);
      }
    };
    return h('li', {},
      h('button', { type: 'button', class: 'tile', onclick: open }, img),
      name,
      h('span', { class: 'score' }, `Similarity ${Math.round(item.similarityScore * 100)} %`));
  });
  const section = h('section', { class: 'similar-group', 'aria-labelledby': `group-${group.id}` },
    h('header', {},
      h('h2', { id: `group-${group.id}` }, `Group ${index + 1}: ${group.items.length} photos`),
      h('button', {
        type: 'button',
        class: 'quiet',
        onclick: async () => {
          try {
            await request(`/api/similar/groups/${encodeURIComponent(group.id)}`, { method: 'DELETE' });
            section.remove();
            announce('Group dismissed.');
          } catch (error) {
            announce(error.message);
          }
        },
      }, 'Dismiss')),
    h('ul', { class: 'grid' }, tiles));
  return section;
}

export async function similarView(main, _params, scope) {
  const detect = h('button', { type: 'button' }, 'Detect similar photos');
  const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Detection progress' });
  const state = h('p', { class: 'detect-state' });
  const groups = h('div', { class: 'similar-groups' });
  main.append(h('h1', {}, 'Similar photos'),
    h('p', {}, 'Finds photos that look the same: copies, resized or re-saved versions, small edits.'),
    h('div', { class: 'toolbar' }, detect, progress), state, groups);

  async function showGroups() {
    const page = await getJson('/api/similar/groups?limit=500', { signal: scope.signal });
    groups.replaceChildren(...page.items.map((group, index) => groupSection(group, index, scope)));
    if (page.items.length === 0) {
      groups.append(h('p', { class: 'empty' }, 'No similar photos found.'));
    }
  }

  async function follow(status) {
    while (status.state === 'running' && !scope.signal.aborted) {
      detect.disabled = true;
      progress.hidden = false;
      progress.max = Math.max(status.total, 1);
      progress.value = status.processed;
      state.textContent = `Comparing photos… ${status.processed} of ${status.total}`;
      await new Promise((resolve) => { setTimeout(resolve, pollMilliseconds); });
      status = await getJson('/api/similar/status', { signal: scope.signal });
    }
    detect.disabled = false;
    progress.hidden = true;
    if (status.state === 'failed') {
      state.textContent = 'Detection failed. Try again.';
    } else if (status.state === 'done') {
      state.textContent = `Done: ${status.groupCount} group${status.groupCount === 1 ? '' : 's'} of similar photos.`;
      await showGroups();
    }
    if (status.state !== 'idle') {
      announce(state.textContent);
    }
  }

  detect.addEventListener('click', async () => {
    try {
      await follow(await (await request('/api/similar/detect', { method: 'POST', json: {} })).json());
    } catch (error) {
      if (error.name !== 'AbortError') {
        announce(error.message);
      }
    }
  });
  await follow(await getJson('/api/similar/status', { signal: scope.signal }));
}
