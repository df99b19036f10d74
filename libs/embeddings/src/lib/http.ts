/** HTTP helpers shared by the clients of model servers (embeddings here, completions in `@mileva/llm`). */

/**
 * The global `fetch`, with rejections turned into errors of this realm. Where `fetch` comes from
 * another JavaScript realm (vm contexts, some test runners), its errors are not `instanceof Error`
 * here and the SDKs drop their name: the abort of a timeout would pass for a connection failure.
 */
export async function realmSafeFetch(
  input: string | URL | Request,
  init?: RequestInit,
): Promise<Response> {
  try {
    return await fetch(input, init);
  } catch (error) {
    throw toLocalError(error);
  }
}

function toLocalError(error: unknown): unknown {
  if (error instanceof Error || typeof error !== 'object' || error === null) {
    return error;
  }
  const fields = error as Record<string, unknown>;
  const message =
    typeof fields['message'] === 'string' ? fields['message'] : 'fetch failed';
  const local = new Error(message, { cause: fields['cause'] });
  if (typeof fields['name'] === 'string') {
    local.name = fields['name'];
  }
  return local;
}

/** The URL without user info, query string nor fragment, where a secret could hide. */
export function redactUrl(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString().replace(/\/$/, '');
}
