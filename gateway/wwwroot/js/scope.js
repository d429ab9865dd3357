// What a view owns while it is on screen: pending requests and object URLs of fetched images.
// Leaving the view disposes the scope, which aborts the requests and revokes the URLs.
export function createScope() {
  const controller = new AbortController();
  const urls = new Set();
  return {
    signal: controller.signal,
    objectUrl(blob) {
      const url = URL.createObjectURL(blob);
      urls.add(url);
      return url;
    },
    revoke(url) {
      if (urls.delete(url)) {
        URL.revokeObjectURL(url);
      }
    },
    dispose() {
      controller.abort();
      urls.forEach((url) => URL.revokeObjectURL(url));
      urls.clear();
    },
  };
}
