import { createContext, useContext, type ReactNode } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { MeResponse } from '../shared/schemas/auth.ts';
import { ApiError, get } from './api.ts';

interface AuthState {
  me: MeResponse | null;
  loading: boolean;
  can(permission: string): boolean;
  /** May change a setting every county shares (RouteSpec.platformSetting on the server): the permission, and a scope of every unit. */
  canSetShared(permission: string): boolean;
  refresh(): Promise<void>;
  clear(): void;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children }: { children: ReactNode }) {
  const client = useQueryClient();
  const { data, isLoading } = useQuery({
    queryKey: ['me'],
    queryFn: async () => {
      try {
        return await get<MeResponse>('/auth/me');
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) return null;
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
  const me = data ?? null;
  const state: AuthState = {
    me,
    loading: isLoading,
    can: (p) => !!me?.permissions.includes(p),
    canSetShared: (p) => !!me?.seesAll && !!me.permissions.includes(p),
    refresh: () => client.invalidateQueries({ queryKey: ['me'] }),
    clear: () => {
      client.setQueryData(['me'], null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'me' });
    },
  };
  return <AuthContext.Provider value={state}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const ctx = useContext(AuthContext);
  if (!ctx) throw new Error('useAuth outside AuthProvider');
  return ctx;
}
