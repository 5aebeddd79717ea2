/** A fetch that, when armed, lets the next `_bulk_docs` reach the server and then loses its answer. */
export function losingFetch() {
  let armed = false;
  let lost = 0;
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const response = await globalThis.fetch(input, init);
    if (armed && String(input).endsWith('/_bulk_docs')) {
      armed = false;
      lost++;
      await response.arrayBuffer();
      throw new TypeError('fetch failed');
    }
    return response;
  };
  return { fetch, arm: () => void (armed = true), lost: () => lost };
}
