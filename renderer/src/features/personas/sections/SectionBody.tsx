import type { PersonaChange, PersonaDoc, PersonaSection } from '../../../../../common/persona';
import { ChannelsEditor } from './ChannelsEditor';
import { ChartEditor } from './ChartEditor';
import { DemographicsEditor } from './DemographicsEditor';
import { HeaderEditor } from './HeaderEditor';

import { ListEditor } from './ListEditor';
import { LiveMetricsBlock } from './LiveMetricsBlock';
import { MediaEditor } from './MediaEditor';
import { QuoteEditor, TextEditor } from './TextEditors';
import { LevelsEditor, ScalesEditor } from './ScalesEditor';
import { FormattedMessage } from '../../../i18n';

/** Props every section editor receives. */
export interface SectionProps {
  doc: PersonaDoc;
  section: PersonaSection;
  edit: (c: PersonaChange) => void;
}

/** Picks the editor for a section's type. */
export function SectionBody(props: SectionProps) {
  switch (props.section.type) {
    case 'header': return <HeaderEditor {...props} />;
    case 'goals': case 'frustrations': case 'motivations': case 'needs': case 'brands': return <ListEditor {...props} />;
    case 'bio': case 'challenges': case 'context': case 'scenarios': case 'expectations': return <TextEditor {...props} />;
    case 'custom': return <><TextEditor {...props} /><ListEditor {...props} /></>;
    case 'quote': return <QuoteEditor {...props} />;
    case 'demographics': return <DemographicsEditor {...props} />;
    case 'pieChart': case 'barChart': return <ChartEditor {...props} />;
    case 'channels': return <ChannelsEditor {...props} />;
    case 'scales': return <ScalesEditor {...props} />;
    case 'personality': case 'technology': return <LevelsEditor {...props} />;
    case 'media': return <MediaEditor {...props} />;
    case 'liveMetrics': return <LiveMetricsBlock {...props} />;
    default: return <p className="muted"><FormattedMessage id="personas.section.unknown" /></p>;
  }
}
