// Every portal page's frame: skip link, header with the sections and the 适老模式 switch, one h1,
// and the footer. The page's name goes into <title> together with the site's.
import { createContext, useContext, useEffect, useRef, type ReactNode } from 'react';
import { Link, movedWithinPortal, useLocation } from './router.tsx';
import { setElderMode, useElderMode } from './elder.ts';

/** The county's platform name; the public API does not offer it yet (see issue 12). */
export const SITE_NAME = '法治政府建设';
export const HOME = '/public';

/**
 * The sections the navigation offers, given by the entry (main.tsx): the sections load their pages,
 * and the pages use this frame, so the frame takes them from a context rather than importing them.
 */
export const NavSections = createContext<readonly { title: string; path: string }[]>([]);

export interface Crumb {
  label: string;
  to: string;
}

function ElderToggle() {
  const on = useElderMode();
  return (
    <button type="button" className="elder-toggle" aria-pressed={on} onClick={() => setElderMode(!on)}>
      <span className="switch" aria-hidden="true" />
      适老模式
    </button>
  );
}

function SiteNav() {
  const { path } = useLocation();
  const items = [{ title: '首页', path: HOME }, ...useContext(NavSections)];
  return (
    <nav className="site-nav" aria-label="栏目">
      <ul className="wrap">
        {items.map((s) => {
          const here = path === s.path;
          const within = here || (s.path !== HOME && path.startsWith(`${s.path}/`));
          return (
            <li key={s.path}>
              <Link to={s.path} aria-current={here ? 'page' : undefined} className={within ? 'active' : undefined}>
                {s.title}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function SiteHeader() {
  return (
    <header className="site-header">
      <div className="wrap header-bar">
        <Link to={HOME} className="brand">
          <span className="brand-name">{SITE_NAME}</span>
          <span className="brand-sub">信息公开与公众服务</span>
        </Link>
        <ElderToggle />
      </div>
      <SiteNav />
    </header>
  );
}

function Trail({ crumbs }: { crumbs: Crumb[] }) {
  return (
    <nav className="trail" aria-label="当前位置">
      <ol>
        {crumbs.map((c) => (
          <li key={c.to}>
            <Link to={c.to}>{c.label}</Link>
          </li>
        ))}
      </ol>
    </nav>
  );
}

/**
 * A portal page. `title` is its one h1 and names it in <title>; `trail` is the way back up
 * (the page itself is the h1, not a crumb).
 */
export function PortalPage({ title, trail, headingClass, children }: { title: string; trail?: Crumb[]; headingClass?: string; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = title === SITE_NAME ? title : `${title}｜${SITE_NAME}`;
  }, [title]);
  // After a move within the portal, a screen reader starts reading at the new page's heading.
  useEffect(() => {
    if (movedWithinPortal()) heading.current?.focus();
  }, []);
  return (
    <>
      <a className="skip-link" href="#main">
        跳到正文
      </a>
      <SiteHeader />
      <main id="main" className="wrap main" tabIndex={-1}>
        {trail && <Trail crumbs={trail} />}
        <h1 ref={heading} tabIndex={-1} className={headingClass}>
          {title}
        </h1>
        {children}
      </main>
      <footer className="site-footer">
        <div className="wrap">
          <p>{SITE_NAME} · 信息公开与公众服务</p>
          <p>
            <a href="/login">工作人员登录</a>
          </p>
        </div>
      </footer>
    </>
  );
}

/** A line that says the page is waiting for its data, read out by screen readers. */
export const Loading = () => (
  <p className="status" role="status">
    正在加载…
  </p>
);

export const Problem = ({ children }: { children: ReactNode }) => (
  <p className="problem" role="alert">
    {children}
  </p>
);
