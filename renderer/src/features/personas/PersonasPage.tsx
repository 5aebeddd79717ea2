import { lazy, Suspense } from 'react';
import { Loading } from '../../ui/States';
import { PersonaList } from './PersonaList';
import './personas.css';

// The editor pulls in the grid and charts; the list paints without them.
const PersonaEditor = lazy(() => import('./editor/PersonaEditor'));
const TemplateGallery = lazy(() => import('./TemplateGallery'));
const HistoryPage = lazy(() => import('./history/HistoryPage'));
const ComparePage = lazy(() => import('./compare/ComparePage'));

/**
 * The Personas section. Routes: `#/personas` list, `/new` template gallery, `/compare/a/b…` comparison,
 * `/<id>` editor, `/<id>/history` versions.
 */
export default function PersonasPage({ path }: { path: string[] }) {
  const [head, second] = path;
  let page;
  if (!head) page = <PersonaList />;
  else if (head === 'new') page = <TemplateGallery />;
  else if (head === 'compare') page = <ComparePage ids={path.slice(1)} />;
  else if (second === 'history') page = <HistoryPage id={head} />;
  else page = <PersonaEditor key={head} id={head} />;
  return <Suspense fallback={<Loading />}>{page}</Suspense>;
}
