import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';

const require = createRequire(import.meta.url);

type Asset = { body: Buffer; gzip: Buffer; brotli: Buffer; type: string; hash: string };

const fontFiles: Record<string, string> = {
  'fira-sans-400.woff2': '@fontsource/fira-sans/files/fira-sans-latin-400-normal.woff2',
  'fira-sans-700.woff2': '@fontsource/fira-sans/files/fira-sans-latin-700-normal.woff2',
};

/**
 * One stylesheet for the whole site, precompressed once: NL Design System tokens, the Utrecht component
 * CSS and the Meedoen theme. A phone makes one request for it and then keeps it (the name carries a hash).
 */
function buildStylesheet(): Asset {
  const parts = [
    require.resolve('@utrecht/design-tokens/dist/index.css'),
    require.resolve('@utrecht/component-library-css/dist/index.css'),
    new URL('../../public/meedoen.css', import.meta.url),
  ].map((file) => readFileSync(file));
  return compressed(Buffer.concat(parts), 'text/css; charset=utf-8');
}

function compressed(body: Buffer, type: string): Asset {
  return {
    body,
    type,
    hash: createHash('sha256').update(body).digest('hex').slice(0, 12),
    gzip: gzipSync(body, { level: 9 }),
    brotli: brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } }),
  };
}

/** Small enhancements only: every page works without them. */
function buildScript(file: string): Asset {
  return compressed(
    readFileSync(new URL(`../../public/${file}`, import.meta.url)),
    'text/javascript; charset=utf-8',
  );
}

const builders = { 'site.css': buildStylesheet, 'session.js': () => buildScript('session.js') } as const;
export type AssetName = keyof typeof builders;
const built = new Map<AssetName, Asset>();

function asset(name: AssetName): Asset {
  let found = built.get(name);
  if (!found) {
    found = builders[name]();
    built.set(name, found);
  }
  return found;
}

export function assetUrl(name: AssetName): string {
  return `/assets/${name}?v=${asset(name).hash}`;
}

export function registerAssets(app: FastifyInstance): void {
  for (const name of Object.keys(builders) as AssetName[]) {
    app.get(`/assets/${name}`, { schema: { hide: true } }, (request, reply) => {
      const file = asset(name);
      const accepts = String(request.headers['accept-encoding'] ?? '');
      reply
        .header('cache-control', 'public, max-age=31536000, immutable')
        .header('vary', 'accept-encoding')
        .type(file.type);
      if (/\bbr\b/.test(accepts)) return reply.header('content-encoding', 'br').send(file.brotli);
      if (/\bgzip\b/.test(accepts)) return reply.header('content-encoding', 'gzip').send(file.gzip);
      return reply.send(file.body);
    });
  }

  for (const [name, modulePath] of Object.entries(fontFiles)) {
    const body = readFileSync(require.resolve(modulePath));
    app.get(`/assets/fonts/${name}`, { schema: { hide: true } }, (_request, reply) =>
      reply.header('cache-control', 'public, max-age=31536000, immutable').type('font/woff2').send(body),
    );
  }
}
