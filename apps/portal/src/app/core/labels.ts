import { Role } from './api.model';

export const ROLE_LABELS: Readonly<Record<Role, string>> = {
  gestionnaire: 'Gestionnaire RH',
  expert: 'Expert',
  superviseur: 'Superviseur',
  dgrh: 'DGRH',
  admin: 'Administrateur',
};

export function roleLabel(role: string): string {
  return (ROLE_LABELS as Readonly<Record<string, string>>)[role] ?? role;
}
