/** Addresses of MITRE ATT&CK objects on attack.mitre.org, by id. */

const folders: Record<string, string> = { T: 'techniques', G: 'groups', S: 'software', C: 'campaigns', M: 'mitigations' };

/** "T1566.001" → https://attack.mitre.org/techniques/T1566/001/ ; G, S, C and M ids likewise. */
export function attackUrl(attackId: string): string {
  const folder = folders[attackId.charAt(0)];
  if (!folder || !/^[TGSCM]\d{4}(\.\d{3})?$/.test(attackId)) {
    throw new Error(`"${attackId}" is not an ATT&CK id (T####, T####.###, G####, S####, C#### or M####)`);
  }
  return `https://attack.mitre.org/${folder}/${attackId.replace('.', '/')}/`;
}
