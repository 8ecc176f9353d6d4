/**
 * Which code the details panel shows. Module state so any code on the page (a table cell, a
 * search result deep inside the editor) can open it without threading callbacks through props.
 * Keeps a trail so walking parents and children can go back.
 */
import type { CodeSystemName } from '$lib/api/codes';

export interface DetailsTarget { system: CodeSystemName; code: string; date?: string }

class DetailsPanelState {
  trail = $state<DetailsTarget[]>([]);
  get current(): DetailsTarget | null { return this.trail.at(-1) ?? null; }
  /** Opening from outside the panel starts a new trail; from inside it pushes. */
  open(t: DetailsTarget, push = false) { this.trail = push ? [...this.trail, t] : [t]; }
  back() { this.trail = this.trail.slice(0, -1); }
  close() { this.trail = []; }
}

export const detailsPanel = new DetailsPanelState();
