// The request context: who is acting, with which roles, permissions and data scope.
import type { Actor } from '../audit/index.ts';
import type { DataScope } from './scope.ts';
import type { Role } from '../../../shared/roles.ts';

export interface RequestContext extends Actor {
  id: string;
  username: string;
  /** Audit actor name: the username. */
  name: string;
  displayName: string;
  unitId: string;
  unitPath: string;
  unitCode: string;
  roles: Role[];
  permissions: ReadonlySet<string>;
  scope: DataScope;
  sessionId: string;
  csrfToken: string;
  /** Set when the user must change the password before doing anything else. */
  passwordChangeRequired: null | 'initial' | 'expired';
  /** Set when the account must sign in with TOTP but has not enrolled yet: it enrols before anything else. */
  twoFactorSetupRequired: boolean;
}

export function can(ctx: RequestContext, permission: string): boolean {
  return ctx.permissions.has(permission);
}
