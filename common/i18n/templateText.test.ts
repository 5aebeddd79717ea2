import { describe, expect, it } from 'vitest';
import { builtInTemplates, createFromTemplate } from '../journey/templates/index';
import { localizeTemplate } from './templateText';

describe('localizeTemplate', () => {
  const onboarding = builtInTemplates().find((t) => t.id === 'tpl_onboarding')!;
  const table = { 'Customer onboarding': 'Intégration client', 'Sign-up': 'Inscription', 'Welcome email': 'E-mail de bienvenue', email: 'EMAIL' };

  it('swaps the readable texts the table has and keeps the rest', () => {
    const fr = localizeTemplate(onboarding, table);
    expect(fr.name).toBe('Intégration client');
    expect(fr.body.map.stages[0]!.name).toBe('Inscription');
    // A card text and a flow step label with the same English text are both translated.
    expect(fr.body.flow.nodes.find((n) => n.id === onboarding.body.flow.nodes[1]!.id)!.label).toBe('E-mail de bienvenue');
    expect(fr.body.map.stages[1]!.name).toBe('Welcome');
  });

  it('never touches ids, types or channel values, even when the table has their text', () => {
    const fr = localizeTemplate(onboarding, table);
    expect(fr.body.flow.nodes.map((n) => [n.id, n.kind])).toEqual(onboarding.body.flow.nodes.map((n) => [n.id, n.kind]));
    const channels = (t: typeof onboarding) => Object.values(t.body.map.cells).flatMap((row) => Object.values(row).flat().map((c) => c.channel ?? null));
    expect(channels(fr)).toEqual(channels(onboarding));
    expect(channels(fr)).toContain('email');
    // The template itself is not changed, and a journey made from the copy is valid.
    expect(onboarding.name).toBe('Customer onboarding');
    expect(createFromTemplate(fr, { id: 'j1', now: 1 }).name).toBe('Intégration client');
  });
});
