import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

const path = (relative: string) => fileURLToPath(new URL(relative, import.meta.url));

/** In `npm run dev`, /public/… loads the portal's page, as the server does (registerWeb). */
function portalDevFallback(): Plugin {
  return {
    name: 'fazhi-portal-fallback',
    configureServer(server) {
      server.middlewares.use((req, _res, next) => {
        if (req.url && /^\/public(\/[^.]*)?(\?.*)?$/.test(req.url)) req.url = '/public/index.html';
        next();
      });
    },
  };
}

/** Text files worth compressing; images and fonts here are compressed already. */
const COMPRESSIBLE = /\.(js|mjs|css|html|svg|json|txt|map|webmanifest)$/;

/**
 * Writes x.br and x.gz beside every compressible file of the build, when smaller: the server sends
 * them by Accept-Encoding (registerWeb), so no request pays for compressing at the highest level.
 */
function precompress(): Plugin {
  const walk = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
  let outDir = '';
  return {
    name: 'fazhi-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    closeBundle() {
      for (const file of walk(outDir).filter((f) => COMPRESSIBLE.test(f))) {
        const raw = readFileSync(file);
        const br = brotliCompressSync(raw, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: statSync(file).size } });
        const gz = gzipSync(raw, { level: 9 });
        if (br.length < raw.length) writeFileSync(`${file}.br`, br);
        if (gz.length < raw.length) writeFileSync(`${file}.gz`, gz);
      }
    },
  };
}

export default defineConfig({
  root: path('./src/web'),
  // Copied as they are: the portal's pre-paint script (it must run before the first paint, unbundled).
  publicDir: path('./src/web/public/static'),
  plugins: [react(), portalDevFallback(), precompress()],
  build: {
    outDir: path('./dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // Two pages: the staff app, and the public portal (no antd, echarts or staff code).
      input: { index: path('./src/web/index.html'), portal: path('./src/web/public/index.html') },
      output: {
        // Vendor code in stable chunks so a module's page loads only its own code. A group takes
        // the modules it needs along (antd needs React): React's group goes first, so that the
        // portal, which shares only React with the staff app, does not load antd for it.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 4 },
            { name: 'router', test: /node_modules[\\/](react-router|react-router-dom|@tanstack)[\\/]/, priority: 3 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 2 },
            { name: 'antd', test: /node_modules[\\/](antd|@ant-design|rc-[^\\/]+|@rc-component)[\\/]/, priority: 1 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' },
  },
});
