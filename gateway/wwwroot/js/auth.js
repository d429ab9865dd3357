// Signing in, signing up and signing out against /api/auth.
import { request } from './api.js';
import { tokens } from './tokens.js';

export async function signIn(email, password) {
  const response = await request('/api/auth/login', { method: 'POST', json: { email, password }, auth: false });
  tokens.set(await response.json());
}

export async function signUp({ username, email, password }) {
  await request('/api/auth/register', { method: 'POST', json: { username, email, password }, auth: false });
  await signIn(email, password);
}

export async function signOut() {
  try {
    await request('/api/auth/logout', { method: 'POST' });
  } finally {
    tokens.clear();
  }
}
