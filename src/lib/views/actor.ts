/** /actors/<id>/: an attacker, its names and who uses each, and every incident tied to it. */
import { actorTypeLabels, attributionLabels, motivationLabels, type AttributionStatus } from '../../schemas/vocabularies.ts';
import { attackUrl, countryName } from '../display.ts';
import { attributionIn } from '../relations.ts';
import { absoluteUrl, dataPaths } from '../export/site-url.ts';
import { paths } from '../urls.ts';
import { correctionFor, entryFor, dateView, pageFrame, type DateView, type LinkView, type PageFrame, type ViewContext } from './common.ts';
import { entityBody, type EntityBodyView } from './entity-body.ts';
import { incidentItem, sourceList, type IncidentItemView, type SourceView } from './parts.ts';
import { actorNavigatorLink, type NavigatorLinkView } from './navigator-link.ts';

export interface ActorPageView {
  page: PageFrame;
  breadcrumbs: LinkView[];
  name: string;
  summary: string;
  aliases: { name: string; usedBy?: string | undefined }[];
  /** "Ransomware group; runs ransomware as a service, with affiliates who carry out attacks". */
  type: string;
  motivation?: string | undefined;
  firstSeen?: DateView | undefined;
  /** Country name ("Russia"). */
  origin?: string | undefined;
  attackIds: { id: string; url: string }[];
  body: EntityBodyView;
  incidents: { incident: IncidentItemView; attribution?: { status: AttributionStatus; label: string; basis: string } | undefined }[];
  sources: SourceView[];
  /** Files for analysts: the ATT&CK Navigator layer of its incidents' techniques (when any) and its Atom feed. */
  data: { navigatorLayer?: NavigatorLinkView | undefined; feed: LinkView };
}

export function actorPage(ctx: ViewContext, id: string): ActorPageView {
  const actor = entryFor(ctx.kb.actors, id, 'actor', 'actors');
  const data = actor.data;
  return {
    page: pageFrame(ctx.site, {
      path: paths.actor(id),
      title: data.name,
      description: data.summary,
      searchKind: 'Attacker',
      feeds: [{ title: `Incidents attributed to ${data.name}`, href: absoluteUrl(ctx.site, dataPaths.actorFeed(id)) }],
      correction: correctionFor(ctx, actor, data.name, paths.actor(id)),
    }),
    breadcrumbs: [{ text: 'Attackers', path: paths.actors() }],
    name: data.name,
    summary: data.summary,
    aliases: data.aliases.map((alias) => ({ name: alias.name, usedBy: alias.usedBy })),
    type: `${actorTypeLabels[data.type]}${data.ransomwareAsAService ? '; runs ransomware as a service, with affiliates who carry out attacks' : ''}`,
    motivation: data.motivation ? motivationLabels[data.motivation] : undefined,
    firstSeen: data.firstSeen ? dateView(data.firstSeen) : undefined,
    origin: data.suspectedOrigin ? countryName(data.suspectedOrigin) : undefined,
    attackIds: data.attackIds.map((attackId) => ({ id: attackId, url: attackUrl(attackId) })),
    body: entityBody(actor, 'Profile'),
    incidents: actor.incidents.map((incident) => {
      const link = attributionIn(incident, id);
      return {
        incident: incidentItem(incident),
        attribution: link ? { status: link.attribution, label: `${attributionLabels[link.attribution]}.`, basis: link.basis } : undefined,
      };
    }),
    sources: sourceList(data.sources),
    data: {
      navigatorLayer: actorNavigatorLink(actor),
      feed: { path: dataPaths.actorFeed(id), text: `Atom feed of incidents tied to ${data.name}` },
    },
  };
}
