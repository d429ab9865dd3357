// Side by side: the photo suggested to keep on the left, any other photo of its group on the right, large enough to
// judge sharpness and framing, each with the facts the suggestion weighs (resolution, file size, date).
import { formatBytes, formatDate, h } from '../dom.js';
import { showThumbnail } from '../images.js';

const compareSize = 1024;

function figure(entry, scope) {
  const img = h('img', { alt: entry.media?.name ?? 'Photo' });
  showThumbnail(img, entry.item.mediaId, compareSize, scope);
  const media = entry.media;
  const facts = media
    ? [media.width && media.height ? `${media.width} × ${media.height}` : null, formatBytes(media.sizeBytes), formatDate(media.takenAt ?? media.createdAt)]
    : [];
  return h('figure', { class: 'compare-side' }, img,
    h('figcaption', {},
      h('strong', {}, media?.name ?? 'Deleted photo'),
      entry.item.suggestedKeep ? h('span', { class: 'keeper' }, ' · Suggested keep') : null,
      h('span', { class: 'facts' }, facts.filter(Boolean).join(' · '))));
}

/** The compare panel of a group; entries are {item, media} with media possibly null (deleted meanwhile). */
export function comparePanel(entries, scope) {
  const keeper = entries.find((entry) => entry.item.suggestedKeep) ?? entries[0];
  const others = entries.filter((entry) => entry !== keeper);
  const right = h('div', { class: 'compare-right' });
  const choose = h('select', { 'aria-label': 'Compare with' },
    others.map((entry, index) => h('option', { value: String(index) }, entry.media?.name ?? 'Deleted photo')));
  const show = () => right.replaceChildren(figure(others[Number(choose.value)], scope));
  choose.addEventListener('change', show);
  const panel = h('div', { class: 'compare', role: 'group', 'aria-label': 'Side-by-side comparison' },
    h('div', { class: 'compare-left' }, figure(keeper, scope)),
    h('div', {}, others.length > 1 ? h('label', {}, 'Compare with ', choose) : null, right));
  if (others.length > 0) {
    show();
  }
  return panel;
}
