import { channelKinds, newId, preferenceLabels, type ChannelKind, type ChannelPreference } from '../../../../../common/persona';
import { useT, type MessageId } from '../../../i18n';
import type { SectionProps } from './SectionBody';
import { X } from '../../../ui/icons';

/** Channel preferences: each channel with a level from "Avoids" to "Prefers". */
export function ChannelsEditor({ section, edit }: SectionProps) {
  const channels = (section.data.channels ?? []) as ChannelPreference[];
  const missing = channelKinds.filter((k) => !channels.some((c) => c.channel === k));
  const t = useT();
  const channel = (k: ChannelKind) => t(`personas.channel.${k}` as MessageId);
  const level = (n: number) => (n >= 0 && n < preferenceLabels.length ? t(`personas.channel.level.${n}` as MessageId) : String(n));
  return (
    <div className="channels-editor">
      <ul>
        {channels.map((c) => (
          <li key={c.id}>
            <span className="channel-name">{channel(c.channel)}</span>
            <input type="range" min={0} max={preferenceLabels.length - 1} step={1} value={c.level} aria-label={t('personas.channel.preference', { channel: channel(c.channel) })}
              aria-valuetext={level(c.level)} onChange={(e) => edit({ kind: 'updateItem', sectionId: section.id, itemId: c.id, patch: { level: Number(e.target.value) } })} />
            <span className="level-label">{level(c.level)}</span>
            <button type="button" className="ghost" aria-label={t('personas.channel.remove', { channel: channel(c.channel) })} onClick={() => edit({ kind: 'removeItem', sectionId: section.id, itemId: c.id })}><X size={14} /></button>
          </li>
        ))}
      </ul>
      {missing.length > 0 && (
        <select aria-label={t('personas.channel.add')} value="" onChange={(e) => e.target.value && edit({ kind: 'addItem', sectionId: section.id, item: { id: newId(), channel: e.target.value, level: 2 } })}>
          <option value="">{t('personas.channel.addOption')}</option>
          {missing.map((k) => <option key={k} value={k}>{channel(k)}</option>)}
        </select>
      )}
    </div>
  );
}
