import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

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

export default defineConfig({
  root: path('./src/web'),
  // Copied as they are: the portal's pre-paint script (it must run before the first paint, unbundled).
  publicDir: path('./src/web/public/static'),
  plugins: [react(), portalDevFallback()],
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
