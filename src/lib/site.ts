/** Site-wide names and navigation, used by the layout and by exports. */
export const siteName = 'NHS Cyber Incidents';
export const siteTagline = 'A sourced knowledge base of cyber incidents that hit the NHS and its suppliers';

export const primaryNav = [
  { label: 'Incidents', path: '/incidents/' },
  { label: 'Overview', path: '/overview/' },
  { label: 'Timeline', path: '/timeline/' },
  { label: 'Attackers', path: '/actors/' },
  { label: 'Suppliers and vendors', path: '/vendors/' },
  { label: 'Attack types', path: '/attack-types/' },
  { label: 'Training', path: '/training/' },
  { label: 'About', path: '/about/' },
] as const;

/**
 * Where corrections go: the public repository that holds the content (edit links open a page's
 * source file there; the about and 404 pages link to its issue tracker), the branch the site is
 * built from, and an address for readers without an account there. Each is a build-time setting
 * read from the environment here and nowhere else (README, "Settings").
 */
export interface CorrectionSettings {
  /** The repository's web address, e.g. https://github.com/owner/name (SITE_REPOSITORY_URL). */
  repository: string;
  /** The branch whose files edit links open (SITE_REPOSITORY_BRANCH). */
  branch: string;
  /** The address correction emails go to (SITE_CORRECTIONS_EMAIL). */
  email: string;
}

export const correctionDefaults: CorrectionSettings = {
  repository: 'https://github.com/nhs-cyber-incidents/nhs-cyber-incidents',
  branch: 'main',
  email: 'corrections@nhs-cyber-incidents.example.org',
};

/**
 * The correction settings from environment variables, each falling back to its default when unset
 * or empty. A value that cannot work stops the build with what is wrong and how to fix it.
 */
export function correctionSettingsFrom(env: Readonly<Record<string, string | undefined>>): CorrectionSettings {
  const repository = (env.SITE_REPOSITORY_URL?.trim() || correctionDefaults.repository).replace(/\/+$/, '');
  const branch = env.SITE_REPOSITORY_BRANCH?.trim() || correctionDefaults.branch;
  const email = env.SITE_CORRECTIONS_EMAIL?.trim() || correctionDefaults.email;
  let url: URL | undefined;
  try {
    url = new URL(repository);
  } catch {
    url = undefined;
  }
  if (!url || url.protocol !== 'https:' || url.search || url.hash) {
    throw new Error(`SITE_REPOSITORY_URL is not an https:// address of a repository (found "${repository}"): set it to the repository's web address, e.g. https://github.com/owner/name, or unset it for the default`);
  }
  if (!/^[\w./-]+$/.test(branch) || branch.includes('..')) {
    throw new Error(`SITE_REPOSITORY_BRANCH is not a branch name (found "${branch}"): set it to the branch the site is built from, e.g. main, or unset it for the default`);
  }
  if (!/^[^\s@<>()",;:]+@[^\s@<>()",;:]+\.[^\s@<>()",;:]+$/.test(email)) {
    throw new Error(`SITE_CORRECTIONS_EMAIL is not an email address (found "${email}"): set it to the address corrections go to, e.g. corrections@example.nhs.uk, or unset it for the default`);
  }
  return { repository, branch, email };
}

/** The repository's host as readers know it ("GitHub", "GitLab"), or undefined for another host. */
export function repositoryHost(settings: CorrectionSettings): 'GitHub' | 'GitLab' | undefined {
  const host = new URL(settings.repository).hostname;
  if (host === 'github.com') return 'GitHub';
  if (host === 'gitlab.com' || host.startsWith('gitlab.')) return 'GitLab';
  return undefined;
}

/** The page that opens a new issue in the repository (GitLab keeps it under /-/). */
export function newIssueUrl(settings: CorrectionSettings): string {
  return `${settings.repository}${repositoryHost(settings) === 'GitLab' ? '/-' : ''}/issues/new`;
}

/** The page that opens a file of the repository for editing on the configured branch. */
export function editFileUrl(settings: CorrectionSettings, file: string): string {
  const path = [...settings.branch.split('/'), ...file.split('/')].map(encodeURIComponent).join('/');
  return `${settings.repository}${repositoryHost(settings) === 'GitLab' ? '/-' : ''}/edit/${path}`;
}

/** The most a <title> should hold: search results and browser tabs cut longer ones off. */
export const titleMaxLength = 70;

/**
 * Shortens text to `max` characters at a word boundary, with an ellipsis, trimming any punctuation
 * the cut leaves dangling. A single word longer than half the room is cut mid-word rather than
 * leaving almost nothing.
 */
export function shortenAtWord(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.–-]+$/, '')}…`;
}

/** Room left in a 70-character <title> (what search results and tabs show) once " | site name" is added. */
export const titleRoom = titleMaxLength - ` | ${siteName}`.length;

/** Shortens a page title to `max` characters at a word boundary, with an ellipsis; the h1 keeps the full text. */
export function fitTitle(text: string, max = titleRoom): string {
  return shortenAtWord(text, max);
}

/**
 * A page's <title>: "Page | NHS Cyber Incidents" when that fits in {@link titleMaxLength}
 * characters; otherwise the page title alone; otherwise the page title shortened at a word
 * boundary. The page's h1 keeps the full text.
 */
export function documentTitle(title: string, max = titleMaxLength): string {
  const text = title.trim().replace(/\s+/g, ' ');
  if (text === siteName) return siteName;
  const withSite = `${text} | ${siteName}`;
  if (withSite.length <= max) return withSite;
  return shortenAtWord(text, max);
}
