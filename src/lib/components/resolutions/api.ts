/** Calls of the resolution, precedent, review and double-coding endpoints (docs/API.md). */
import { api } from '$lib/api/client';
import type { ResolutionDto, ResolveInput } from '$lib/protocol/resolutions';
import type { PrecedentHitDto, SimilarPrecedentsDto } from '$lib/protocol/precedents';
import type { DoubleCodingDiffDto, DoubleCodingDto, ReviewDto } from '$lib/protocol/reviews';

export interface PreviewDto { factPattern: string; candidates: { id: string; type: string; text: string; reason: string; required: boolean }[] }

export const qualityApi = {
  resolutions: (id: string) => api.get<ResolutionDto[]>(`/api/encounters/${id}/resolutions`),
  preview: (id: string, body: { flagId?: string; factPattern?: string }) => api.post<PreviewDto>(`/api/encounters/${id}/resolutions/preview`, body),
  resolve: (id: string, body: ResolveInput) => api.post<ResolutionDto>(`/api/encounters/${id}/resolutions`, body),
  reopen: (resolutionId: string, reason: string) => api.post<ResolutionDto>(`/api/resolutions/${resolutionId}/reopen`, { reason }),
  similar: (id: string) => api.get<SimilarPrecedentsDto>(`/api/encounters/${id}/precedents`),
  search: (query: string) => api.get<PrecedentHitDto[]>(`/api/precedents${query ? `?${query}` : ''}`),
  reviews: (id: string) => api.get<ReviewDto[]>(`/api/encounters/${id}/reviews`),
  reviewers: () => api.get<{ id: string; name: string; role: string }[]>('/api/reviewers'),
  requestReview: (id: string, body: { reviewerId?: string; teamId?: string; note?: string }) => api.post<ReviewDto>(`/api/encounters/${id}/reviews`, body),
  submitReview: (reviewId: string, body: unknown) => api.post<ReviewDto>(`/api/reviews/${reviewId}/review`, body),
  respond: (reviewId: string, changeId: string, body: { response: 'agree' | 'dispute'; reason?: string }) => api.post<ReviewDto>(`/api/reviews/${reviewId}/changes/${changeId}/response`, body),
  decide: (reviewId: string, changeId: string, body: { decision: 'uphold' | 'overturn'; reason: string }) => api.post<ReviewDto>(`/api/reviews/${reviewId}/changes/${changeId}/decision`, body),
  startDoubleCoding: (id: string) => api.post<DoubleCodingDto>(`/api/encounters/${id}/double-coding`, {}),
  doubleCodingOf: (id: string) => api.get<DoubleCodingDto[]>(`/api/encounters/${id}/double-coding`),
  submitCoding: (sessionId: string, codeLines: unknown[]) => api.put<DoubleCodingDto>(`/api/double-coding/${sessionId}/submission`, { codeLines }),
  /** The coder's side: the encounter's live code set as the server holds it now. */
  submitCurrentCoding: (sessionId: string) => api.put<DoubleCodingDto>(`/api/double-coding/${sessionId}/submission`, { current: true }),
  diff: (sessionId: string) => api.get<DoubleCodingDiffDto>(`/api/double-coding/${sessionId}/diff`),
  thread: (sessionId: string, key: string) => api.post<{ key: string; threadId: string }>(`/api/double-coding/${sessionId}/threads`, { key, clientId: crypto.randomUUID() })
};
