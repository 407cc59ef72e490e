/** /organisations/<id>/: an NHS body or other organisation, what it is, where, and each incident with its role. */
import { organisationRoleLabels, organisationTypeLabels, regionLabels } from '../../schemas/vocabularies.ts';
import { organisationRolesIn } from '../relations.ts';
import { paths } from '../urls.ts';
import { correctionFor, entryFor, certaintyView, pageFrame, type CertaintyView, type LinkView, type PageFrame, type ViewContext } from './common.ts';
import { incidentItem, type IncidentItemView } from './parts.ts';

export interface OrganisationPageView {
  page: PageFrame;
  breadcrumbs: LinkView[];
  name: string;
  summary?: string | undefined;
  shortName?: string | undefined;
  type: string;
  region: string;
  odsCode?: string | undefined;
  website?: string | undefined;
  incidents: { incident: IncidentItemView; roles: { role: string; certainty?: CertaintyView | undefined; note?: string | undefined }[] }[];
}

export function organisationPage(ctx: ViewContext, id: string): OrganisationPageView {
  const organisation = entryFor(ctx.kb.organisations, id, 'organisation', 'organisations');
  const data = organisation.data;
  const type = organisationTypeLabels[data.type];
  const region = regionLabels[data.region];
  return {
    page: pageFrame(ctx.site, {
      path: paths.organisation(id),
      title: data.shortName ?? data.name,
      description: data.summary ?? `${data.name}: ${type}, ${region}. Cyber incidents that affected it.`,
      searchKind: 'Organisation',
      correction: correctionFor(ctx, organisation, data.name, paths.organisation(id)),
    }),
    breadcrumbs: [{ text: 'Organisations', path: paths.organisations() }],
    name: data.name,
    summary: data.summary,
    shortName: data.shortName,
    type,
    region,
    odsCode: data.odsCode,
    website: data.website,
    incidents: organisation.incidents.map((incident) => ({
      incident: incidentItem(incident),
      roles: organisationRolesIn(incident, id).map((role) => ({
        role: organisationRoleLabels[role.role],
        certainty: role.certainty === 'confirmed' ? undefined : certaintyView(role.certainty),
        note: role.note,
      })),
    })),
  };
}
