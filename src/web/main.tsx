import './styles.css';
import { Fragment, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter, Navigate, Route, Routes, matchPath, useLocation } from 'react-router-dom';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntApp, ConfigProvider, Spin, Result } from 'antd';
import zhCN from 'antd/es/locale/zh_CN';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { AuthProvider, useAuth } from './auth.tsx';
import { setUnauthorizedHandler } from './api.ts';
import { APP_ROUTES, allowed } from './routes.tsx';
import { Shell } from './layouts/Shell.tsx';
import LoginPage from './pages/LoginPage.tsx';
import ChangePasswordPage from './pages/ChangePasswordPage.tsx';
import TwoFactorSetupPage from './pages/TwoFactorSetupPage.tsx';

dayjs.locale('zh-cn');
const queryClient = new QueryClient({ defaultOptions: { queries: { refetchOnWindowFocus: false, retry: false } } });
setUnauthorizedHandler(() => queryClient.setQueryData(['me'], null));

function Guarded() {
  const { me, loading, can } = useAuth();
  const location = useLocation();
  if (loading) return <Spin fullscreen />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname }} />;
  if (me.passwordChangeRequired) return <ChangePasswordPage forced />;
  if (me.twoFactorSetupRequired) return <TwoFactorSetupPage />;
  // A bare page (the meeting-room screen) fills the window without the menu and header.
  const Frame = APP_ROUTES.some((r) => r.bare && matchPath(r.path, location.pathname)) ? Fragment : Shell;
  return (
    <Frame>
      <Suspense fallback={<Spin style={{ margin: 48 }} />}>
        <Routes>
          {APP_ROUTES.map((r) => (
            <Route key={r.path} path={r.path} element={allowed(r, can) ? <r.page /> : <Result status="403" title="无权访问" subTitle="您的角色没有访问此页面的权限" />} />
          ))}
          <Route path="*" element={<Result status="404" title="页面不存在" />} />
        </Routes>
      </Suspense>
    </Frame>
  );
}

// People who asked their system for less motion get dialogs and drawers without animations.
const motion = !window.matchMedia('(prefers-reduced-motion: reduce)').matches;

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <ConfigProvider locale={zhCN} theme={{ token: { colorPrimary: '#b71c1c', borderRadius: 4, fontSize: 14, motion }, components: { Table: { cellPaddingBlockSM: 6 } } }}>
      <AntApp>
        <QueryClientProvider client={queryClient}>
          <AuthProvider>
            <BrowserRouter>
              <Routes>
                <Route path="/login" element={<LoginPage />} />
                {/* The public portal (/public/…) is its own page: src/web/public. */}
                <Route path="*" element={<Guarded />} />
              </Routes>
            </BrowserRouter>
          </AuthProvider>
        </QueryClientProvider>
      </AntApp>
    </ConfigProvider>
  </StrictMode>,
);
