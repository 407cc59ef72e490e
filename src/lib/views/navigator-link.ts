/**
 * "Open in ATT&CK Navigator: download layer", as the incident, attacker and data pages show it:
 * the layer's address, the file name to save it as, and what it covers (said to screen readers).
 * Undefined where there is no layer (nothing maps a technique), so no page links to a missing file.
 */
import type { ResolvedActor, ResolvedIncident } from '../model.ts';
import { actorLayerPath, incidentLayerPath } from '../export/navigator.ts';
import { dataPaths } from '../export/site-url.ts';

export interface NavigatorLinkView {
  path: string;
  /** File name for the download attribute. */
  download: string;
  /** What the layer covers: "Synnovis pathology ransomware attack", "Qilin". */
  subject: string;
  /** Where /data/ says how to open a layer in Navigator. */
  helpPath: string;
}

const link = (path: string | undefined, subject: string): NavigatorLinkView | undefined =>
  path ? { path, download: `attack-navigator-${path.split('/').at(-1)}`, subject, helpPath: `${dataPaths.page}#navigator` } : undefined;

export const incidentNavigatorLink = (incident: ResolvedIncident) => link(incidentLayerPath(incident), incident.data.title);
export const actorNavigatorLink = (actor: ResolvedActor) => link(actorLayerPath(actor), actor.data.name);
