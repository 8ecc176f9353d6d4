/**
 * One open encounter: loads it, applies every change through the API and keeps the latest
 * EncounterDto the server returned (the server is the source of truth; no optimistic edits).
 * Live changes from the room (live-encounter.svelte.ts) replace it through `applyLive`, newest
 * revision wins; `removed` says why the user may no longer see it (the data is dropped).
 */
import { api, ApiClientError } from '$lib/api/client';
import type { LiveEncounterDto } from '$lib/protocol/events';
import type { Permissions } from '$lib/protocol/encounter-responses';
import type { CodeLineInput, CreateFlagInput, DocumentInput, EncounterDto, FlagDto, UpdateEncounterInput } from '$lib/protocol/encounters';

export class EncounterStore {
  enc = $state<EncounterDto | null>(null);
  notFound = $state(false);
  error = $state('');
  /** The flag whose passage is highlighted and scrolled to. */
  activeFlagId = $state<string | null>(null);
  /** Why this user can no longer see the encounter (access revoked while it was open). */
  removed = $state<string | null>(null);
  /** The newest room revision seen; a REST answer read before it is followed by the live copy. */
  private live: LiveEncounterDto | null = null;

  constructor(readonly id: string) {}

  private get base() { return `/api/encounters/${encodeURIComponent(this.id)}`; }

  async load(): Promise<void> {
    try {
      const enc = await api.get<EncounterDto>(this.base);
      this.enc = this.live ? { ...this.live, permissions: enc.permissions } : enc;
      this.error = '';
      if (this.enc.findingsPending) void this.fillFindings();
    } catch (e) {
      if (e instanceof ApiClientError && e.status === 404) this.notFound = true;
      else this.error = (e as Error).message;
    }
  }

  /**
   * Just after a server start the encounter comes before its findings (the code sets are still
   * loading): this asks for them once (the server answers when they are ready) and shows them if
   * the code lines are still the ones they were computed for.
   */
  private fillingFindings = false;
  private async fillFindings(): Promise<void> {
    if (this.fillingFindings) return;
    this.fillingFindings = true;
    try {
      const lines = JSON.stringify(this.enc?.codeLines ?? []);
      const validation = await api.get<EncounterDto['validation']>(`${this.base}/validation`);
      if (this.enc && JSON.stringify(this.enc.codeLines) === lines) this.enc = { ...this.enc, validation, findingsPending: false };
    } catch { /* the next read or change brings them */ } finally { this.fillingFindings = false; }
  }

  /** A newer revision from the room replaces the shown encounter; older or equal ones are ignored. */
  applyLive(enc: LiveEncounterDto): void {
    if (this.live && enc.revision <= this.live.revision) return;
    this.live = enc;
    if (this.enc) this.enc = { ...enc, permissions: this.enc.permissions };
    if (enc.findingsPending) void this.fillFindings();
  }
  /** The room's revision at (re)join: a stale live copy is dropped so the next load is fresh. */
  joinedAt(revision: number | null): void {
    if (revision !== null && this.live && this.live.revision < revision) this.live = null;
  }
  setPermissions(p: Permissions): void { if (this.enc) this.enc = { ...this.enc, permissions: p }; }
  markRemoved(message: string): void { this.removed = message; this.enc = null; this.live = null; }

  async update(input: UpdateEncounterInput) { this.enc = await api.patch<EncounterDto>(this.base, input); }
  async addDocument(doc: DocumentInput) { this.enc = await api.post<EncounterDto>(`${this.base}/documents`, doc); }
  async saveCodeLines(codeLines: (CodeLineInput & { id?: string })[]) { this.enc = await api.put<EncounterDto>(`${this.base}/code-lines`, { codeLines }); }
  async share(userIds: string[], teamIds: string[]) { this.enc = await api.put<EncounterDto>(`${this.base}/sharing`, { userIds, teamIds }); }
  async unpublish() { this.enc = await api.delete<EncounterDto>(`${this.base}/forum`); }

  async addFlag(input: CreateFlagInput): Promise<FlagDto> {
    const flag = await api.post<FlagDto>(`${this.base}/flags`, input);
    // The room's encounters.changed may have brought it already.
    if (this.enc) this.enc.flags = [...this.enc.flags.filter((f) => f.id !== flag.id), flag];
    this.activeFlagId = flag.id;
    return flag;
  }

  async updateFlag(flagId: string, patch: Partial<Pick<FlagDto, 'status' | 'category' | 'question'>>) {
    const flag = await api.patch<FlagDto>(`${this.base}/flags/${flagId}`, patch);
    if (this.enc) this.enc.flags = this.enc.flags.map((f) => (f.id === flag.id ? flag : f));
    // The encounter's status follows its flags on the server; re-read it quietly.
    void this.load();
  }
}
