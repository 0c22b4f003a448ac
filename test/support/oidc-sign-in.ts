/**
 * Goes through a test provider's development login and consent pages without a browser, as `login`, and
 * returns the address the provider sends the browser back to (Meedoen's return address, with the code).
 */
export async function signInAtTestProvider(
  authorizationUrl: string,
  login: string,
  returnAddress: string,
): Promise<URL> {
  const jar = new Map<string, string>();
  let request: { url: string; form?: URLSearchParams } = { url: authorizationUrl };
  for (let step = 0; step < 12; step += 1) {
    const response = await fetch(request.url, {
      method: request.form ? 'POST' : 'GET',
      redirect: 'manual',
      headers: {
        cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '),
        ...(request.form ? { 'content-type': 'application/x-www-form-urlencoded' } : {}),
      },
      body: request.form?.toString(),
    });
    for (const header of response.headers.getSetCookie()) {
      const [pair = ''] = header.split(';');
      const at = pair.indexOf('=');
      jar.set(pair.slice(0, at), pair.slice(at + 1));
    }
    const location = response.headers.get('location');
    if (location) {
      const next = new URL(location, request.url);
      if (next.href.startsWith(returnAddress)) return next;
      request = { url: next.href };
      continue;
    }
    // The development pages: a login form (any name and password), then a consent form.
    const html = await response.text();
    const action = /<form[^>]*action="([^"]+)"/.exec(html)?.[1];
    const prompt = /name="prompt" value="([^"]+)"/.exec(html)?.[1];
    if (!action || !prompt) throw new Error(`unexpected provider page (${response.status}): ${html}`);
    const form = new URLSearchParams({ prompt });
    if (prompt === 'login') {
      form.set('login', login);
      form.set('password', 'anything');
    }
    request = { url: new URL(action.replaceAll('&amp;', '&'), request.url).href, form };
  }
  throw new Error('the provider did not send the browser back');
}
