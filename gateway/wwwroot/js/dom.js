// Building elements from data without ever parsing it as HTML: text goes in as text nodes.

/**
 * h('button', { class: 'x', onclick: fn, disabled: true }, 'text', child) creates an element.
 * Functions under on* become listeners, true/false toggle attributes, null/undefined are skipped.
 */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined) {
      continue;
    }
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.slice(2), value);
    } else if (typeof value === 'boolean') {
      element.toggleAttribute(name, value);
    } else {
      element.setAttribute(name, String(value));
    }
  }
  element.append(...children.flat(Infinity).filter((child) => child !== null && child !== undefined && child !== false));
  return element;
}

const statusSeconds = 8;
let statusTimer = 0;

/** Says something in the page's role=status region, for screen readers and sighted users alike, for a few seconds. */
export function announce(message) {
  const status = document.getElementById('status');
  status.textContent = '';
  clearTimeout(statusTimer);
  // Set in the next frame so the same message twice is still announced.
  requestAnimationFrame(() => {
    status.textContent = message;
    statusTimer = setTimeout(() => { status.textContent = ''; }, statusSeconds * 1000);
  });
}

/** A modal yes/no question; resolves true when confirmed. Escape or Cancel resolve false. */
export function confirmDialog(question, confirmLabel) {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', 'aria-labelledby': 'confirm-question' },
      h('form', { method: 'dialog' },
        h('p', { id: 'confirm-question' }, question),
        h('div', { class: 'actions' },
          h('button', { value: 'cancel', class: 'quiet', autofocus: true }, 'Cancel'),
          h('button', { value: 'confirm', class: 'danger' }, confirmLabel))));
    dialog.addEventListener('close', () => {
      resolve(dialog.returnValue === 'confirm');
      dialog.remove();
    });
    document.body.append(dialog);
    dialog.showModal();
  });
}

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function formatDate(iso) {
  return iso ? dateFormat.format(new Date(iso)) : '';
}

/** A video's length as m:ss (or h:mm:ss), from milliseconds; '' when unknown. */
export function formatDuration(ms) {
  if (typeof ms !== 'number' || ms <= 0) {
    return '';
  }
  const seconds = Math.round(ms / 1000);
  const [h, m, s] = [Math.floor(seconds / 3600), Math.floor(seconds / 60) % 60, seconds % 60];
  const pad = (n) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

export function formatBytes(bytes) {
  const units = ['bytes', 'KB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}
