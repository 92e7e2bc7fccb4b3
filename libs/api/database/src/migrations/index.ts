import { CreateRegions1764100000000 } from './1764100000000-CreateRegions';

/** Every migration, oldest first. A new migration is added here as well as in its file. */
export const MIGRATIONS = [CreateRegions1764100000000];
