import { channelKinds, channelLabels, newId, preferenceLabels, type ChannelPreference } from '../../../../../common/persona';
import type { SectionProps } from './SectionBody';
import { X } from '../../../ui/icons';

/** Channel preferences: each channel with a level from "Avoids" to "Prefers". */
export function ChannelsEditor({ section, edit }: SectionProps) {
  const channels = (section.data.channels ?? []) as ChannelPreference[];
  const missing = channelKinds.filter((k) => !channels.some((c) => c.channel === k));
  return (
    <div className="channels-editor">
      <ul>
        {channels.map((c) => (
          <li key={c.id}>
            <span className="channel-name">{channelLabels[c.channel]}</span>
            <input type="range" min={0} max={preferenceLabels.length - 1} step={1} value={c.level} aria-label={`${channelLabels[c.channel]} preference`}
              aria-valuetext={preferenceLabels[c.level]} onChange={(e) => edit({ kind: 'updateItem', sectionId: section.id, itemId: c.id, patch: { level: Number(e.target.value) } })} />
            <span className="level-label">{preferenceLabels[c.level]}</span>
            <button type="button" className="ghost" aria-label={`Remove ${channelLabels[c.channel]}`} onClick={() => edit({ kind: 'removeItem', sectionId: section.id, itemId: c.id })}><X size={14} /></button>
          </li>
        ))}
      </ul>
      {missing.length > 0 && (
        <select aria-label="Add channel" value="" onChange={(e) => e.target.value && edit({ kind: 'addItem', sectionId: section.id, item: { id: newId(), channel: e.target.value, level: 2 } })}>
          <option value="">+ Add channel</option>
          {missing.map((k) => <option key={k} value={k}>{channelLabels[k]}</option>)}
        </select>
      )}
    </div>
  );
}
