// Stepping through media in a viewer: a horizontal swipe on a touch screen, and the left and right arrow keys.
const swipePixels = 50;

/** A horizontal swipe on the element: left for the next media (go(1)), right for the previous one (go(-1)). */
export function swipe(element, go) {
  let start = null;
  element.addEventListener('pointerdown', (event) => {
    start = event.pointerType === 'mouse' ? null : { x: event.clientX, y: event.clientY };
  });
  element.addEventListener('pointerup', (event) => {
    if (!start) {
      return;
    }
    const [dx, dy] = [event.clientX - start.x, event.clientY - start.y];
    start = null;
    if (Math.abs(dx) > swipePixels && Math.abs(dx) > Math.abs(dy)) {
      go(dx < 0 ? 1 : -1);
    }
  });
}

/** A keydown listener calling go(-1) or go(1) for the arrow keys, except while typing or on a video's controls. */
export function arrowKeys(go) {
  return (event) => {
    if (event.target.closest('input, select, textarea, video')) {
      return;
    }
    if (event.key === 'ArrowLeft' || event.key === 'ArrowRight') {
      event.preventDefault();
      go(event.key === 'ArrowLeft' ? -1 : 1);
    }
  };
}
