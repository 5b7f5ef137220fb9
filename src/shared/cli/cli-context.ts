import type { Db } from '../db';
import type { Actor } from '../access/actor';

/** What a domain's commands get from the CLI composition (src/app/cli.ts): a database for the duration of the work, and a user to act as. */
export type WithDb = <T>(work: (db: Db) => Promise<T>) => Promise<T>;
export type ActorFor = (db: Db, username?: string) => Promise<Actor>;
