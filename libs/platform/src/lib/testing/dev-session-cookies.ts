/**
 * Session cookies of development users for tests through HTTP: each persona (`role@académie`)
 * signs in once through `POST /api/v1/session/dev`; its `mileva_session=…` cookie is remembered.
 * `baseUrl` is read at each call, as the platform starts after the helper is made.
 */
export function devSessionCookies(baseUrl: () => string): (persona: string) => Promise<string> {
  const cookies = new Map<string, string>();
  return async (persona) => {
    const known = cookies.get(persona);
    if (known) return known;
    const [role, academie] = persona.split('@');
    const response = await fetch(`${baseUrl()}/api/v1/session/dev`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ role, academie }) });
    const cookie = (response.headers.getSetCookie().find((header) => header.startsWith('mileva_session=')) ?? '').split(';')[0];
    cookies.set(persona, cookie);
    return cookie;
  };
}
