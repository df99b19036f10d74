import { InitialSchema1795597200000 } from './1795597200000-initial-schema';

/** Every migration, oldest first. Append new ones; never edit or reorder a landed one. */
export const MIGRATIONS = [InitialSchema1795597200000] as const;
