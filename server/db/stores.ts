/**
 * The versioned stores (server/db/storage) of the documents that change after they are
 * created. Writers use these, never updateOne/replaceOne on the collections.
 */
import type { Collections } from './collections';
import type { Storage, VersionedStore } from './storage';
import type { CptListDoc, EncounterDoc, ForumPostDoc, TeamDoc, UserDoc } from './collections';

export interface Stores {
  encounters: VersionedStore<EncounterDoc>;
  users: VersionedStore<UserDoc>;
  teams: VersionedStore<TeamDoc>;
  cptLists: VersionedStore<CptListDoc>;
  forumPosts: VersionedStore<ForumPostDoc>;
}

export function createStores(storage: Storage, c: Collections): Stores {
  return {
    encounters: storage.versioned('encounters', c.encounters),
    users: storage.versioned('users', c.users),
    teams: storage.versioned('teams', c.teams),
    cptLists: storage.versioned('cpt_lists', c.cptLists),
    forumPosts: storage.versioned('forum_posts', c.forumPosts)
  };
}
