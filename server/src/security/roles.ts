import type { Role } from '@samskapa/shared';
import type { WorkshopRow } from '../store/types';
import { secretMatches } from './secrets';

/**
 * The role a token grants in a workshop, compared in constant time against every stored hash. Both the
 * WebSocket upgrade and the HTTP guard ask it, so neither imports the other.
 */
export function roleOf(workshop: WorkshopRow, token: string): Role | undefined {
  const roles: [Role, Buffer][] = [
    ['facilitator', workshop.facilitatorHash],
    ['participant', workshop.participantHash],
    ['viewer', workshop.viewerHash],
  ];
  let found: Role | undefined;
  for (const [role, hash] of roles) if (secretMatches(token, hash) && !found) found = role;
  return found;
}
