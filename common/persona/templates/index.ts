import { b2bTemplate, classicTemplate, saasTemplate, travelTemplate } from './business';
import { bankingTemplate, ecommerceTemplate, healthcareTemplate, studentTemplate } from './consumer';
import type { PersonaTemplate } from './build';

export type { PersonaTemplate } from './build';

/** Templates shipped with the app, in gallery order: the brief's six industry presets first. */
export const builtInTemplates: readonly PersonaTemplate[] = [
  ecommerceTemplate,
  saasTemplate,
  healthcareTemplate,
  bankingTemplate,
  b2bTemplate,
  studentTemplate,
  travelTemplate,
  classicTemplate,
];
