import { getJson, request } from '../api.js';
import { announce, h } from '../dom.js';
import { groupSection } from './similar-group.js';

const pollMilliseconds = 500;

export async function similarView(main, _params, scope) {
  const detect = h('button', { type: 'button' }, 'Detect similar photos');
  const progress = h('progress', { max: 1, value: 0, hidden: true, 'aria-label': 'Detection progress' });
  const state = h('p', { class: 'detect-state' });
  const groups = h('div', { class: 'similar-groups' });
  main.append(h('h1', {}, 'Similar photos'),
    h('p', {}, 'Finds copies (resized, re-saved, slightly edited) and other shots of the same moment. Keep the best; the rest go to the trash, where you can restore them for 30 days.'),
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
    } else {
      if (status.state === 'done') {
        state.textContent = `Done: ${status.groupCount} group${status.groupCount === 1 ? '' : 's'} of similar photos.`;
      }
      // New uploads join groups without a detection run, so there may be groups to show before any.
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
