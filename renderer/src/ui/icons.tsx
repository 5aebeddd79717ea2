/**
 * The app's icons: SVG from lucide (drawn with strokes, so they show on every machine, unlike emoji
 * glyphs, which render as empty boxes where no emoji font is installed). Icons are decoration:
 * lucide marks them aria-hidden, so every icon-only button must carry its own aria-label.
 */
import {
  ArrowDown, ArrowLeft, ArrowRight, ArrowUp, CircleHelp, Copy, CircleStop, CornerUpRight, Dices, Globe, GripVertical, Handshake,
  Hourglass, Link, Mail, Mailbox, MessageCircle, MessageSquare, MessagesSquare, Pencil, Phone, Smartphone, Split, Star, Store,
  Ticket, Trash2, Users, X, Zap, type LucideIcon, type LucideProps,
} from 'lucide-react';
import { createElement } from 'react';
import type { Channel, FlowNode } from '../../../common/journey';

export { ArrowDown, ArrowLeft, ArrowRight, ArrowUp, Copy, GripVertical, Star, Trash2, X };

/** The icon of a flow step kind (and, for actions, of the action type). */
export function nodeIconFor(node: Pick<FlowNode, 'kind'> & { config?: unknown }): LucideIcon {
  switch (node.kind) {
    case 'trigger': return Zap;
    case 'action': {
      const type = (node.config as { type?: string } | undefined)?.type;
      return type === 'email' ? Mail : type === 'sms' ? MessageSquare : type === 'whatsapp' ? MessageCircle : type === 'webhook' ? Link
        : type === 'ticket' ? Ticket : Pencil;
    }
    case 'wait': return Hourglass;
    case 'condition': return CircleHelp;
    case 'multiSplit': return Split;
    case 'randomSplit': return Dices;
    case 'exit': return CircleStop;
    case 'goto': return CornerUpRight;
  }
}

/** A flow step's icon as an element, sized for text. */
export function NodeIcon({ node, ...props }: { node: Pick<FlowNode, 'kind'> & { config?: unknown } } & LucideProps) {
  return createElement(nodeIconFor(node), { size: 16, ...props });
}

/** The icon of each channel. */
export const channelIcon: Record<Channel, LucideIcon> = {
  web: Globe, app: Smartphone, email: Mail, sms: MessageSquare, whatsapp: MessageCircle, phone: Phone, chat: MessagesSquare,
  social: Users, store: Store, mail: Mailbox, 'in-person': Handshake,
};

/** A channel's icon as an element, sized for text. */
export function ChannelIcon({ channel, ...props }: { channel: Channel } & LucideProps) {
  return createElement(channelIcon[channel], { size: 14, ...props });
}
