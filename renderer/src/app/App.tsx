import { Suspense, lazy, useEffect, useRef } from 'react';
import type { ComponentType, LazyExoticComponent } from 'react';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Loading } from '../ui/States';
import { LimitWatch } from '../ui/LimitWatch';
import { Toasts } from '../ui/Toasts';
import { SyncBadge } from '../sync/SyncBadge';
import { WorkspaceSwitcher } from '../workspaces/WorkspaceSwitcher';
import { OpenWorkspaceFile } from '../features/exports/OpenWorkspaceFile';
import { LanguagePicker, useT } from '../i18n';
import { DataProblemsBanner } from './DataProblemsBanner';
import { sections, routeHash, useRoute } from './route';
import type { SectionId } from './route';

// Each feature is its own chunk: the first screen paints without loading the flow editor or charts.
const pages: Record<SectionId, LazyExoticComponent<ComponentType<{ path: string[] }>>> = {
  personas: lazy(() => import('../features/personas/PersonasPage')),
  journeys: lazy(() => import('../features/journeys/JourneysPage')),
  data: lazy(() => import('../features/data/DataPage')),
  analytics: lazy(() => import('../features/analytics/AnalyticsPage')),
  experiments: lazy(() => import('../features/experiments/ExperimentsPage')),
  sync: lazy(() => import('../features/sync/SyncPage')),
};

// Daily snapshots are caught up whichever section is open; Analytics runs its own while shown.
const SnapshotScheduler = lazy(() => import('../features/analytics/SnapshotScheduler'));

/** The app frame: navigation, the current section, toasts and the data-problems banner. */
export function App() {
  const route = useRoute();
  const t = useT();
  const mainRef = useRef<HTMLElement>(null);
  const Page = pages[route.section];
  const label = t(`app.section.${route.section}`);

  // On navigation (not on first load, where the skip link must come first), move focus to the new
  // screen so keyboard and screen-reader users land there.
  const shown = useRef<string | null>(null);
  useEffect(() => {
    document.title = t('app.documentTitle', { section: label });
    if (shown.current !== null && shown.current !== route.section) mainRef.current?.focus({ preventScroll: true });
    shown.current = route.section;
  }, [route.section, label, t]);

  return (
    <div className="app">
      <a className="skip-link" href="#main">{t('app.skipLink')}</a>
      <nav className="sidebar" aria-label={t('app.nav.label')}>
        <div className="brand">{t('app.brand')}</div>
        <WorkspaceSwitcher />
        <OpenWorkspaceFile />
        <ul>
          {sections.map((s) => (
            <li key={s.id}>
              <a href={routeHash(s.id)} aria-current={route.section === s.id ? 'page' : undefined}>{t(`app.section.${s.id}`)}</a>
            </li>
          ))}
        </ul>
        <SyncBadge />
        <LanguagePicker />
      </nav>
      <main id="main" ref={mainRef} tabIndex={-1} className="content" aria-label={label}>
        <DataProblemsBanner />
        <ErrorBoundary resetKey={route.section}>
          <Suspense fallback={<Loading />}>
            <Page path={route.path} />
          </Suspense>
        </ErrorBoundary>
      </main>
      <Toasts />
      <LimitWatch />
      {route.section !== 'analytics' && (
        <ErrorBoundary resetKey="scheduler" silent>
          <Suspense fallback={null}>
            <SnapshotScheduler />
          </Suspense>
        </ErrorBoundary>
      )}
    </div>
  );
}
