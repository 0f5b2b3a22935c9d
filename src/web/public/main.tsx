// The public portal's entry: React and the portal's own code only — no antd, echarts or staff app,
// and no session (nothing here asks /auth/me).
import './portal.css';
import { StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { HOME, Loading, NavSections, PortalPage } from './layout.tsx';
import { Link, matchRoute, useLocation, type PortalRoute } from './router.tsx';
import { SECTIONS } from './sections.ts';
import HomePage from './HomePage.tsx';

const ROUTES: PortalRoute[] = [{ pattern: HOME, page: HomePage }, ...SECTIONS.flatMap((s) => s.routes)];

function NotFoundPage() {
  return (
    <PortalPage title="页面不存在">
      <p>您访问的页面不存在，可能已被移动或删除。</p>
      <p>
        <Link to={HOME}>返回首页</Link>
      </p>
    </PortalPage>
  );
}

function Portal() {
  const { path } = useLocation();
  const match = matchRoute(ROUTES, path);
  const Page = match?.route.page ?? NotFoundPage;
  return (
    <Suspense
      fallback={
        <PortalPage title="正在加载">
          <Loading />
        </PortalPage>
      }
    >
      {/* A new address is a new page: its state and focus start afresh. */}
      <Page key={path} params={match?.params ?? {}} />
    </Suspense>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <NavSections.Provider value={SECTIONS}>
      <Portal />
    </NavSections.Provider>
  </StrictMode>,
);
