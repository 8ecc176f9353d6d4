/**
 * One open encounter: loads it, applies every change through the API and keeps the latest
 * EncounterDto the server returned (the server is the source of truth; no optimistic edits).
 */
import { api, ApiClientError } from '$lib/api/client';
import type { CodeLineInput, CreateFlagInput, DocumentInput, EncounterDto, FlagDto, UpdateEncounterInput } from '$lib/protocol/encounters';

export class EncounterStore {
  enc = $state<EncounterDto | null>(null);
  notFound = $state(false);
  error = $state('');
  /** The flag whose passage is highlighted and scrolled to. */
  activeFlagId = $state<string | null>(null);

  constructor(readonly id: string) {}

  private get base() { return `/api/encounters/${encodeURIComponent(this.id)}`; }

  async load(): Promise<void> {
    try {
      this.enc = await api.get<EncounterDto>(this.base);
      this.error = '';
    } catch (e) {
      if (e instanceof ApiClientError && e.status === 404) this.notFound = true;
      else this.error = (e as Error).message;
    }
  }

  async update(input: UpdateEncounterInput) { this.enc = await api.patch<EncounterDto>(this.base, input); }
  async addDocument(doc: DocumentInput) { this.enc = await api.post<EncounterDto>(`${this.base}/documents`, doc); }
  async saveCodeLines(codeLines: (CodeLineInput & { id?: string })[]) { this.enc = await api.put<EncounterDto>(`${this.base}/code-lines`, { codeLines }); }
  async share(userIds: string[], teamIds: string[]) { this.enc = await api.put<EncounterDto>(`${this.base}/sharing`, { userIds, teamIds }); }
  async unpublish() { this.enc = await api.delete<EncounterDto>(`${this.base}/forum`); }

  async addFlag(input: CreateFlagInput): Promise<FlagDto> {
    const flag = await api.post<FlagDto>(`${this.base}/flags`, input);
    if (this.enc) this.enc.flags = [...this.enc.flags, flag];
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
