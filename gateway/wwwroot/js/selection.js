// Which media of a grid are selected. A tile's box selects it; once anything is selected a click on a tile
// selects too, and shift-click selects everything between the last tile touched and this one, in the order the
// page shows them. On a touch screen a long press on a tile starts a selection. In a picker (picking) a click always
// selects, since there is nothing to open.
const longPressMs = 500;

export function createSelection(container, { onChange, picking = false }) {
  const selected = new Set();
  let anchor = null;

  const items = () => [...container.querySelectorAll('li[data-id]')];

  function show(item) {
    const on = selected.has(item.dataset.id);
    item.classList.toggle('selected', on);
    item.querySelector('.select')?.setAttribute('aria-checked', String(on));
  }

  function showAll() {
    container.classList.toggle('selecting', selected.size > 0);
    items().forEach(show);
    onChange(selected.size);
  }

  function toggle(id, extend) {
    const order = items().map((item) => item.dataset.id);
    const [from, to] = [order.indexOf(anchor), order.indexOf(id)];
    if (extend && from >= 0 && to >= 0) {
      order.slice(Math.min(from, to), Math.max(from, to) + 1).forEach((each) => selected.add(each));
    } else if (!selected.delete(id)) {
      selected.add(id);
    }
    anchor = id;
    showAll();
  }

  function attach({ item, open, check, id, onOpen }) {
    let pressTimer = 0;
    let pressed = false;
    check.addEventListener('click', (event) => toggle(id, event.shiftKey));
    open.addEventListener('click', (event) => {
      if (pressed) {
        pressed = false;
        return;
      }
      if (picking || selected.size > 0 || event.shiftKey) {
        toggle(id, event.shiftKey);
      } else {
        onOpen();
      }
    });
    open.addEventListener('pointerdown', (event) => {
      if (event.pointerType === 'mouse') {
        return;
      }
      pressed = false;
      pressTimer = setTimeout(() => {
        pressed = true;
        toggle(id, false);
      }, longPressMs);
    });
    const cancel = () => clearTimeout(pressTimer);
    ['pointerup', 'pointercancel', 'pointerleave'].forEach((type) => open.addEventListener(type, cancel));
    // The long press is ours, not the browser's context menu.
    open.addEventListener('contextmenu', (event) => {
      if (pressed) {
        event.preventDefault();
      }
    });
    if (selected.has(id)) {
      show(item);
    }
  }

  return {
    attach,
    get ids() {
      return [...selected];
    },
    get size() {
      return selected.size;
    },
    forget(id) {
      if (selected.delete(id)) {
        showAll();
      }
    },
    clear() {
      selected.clear();
      anchor = null;
      showAll();
    },
  };
}
