import { JourneyEditorScreen } from './JourneyEditorScreen';
import { JourneyList } from './JourneyList';
import { TemplateGallery } from './TemplateGallery';
import './journeys.css';

/**
 * The journeys section. Routes: `#/journeys` (list), `#/journeys/templates` (gallery),
 * `#/journeys/<id>/<map|flow|versions>` (editor).
 */
export default function JourneysPage({ path }: { path: string[] }) {
  const [first, second] = path;
  if (!first) return <JourneyList />;
  if (first === 'templates') return <TemplateGallery />;
  const tab = second === 'flow' || second === 'versions' ? second : 'map';
  return <JourneyEditorScreen id={first} tab={tab} />;
}
