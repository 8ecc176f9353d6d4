/** Accounts, organisations and teams: request schemas and DTOs shared by browser and server. */
import { z } from 'zod';

export const ROLES = ['coder', 'senior', 'admin'] as const;
export type Role = (typeof ROLES)[number];

const email = z.string().trim().toLowerCase().max(254).email('must be an email address');
const password = z.string().min(10, 'must be at least 10 characters').max(200, 'must be at most 200 characters');
const id = z.string().uuid('must be an id');

export const signInSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'is required').max(254),
  password: z.string().min(1, 'is required').max(200)
}).strict();

export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'is required').max(200),
  newPassword: password
}).strict();

export const createUserSchema = z.object({
  email,
  name: z.string().trim().min(1, 'is required').max(120),
  role: z.enum(ROLES),
  password,
  teamIds: z.array(id).max(20).default([])
}).strict();

export const updateUserSchema = z.object({
  name: z.string().trim().min(1).max(120).optional(),
  role: z.enum(ROLES).optional(),
  teamIds: z.array(id).max(20).optional(),
  disabled: z.boolean().optional()
}).strict().refine((v) => Object.keys(v).length > 0, 'nothing to change');

export const createTeamSchema = z.object({ name: z.string().trim().min(1, 'is required').max(80) }).strict();
export const updateTeamSchema = createTeamSchema;

export interface UserDto {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamIds: string[];
  disabled: boolean;
  createdAt: string;
}
export interface TeamDto { id: string; name: string; memberCount: number; createdAt: string }
export interface OrgDto { id: string; name: string }
export interface MeDto { user: UserDto; org: OrgDto; teams: TeamDto[] }
export interface HealthDto { status: 'ok' | 'degraded'; version: string; database: { reachable: boolean; kind: string }; codeSets?: { loaded: boolean } }

export type SignInInput = z.infer<typeof signInSchema>;
export type CreateUserInput = z.infer<typeof createUserSchema>;
export type UpdateUserInput = z.infer<typeof updateUserSchema>;
