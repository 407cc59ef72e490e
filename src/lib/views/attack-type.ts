/** /attack-types/<id>/: one value of the attack-type taxonomy, where it sits, its mappings and its incidents. */
import { attackUrl } from '../display.ts';
import { paths } from '../urls.ts';
import { correctionFor, entryFor, pageFrame, type LinkView, type PageFrame, type ViewContext } from './common.ts';
import { incidentItem, type IncidentItemView } from './parts.ts';

export interface AttackTypePageView {
  page: PageFrame;
  breadcrumbs: LinkView[];
  name: string;
  summary: string;
  parent?: LinkView | undefined;
  children: LinkView[];
  veris?: string | undefined;
  rsit?: string | undefined;
  techniques: { id: string; url: string }[];
  /** The name as it reads mid-sentence ("ransomware"). */
  nameInSentence: string;
  incidents: IncidentItemView[];
}

export function attackTypePage(ctx: ViewContext, id: string): AttackTypePageView {
  const attackType = entryFor(ctx.kb.attackTypes, id, 'attack type', 'attack-types');
  const data = attackType.data;
  return {
    page: pageFrame(ctx.site, {
      path: paths.attackType(id),
      title: data.name,
      description: data.summary,
      searchKind: 'Attack type',
      correction: correctionFor(ctx, attackType, data.name, paths.attackType(id)),
    }),
    breadcrumbs: [{ text: 'Attack types', path: paths.attackTypes() }],
    name: data.name,
    summary: data.summary,
    parent: attackType.parent ? { path: paths.attackType(attackType.parent.id), text: attackType.parent.data.name } : undefined,
    children: attackType.children.map((child) => ({ path: paths.attackType(child.id), text: child.data.name })),
    veris: data.veris,
    rsit: data.rsit,
    techniques: data.techniques.map((technique) => ({ id: technique, url: attackUrl(technique) })),
    nameInSentence: data.name.toLowerCase(),
    incidents: attackType.incidents.map(incidentItem),
  };
}
