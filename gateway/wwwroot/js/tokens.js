// Where the tokens live. The access token stays in memory only: it lasts minutes and goes with every call.
// The refresh token goes to sessionStorage, so reloading this tab keeps you signed in and closing it signs
// you out. Not localStorage: refresh tokens rotate and presenting a spent one ends the session, so tabs
// sharing one would race each other's refreshes and sign each other out; and a token that outlives the tab
// is a bigger prize. Any script on this origin could read either storage, which is why the pages' CSP lets
// only this origin's files run (no inline or foreign scripts) and all data is written as text.
const refreshKey = 'gallery.refreshToken';
let accessToken = null;

export const tokens = {
  get accessToken() {
    return accessToken;
  },
  get refreshToken() {
    return sessionStorage.getItem(refreshKey);
  },
  get signedIn() {
    return accessToken !== null || sessionStorage.getItem(refreshKey) !== null;
  },
  set(pair) {
    accessToken = pair.accessToken;
    sessionStorage.setItem(refreshKey, pair.refreshToken);
  },
  clear() {
    accessToken = null;
    sessionStorage.removeItem(refreshKey);
  },
};
