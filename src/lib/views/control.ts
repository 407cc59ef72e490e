/** /controls/<id>/: a control, and every incident where it would have helped, grouped by how. */
import { controlBasisLabels, controlEffectLabels, controlFrameworkLabels } from '../../schemas/vocabularies.ts';
import { attackUrl, countIncidents } from '../display.ts';
import { groupUsesByEffect } from '../relations.ts';
import { paths } from '../urls.ts';
import { correctionFor, entryFor, pageFrame, type LinkView, type PageFrame, type ViewContext } from './common.ts';
import { incidentItem, type IncidentItemView } from './parts.ts';

export interface ControlPageView {
  page: PageFrame;
  breadcrumbs: LinkView[];
  name: string;
  summary: string;
  framework: string;
  reference: string;
  url?: string | undefined;
  sourceNote?: string | undefined;
  mitigations: { id: string; url: string }[];
  /** Uses by effect (prevent, detect, limit, recover), empty groups left out. */
  groups: {
    id: string;
    /** "Would have prevented it (2 incidents)". */
    heading: string;
    uses: { incident: IncidentItemView; basis: string; basisLabel: string; reasoning: string }[];
  }[];
}

export function controlPage(ctx: ViewContext, id: string): ControlPageView {
  const control = entryFor(ctx.kb.controls, id, 'control', 'controls');
  const data = control.data;
  return {
    page: pageFrame(ctx.site, {
      path: paths.control(id),
      title: data.name,
      description: data.summary,
      searchKind: 'Control',
      correction: correctionFor(ctx, control, data.name, paths.control(id)),
    }),
    breadcrumbs: [{ text: 'Controls', path: paths.controls() }],
    name: data.name,
    summary: data.summary,
    framework: controlFrameworkLabels[data.framework],
    reference: data.reference,
    url: data.url,
    sourceNote: data.sourceNote,
    mitigations: data.mitigations.map((mitigation) => ({ id: mitigation, url: attackUrl(mitigation) })),
    groups: groupUsesByEffect(control.uses).map((group) => ({
      id: `effect-${group.effect}`,
      heading: `${controlEffectLabels[group.effect]} (${countIncidents(group.uses.length)})`,
      uses: group.uses.map(({ incident, link }) => ({
        incident: incidentItem(incident),
        basis: link.basis,
        basisLabel: `${controlBasisLabels[link.basis]}.`,
        reasoning: link.reasoning,
      })),
    })),
  };
}
